"""Issue 3's whole journey on a phone: sign up, learn, fail, pass, complete.

Every page on the way is checked with axe and at 320 px wide.
"""

import re

import pytest
from django.core import mail

from learners.models import Enrolment
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "fresh-kettle-lantern-42"


@pytest.fixture
def fire_safety(course_index):
    return factories.build_course(
        course_index,
        title="Fire safety at home",
        lessons=3,
        questions=4,
        questions_per_attempt=4,
        pass_mark=75,
        cooldown_minutes=0,
    )


@pytest.fixture
def checked(assert_accessible, assert_fits):
    def check(page):
        assert page.locator("h1").count() == 1
        assert_accessible(page)
        assert_fits()

    return check


def answer_every_question(page, *, correctly: bool):
    for group in page.locator("fieldset.question").all():
        prefix = "Right" if correctly else "Wrong"
        group.get_by_role("radio", name=re.compile(rf"^{prefix} ")).first.check()
    page.get_by_role("button", name="Submit answers").click()


def test_new_resident_signs_up_learns_fails_passes_and_completes(
    page, live_server, fire_safety, checked
):
    page.goto(live_server.url + "/accounts/signup/")
    checked(page)
    page.get_by_label("Email", exact=True).fill("sam@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_label("Name on your certificates").fill("Sam Patel")
    page.get_by_role("button", name="Create account").click()
    checked(page)

    (message,) = mail.outbox
    page.goto(re.search(r"https?://\S+", message.body).group(0))
    checked(page)
    page.get_by_role("button", name="Confirm").click()

    page.goto(live_server.url + "/courses/")
    checked(page)
    page.get_by_role("link", name="Fire safety at home").click()
    checked(page)
    page.get_by_role("button", name="Enrol").click()
    checked(page)
    page.get_by_role("link", name="Continue where you left off").first.click()

    for number in (1, 2, 3):
        assert page.locator("h1").inner_text() == f"Lesson {number}"
        checked(page)
        page.get_by_role("button", name="Mark as done and continue").click()

    checked(page)
    page.get_by_role("button", name="Start the assessment").click()
    checked(page)
    html = page.content()
    assert "That is right." not in html and "Not quite." not in html
    answer_every_question(page, correctly=False)
    checked(page)
    assert page.get_by_text("Not quite.").first.is_visible()

    page.get_by_role("button", name="Try again").click()
    checked(page)
    answer_every_question(page, correctly=True)
    checked(page)
    assert page.get_by_text("That is right.").first.is_visible()

    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="My learning"
    ).click()
    checked(page)
    assert page.get_by_text("Complete").first.is_visible()
    enrolment = Enrolment.objects.get(user__email="sam@example.org")
    assert enrolment.completed_at is not None
    assert enrolment.attempts.filter(passed=False).count() == 1
    assert enrolment.attempts.filter(passed=True).count() == 1
