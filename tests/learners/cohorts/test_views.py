"""The trainer's pages: who may see them, and what taking a register and
signing off skills does.

Every page is tried by an anonymous visitor, another resident, a member of
the cohort, the cohort's trainer, a trainer of another cohort and a
coordinator.
"""

from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
)
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from academy_web.clock import academy_today
from learners.cohorts import services as cohort_services
from learners.models import Attendance, SkillSignOff
from tests import factories
from tests.conftest import assert_sent_to_sign_in
from tests.factories import PASSWORD
from tests.learners.accounts.builders import current_code
from tests.learners.cohorts.builders import (
    add_skills,
    build_cohort,
    build_session,
    make_members,
)

pytestmark = pytest.mark.django_db

REFUSED = {"anonymous": "sign_in", "other_resident": 403, "resident": 403}


@pytest.fixture
def other_trainer(db):
    return factories.make_trainer(username="other-trainer")


@pytest.fixture
def skills(course):
    return add_skills(course)


@pytest.fixture
def cohort(trainer, resident, other_resident, course, skills):
    members = [resident, *make_members(2)]
    cohort = build_cohort(name="Braunstone Park – Spring 2026", members=members)
    cohort.trainers.add(trainer)
    return cohort


@pytest.fixture
def other_cohort(other_trainer, course, skills):
    cohort = build_cohort(name="Beaumont Leys – Spring 2026", members=make_members(2))
    cohort.trainers.add(other_trainer)
    return cohort


@pytest.fixture
def session(cohort, course, trainer):
    return build_session(cohort, course, trainer=trainer)


@pytest.fixture
def other_session(other_cohort, course, other_trainer):
    return build_session(other_cohort, course, trainer=other_trainer)


def assert_refused(response, who: str):
    if REFUSED[who] == "sign_in":
        assert_sent_to_sign_in(response)
    else:
        assert response.status_code == REFUSED[who]


def page_urls(cohort, session, course) -> dict[str, str]:
    return {
        "detail": reverse("learners:cohort", args=[cohort.pk]),
        "progress": reverse("learners:cohort_progress", args=[cohort.pk]),
        "skills": reverse("learners:cohort_skills", args=[cohort.pk, course.pk]),
        "register": reverse("learners:session_register", args=[session.pk]),
    }


PAGES = ["detail", "progress", "skills", "register"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    "visitor", ["anonymous", "other_resident", "resident"], indirect=True
)
def test_residents_and_visitors_cannot_open_cohort_pages(
    client, visitor, page, cohort, session, course, request
):
    response = client.get(page_urls(cohort, session, course)[page])
    who = request.node.callspec.params["visitor"]
    assert_refused(response, who)


@pytest.mark.parametrize(
    "visitor", ["anonymous", "other_resident", "resident"], indirect=True
)
def test_residents_and_visitors_cannot_list_cohorts(client, visitor, cohort, request):
    response = client.get(reverse("learners:cohorts"))
    assert_refused(response, request.node.callspec.params["visitor"])


@pytest.mark.parametrize("page", PAGES)
def test_trainer_opens_their_own_cohorts_pages(
    client, trainer, page, cohort, session, course
):
    client.force_login(trainer)
    response = client.get(page_urls(cohort, session, course)[page])
    assert response.status_code == 200
    assert "Braunstone Park – Spring 2026" in response.content.decode()


@pytest.mark.parametrize("page", PAGES)
def test_trainer_gets_not_found_for_another_trainers_cohort(
    client, trainer, page, other_cohort, other_session, course
):
    client.force_login(trainer)
    response = client.get(page_urls(other_cohort, other_session, course)[page])
    assert response.status_code == 404


@pytest.mark.parametrize("page", PAGES)
def test_coordinator_opens_every_cohorts_pages(
    client, coordinator, page, cohort, session, other_cohort, other_session, course
):
    client.force_login(coordinator)
    for target, target_session in ((cohort, session), (other_cohort, other_session)):
        response = client.get(page_urls(target, target_session, course)[page])
        assert response.status_code == 200
        assert target.name in response.content.decode()


def test_trainer_lists_only_their_own_cohorts(client, trainer, cohort, other_cohort):
    client.force_login(trainer)
    html = client.get(reverse("learners:cohorts")).content.decode()
    assert "Braunstone Park – Spring 2026" in html
    assert "Beaumont Leys – Spring 2026" not in html


def test_coordinator_lists_every_cohort(client, coordinator, cohort, other_cohort):
    client.force_login(coordinator)
    html = client.get(reverse("learners:cohorts")).content.decode()
    assert "Braunstone Park – Spring 2026" in html
    assert "Beaumont Leys – Spring 2026" in html


def test_my_cohorts_link_shows_only_for_staff(client, resident, trainer):
    client.force_login(resident)
    assert (
        "My cohorts" not in client.get(reverse("learners:dashboard")).content.decode()
    )
    client.force_login(trainer)
    assert "My cohorts" in client.get(reverse("learners:dashboard")).content.decode()


def test_trainer_with_no_cohorts_is_told_so(client, trainer):
    client.force_login(trainer)
    response = client.get(reverse("learners:cohorts"))
    assert "You are not a trainer of any cohort yet." in response.content.decode()


# The register ---------------------------------------------------------------


def register_data(session, status="present") -> dict[str, str]:
    return {
        f"m-{pk}": status for pk in session.cohort.members.values_list("pk", flat=True)
    }


def test_register_shows_a_fieldset_and_three_choices_per_member(
    client, trainer, session
):
    client.force_login(trainer)
    html = client.get(
        reverse("learners:session_register", args=[session.pk])
    ).content.decode()
    assert html.count("<fieldset") == 3
    assert html.count("<legend>") == 3
    for label in ("Present", "Absent", "Excused"):
        assert html.count(f"> {label}</label>") == 3


def test_trainer_saves_the_register_once_and_sees_the_totals(
    client, trainer, session, resident
):
    client.force_login(trainer)
    url = reverse("learners:session_register", args=[session.pk])
    data = register_data(session)
    data[f"m-{resident.pk}"] = "excused"
    response = client.post(url, data, follow=True)
    assert "Register saved: 2 present, 0 absent, 1 excused." in (
        response.content.decode()
    )
    client.post(url, data)
    assert Attendance.objects.filter(session=session).count() == 3
    assert Attendance.objects.get(learner=resident).status == "excused"


def test_saved_marks_are_shown_checked_when_the_register_is_opened_again(
    client, trainer, session, resident
):
    client.force_login(trainer)
    url = reverse("learners:session_register", args=[session.pk])
    client.post(url, {f"m-{resident.pk}": "absent"})
    html = client.get(url).content.decode()
    assert f'name="m-{resident.pk}" value="absent" checked' in html


def test_empty_register_gets_a_message_and_saves_nothing(client, trainer, session):
    client.force_login(trainer)
    response = client.post(reverse("learners:session_register", args=[session.pk]))
    assert response.status_code == 200
    assert "Mark at least one person before saving." in response.content.decode()
    assert not Attendance.objects.exists()


def test_unknown_mark_is_shown_next_to_the_member_and_keeps_the_others(
    client, trainer, session, resident
):
    client.force_login(trainer)
    data = register_data(session)
    data[f"m-{resident.pk}"] = "late"
    response = client.post(
        reverse("learners:session_register", args=[session.pk]), data
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose present, absent or excused." in html
    assert f'id="member-{resident.pk}-error"' in html
    assert html.count('value="present" checked') == 2
    assert not Attendance.objects.exists()


def test_marks_for_people_outside_the_cohort_are_ignored(
    client, trainer, session, other_resident
):
    client.force_login(trainer)
    data = register_data(session)
    data[f"m-{other_resident.pk}"] = "present"
    client.post(reverse("learners:session_register", args=[session.pk]), data)
    assert not Attendance.objects.filter(learner=other_resident).exists()
    assert Attendance.objects.filter(session=session).count() == 3


@pytest.mark.parametrize(
    "visitor", ["anonymous", "other_resident", "resident"], indirect=True
)
def test_residents_and_visitors_cannot_save_a_register(
    client, visitor, session, request
):
    response = client.post(
        reverse("learners:session_register", args=[session.pk]),
        register_data(session),
    )
    assert_refused(response, request.node.callspec.params["visitor"])
    assert not Attendance.objects.exists()


def test_trainer_cannot_save_another_cohorts_register(client, trainer, other_session):
    client.force_login(trainer)
    response = client.post(
        reverse("learners:session_register", args=[other_session.pk]),
        register_data(other_session),
    )
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_coordinator_saves_any_cohorts_register(client, coordinator, other_session):
    client.force_login(coordinator)
    client.post(
        reverse("learners:session_register", args=[other_session.pk]),
        register_data(other_session, "absent"),
    )
    assert (
        Attendance.objects.filter(session=other_session, status="absent").count() == 2
    )


def test_cohort_page_shows_how_many_came(client, trainer, session, resident):
    cohort_services.attendance_record(
        session=session, marks={resident.pk: "present"}, recorded_by=trainer
    )
    client.force_login(trainer)
    html = client.get(reverse("learners:cohort", args=[session.cohort.pk])).content
    assert "Register taken: 1 present out of 1 marked." in html.decode()


# Practical skills -----------------------------------------------------------


def skills_url(cohort, course):
    return reverse("learners:cohort_skills", args=[cohort.pk, course.pk])


def sign_off_data(resident, skill, **fields):
    return {
        "learner": resident.pk,
        "skill": skill.pk,
        "signed_off_on": academy_today().isoformat(),
        "note": "",
        **fields,
    }


def test_skills_page_offers_each_member_a_form_dated_today(
    client, trainer, cohort, session, course, skills
):
    client.force_login(trainer)
    html = client.get(skills_url(cohort, course)).content.decode()
    assert html.count('type="date"') == 3 * 3
    assert f'value="{academy_today().isoformat()}"' in html
    for skill in skills:
        assert skill.title in html


def test_trainer_signs_off_a_skill_for_a_member(
    client, trainer, cohort, session, course, skills, resident
):
    client.force_login(trainer)
    response = client.post(
        skills_url(cohort, course),
        sign_off_data(resident, skills[0], note="Good depth and rate."),
        follow=True,
    )
    html = response.content.decode()
    assert "CPR on an adult manikin signed off for" in html
    assert "Good depth and rate." in html
    signoff = SkillSignOff.objects.get()
    assert (signoff.learner, signoff.skill, signoff.signed_off_by) == (
        resident,
        skills[0],
        trainer,
    )


def test_future_date_is_refused_next_to_the_field(
    client, trainer, cohort, session, course, skills, resident
):
    client.force_login(trainer)
    tomorrow = (academy_today() + timedelta(days=1)).isoformat()
    response = client.post(
        skills_url(cohort, course),
        sign_off_data(resident, skills[0], signed_off_on=tomorrow, note="Kept"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "The date cannot be in the future." in html
    field_id = f"so-{skills[0].pk}-{resident.pk}-signed_off_on"
    assert f'id="{field_id}_error"' in html
    assert f'aria-describedby="{field_id}_error"' in html
    assert "Kept</textarea>" in html
    assert not SkillSignOff.objects.exists()


def test_nonsense_date_is_refused_without_an_error_page(
    client, trainer, cohort, session, course, skills, resident
):
    client.force_login(trainer)
    response = client.post(
        skills_url(cohort, course),
        sign_off_data(resident, skills[0], signed_off_on="31/02/2026"),
    )
    assert response.status_code == 200
    assert "Enter a real date" in response.content.decode()


def test_tampered_sign_off_form_is_turned_away_politely(
    client, trainer, cohort, session, course
):
    client.force_login(trainer)
    response = client.post(
        skills_url(cohort, course), {"learner": "x", "skill": ""}, follow=True
    )
    assert "That form did not arrive whole." in response.content.decode()


def test_signing_off_someone_outside_the_cohort_is_not_found(
    client, trainer, cohort, session, course, skills, other_resident
):
    client.force_login(trainer)
    response = client.post(
        skills_url(cohort, course), sign_off_data(other_resident, skills[0])
    )
    assert response.status_code == 404
    assert not SkillSignOff.objects.exists()


def test_skills_page_for_a_course_the_cohort_is_not_taught_is_not_found(
    client, trainer, cohort, session, course_index
):
    other_course = factories.build_course(course_index, title="Signposting")
    client.force_login(trainer)
    assert client.get(skills_url(cohort, other_course)).status_code == 404


@pytest.mark.parametrize(
    "visitor", ["anonymous", "other_resident", "resident"], indirect=True
)
def test_residents_and_visitors_cannot_sign_off_or_undo(
    client, visitor, cohort, session, course, skills, resident, trainer, request
):
    cohort_services.skill_sign_off(
        learner=resident,
        skill=skills[1],
        signed_off_on=academy_today(),
        note="",
        signed_off_by=trainer,
    )
    who = request.node.callspec.params["visitor"]
    response = client.post(
        skills_url(cohort, course), sign_off_data(resident, skills[0])
    )
    assert_refused(response, who)
    response = client.post(
        reverse("learners:cohort_skill_undo", args=[cohort.pk, course.pk]),
        {"learner": resident.pk, "skill": skills[1].pk},
    )
    assert_refused(response, who)
    assert list(SkillSignOff.objects.values_list("skill", flat=True)) == [skills[1].pk]


def test_trainer_cannot_sign_off_in_another_trainers_cohort(
    client, trainer, other_cohort, other_session, course, skills
):
    member = other_cohort.members.first()
    client.force_login(trainer)
    response = client.post(
        skills_url(other_cohort, course), sign_off_data(member, skills[0])
    )
    assert response.status_code == 404
    assert not SkillSignOff.objects.exists()


def test_coordinator_signs_off_in_any_cohort(
    client, coordinator, other_cohort, other_session, course, skills
):
    member = other_cohort.members.first()
    client.force_login(coordinator)
    client.post(skills_url(other_cohort, course), sign_off_data(member, skills[0]))
    assert SkillSignOff.objects.filter(learner=member).count() == 1


def test_trainer_undoes_their_own_sign_off(
    client, trainer, cohort, session, course, skills, resident
):
    client.force_login(trainer)
    client.post(skills_url(cohort, course), sign_off_data(resident, skills[0]))
    response = client.post(
        reverse("learners:cohort_skill_undo", args=[cohort.pk, course.pk]),
        {"learner": resident.pk, "skill": skills[0].pk},
        follow=True,
    )
    assert "The sign-off of CPR on an adult manikin for" in response.content.decode()
    assert not SkillSignOff.objects.exists()


def test_trainer_is_not_offered_undo_of_a_colleagues_sign_off(
    client, trainer, cohort, session, course, skills, resident
):
    colleague = factories.make_trainer(username="colleague")
    cohort.trainers.add(colleague)
    cohort_services.skill_sign_off(
        learner=resident,
        skill=skills[0],
        signed_off_on=academy_today(),
        note="",
        signed_off_by=colleague,
    )
    client.force_login(trainer)
    html = client.get(skills_url(cohort, course)).content.decode()
    assert "Signed off" in html
    assert "Undo sign-off" not in html
    response = client.post(
        reverse("learners:cohort_skill_undo", args=[cohort.pk, course.pk]),
        {"learner": resident.pk, "skill": skills[0].pk},
    )
    assert response.status_code == 403
    assert SkillSignOff.objects.count() == 1


def test_coordinator_undoes_anyones_sign_off(
    client, coordinator, trainer, cohort, session, course, skills, resident
):
    cohort_services.skill_sign_off(
        learner=resident,
        skill=skills[0],
        signed_off_on=academy_today(),
        note="",
        signed_off_by=trainer,
    )
    client.force_login(coordinator)
    client.post(
        reverse("learners:cohort_skill_undo", args=[cohort.pk, course.pk]),
        {"learner": resident.pk, "skill": skills[0].pk},
    )
    assert not SkillSignOff.objects.exists()


# The trainer's view -----------------------------------------------------------


def test_progress_page_shows_who_is_stuck_and_what_is_still_needed(
    client, trainer, cohort, session, course, skills, resident
):
    from learners import services

    enrolment = services.enrolment_create(user=resident, course=course)
    enrolment.__class__.objects.filter(pk=enrolment.pk).update(
        enrolled_at=timezone.now() - timedelta(days=30)
    )
    client.force_login(trainer)
    html = client.get(
        reverse("learners:cohort_progress", args=[cohort.pk])
    ).content.decode()
    assert "Who needs help" in html
    assert "No lessons or attempts since" in html
    assert "Skills to sign off: CPR on an adult manikin" in html
    assert "Complete: Fire safety at home" in html


def test_visitor_undoing_is_sent_to_sign_in_and_back_to_the_skills_page(
    client, cohort, session, course, skills, resident
):
    response = client.post(
        reverse("learners:cohort_skill_undo", args=[cohort.pk, course.pk]),
        {"learner": resident.pk, "skill": skills[0].pk},
    )
    assert_sent_to_sign_in(response)
    assert response.url.endswith("?next=" + skills_url(cohort, course))


# Two-factor authentication ----------------------------------------------------


@pytest.fixture
def staff_mfa(settings):
    settings.ACADEMY_STAFF_MFA_REQUIRED = True


def test_cohort_list_asks_staff_to_set_up_two_factor_where_required(
    client, staff_mfa, trainer, cohort
):
    client.force_login(trainer)
    response = client.get(reverse("learners:cohorts"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


@pytest.mark.parametrize("page", PAGES)
def test_cohort_pages_ask_staff_for_their_second_factor_where_required(
    client, staff_mfa, trainer, page, cohort, session, course
):
    TOTP.activate(trainer, generate_totp_secret())
    client.force_login(trainer)
    url = page_urls(cohort, session, course)[page]

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_reauthenticate"))
    assert "Braunstone Park" not in response.content.decode()


def test_trainer_without_two_factor_cannot_undo_a_sign_off(
    client, staff_mfa, trainer, cohort, course, skills, resident
):
    cohort_services.skill_sign_off(
        learner=resident,
        skill=skills[0],
        signed_off_on=academy_today(),
        note="",
        signed_off_by=trainer,
    )
    client.force_login(trainer)
    response = client.post(
        reverse("learners:cohort_skill_undo", args=[cohort.pk, course.pk]),
        {"learner": resident.pk, "skill": skills[0].pk},
        HTTP_REFERER="http://testserver" + skills_url(cohort, course),
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))
    # Back to the skills page afterwards: the undo address only takes posts.
    assert response.url.endswith("?" + urlencode({"next": skills_url(cohort, course)}))
    assert SkillSignOff.objects.exists()


def test_a_post_from_another_site_comes_back_to_its_own_address(
    client, staff_mfa, trainer, cohort, course, skills, resident
):
    client.force_login(trainer)
    undo_url = reverse("learners:cohort_skill_undo", args=[cohort.pk, course.pk])
    response = client.post(
        undo_url,
        {"learner": resident.pk, "skill": skills[0].pk},
        HTTP_REFERER="https://elsewhere.example.org/page/",
    )
    assert response.url.endswith("?" + urlencode({"next": undo_url}))


def test_trainer_who_used_their_second_factor_reads_progress(
    client, staff_mfa, trainer, cohort
):
    secret = generate_totp_secret()
    TOTP.activate(trainer, secret)
    response = client.post(
        reverse("account_login"), {"login": trainer.username, "password": PASSWORD}
    )
    code = current_code(secret)
    client.post(response["Location"], {"code": code})

    response = client.get(reverse("learners:cohort_progress", args=[cohort.pk]))

    assert response.status_code == 200
    assert "Progress: Braunstone Park – Spring 2026" in response.content.decode()


def test_residents_are_refused_rather_than_asked_for_a_second_factor(
    client, staff_mfa, resident, cohort
):
    client.force_login(resident)
    response = client.get(reverse("learners:cohort_progress", args=[cohort.pk]))
    assert response.status_code == 403
