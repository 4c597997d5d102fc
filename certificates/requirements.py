"""Kinds of award requirement.

Each kind is a ``RequirementBlock``: a StreamField block that authors place on
an award and that knows, for a value, which learners meet it. To add a kind,
subclass ``RequirementBlock``, implement ``evidence`` and add it to
``AwardRequirementsBlock``, as the practical sign-off and attendance kinds do.
Eligibility (``certificates.eligibility``) only ever calls ``evidence``, so it
does not change.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Greatest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import blocks

from courses.models import PracticalSkill
from learners.models import Attempt, Attendance, Enrolment, SkillSignOff


class RequirementBlock(blocks.StructBlock):
    """Base class for one kind of requirement."""

    def evidence(self, value) -> QuerySet:
        """Rows for the learners who meet this requirement.

        Each row has ``user_id`` (the learner) and ``achieved_at`` (when they
        last met it, so that renewals can ask for evidence newer than a
        certificate). Return a lazy queryset; it is used as a subquery.
        """
        raise NotImplementedError

    def describe(self, value) -> str:
        """A short sentence for coordinators and for badge criteria."""
        raise NotImplementedError


class CourseCompletionRequirement(RequirementBlock):
    course = blocks.PageChooserBlock(
        page_type="courses.CoursePage", label=_("Course"), required=True
    )

    class Meta:
        icon = "doc-full"
        label = _("Complete a course")

    def evidence(self, value) -> QuerySet:
        course = value.get("course")
        if course is None:
            return Enrolment.objects.none().annotate(achieved_at=F("completed_at"))
        # Passing the assessment again (to renew) counts from its own date,
        # even when the enrolment keeps its first completion date.
        latest_pass = (
            Attempt.objects.filter(
                enrolment=OuterRef("pk"), passed=True, submitted_at__isnull=False
            )
            .order_by("-submitted_at")
            .values("submitted_at")[:1]
        )
        return Enrolment.objects.filter(
            course_id=course.pk, completed_at__isnull=False
        ).annotate(
            achieved_at=Greatest(
                "completed_at", Coalesce(Subquery(latest_pass), "completed_at")
            )
        )

    def describe(self, value) -> str:
        course = value.get("course")
        title = course.title if course is not None else _("a course that was removed")
        return _("Complete %(course)s") % {"course": title}


def _learner_rows() -> QuerySet:
    """Every user as an evidence row: ``user_id`` is the user's own key."""
    return get_user_model().objects.annotate(user_id=F("pk"))


class PracticalSignOffRequirement(RequirementBlock):
    """Every practical skill of a course signed off in person by a trainer."""

    course = blocks.PageChooserBlock(
        page_type="courses.CoursePage", label=_("Course"), required=True
    )

    class Meta:
        icon = "tick-inverse"
        label = _("Practical skills signed off")

    def evidence(self, value) -> QuerySet:
        course = value.get("course")
        if course is None:
            return (
                _learner_rows()
                .none()
                .annotate(achieved_at=Value(None, output_field=DateTimeField()))
            )
        skills = PracticalSkill.objects.filter(course_id=course.pk)
        not_signed_off = skills.filter(
            ~Exists(
                SkillSignOff.objects.filter(
                    skill=OuterRef("pk"), learner=OuterRef(OuterRef("pk"))
                )
            )
        )
        latest = (
            SkillSignOff.objects.filter(
                learner=OuterRef("pk"), skill__course_id=course.pk
            )
            .order_by("-signed_off_on")
            .values("signed_off_on")[:1]
        )
        # A course without skills is met by nobody rather than by everybody.
        return (
            _learner_rows()
            .filter(Exists(skills), ~Exists(not_signed_off))
            .annotate(achieved_at=Cast(Subquery(latest), output_field=DateTimeField()))
        )

    def describe(self, value) -> str:
        course = value.get("course")
        if course is None:
            return _("Have the skills of a course that was removed signed off")
        if not PracticalSkill.objects.filter(course_id=course.pk).exists():
            return _(
                "Have every practical skill of %(course)s signed off "
                "(it has no practical skills yet, so nobody meets this)"
            ) % {"course": course.title}
        return _("Have every practical skill of %(course)s signed off") % {
            "course": course.title
        }


class AttendanceRequirement(RequirementBlock):
    """A minimum number of sessions in person attended, marked present."""

    minimum = blocks.IntegerBlock(
        label=_("Sessions attended, at least"),
        min_value=1,
        max_value=500,
        default=1,
        required=True,
    )
    course = blocks.PageChooserBlock(
        page_type="courses.CoursePage",
        label=_("Only sessions of this course"),
        required=False,
        help_text=_("Leave blank to count sessions of any course."),
    )

    class Meta:
        icon = "group"
        label = _("Attend sessions")

    def evidence(self, value) -> QuerySet:
        minimum = max(int(value.get("minimum") or 1), 1)
        attended = Attendance.objects.filter(
            learner=OuterRef("pk"), status=Attendance.Status.PRESENT
        )
        course = value.get("course")
        if course is not None:
            attended = attended.filter(session__course_id=course.pk)
        count = (
            attended.order_by()
            .values("learner")
            .annotate(total=Count("pk"))
            .values("total")
        )
        latest = (
            attended.order_by()
            .values("learner")
            .annotate(latest=Max("session__starts_at"))
            .values("latest")
        )
        return (
            _learner_rows()
            .annotate(
                sessions_attended=Coalesce(
                    Subquery(count, output_field=IntegerField()), 0
                )
            )
            .filter(sessions_attended__gte=minimum)
            .annotate(achieved_at=Subquery(latest, output_field=DateTimeField()))
        )

    def describe(self, value) -> str:
        minimum = max(int(value.get("minimum") or 1), 1)
        course = value.get("course")
        if course is None:
            return ngettext(
                "Attend at least %(count)d session",
                "Attend at least %(count)d sessions",
                minimum,
            ) % {"count": minimum}
        return ngettext(
            "Attend at least %(count)d session of %(course)s",
            "Attend at least %(count)d sessions of %(course)s",
            minimum,
        ) % {"count": minimum, "course": course.title}


class AwardRequirementsBlock(blocks.StreamBlock):
    course = CourseCompletionRequirement()
    practical = PracticalSignOffRequirement()
    attendance = AttendanceRequirement()

    class Meta:
        min_num = 1
