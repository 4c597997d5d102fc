"""Who may see and do what on the learning journey's pages.

The resident owns an enrolment, progress and attempts; an anonymous visitor,
another resident, a trainer and a coordinator try every page against them.
"""

import pytest
from django.urls import reverse

from learners import services
from learners.models import Attempt, Enrolment, LessonProgress
from tests import factories
from tests.conftest import assert_sent_to_sign_in
from tests.learners.conftest import (
    age_submissions,
    enrol,
    finish_lessons,
    form_data,
    submit,
)

pytestmark = pytest.mark.django_db

VISITORS = ["anonymous", "other_resident", "trainer", "coordinator"]
STAFF_AND_OTHERS = ["other_resident", "trainer", "coordinator"]


@pytest.fixture
def records(resident, course):
    """The resident's enrolment, one lesson done, one submitted and one open
    attempt."""
    enrolment = enrol(resident, course)
    lesson = course.get_children().first().specific
    services.lesson_mark_done(user=resident, lesson=lesson)
    done = submit(
        resident, services.attempt_start(user=resident, course=course), correct=False
    )
    age_submissions(enrolment, minutes=10)
    open_attempt = services.attempt_start(user=resident, course=course)
    return {
        "enrolment": enrolment,
        "lesson": lesson,
        "submitted": done,
        "open": open_attempt,
    }


def snapshot(records):
    return (
        list(Attempt.objects.order_by("pk").values_list("status", "score", "answers")),
        LessonProgress.objects.count(),
        Enrolment.objects.count(),
    )


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_attempt_page_is_hidden_from_everyone_but_its_owner(client, visitor, records):
    url = reverse("learners:attempt", args=[records["open"].pk])
    response = client.get(url)
    if visitor is None:
        assert_sent_to_sign_in(response)
    else:
        assert response.status_code == 404
        assert "Submit answers" not in response.content.decode()


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_attempt_cannot_be_submitted_by_anyone_but_its_owner(client, visitor, records):
    before = snapshot(records)
    url = reverse("learners:attempt", args=[records["open"].pk])
    response = client.post(url, form_data(records["open"]))
    if visitor is None:
        assert_sent_to_sign_in(response)
    else:
        assert response.status_code == 404
    assert snapshot(records) == before


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_attempt_result_is_hidden_from_everyone_but_its_owner(client, visitor, records):
    url = reverse("learners:attempt_result", args=[records["submitted"].pk])
    response = client.get(url)
    if visitor is None:
        assert_sent_to_sign_in(response)
    else:
        assert response.status_code == 404
        assert "Not quite." not in response.content.decode()


def test_owner_sees_their_attempt_and_result(client, resident, records):
    client.force_login(resident)
    assert (
        client.get(reverse("learners:attempt", args=[records["open"].pk])).status_code
        == 200
    )
    result = client.get(
        reverse("learners:attempt_result", args=[records["submitted"].pk])
    )
    assert result.status_code == 200


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_dashboard_shows_only_the_visitors_own_learning(client, visitor, records):
    response = client.get(reverse("learners:dashboard"))
    if visitor is None:
        assert_sent_to_sign_in(response)
        return
    page = response.content.decode()
    assert response.status_code == 200
    assert "Fire safety at home" not in page
    assert "lessons done" not in page
    assert (
        reverse("learners:attempt_result", args=[records["submitted"].pk]) not in page
    )


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_course_and_lesson_pages_show_no_one_elses_progress(
    client, visitor, records, course
):
    for url in (course.url, records["lesson"].url):
        page = client.get(url).content.decode()
        assert "1 of 3 lessons done" not in page
        assert "Continue the assessment" not in page
        assert "You have finished this lesson." not in page


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_assessment_page_shows_no_one_elses_attempts(client, visitor, records, course):
    response = client.get(reverse("learners:assessment", args=[course.pk]))
    if visitor is None:
        assert_sent_to_sign_in(response)
        return
    page = response.content.decode()
    assert response.status_code == 200
    assert "Your attempts" not in page
    assert reverse("learners:attempt", args=[records["open"].pk]) not in page
    assert ">Enrol</button>" in page


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_lesson_done_touches_only_the_visitors_own_progress(
    client, visitor, records, course
):
    second = course.get_children().specific()[1]
    response = client.post(reverse("learners:lesson_done", args=[second.pk]))
    if visitor is None:
        assert_sent_to_sign_in(response)
    else:
        assert response.status_code == 302
    assert not LessonProgress.objects.filter(lesson=second).exists()


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_starting_an_assessment_needs_ones_own_enrolment(
    client, visitor, records, course
):
    before = snapshot(records)
    response = client.post(reverse("learners:assessment_start", args=[course.pk]))
    if visitor is None:
        assert_sent_to_sign_in(response)
    else:
        assert response.status_code == 302
        assert response.url == course.url
    assert snapshot(records) == before


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_enrolling_creates_only_the_visitors_own_enrolment(
    client, visitor, records, course, resident
):
    response = client.post(reverse("learners:enrol", args=[course.pk]))
    assert response.status_code == 302
    if visitor is None:
        assert_sent_to_sign_in(response)
        assert Enrolment.objects.count() == 1
    else:
        assert set(Enrolment.objects.values_list("user_id", flat=True)) == {
            resident.pk,
            visitor.pk,
        }


# Admin screens --------------------------------------------------------------------

ADMIN_PAGES = [
    "enrolments:index",
    "attempts:index",
]


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_only_coordinators_browse_learner_records_in_the_admin(
    client, visitor, records, name, coordinator
):
    response = client.get(reverse(name))
    page = response.content.decode()
    if visitor == coordinator:
        assert response.status_code == 200
        assert "resident" in page
    else:
        assert response.status_code == 302
        assert "Fire safety at home" not in page


def test_coordinator_inspects_an_attempt_but_cannot_change_it(
    client, coordinator, records
):
    client.force_login(coordinator)
    pk = records["submitted"].pk
    page = client.get(reverse("attempts:inspect", args=[pk])).content.decode()
    assert "Submitted" in page
    for path in ("new/", f"edit/{pk}/", f"delete/{pk}/", f"copy/{pk}/"):
        assert client.get(f"/admin/attempts/{path}").status_code == 404


def test_trainer_cannot_inspect_an_attempt(client, trainer, records):
    client.force_login(trainer)
    response = client.get(reverse("attempts:inspect", args=[records["submitted"].pk]))
    assert response.status_code == 302


def test_even_a_superuser_cannot_edit_learner_records(
    client, records, django_user_model
):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "x")
    client.force_login(admin)
    page = client.get(reverse("enrolments:index")).content.decode()
    assert "resident" in page
    assert "/admin/enrolments/new/" not in page
    assert client.get("/admin/enrolments/new/").status_code == 404


def test_coordinator_reads_attempts_and_completions_in_site_history(
    client, coordinator, records, resident, course_index
):
    short_course = factories.build_course(course_index, questions=0, lessons=1)
    enrol(resident, short_course)
    finish_lessons(resident, short_course)
    client.force_login(coordinator)
    page = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Assessment attempt submitted" in page
    assert "Assessment attempt started" in page
    assert "Course completed" in page


def test_trainer_does_not_see_learner_records_in_site_history(client, trainer, records):
    client.force_login(trainer)
    page = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Assessment attempt submitted" not in page


def test_coordinators_may_view_but_not_change_learner_records(coordinator, trainer):
    for codename in ("view_enrolment", "view_attempt"):
        assert coordinator.has_perm(f"learners.{codename}")
        assert not trainer.has_perm(f"learners.{codename}")
    assert not coordinator.has_perm("learners.change_attempt")
