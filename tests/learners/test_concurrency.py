"""Double clicks and replayed requests arriving at the same moment count once.

These need PostgreSQL: SQLite serialises every write, so it cannot show a race.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from learners import services
from learners.models import Attempt, Enrolment, LessonProgress
from tests.learners.conftest import enrol, finish_lessons, form_data, postgres_only

pytestmark = [
    pytest.mark.postgres,
    postgres_only,
    # serialized_rollback gives later tests back what migrations made (Wagtail's
    # root page, the role groups) after this test's flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PARALLEL = 6


def post_at_once(user, url, data=None) -> list[int]:
    """Sends the same POST from several threads released together."""
    barrier = threading.Barrier(PARALLEL)
    statuses: list[int] = []
    errors: list[BaseException] = []

    def send():
        try:
            browser = Client()
            browser.force_login(user)
            barrier.wait()
            statuses.append(browser.post(url, data or {}).status_code)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return statuses


def test_parallel_double_submit_records_exactly_one_submission(
    resident, course, completions
):
    enrol(resident, course)
    finish_lessons(resident, course)
    attempt = services.attempt_start(user=resident, course=course)
    statuses = post_at_once(
        resident, reverse("learners:attempt", args=[attempt.pk]), form_data(attempt)
    )
    assert statuses == [302] * PARALLEL
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.passed is True
    submits = ModelLogEntry.objects.for_instance(attempt).filter(
        action="learners.attempt_submit"
    )
    assert submits.count() == 1
    enrolment = Enrolment.objects.get(user=resident, course=course)
    assert completions == [(Enrolment, enrolment.pk)]
    assert (
        ModelLogEntry.objects.for_instance(enrolment)
        .filter(action="learners.course_complete")
        .count()
        == 1
    )


def test_parallel_starts_open_exactly_one_attempt(resident, course):
    enrol(resident, course)
    statuses = post_at_once(
        resident, reverse("learners:assessment_start", args=[course.pk])
    )
    assert statuses == [302] * PARALLEL
    assert Attempt.objects.count() == 1


def test_parallel_lesson_done_records_one_progress_row(resident, course):
    enrol(resident, course)
    lesson = course.get_children().first()
    post_at_once(resident, reverse("learners:lesson_done", args=[lesson.pk]))
    assert LessonProgress.objects.filter(lesson_id=lesson.pk).count() == 1


def test_parallel_enrol_creates_one_enrolment(resident, course):
    post_at_once(resident, reverse("learners:enrol", args=[course.pk]))
    assert Enrolment.objects.filter(user=resident, course=course).count() == 1
