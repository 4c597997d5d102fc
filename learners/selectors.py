"""Reads for the learning journey, shaped so each page makes a fixed number of
queries however many lessons or enrolments there are."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, reduce

from django.conf import settings
from django.db.models import Max, Prefetch, Q, QuerySet
from django.utils import timezone
from wagtail import hooks
from wagtail.images import get_image_model

from courses.models import CourseIndexPage, CoursePage, LessonPage
from courses.questions import Question
from courses.selectors import lesson_list

from .models import Attempt, Enrolment, LessonProgress

DEFAULT_ATTEMPT_MINUTES = 60
RETAKES_DUE_HOOK = "learners_assessment_retakes_due"


def attempt_duration_minutes() -> int:
    """How long an attempt stays open; ``LEARNERS_ATTEMPT_MINUTES`` overrides."""
    return int(getattr(settings, "LEARNERS_ATTEMPT_MINUTES", DEFAULT_ATTEMPT_MINUTES))


class AssessmentState:
    NO_ASSESSMENT = "no_assessment"
    AVAILABLE = "available"
    IN_PROGRESS = "in_progress"
    PASSED = "passed"
    NO_ATTEMPTS_LEFT = "no_attempts_left"
    COOLING_DOWN = "cooling_down"


@dataclass(frozen=True)
class AssessmentStatus:
    state: str
    attempts_used: int
    attempts_left: int
    open_attempt: Attempt | None = None
    available_at: datetime | None = None
    # Passed before and due to take the assessment again (to renew).
    retake: bool = False

    @property
    def can_start(self) -> bool:
        return self.state in (AssessmentState.AVAILABLE, AssessmentState.IN_PROGRESS)


def has_passed(attempts: Iterable[Attempt]) -> bool:
    return any(a.status == Attempt.Status.SUBMITTED and a.passed for a in attempts)


def attempt_number_next(*, enrolment: Enrolment) -> int:
    """The number the enrolment's next attempt takes, online or on paper: one
    more than the highest so far, so numbers never repeat, expired attempts
    included."""
    return (enrolment.attempts.aggregate(last=Max("number"))["last"] or 0) + 1


def attempts_counted(attempts: Iterable[Attempt]) -> list[Attempt]:
    """The attempts that count towards the course's limit, in number order.

    Only submitted attempts count, never expired ones. A pass starts the count
    again, so once an assessment is passed only attempts numbered after the
    latest pass count: a retake to renew is a fresh start.
    """
    submitted = sorted(
        (a for a in attempts if a.status == Attempt.Status.SUBMITTED),
        key=lambda a: a.number,
    )
    latest_pass = max((a.number for a in submitted if a.passed), default=0)
    return [a for a in submitted if a.number > latest_pass]


def attempt_overdue(attempt: Attempt, *, now: datetime | None = None) -> bool:
    """Still marked in progress although its time is up: due to be expired."""
    return attempt.status == Attempt.Status.IN_PROGRESS and attempt.expires_at <= (
        now or timezone.now()
    )


def attempt_expired(attempt: Attempt, *, now: datetime | None = None) -> bool:
    """Closed because time ran out, whether or not anything has marked it so
    yet; pages show this without saving anything."""
    return attempt.status == Attempt.Status.EXPIRED or attempt_overdue(attempt, now=now)


def passed_before(*, attempt: Attempt, attempts: Iterable[Attempt]) -> bool:
    """Whether an earlier attempt than ``attempt`` had already passed: a pass
    that is a retake."""
    return any(
        a.status == Attempt.Status.SUBMITTED and a.passed and a.number < attempt.number
        for a in attempts
    )


def courses_due_for_retake(*, user, course_ids: Iterable[int]) -> set[int]:
    """The courses, among ``course_ids``, whose assessment the learner has
    passed and should now take again.

    This is an extension point: ``learners`` itself never asks for a retake.
    Apps that build on it register a Wagtail hook named
    ``learners_assessment_retakes_due``: a function taking the keyword
    arguments ``user`` and ``course_ids`` (a frozenset of primary keys of
    courses the learner has passed) and returning the ones due for a retake,
    in a fixed number of queries. ``certificates`` uses it for renewals.
    """
    course_ids = frozenset(course_ids)
    if not course_ids or not user.is_authenticated:
        return set()
    due: set[int] = set()
    for fn in hooks.get_hooks(RETAKES_DUE_HOOK):
        due.update(fn(user=user, course_ids=course_ids))
    return due & course_ids


def assessment_status(
    *,
    course: CoursePage,
    attempts: list[Attempt],
    now: datetime | None = None,
    retake_due: bool = False,
) -> AssessmentStatus:
    """What a learner may do next with a course's assessment.

    ``attempts_counted`` says which attempts count towards the limit; only
    submitted attempts start the cool-down, and an attempt whose time ran out
    is treated as expired even before anything has marked it so.

    Once passed, the assessment is closed unless ``retake_due`` (see
    ``courses_due_for_retake``). A retake is a fresh start: attempts used up
    before the latest pass never block it. The cool-down still runs from the
    latest submission, the pass included.
    """
    now = now or timezone.now()
    submitted = [a for a in attempts if a.status == Attempt.Status.SUBMITTED]
    used = len(attempts_counted(submitted))
    left = max(0, course.max_attempts - used)
    if not course.has_assessment:
        return AssessmentStatus(AssessmentState.NO_ASSESSMENT, used, left)
    retake = has_passed(submitted)
    if retake and not retake_due:
        return AssessmentStatus(AssessmentState.PASSED, used, left)
    open_attempt = next(
        (
            a
            for a in attempts
            if a.status == Attempt.Status.IN_PROGRESS
            and not attempt_overdue(a, now=now)
        ),
        None,
    )
    if open_attempt is not None:
        return AssessmentStatus(
            AssessmentState.IN_PROGRESS, used, left, open_attempt, retake=retake
        )
    if left == 0:
        return AssessmentStatus(
            AssessmentState.NO_ATTEMPTS_LEFT, used, left, retake=retake
        )
    last_submitted = max(
        (a.submitted_at for a in submitted if a.submitted_at), default=None
    )
    if last_submitted is not None and last_submitted + course.cooldown > now:
        return AssessmentStatus(
            AssessmentState.COOLING_DOWN,
            used,
            left,
            available_at=last_submitted + course.cooldown,
            retake=retake,
        )
    return AssessmentStatus(AssessmentState.AVAILABLE, used, left, retake=retake)


@dataclass
class CourseProgress:
    """One learner's place in one course: what is done and what comes next."""

    course: CoursePage
    enrolment: Enrolment
    lessons: list[LessonPage]
    done_ids: set[int]
    attempts: list[Attempt] = field(default_factory=list)
    retake_due: bool = False

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def done_count(self) -> int:
        return sum(1 for lesson in self.lessons if lesson.pk in self.done_ids)

    @property
    def all_lessons_done(self) -> bool:
        return self.done_count == self.total

    @property
    def is_complete(self) -> bool:
        return self.enrolment.completed_at is not None

    @cached_property
    def next_lesson(self) -> LessonPage | None:
        return next((x for x in self.lessons if x.pk not in self.done_ids), None)

    @cached_property
    def assessment(self) -> AssessmentStatus:
        return assessment_status(
            course=self.course, attempts=self.attempts, retake_due=self.retake_due
        )

    @property
    def retake_offered(self) -> bool:
        """Passed before and due to take the assessment again (to renew)."""
        return self.assessment.retake

    @property
    def next_step(self) -> str | None:
        """``"lesson"``, ``"assessment"`` or ``None`` when nothing is left to do."""
        if self.is_complete:
            return None
        if self.next_lesson is not None:
            return "lesson"
        if self.assessment.state != AssessmentState.NO_ASSESSMENT:
            return "assessment"
        return None

    @property
    def submitted_attempts(self) -> list[Attempt]:
        return [a for a in self.attempts if a.status == Attempt.Status.SUBMITTED]


def _attempts_for_listing() -> QuerySet[Attempt]:
    return Attempt.objects.defer("questions", "answers").order_by("number")


def course_progress(
    *, user, course: CoursePage, lessons: QuerySet[LessonPage] | None = None
) -> CourseProgress | None:
    """The learner's progress in a course, or ``None`` when not enrolled.

    Pass the course page's own lesson queryset to reuse its results.
    """
    if not user.is_authenticated:
        return None
    enrolment = (
        Enrolment.objects.filter(user=user, course=course)
        .prefetch_related(Prefetch("attempts", queryset=_attempts_for_listing()))
        .first()
    )
    if enrolment is None:
        return None
    if lessons is None:
        lessons = lesson_list(course=course).defer_streamfields()
    lessons = list(lessons)
    done_ids = set(
        LessonProgress.objects.filter(enrolment=enrolment).values_list(
            "lesson_id", flat=True
        )
    )
    attempts = list(enrolment.attempts.all())
    return CourseProgress(
        course=course,
        enrolment=enrolment,
        lessons=lessons,
        done_ids=done_ids,
        attempts=attempts,
        retake_due=has_passed(attempts)
        and bool(courses_due_for_retake(user=user, course_ids={course.pk})),
    )


def dashboard_progress(*, user) -> list[CourseProgress]:
    """Every course the learner is enrolled on, unfinished ones first."""
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .select_related("course")
        .prefetch_related(
            Prefetch("attempts", queryset=_attempts_for_listing()),
            Prefetch(
                "lesson_progress",
                queryset=LessonProgress.objects.only("id", "enrolment_id", "lesson_id"),
            ),
        )
        .order_by("-enrolled_at")
    )
    enrolments.sort(key=lambda e: e.completed_at is not None)
    lessons_by_course: dict[int, list[LessonPage]] = {
        e.course_id: [] for e in enrolments
    }
    if enrolments:
        in_any_course = reduce(
            operator.or_,
            (
                Q(path__startswith=e.course.path, depth=e.course.depth + 1)
                for e in enrolments
            ),
        )
        course_by_path = {e.course.path: e.course_id for e in enrolments}
        lessons = (
            LessonPage.objects.live()
            .filter(in_any_course)
            .defer_streamfields()
            .order_by("path")
        )
        for lesson in lessons:
            parent_path = lesson.path[: -lesson.steplen]
            if parent_path in course_by_path:
                lessons_by_course[course_by_path[parent_path]].append(lesson)
    retakes_due = courses_due_for_retake(
        user=user,
        course_ids={e.course_id for e in enrolments if has_passed(e.attempts.all())},
    )
    return [
        CourseProgress(
            course=e.course,
            enrolment=e,
            lessons=lessons_by_course[e.course_id],
            done_ids={p.lesson_id for p in e.lesson_progress.all()},
            attempts=list(e.attempts.all()),
            retake_due=e.course_id in retakes_due,
        )
        for e in enrolments
    ]


def missing_prerequisites(*, user, course: CoursePage) -> list[CoursePage]:
    """Live courses the learner must complete before enrolling on ``course``.

    For a signed-out visitor this is every live prerequisite.
    """
    prerequisites = CoursePage.objects.live().filter(
        pk__in=course.prerequisites.values("prerequisite_id")
    )
    if user.is_authenticated:
        prerequisites = prerequisites.exclude(
            pk__in=Enrolment.objects.filter(
                user=user, completed_at__isnull=False
            ).values("course_id")
        )
    return list(prerequisites.order_by("path"))


def attempts_of(*, user) -> QuerySet[Attempt]:
    """Attempts the user may see on the public site: only their own."""
    if not user.is_authenticated:
        return Attempt.objects.none()
    return Attempt.objects.filter(enrolment__user=user).select_related(
        "enrolment__course"
    )


def attempt_questions(attempt: Attempt) -> list[Question]:
    """The questions the attempt drew, options in the order they were shown."""
    return [Question.from_dict(data) for data in attempt.questions]


def stale_attempts(*, now: datetime | None = None) -> QuerySet[Attempt]:
    """The attempts ``attempt_overdue`` is true of, as a query."""
    return Attempt.objects.filter(
        status=Attempt.Status.IN_PROGRESS, expires_at__lte=now or timezone.now()
    )


def images_by_id(*, ids, filter_spec: str) -> dict:
    """Images for picture options, with the rendition to show already fetched."""
    ids = {pk for pk in ids if pk}
    if not ids:
        return {}
    images = (
        get_image_model().objects.filter(pk__in=ids).prefetch_renditions(filter_spec)
    )
    return {image.pk: image for image in images}


def course_index() -> CourseIndexPage | None:
    return CourseIndexPage.objects.live().public().order_by("path").first()
