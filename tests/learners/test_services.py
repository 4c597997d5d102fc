from collections import Counter
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone
from wagtail import hooks
from wagtail.models import ModelLogEntry

from learners import selectors, services
from learners.models import Attempt, Enrolment, LessonProgress
from learners.selectors import AssessmentState
from learners.signals import assessment_passed
from tests import factories
from tests.learners.conftest import (
    age_submissions,
    answers_for,
    enrol,
    fail_attempt,
    finish_lessons,
    require,
    submit,
)

pytestmark = pytest.mark.django_db


def actions_for(instance) -> list[str]:
    return list(
        ModelLogEntry.objects.for_instance(instance)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


# Enrolment -------------------------------------------------------------------


def test_resident_enrols_on_course_without_prerequisites(resident, course):
    enrolment = enrol(resident, course)
    assert Enrolment.objects.get(user=resident, course=course) == enrolment
    assert actions_for(enrolment) == ["learners.enrol"]


def test_enrolling_twice_keeps_one_enrolment(resident, course):
    first = enrol(resident, course)
    second = enrol(resident, course)
    assert first == second
    assert Enrolment.objects.filter(user=resident).count() == 1


def test_enrolment_is_refused_until_prerequisites_are_complete(
    resident, course, course_index
):
    advanced = factories.build_course(course_index, title="Advanced fire safety")
    require(advanced, course)
    with pytest.raises(services.PrerequisitesNotMet) as refusal:
        enrol(resident, advanced)
    assert [c.pk for c in refusal.value.courses] == [course.pk]
    assert not Enrolment.objects.filter(course=advanced).exists()


def test_enrolment_opens_once_prerequisite_is_complete(
    resident, course_index, completions
):
    basics = factories.build_course(course_index, title="Basics", questions=0)
    advanced = factories.build_course(course_index, title="Advanced")
    require(advanced, basics)
    enrol(resident, basics)
    finish_lessons(resident, basics)
    assert enrol(resident, advanced).course_id == advanced.pk


def test_unpublished_prerequisite_does_not_lock_a_course(
    resident, course, course_index
):
    advanced = factories.build_course(course_index, title="Advanced")
    require(advanced, course)
    course.unpublish()
    assert enrol(resident, advanced).course_id == advanced.pk


def test_signed_out_visitor_cannot_enrol(course):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.enrolment_create(user=AnonymousUser(), course=course)


# Lesson progress --------------------------------------------------------------


def test_marking_a_lesson_done_twice_counts_once(resident, course, enrolled):
    lesson = course.get_children().first().specific
    services.lesson_mark_done(user=resident, lesson=lesson)
    services.lesson_mark_done(user=resident, lesson=lesson)
    assert LessonProgress.objects.filter(enrolment=enrolled).count() == 1


def test_marking_a_lesson_done_needs_an_enrolment(resident, course):
    lesson = course.get_children().first().specific
    with pytest.raises(services.NotEnrolled):
        services.lesson_mark_done(user=resident, lesson=lesson)
    assert not LessonProgress.objects.exists()


# Completion -------------------------------------------------------------------


def test_course_without_assessment_completes_when_lessons_are_done(
    resident, course_index, completions
):
    course = factories.build_course(course_index, questions=0, lessons=2)
    enrolment = enrol(resident, course)
    lessons = list(course.get_children().specific())
    services.lesson_mark_done(user=resident, lesson=lessons[0])
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    services.lesson_mark_done(user=resident, lesson=lessons[1])
    services.lesson_mark_done(user=resident, lesson=lessons[1])
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert completions == [(Enrolment, enrolment.pk)]
    assert actions_for(enrolment).count("learners.course_complete") == 1


def test_lessons_alone_do_not_complete_a_course_with_an_assessment(
    resident, course, enrolled, completions
):
    finish_lessons(resident, course)
    enrolled.refresh_from_db()
    assert enrolled.completed_at is None
    assert completions == []


def test_passing_after_the_lessons_completes_the_course_once(
    resident, course, enrolled, completions
):
    finish_lessons(resident, course)
    attempt = services.attempt_start(user=resident, course=course)
    answers = answers_for(attempt)
    services.attempt_submit(attempt=attempt, answers=answers, user=resident)
    services.attempt_submit(attempt=attempt, answers=answers, user=resident)
    enrolled.refresh_from_db()
    assert enrolled.completed_at is not None
    assert completions == [(Enrolment, enrolled.pk)]


def test_passing_before_the_last_lesson_completes_on_that_lesson(
    resident, course, enrolled, completions
):
    submit(resident, services.attempt_start(user=resident, course=course))
    enrolled.refresh_from_db()
    assert enrolled.completed_at is None
    finish_lessons(resident, course)
    enrolled.refresh_from_db()
    assert enrolled.completed_at is not None
    assert len(completions) == 1


def test_completion_time_is_recorded_once(resident, course_index, completions):
    course = factories.build_course(course_index, questions=0, lessons=1)
    enrolment = enrol(resident, course)
    finish_lessons(resident, course)
    enrolment.refresh_from_db()
    first = enrolment.completed_at
    finish_lessons(resident, course)
    enrolment.refresh_from_db()
    assert enrolment.completed_at == first


# Attempts ---------------------------------------------------------------------


def test_attempt_draws_the_set_number_of_questions_from_the_bank(
    resident, course_index
):
    course = factories.build_course(course_index, questions=6, questions_per_attempt=3)
    enrol(resident, course)
    attempt = services.attempt_start(user=resident, course=course)
    bank = {q.id: q for q in course.get_questions()}
    drawn = selectors.attempt_questions(attempt)
    assert len(drawn) == 3
    assert len({q.id for q in drawn}) == 3
    for question in drawn:
        original = bank[question.id]
        assert sorted(o.id for o in question.options) == sorted(
            o.id for o in original.options
        )
        assert question.correct_ids == original.correct_ids
    assert attempt.pass_mark == course.pass_mark
    assert attempt.number == 1
    assert actions_for(attempt) == ["learners.attempt_start"]


def test_options_are_shuffled_and_the_order_is_kept(resident, course, enrolled):
    bank_orders = {q.id: [o.id for o in q.options] for q in course.get_questions()}
    orders = set()
    for _ in range(12):
        attempt = services.attempt_start(user=resident, course=course)
        stored = Attempt.objects.get(pk=attempt.pk)
        for question in stored.questions:
            orders.add(tuple(o["id"] for o in question["options"]))
        Attempt.objects.filter(pk=attempt.pk).update(status=Attempt.Status.EXPIRED)
    # 4 questions of 3 options over 12 attempts: the bank order cannot be all.
    assert len(orders) > len(bank_orders)


def test_drawn_questions_do_not_change_when_the_bank_is_edited(
    resident, course, open_attempt
):
    before = Attempt.objects.get(pk=open_attempt.pk).questions
    course.question_bank = [
        factories.true_false("A new statement", True),
    ]
    course.questions_per_attempt = 1
    course.save()
    assert Attempt.objects.get(pk=open_attempt.pk).questions == before


def test_starting_again_returns_the_open_attempt(resident, course, open_attempt):
    again = services.attempt_start(user=resident, course=course)
    assert again.pk == open_attempt.pk
    assert Attempt.objects.count() == 1


def test_attempt_needs_an_enrolment(resident, course):
    with pytest.raises(services.NotEnrolled):
        services.attempt_start(user=resident, course=course)


def test_correct_answers_pass_and_are_recorded(resident, course, open_attempt):
    submission = services.attempt_submit(
        attempt=open_attempt, answers=answers_for(open_attempt), user=resident
    )
    attempt = Attempt.objects.get(pk=open_attempt.pk)
    assert submission.recorded
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.score == 100
    assert attempt.passed is True
    assert attempt.submitted_at is not None
    assert actions_for(attempt) == ["learners.attempt_start", "learners.attempt_submit"]


def test_second_submit_of_same_attempt_is_ignored(resident, course, open_attempt):
    submit(resident, open_attempt, correct=False)
    again = services.attempt_submit(
        attempt=open_attempt, answers=answers_for(open_attempt), user=resident
    )
    attempt = Attempt.objects.get(pk=open_attempt.pk)
    assert not again.recorded
    assert attempt.passed is False
    assert attempt.score == 0
    assert actions_for(attempt).count("learners.attempt_submit") == 1


def test_another_resident_cannot_submit_an_attempt(
    other_resident, course, open_attempt
):
    with pytest.raises(PermissionDenied):
        services.attempt_submit(
            attempt=open_attempt, answers=answers_for(open_attempt), user=other_resident
        )
    assert Attempt.objects.get(pk=open_attempt.pk).status == "in_progress"


def test_incomplete_answers_are_refused_by_the_service(resident, open_attempt):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.attempt_submit(attempt=open_attempt, answers={}, user=resident)
    assert Attempt.objects.get(pk=open_attempt.pk).status == "in_progress"


def test_attempts_stop_at_the_maximum(resident, course_index):
    course = factories.build_course(course_index, max_attempts=2, cooldown_minutes=0)
    enrolment = enrol(resident, course)
    fail_attempt(resident, course)
    fail_attempt(resident, course)
    with pytest.raises(services.AttemptRefused) as refusal:
        services.attempt_start(user=resident, course=course)
    assert refusal.value.status.state == AssessmentState.NO_ATTEMPTS_LEFT
    assert enrolment.attempts.count() == 2


def test_cooldown_refuses_a_new_attempt_and_says_when(resident, course, enrolled):
    failed = fail_attempt(resident, course)
    with pytest.raises(services.AttemptRefused) as refusal:
        services.attempt_start(user=resident, course=course)
    status = refusal.value.status
    assert status.state == AssessmentState.COOLING_DOWN
    assert status.available_at == failed.submitted_at + timedelta(minutes=5)


def test_new_attempt_is_allowed_after_the_cooldown(resident, course, enrolled):
    fail_attempt(resident, course)
    age_submissions(enrolled, minutes=6)
    attempt = services.attempt_start(user=resident, course=course)
    assert attempt.number == 2


def test_passed_assessment_cannot_be_retaken(resident, course, open_attempt):
    submit(resident, open_attempt)
    with pytest.raises(services.AttemptRefused) as refusal:
        services.attempt_start(user=resident, course=course)
    assert refusal.value.status.state == AssessmentState.PASSED


# Retakes ----------------------------------------------------------------------


@pytest.fixture
def retake_due():
    """Every passed course is due for a retake, as a later app might say."""

    def due(*, user, course_ids):
        return course_ids

    with hooks.register_temporarily(selectors.RETAKES_DUE_HOOK, due):
        yield


@pytest.fixture
def passes():
    """Every ``assessment_passed`` signal sent while the test runs."""
    received = []

    def receiver(sender, attempt, enrolment, completed, **kwargs):
        received.append((attempt.number, completed))

    assessment_passed.connect(receiver, weak=False)
    yield received
    assessment_passed.disconnect(receiver)


def pass_course(user, course) -> Enrolment:
    enrolment = enrol(user, course)
    finish_lessons(user, course)
    submit(user, services.attempt_start(user=user, course=course))
    return enrolment


def test_passed_assessment_opens_again_when_a_retake_is_due(
    resident, course, retake_due
):
    enrolment = pass_course(resident, course)
    age_submissions(enrolment, minutes=6)

    status = selectors.course_progress(user=resident, course=course).assessment
    attempt = services.attempt_start(user=resident, course=course)

    assert (status.state, status.retake) == (AssessmentState.AVAILABLE, True)
    assert (status.attempts_used, status.attempts_left) == (0, course.max_attempts)
    assert attempt.number == 2


def test_attempts_used_before_the_pass_do_not_block_a_retake(
    resident, course_index, retake_due
):
    course = factories.build_course(course_index, max_attempts=2, cooldown_minutes=0)
    enrolment = enrol(resident, course)
    finish_lessons(resident, course)
    fail_attempt(resident, course)
    submit(resident, services.attempt_start(user=resident, course=course))

    fail_attempt(resident, course)
    fail_attempt(resident, course)
    with pytest.raises(services.AttemptRefused) as refusal:
        services.attempt_start(user=resident, course=course)

    assert refusal.value.status.state == AssessmentState.NO_ATTEMPTS_LEFT
    assert refusal.value.status.retake is True
    assert enrolment.attempts.count() == 4


def test_the_cooldown_after_a_pass_applies_to_the_retake(resident, course, retake_due):
    pass_course(resident, course)

    with pytest.raises(services.AttemptRefused) as refusal:
        services.attempt_start(user=resident, course=course)

    assert refusal.value.status.state == AssessmentState.COOLING_DOWN


def test_every_pass_is_announced_and_completion_only_once(
    resident, course, retake_due, passes, completions
):
    enrolment = pass_course(resident, course)
    age_submissions(enrolment, minutes=6)
    fail_attempt(resident, course)
    age_submissions(enrolment, minutes=6)
    submit(resident, services.attempt_start(user=resident, course=course))

    assert passes == [(1, True), (3, False)]
    assert len(completions) == 1
    enrolment.refresh_from_db()
    assert selectors.course_progress(user=resident, course=course).is_complete


def test_a_pass_recorded_elsewhere_is_announced_when_handed_over(
    resident, course, passes
):
    enrolment = pass_course(resident, course)
    paper = Attempt.objects.create(
        enrolment=enrolment,
        number=2,
        status=Attempt.Status.SUBMITTED,
        source=Attempt.Source.PAPER,
        expires_at=timezone.now(),
        submitted_at=timezone.now(),
        pass_mark=80,
        score=90,
        passed=True,
    )

    completed = services.enrolment_complete_if_done(
        enrolment=enrolment, passed_attempt=paper
    )

    assert completed is False
    assert passes == [(1, True), (2, False)]


def test_no_retake_without_an_app_saying_one_is_due(resident, course):
    enrolment = pass_course(resident, course)
    age_submissions(enrolment, minutes=60 * 24 * 365 * 4)

    with pytest.raises(services.AttemptRefused) as refusal:
        services.attempt_start(user=resident, course=course)

    assert refusal.value.status.state == AssessmentState.PASSED
    assert refusal.value.status.retake is False


# Expiry -----------------------------------------------------------------------


def expire_now(attempt: Attempt) -> None:
    Attempt.objects.filter(pk=attempt.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    attempt.refresh_from_db()


def test_answers_after_expiry_are_refused_and_the_attempt_expires(
    resident, open_attempt
):
    expire_now(open_attempt)
    with pytest.raises(services.AttemptExpired):
        submit(resident, open_attempt)
    attempt = Attempt.objects.get(pk=open_attempt.pk)
    assert attempt.status == Attempt.Status.EXPIRED
    assert attempt.score is None
    assert actions_for(attempt) == ["learners.attempt_start", "learners.attempt_expire"]


def test_expired_attempts_do_not_count_towards_the_limit(resident, course_index):
    course = factories.build_course(course_index, max_attempts=1)
    enrol(resident, course)
    first = services.attempt_start(user=resident, course=course)
    expire_now(first)
    second = services.attempt_start(user=resident, course=course)
    assert second.number == 2
    assert Attempt.objects.get(pk=first.pk).status == Attempt.Status.EXPIRED


def test_expire_command_marks_abandoned_attempts_once(
    resident, other_resident, course, open_attempt, capsys
):
    enrol(other_resident, course)
    fresh = services.attempt_start(user=other_resident, course=course)
    expire_now(open_attempt)
    call_command("expire_attempts")
    call_command("expire_attempts")
    statuses = dict(Attempt.objects.values_list("pk", "status"))
    assert statuses == {open_attempt.pk: "expired", fresh.pk: "in_progress"}
    assert "Expired 1 abandoned attempt" in capsys.readouterr().out
    assert Counter(actions_for(open_attempt))["learners.attempt_expire"] == 1
