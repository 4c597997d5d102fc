"""Writes for the learning journey: enrolment, lesson progress, assessment
attempts and course completion.

Each service runs in one transaction, checks who may act, validates, saves,
writes Wagtail's audit log and sends the signal. Where two requests may race
(a double click, a replayed form) the row is locked or updated conditionally,
so the effect happens once.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from courses.grading import grade_attempt
from courses.models import CoursePage, LessonPage
from courses.questions import Question
from courses.selectors import lesson_list

from .models import Attempt, Enrolment, LessonProgress
from .selectors import (
    AssessmentState,
    AssessmentStatus,
    assessment_status,
    attempt_duration_minutes,
    attempt_number_next,
    attempt_overdue,
    attempt_questions,
    courses_due_for_retake,
    has_passed,
    missing_prerequisites,
    stale_attempts,
)
from .signals import assessment_passed, course_completed


class PrerequisitesNotMet(Exception):
    def __init__(self, courses: list[CoursePage]):
        super().__init__("Finish the prerequisite courses first.")
        self.courses = courses


class AttemptRefused(Exception):
    """Starting an attempt is not allowed now; ``status`` says why and until when."""

    def __init__(self, status: AssessmentStatus):
        super().__init__(status.state)
        self.status = status


class AttemptExpired(Exception):
    pass


class NotEnrolled(Exception):
    pass


def _require_signed_in(user) -> None:
    if user is None or not user.is_authenticated:
        raise PermissionDenied


def _course_of(lesson: LessonPage) -> CoursePage:
    return CoursePage.objects.ancestor_of(lesson).get()


@transaction.atomic
def enrolment_create(*, user, course: CoursePage, enrolled_by=None) -> Enrolment:
    """Enrols the learner on a live course once its prerequisites are complete.

    Enrolling again returns the existing enrolment. ``enrolled_by`` is the
    member of staff acting for the learner, if any; the audit log names them.
    """
    _require_signed_in(user)
    if not course.live:
        raise PermissionDenied
    enrolment = Enrolment.objects.filter(user=user, course=course).first()
    if enrolment is not None:
        return enrolment
    missing = missing_prerequisites(user=user, course=course)
    if missing:
        raise PrerequisitesNotMet(missing)
    enrolment, created = Enrolment.objects.get_or_create(user=user, course=course)
    if created:
        log(
            instance=enrolment,
            action="learners.enrol",
            user=enrolled_by or user,
            data={"course_id": course.pk},
        )
    return enrolment


def _lock_enrolment(enrolment: Enrolment) -> Enrolment:
    return (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("course", "user")
        .get(pk=enrolment.pk)
    )


def _complete_if_done(enrolment: Enrolment) -> bool:
    """Records completion once, when every live lesson is done and the
    assessment (if the course has one) is passed. Must run in a transaction."""
    enrolment = _lock_enrolment(enrolment)
    if enrolment.completed_at is not None:
        return False
    course = enrolment.course
    lesson_ids = set(lesson_list(course=course).values_list("pk", flat=True))
    done_ids = set(
        LessonProgress.objects.filter(
            enrolment=enrolment, lesson_id__in=lesson_ids
        ).values_list("lesson_id", flat=True)
    )
    if done_ids != lesson_ids:
        return False
    if (
        course.has_assessment
        and not enrolment.attempts.filter(
            status=Attempt.Status.SUBMITTED, passed=True
        ).exists()
    ):
        return False
    enrolment.completed_at = timezone.now()
    enrolment.full_clean()
    enrolment.save(update_fields=["completed_at"])
    log(
        instance=enrolment,
        action="learners.course_complete",
        user=enrolment.user,
        data={"course_id": course.pk},
    )
    course_completed.send(sender=Enrolment, enrolment=enrolment)
    return True


def _announce_pass(attempt: Attempt, *, completed: bool) -> None:
    """Sends ``assessment_passed``; must run in the transaction that recorded
    the pass."""
    assessment_passed.send(
        sender=Attempt,
        attempt=attempt,
        enrolment=attempt.enrolment,
        completed=completed,
    )


@transaction.atomic
def enrolment_complete_if_done(
    *, enrolment: Enrolment, passed_attempt: Attempt | None = None
) -> bool:
    """Records completion once if everything is done; for results recorded
    outside this module, such as paper assessments entered by staff.

    Pass the attempt just recorded as ``passed_attempt`` (when it passed) so
    that ``assessment_passed`` is sent for it, as for an online pass; a pass
    on a course already complete is how a retake renews a certificate.
    """
    completed = _complete_if_done(enrolment)
    if passed_attempt is not None and passed_attempt.passed:
        _announce_pass(passed_attempt, completed=completed)
    return completed


@transaction.atomic
def lesson_mark_done(*, user, lesson: LessonPage) -> LessonProgress:
    """Records that the learner finished a lesson; marking it again changes nothing."""
    _require_signed_in(user)
    if not lesson.live:
        raise PermissionDenied
    enrolment = Enrolment.objects.filter(user=user, course=_course_of(lesson)).first()
    if enrolment is None:
        raise NotEnrolled
    progress, created = LessonProgress.objects.get_or_create(
        enrolment=enrolment, lesson=lesson
    )
    if created:
        _complete_if_done(enrolment)
    return progress


def _draw(course: CoursePage, rng: secrets.SystemRandom) -> list[dict]:
    bank = course.get_questions()
    drawn = rng.sample(bank, k=min(course.questions_per_attempt, len(bank)))
    snapshot = []
    for question in drawn:
        options = list(question.options)
        rng.shuffle(options)
        snapshot.append(replace(question, options=tuple(options)).to_dict())
    return snapshot


@transaction.atomic
def attempt_expire_if_due(*, attempt: Attempt, now: datetime | None = None) -> bool:
    """Marks an attempt whose time is up as expired, once, and says whether
    this call did.

    The one place an attempt expires: starting and submitting an attempt and
    the ``expire_attempts`` command call it. Pages never do; they show
    ``selectors.attempt_expired`` instead. The update is conditional, so two
    callers racing expire the attempt and log it once.
    """
    now = now or timezone.now()
    if not attempt_overdue(attempt, now=now):
        return False
    updated = Attempt.objects.filter(
        pk=attempt.pk, status=Attempt.Status.IN_PROGRESS, expires_at__lte=now
    ).update(status=Attempt.Status.EXPIRED)
    if updated:
        attempt.status = Attempt.Status.EXPIRED
        log(
            instance=attempt,
            action="learners.attempt_expire",
            user=None,
            data={"number": attempt.number},
        )
    return bool(updated)


@transaction.atomic
def attempt_start(
    *, user, course: CoursePage, rng: secrets.SystemRandom | None = None
) -> Attempt:
    """Opens an attempt with questions drawn from the bank, or returns the one
    already open. Raises ``AttemptRefused`` when limits say not now, or when
    the learner has passed and no retake is due."""
    _require_signed_in(user)
    enrolment = Enrolment.objects.filter(user=user, course=course).first()
    if enrolment is None:
        raise NotEnrolled
    enrolment = _lock_enrolment(enrolment)
    course = enrolment.course
    now = timezone.now()
    for stale in stale_attempts(now=now).filter(enrolment=enrolment):
        attempt_expire_if_due(attempt=stale, now=now)
    attempts = list(enrolment.attempts.all())
    status = assessment_status(
        course=course,
        attempts=attempts,
        now=now,
        retake_due=has_passed(attempts)
        and bool(courses_due_for_retake(user=user, course_ids={course.pk})),
    )
    if status.state == AssessmentState.IN_PROGRESS:
        return status.open_attempt
    if status.state != AssessmentState.AVAILABLE:
        raise AttemptRefused(status)
    number = attempt_number_next(enrolment=enrolment)
    attempt = Attempt(
        enrolment=enrolment,
        number=number,
        expires_at=now + timedelta(minutes=attempt_duration_minutes()),
        questions=_draw(course, rng or secrets.SystemRandom()),
        pass_mark=course.pass_mark,
    )
    attempt.full_clean()
    attempt.save()
    log(
        instance=attempt,
        action="learners.attempt_start",
        user=user,
        data={"course_id": course.pk, "number": number},
    )
    return attempt


def clean_answers(
    questions: Sequence[Question], answers: Mapping[str, Sequence[str]]
) -> dict[str, list[str]]:
    """Checks every question has an answer made of its own options."""
    errors = {}
    cleaned = {}
    for question in questions:
        chosen = list(dict.fromkeys(answers.get(question.id) or ()))
        if not chosen:
            errors[question.id] = _("Choose an answer to this question.")
        elif not set(chosen) <= question.option_ids:
            errors[question.id] = _("Choose from the answers shown.")
        elif len(chosen) > 1 and not question.allows_many:
            errors[question.id] = _("Choose only one answer.")
        else:
            cleaned[question.id] = chosen
    if errors:
        raise ValidationError(errors)
    return cleaned


@dataclass(frozen=True)
class Submission:
    attempt: Attempt
    recorded: bool


def attempt_submit(
    *, attempt: Attempt, answers: Mapping[str, Sequence[str]], user
) -> Submission:
    """Grades and records an attempt once.

    A pass completes the course if the lessons are done, and sends
    ``assessment_passed`` every time, retakes included. A second submission
    of the same attempt (a double click, a replayed request) changes nothing
    and reports ``recorded=False``. Answers that
    arrive after the attempt's time is up expire it and raise
    ``AttemptExpired``.
    """
    _require_signed_in(user)
    expired = False
    with transaction.atomic():
        locked = (
            Attempt.objects.select_for_update(of=("self",))
            .select_related("enrolment")
            .get(pk=attempt.pk)
        )
        if locked.enrolment.user_id != user.pk:
            raise PermissionDenied
        if locked.status == Attempt.Status.SUBMITTED:
            return Submission(locked, recorded=False)
        now = timezone.now()
        attempt_expire_if_due(attempt=locked, now=now)
        if locked.status == Attempt.Status.EXPIRED:
            expired = True
        else:
            questions = attempt_questions(locked)
            cleaned = clean_answers(questions, answers)
            result = grade_attempt(questions, cleaned, locked.pass_mark)
            locked.answers = cleaned
            locked.score = result.score_percent
            locked.passed = result.passed
            locked.status = Attempt.Status.SUBMITTED
            locked.submitted_at = now
            locked.full_clean()
            locked.save()
            log(
                instance=locked,
                action="learners.attempt_submit",
                user=user,
                data={
                    "number": locked.number,
                    "score": str(result.score_percent),
                    "passed": result.passed,
                },
            )
            if result.passed:
                completed = _complete_if_done(locked.enrolment)
                _announce_pass(locked, completed=completed)
    if expired:
        raise AttemptExpired
    return Submission(locked, recorded=True)
