"""Double clicks and replayed requests arriving at the same moment count once.

These need PostgreSQL: SQLite serialises every write, so it cannot show a race.
"""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from learners import services
from learners.models import Attempt, Enrolment, LessonProgress
from tests.conftest import PARALLEL, post_at_once
from tests.learners.conftest import enrol, finish_lessons, form_data, postgres_only

pytestmark = [
    pytest.mark.postgres,
    postgres_only,
    # serialized_rollback gives later tests back what migrations made (Wagtail's
    # root page, the role groups) after this test's flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_parallel_double_submit_records_exactly_one_submission(
    resident, course, completions
):
    enrol(resident, course)
    finish_lessons(resident, course)
    attempt = services.attempt_start(user=resident, course=course)
    results = post_at_once(
        reverse("learners:attempt", args=[attempt.pk]),
        form_data(attempt),
        user=resident,
    )
    statuses = [status for status, _b in results]
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
    results = post_at_once(
        reverse("learners:assessment_start", args=[course.pk]), user=resident
    )
    statuses = [status for status, _b in results]
    assert statuses == [302] * PARALLEL
    assert Attempt.objects.count() == 1


def test_parallel_lesson_done_records_one_progress_row(resident, course):
    enrol(resident, course)
    lesson = course.get_children().first()
    post_at_once(reverse("learners:lesson_done", args=[lesson.pk]), user=resident)
    assert LessonProgress.objects.filter(lesson_id=lesson.pk).count() == 1


def test_parallel_enrol_creates_one_enrolment(resident, course):
    post_at_once(reverse("learners:enrol", args=[course.pk]), user=resident)
    assert Enrolment.objects.filter(user=resident, course=course).count() == 1
