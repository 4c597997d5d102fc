"""Reads for cohorts: which cohorts and sessions a member of staff may see,
the attendance register, the practical skills grid and the trainer's view of
a cohort.

A trainer sees the cohorts they train; anyone with
``learners.manage_all_cohorts`` sees every cohort. Each read is shaped so a
page makes a fixed number of queries however many members a cohort has.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import reduce

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from academy_web.clock import academy_timezone
from courses.models import CoursePage, LessonPage, PracticalSkill

from ..models import (
    Attempt,
    Attendance,
    Cohort,
    Enrolment,
    LearnerProfile,
    LessonProgress,
    SkillSignOff,
    TrainingSession,
)
from ..people import display_name
from .stuck import OpenCourse, StuckReason, stuck_reasons


def can_manage_all_cohorts(user) -> bool:
    return bool(
        user and user.is_authenticated and user.has_perm("learners.manage_all_cohorts")
    )


def can_undo_sign_off(*, user, signoff: SkillSignOff) -> bool:
    """The trainer who made a sign-off may undo it; undoing anyone's needs
    ``learners.delete_skillsignoff``. Whether they act for the resident's
    cohort is checked separately."""
    if not user.has_perm("learners.change_skillsignoff"):
        return False
    return signoff.signed_off_by_id == user.pk or user.has_perm(
        "learners.delete_skillsignoff"
    )


def cohorts_in_scope(*, user) -> QuerySet[Cohort]:
    """The cohorts the user acts for: every cohort for those who manage all,
    otherwise the ones they train. Model permissions are checked separately."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Cohort.objects.none()
    if can_manage_all_cohorts(user):
        return Cohort.objects.all()
    return Cohort.objects.filter(trainers=user)


def sessions_in_scope(*, user) -> QuerySet[TrainingSession]:
    return TrainingSession.objects.filter(
        cohort__in=cohorts_in_scope(user=user).values("pk")
    )


def signoffs_in_scope(*, user) -> QuerySet[SkillSignOff]:
    """Sign-offs of the members of the cohorts the user acts for."""
    return SkillSignOff.objects.filter(
        learner__cohorts__in=cohorts_in_scope(user=user).values("pk")
    ).distinct()


def cohorts_for(*, user) -> QuerySet[Cohort]:
    """Cohorts shown to the user on the site, with their area and size."""
    if not user.is_authenticated or not user.has_perm("learners.view_cohort"):
        return Cohort.objects.none()
    return (
        cohorts_in_scope(user=user)
        .select_related("area")
        .annotate(member_count=Count("members", distinct=True))
        .order_by("-start_date", "name")
    )


def sessions_for(*, user) -> QuerySet[TrainingSession]:
    """Sessions shown to the user on the site: those of their cohorts."""
    if not user.is_authenticated or not user.has_perm("learners.view_trainingsession"):
        return TrainingSession.objects.none()
    return sessions_in_scope(user=user).select_related(
        "cohort__area", "course", "trainer"
    )


def cohort_sessions(*, cohort: Cohort) -> QuerySet[TrainingSession]:
    """The cohort's sessions with how many were marked and how many came."""
    return (
        cohort.sessions.select_related("course", "trainer")
        .annotate(
            marked=Count("attendance"),
            present=Count(
                "attendance", filter=Q(attendance__status=Attendance.Status.PRESENT)
            ),
        )
        .order_by("starts_at")
    )


def cohort_courses(*, cohort: Cohort) -> list[CoursePage]:
    """The courses the cohort is taught: those it has sessions for."""
    return list(
        CoursePage.objects.filter(
            pk__in=TrainingSession.objects.filter(cohort=cohort).values("course_id")
        )
        .prefetch_related("practical_skills")
        .order_by("path")
    )


@dataclass(frozen=True)
class Member:
    """A cohort member and the name trainers know them by."""

    user: object
    name: str

    @property
    def pk(self) -> int:
        return self.user.pk


def cohort_members(*, cohort: Cohort) -> list[Member]:
    """The cohort's members in name order, in two queries."""
    users = list(cohort.members.all())
    profiles = {
        profile.user_id: profile
        for profile in LearnerProfile.objects.filter(
            user_id__in=[user.pk for user in users]
        ).only("user_id", "certificate_name")
    }
    members = [
        Member(user=user, name=display_name(user, profiles.get(user.pk)))
        for user in users
    ]
    return sorted(members, key=lambda member: (member.name.casefold(), member.pk))


@dataclass(frozen=True)
class RegisterRow:
    member: Member
    status: str | None

    @property
    def status_label(self) -> str:
        return Attendance.Status(self.status).label if self.status else ""


def session_register(*, session: TrainingSession) -> list[RegisterRow]:
    """One row per cohort member with the mark already recorded, if any."""
    marks = dict(
        Attendance.objects.filter(session=session).values_list("learner_id", "status")
    )
    return [
        RegisterRow(member=member, status=marks.get(member.pk))
        for member in cohort_members(cohort=session.cohort)
    ]


@dataclass(frozen=True)
class SkillEntry:
    member: Member
    signoff: SkillSignOff | None


@dataclass(frozen=True)
class SkillRow:
    skill: PracticalSkill
    entries: list[SkillEntry]

    @property
    def signed_off_count(self) -> int:
        return sum(1 for entry in self.entries if entry.signoff is not None)


def skill_grid(*, cohort: Cohort, course: CoursePage) -> list[SkillRow]:
    """Each practical skill of the course with every member's sign-off."""
    skills = list(PracticalSkill.objects.filter(course=course).order_by("sort_order"))
    members = cohort_members(cohort=cohort)
    signoffs = {
        (signoff.skill_id, signoff.learner_id): signoff
        for signoff in SkillSignOff.objects.filter(
            skill__in=skills, learner_id__in=[member.pk for member in members]
        ).select_related("signed_off_by")
    }
    return [
        SkillRow(
            skill=skill,
            entries=[
                SkillEntry(member=member, signoff=signoffs.get((skill.pk, member.pk)))
                for member in members
            ],
        )
        for skill in skills
    ]


@dataclass
class MemberCourse:
    """One member's place in one of the cohort's courses."""

    course: CoursePage
    enrolment: Enrolment | None
    lessons_total: int
    lessons_done: int = 0
    best_score: Decimal | None = None
    failed_attempts: int = 0
    passed: bool = False

    @property
    def is_enrolled(self) -> bool:
        return self.enrolment is not None

    @property
    def is_complete(self) -> bool:
        return self.enrolment is not None and self.enrolment.completed_at is not None


@dataclass
class MemberSummary:
    """Who has done what: one member's figures across the cohort."""

    member: Member
    courses: list[MemberCourse]
    sessions_attended: int
    skills_signed_off: list[PracticalSkill]
    skills_missing: list[PracticalSkill]
    last_activity: datetime | None
    stuck: list[StuckReason] = field(default_factory=list)

    @property
    def learner(self):
        return self.member.user

    @property
    def courses_enrolled(self) -> int:
        return sum(1 for course in self.courses if course.is_enrolled)

    @property
    def courses_completed(self) -> int:
        return sum(1 for course in self.courses if course.is_complete)

    @property
    def courses_not_complete(self) -> list[CoursePage]:
        return [item.course for item in self.courses if not item.is_complete]

    @property
    def is_stuck(self) -> bool:
        return bool(self.stuck)


@dataclass
class CohortOverview:
    cohort: Cohort
    courses: list[CoursePage]
    sessions_held: int
    skills_total: int
    members: list[MemberSummary]

    @property
    def stuck_members(self) -> list[MemberSummary]:
        return [summary for summary in self.members if summary.is_stuck]


def _live_lesson_ids(courses: list[CoursePage]) -> dict[int, set[int]]:
    by_course: dict[int, set[int]] = {course.pk: set() for course in courses}
    if not courses:
        return by_course
    course_by_path = {course.path: course.pk for course in courses}
    in_any_course = reduce(
        operator.or_,
        (Q(path__startswith=course.path, depth=course.depth + 1) for course in courses),
    )
    for pk, path in (
        LessonPage.objects.live().filter(in_any_course).values_list("pk", "path")
    ):
        parent_path = path[: -LessonPage.steplen]
        if parent_path in course_by_path:
            by_course[course_by_path[parent_path]].add(pk)
    return by_course


def _latest(*moments: datetime | None) -> datetime | None:
    return max((moment for moment in moments if moment is not None), default=None)


def cohort_overview(*, cohort: Cohort, now: datetime | None = None) -> CohortOverview:
    """The trainer's view of a cohort: for every member the courses, lessons,
    best scores, sessions attended and skills signed off, and who is stuck.

    Who is stuck, and why, is decided by ``learners.cohorts.stuck``.
    Makes the same number of queries for 3 members or 300.
    """
    now = now or timezone.now()
    members = cohort_members(cohort=cohort)
    member_ids = [member.pk for member in members]
    courses = cohort_courses(cohort=cohort)
    course_ids = {course.pk for course in courses}
    skills = [skill for course in courses for skill in course.practical_skills.all()]
    lesson_ids = _live_lesson_ids(courses)

    sessions_held = TrainingSession.objects.filter(
        cohort=cohort, starts_at__lte=now
    ).count()
    attended: dict[int, int] = defaultdict(int)
    for learner_id in Attendance.objects.filter(
        session__cohort=cohort,
        learner_id__in=member_ids,
        status=Attendance.Status.PRESENT,
    ).values_list("learner_id", flat=True):
        attended[learner_id] += 1

    signed_off = set(
        SkillSignOff.objects.filter(
            learner_id__in=member_ids, skill__in=skills
        ).values_list("learner_id", "skill_id")
    )

    enrolments = list(
        Enrolment.objects.filter(user_id__in=member_ids).select_related("course")
    )
    enrolment_ids = [enrolment.pk for enrolment in enrolments]
    progress: dict[int, list[tuple[int, datetime]]] = defaultdict(list)
    for enrolment_id, lesson_id, completed_at in LessonProgress.objects.filter(
        enrolment_id__in=enrolment_ids
    ).values_list("enrolment_id", "lesson_id", "completed_at"):
        progress[enrolment_id].append((lesson_id, completed_at))
    attempts: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in Attempt.objects.filter(enrolment_id__in=enrolment_ids).only(
        "enrolment_id", "status", "passed", "score", "started_at", "submitted_at"
    ):
        attempts[attempt.enrolment_id].append(attempt)

    enrolments_by_member: dict[int, list[Enrolment]] = defaultdict(list)
    for enrolment in enrolments:
        enrolments_by_member[enrolment.user_id].append(enrolment)

    summaries = []
    for member in members:
        own = {e.course_id: e for e in enrolments_by_member[member.pk]}
        last_activity = None
        open_courses: list[OpenCourse] = []
        for enrolment in own.values():
            done = progress[enrolment.pk]
            tries = attempts[enrolment.pk]
            last_activity = _latest(
                last_activity,
                enrolment.enrolled_at,
                *(completed_at for _, completed_at in done),
                *(a.started_at for a in tries),
                *(a.submitted_at for a in tries),
            )
            if enrolment.completed_at is not None:
                continue
            submitted = [a for a in tries if a.status == Attempt.Status.SUBMITTED]
            open_courses.append(
                OpenCourse(
                    course=enrolment.course,
                    failed=sum(1 for a in submitted if a.passed is False),
                    passed=any(a.passed for a in submitted),
                    best_score=max(
                        (a.score for a in submitted if a.score is not None),
                        default=None,
                    ),
                )
            )
        stuck = stuck_reasons(
            last_activity=last_activity,
            open_courses=open_courses,
            enrolled_on_cohort_course=any(course_id in course_ids for course_id in own),
            cohort_has_courses=bool(courses),
            cohort_start=cohort.start_date,
            now=now,
            tz=academy_timezone(),
        )

        member_courses = []
        for course in courses:
            enrolment = own.get(course.pk)
            item = MemberCourse(
                course=course,
                enrolment=enrolment,
                lessons_total=len(lesson_ids[course.pk]),
            )
            if enrolment is not None:
                item.lessons_done = len(
                    {lesson for lesson, _ in progress[enrolment.pk]}
                    & lesson_ids[course.pk]
                )
                submitted = [
                    a
                    for a in attempts[enrolment.pk]
                    if a.status == Attempt.Status.SUBMITTED
                ]
                item.best_score = max(
                    (a.score for a in submitted if a.score is not None), default=None
                )
                item.failed_attempts = sum(1 for a in submitted if a.passed is False)
                item.passed = any(a.passed for a in submitted)
            member_courses.append(item)

        summaries.append(
            MemberSummary(
                member=member,
                courses=member_courses,
                sessions_attended=attended[member.pk],
                skills_signed_off=[
                    s for s in skills if (member.pk, s.pk) in signed_off
                ],
                skills_missing=[
                    s for s in skills if (member.pk, s.pk) not in signed_off
                ],
                last_activity=last_activity,
                stuck=stuck,
            )
        )
    return CohortOverview(
        cohort=cohort,
        courses=courses,
        sessions_held=sessions_held,
        skills_total=len(skills),
        members=summaries,
    )
