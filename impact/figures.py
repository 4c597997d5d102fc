"""Figures for the impact report that the academy gives its funder.

Every figure is counted by the database (``annotate``/``aggregate``), never by
looping over residents, so the report makes the same number of queries at any
size. Periods are whole days in the academy's time zone (``impact.periods``).

Residents are as ``learners.people`` defines them. A resident belongs to
an area through the cohorts they are a member of; a resident in no cohort
belongs to the areas whose postcode districts list their profile's district.
A resident is active in a period if, in it, they finished a lesson, started or
submitted an assessment, were present at a session in person or had a
practical skill signed off.

The headline award is ``certificates.selectors.headline_award``, which the
trainer's view of a cohort's needs also uses.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, DateField, Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from academy_web.clock import academy_timezone
from certificates.models import Award, Certificate
from certificates.selectors import headline_award
from courses.models import CoursePage, PracticalSkill
from learners.models import (
    Area,
    Attempt,
    Attendance,
    Cohort,
    Enrolment,
    LearnerProfile,
    LessonProgress,
    SkillSignOff,
)
from learners.people import residents

from .periods import Period

# Counts below this are shown as "<5" in anything shared outside the academy.
SUPPRESS_BELOW = 5
SUPPRESSED = f"<{SUPPRESS_BELOW}"
OUTSIDE_AREAS = _("Not in any area")


def residents_in(*, area: Area | None) -> QuerySet:
    """Residents of ``area``, or every resident when it is ``None``."""
    people = residents()
    if area is None:
        return people
    memberships = Cohort.members.through.objects.filter(user_id=OuterRef("pk"))
    belongs = Exists(memberships.filter(cohort__area=area))
    districts = area.district_list
    if districts:
        lives_there = Exists(
            LearnerProfile.objects.filter(
                user_id=OuterRef("pk"), postcode_district__in=districts
            )
        )
        belongs = belongs | (lives_there & ~Exists(memberships))
    return people.filter(belongs)


def _month(field_name: str) -> TruncMonth:
    return TruncMonth(field_name, tzinfo=academy_timezone(), output_field=DateField())


def suppress(count: int) -> int | str:
    """A count fit to share: small numbers could identify someone."""
    return SUPPRESSED if count < SUPPRESS_BELOW else count


@dataclass(frozen=True)
class CourseFigures:
    course_id: int
    title: str
    completions: int
    submitted: int
    passed: int

    @property
    def pass_rate(self) -> float | None:
        """Passed attempts as a percentage of submitted ones, to one place."""
        if not self.submitted:
            return None
        return round(100 * self.passed / self.submitted, 1)


@dataclass(frozen=True)
class SkillFigures:
    skill_id: int
    skill: str
    course: str
    signoffs: int


@dataclass(frozen=True)
class MonthFigures:
    month: date
    registered: int
    completions: int
    certified: int

    @property
    def label(self) -> str:
        return self.month.strftime("%Y-%m")


@dataclass
class ImpactReport:
    period: Period
    area: Area | None
    award: Award | None
    registered: int
    active: int
    certified: int
    courses: list[CourseFigures] = field(default_factory=list)
    skills: list[SkillFigures] = field(default_factory=list)
    months: list[MonthFigures] = field(default_factory=list)

    @property
    def completions(self) -> int:
        return sum(course.completions for course in self.courses)

    @property
    def signoffs(self) -> int:
        return sum(skill.signoffs for skill in self.skills)


def _per_month(rows: QuerySet, when: str, counted: Count) -> dict[date, int]:
    return dict(
        rows.order_by()
        .annotate(report_month=_month(when))
        .values("report_month")
        .annotate(total=counted)
        .values_list("report_month", "total")
    )


def _certificates(*, award: Award | None, period: Period, people: QuerySet):
    if award is None:
        return Certificate.objects.none()
    return (
        Certificate.objects.filter(award=award, learner__in=people.values("pk"))
        .filter(period.moments("issued_at"))
        .exclude(status=Certificate.Status.REVOKED)
    )


def impact_report(*, period: Period, area: Area | None = None) -> ImpactReport:
    """Every figure on the dashboard for ``period`` and ``area`` (``None``
    for every area), in ten queries whatever the amount of data."""
    people = residents_in(area=area)
    people_ids = people.values("pk")
    award = headline_award()

    registered_by_month = _per_month(
        people.filter(period.moments("date_joined")), "date_joined", Count("pk")
    )
    # Active means doing something in the period, online or in person: a
    # resident who only comes to sessions is as active as one who only
    # studies online. One query, however many kinds of activity.
    active = people.filter(
        Exists(
            LessonProgress.objects.filter(enrolment__user_id=OuterRef("pk")).filter(
                period.moments("completed_at")
            )
        )
        | Exists(
            Attempt.objects.filter(enrolment__user_id=OuterRef("pk")).filter(
                period.moments("started_at") | period.moments("submitted_at")
            )
        )
        | Exists(
            Attendance.objects.filter(
                learner_id=OuterRef("pk"), status=Attendance.Status.PRESENT
            ).filter(period.moments("session__starts_at"))
        )
        | Exists(
            SkillSignOff.objects.filter(learner_id=OuterRef("pk")).filter(
                period.days("signed_off_on")
            )
        )
    ).count()

    completions = Enrolment.objects.filter(user_id__in=people_ids).filter(
        period.moments("completed_at")
    )
    completions_by_course = dict(
        completions.order_by()
        .values_list("course_id")
        .annotate(total=Count("pk"))
        .values_list("course_id", "total")
    )
    attempts_by_course = {
        row["enrolment__course_id"]: row
        for row in Attempt.objects.filter(
            enrolment__user_id__in=people_ids, status=Attempt.Status.SUBMITTED
        )
        .filter(period.moments("submitted_at"))
        .order_by()
        .values("enrolment__course_id")
        .annotate(submitted=Count("pk"), passed=Count("pk", filter=Q(passed=True)))
    }
    courses = []
    for course in CoursePage.objects.order_by("path").values("pk", "title", "live"):
        attempts = attempts_by_course.get(course["pk"], {})
        figures = CourseFigures(
            course_id=course["pk"],
            title=course["title"],
            completions=completions_by_course.get(course["pk"], 0),
            submitted=attempts.get("submitted", 0),
            passed=attempts.get("passed", 0),
        )
        if course["live"] or figures.completions or figures.submitted:
            courses.append(figures)

    signed_off_in_period = Q(
        signoffs__signed_off_on__gte=period.start,
        signoffs__signed_off_on__lte=period.end,
        signoffs__learner_id__in=people_ids,
    )
    skills = [
        SkillFigures(
            skill_id=row["pk"],
            skill=row["title"],
            course=row["course__title"],
            signoffs=row["total"],
        )
        for row in PracticalSkill.objects.order_by("course__path", "sort_order", "pk")
        .annotate(total=Count("signoffs", filter=signed_off_in_period))
        .values("pk", "title", "course__title", "total")
    ]

    certificates = _certificates(award=award, period=period, people=people)
    certified = certificates.aggregate(total=Count("learner", distinct=True))["total"]
    certified_by_month = _per_month(
        certificates, "issued_at", Count("learner", distinct=True)
    )
    completions_by_month = _per_month(completions, "completed_at", Count("pk"))

    months = [
        MonthFigures(
            month=month,
            registered=registered_by_month.get(month, 0),
            completions=completions_by_month.get(month, 0),
            certified=certified_by_month.get(month, 0),
        )
        for month in period.months
    ]
    return ImpactReport(
        period=period,
        area=area,
        award=award,
        registered=sum(registered_by_month.values()),
        active=active,
        certified=certified,
        courses=courses,
        skills=skills,
        months=months,
    )


@dataclass(frozen=True)
class PartnerRow:
    """Aggregates for one area in one month, before suppression."""

    area: str
    month: date
    registered: int
    completions: int
    certified: int

    @property
    def label(self) -> str:
        return self.month.strftime("%Y-%m")

    @property
    def shared(self) -> dict[str, int | str]:
        return {
            "registered": suppress(self.registered),
            "completions": suppress(self.completions),
            "certified": suppress(self.certified),
        }


def _by_area_and_month(
    rows: QuerySet, *, person: str, when: str, counted: str, areas: list[Area]
) -> dict[tuple[int | None, date], int]:
    """Counts of ``rows`` per area and month, in two queries.

    ``person`` is the path from a row to its resident ("" for users
    themselves). Someone in cohorts of two areas counts in both; someone in
    no cohort counts where their postcode district is, or under ``None``.
    """
    totals: dict[tuple[int | None, date], int] = defaultdict(int)
    by_cohort = (
        rows.order_by()
        .annotate(report_area=F(f"{person}cohorts__area_id"), report_month=_month(when))
        .values("report_area", "report_month")
        .annotate(total=Count(counted, distinct=True))
        .values_list("report_area", "report_month", "total")
    )
    for area_id, month, total in by_cohort:
        if area_id is not None:
            totals[(area_id, month)] += total
    districts: dict[str, list[int]] = defaultdict(list)
    for area in areas:
        for district in area.district_list:
            districts[district].append(area.pk)
    by_district = (
        rows.filter(**{f"{person}cohorts__isnull": True})
        .order_by()
        .annotate(
            report_district=F(f"{person}learner_profile__postcode_district"),
            report_month=_month(when),
        )
        .values("report_district", "report_month")
        .annotate(total=Count(counted, distinct=True))
        .values_list("report_district", "report_month", "total")
    )
    for district, month, total in by_district:
        for area_id in districts.get((district or "").upper(), [None]):
            totals[(area_id, month)] += total
    return totals


def partner_share(*, period: Period, area: Area | None = None) -> list[PartnerRow]:
    """Registrations, completions and headline certificates per area and
    month, for sharing with partners once small counts are suppressed.

    Every area appears for every month, so a missing row reveals nothing.
    Eight queries whatever the amount of data: the areas, the award, and two
    for each of the three measures (see ``_by_area_and_month``).
    """
    areas = list(Area.objects.order_by("name"))
    people = residents()
    award = headline_award()
    figures = {
        "registered": _by_area_and_month(
            people.filter(period.moments("date_joined")),
            person="",
            when="date_joined",
            counted="pk",
            areas=areas,
        ),
        "completions": _by_area_and_month(
            Enrolment.objects.filter(user_id__in=people.values("pk")).filter(
                period.moments("completed_at")
            ),
            person="user__",
            when="completed_at",
            counted="pk",
            areas=areas,
        ),
        "certified": _by_area_and_month(
            _certificates(award=award, period=period, people=people),
            person="learner__",
            when="issued_at",
            counted="learner",
            areas=areas,
        ),
    }
    names: list[tuple[int | None, str]] = [(each.pk, each.name) for each in areas]
    if area is not None:
        names = [(pk, name) for pk, name in names if pk == area.pk]
    elif any(key[0] is None for counts in figures.values() for key in counts):
        names.append((None, str(OUTSIDE_AREAS)))
    return [
        PartnerRow(
            area=name,
            month=month,
            **{
                measure: counts.get((area_id, month), 0)
                for measure, counts in figures.items()
            },
        )
        for area_id, name in names
        for month in period.months
    ]
