"""A trainer on a phone: signs in, opens their cohort, takes the register for
a session and signs off CPR for a resident.

Every page on the way is checked with axe and at 320 px wide.
"""

import pytest

from learners.models import Attendance, SkillSignOff
from tests import factories
from tests.factories import PASSWORD
from tests.learners.cohorts.builders import add_skills, build_cohort, build_session

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def checked(assert_accessible, assert_fits):
    def check(page, heading):
        assert page.locator("h1").count() == 1
        assert page.locator("h1").inner_text().strip() == heading
        assert_accessible(page)
        assert_fits()

    return check


@pytest.fixture
def first_aid(course_index):
    course = factories.build_course(course_index, title="First aid essentials")
    add_skills(course)
    return course


@pytest.fixture
def people(db):
    return [
        factories.make_resident(username=username, first_name=first, last_name=last)
        for username, first, last in (
            ("amira", "Amira", "Khan"),
            ("tomasz", "Tomasz", "Nowak"),
            ("hodan", "Hodan", "Ali"),
        )
    ]


@pytest.fixture
def session(trainer, people, first_aid):
    cohort = build_cohort(
        name="Braunstone Park – Spring 2026", trainers=[trainer], members=people
    )
    build_cohort(name="Beaumont Leys – Summer 2026")
    return build_session(
        cohort, first_aid, trainer=trainer, venue="Braunstone Park Community Centre"
    )


def back_to_cohort(page):
    page.get_by_role("navigation", name="Breadcrumb").get_by_role(
        "link", name="Braunstone Park – Spring 2026"
    ).click()


def test_trainer_takes_the_register_and_signs_off_cpr_on_a_phone(
    page, live_server, trainer, session, people, checked
):
    amira, tomasz, hodan = people
    page.goto(live_server.url + "/accounts/login/")
    checked(page, "Sign in")
    page.get_by_label("Username or email").fill(trainer.username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="My cohorts"
    ).click()
    checked(page, "My cohorts")
    assert page.get_by_text("Beaumont Leys – Summer 2026").count() == 0
    page.get_by_role("link", name="Braunstone Park – Spring 2026").click()
    checked(page, "Braunstone Park – Spring 2026")

    page.get_by_role("link", name="Take the register for First aid essentials").click()
    checked(page, "Register: First aid essentials")
    marks = {"Amira Khan": "Present", "Tomasz Nowak": "Absent", "Hodan Ali": "Excused"}
    for name, mark in marks.items():
        page.get_by_role("group", name=name).get_by_label(mark).check()
    page.get_by_role("button", name="Save the register").click()
    assert (
        page.get_by_role("status")
        .get_by_text("Register saved: 1 present, 1 absent, 1 excused.")
        .is_visible()
    )
    checked(page, "Register: First aid essentials")
    assert (
        page.get_by_role("group", name="Tomasz Nowak")
        .get_by_label("Absent")
        .is_checked()
    )

    back_to_cohort(page)
    page.get_by_role("link", name="Sign off skills: First aid essentials").click()
    checked(page, "Practical skills: First aid essentials")
    page.get_by_role(
        "button", name="Sign off CPR on an adult manikin for Amira Khan"
    ).click()
    assert (
        page.get_by_role("status")
        .get_by_text("CPR on an adult manikin signed off for Amira Khan.")
        .is_visible()
    )
    checked(page, "Practical skills: First aid essentials")
    assert page.get_by_role(
        "button", name="Undo sign-off of CPR on an adult manikin for Amira Khan"
    ).is_visible()

    back_to_cohort(page)
    page.get_by_role("link", name="See who has done what").click()
    checked(page, "Progress: Braunstone Park – Spring 2026")

    assert dict(
        Attendance.objects.filter(session=session).values_list(
            "learner__username", "status"
        )
    ) == {"amira": "present", "tomasz": "absent", "hodan": "excused"}
    signoff = SkillSignOff.objects.get()
    assert (signoff.learner, signoff.skill.title, signoff.signed_off_by) == (
        amira,
        "CPR on an adult manikin",
        trainer,
    )
