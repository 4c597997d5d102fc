"""Small builders for the cohort tests: areas, cohorts, sessions and skills."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

from django.utils import timezone

from courses.models import CoursePage, PracticalSkill
from learners.models import Area, Cohort, TrainingSession
from tests import factories

_counter = itertools.count(1)

FIRST_AID_SKILLS = (
    "CPR on an adult manikin",
    "The recovery position",
    "The response to choking",
)


def build_area(name: str | None = None) -> Area:
    number = next(_counter)
    name = name or f"Area {number}"
    return Area.objects.create(
        name=name, slug=f"area-{number}", postcode_districts="LE3"
    )


def build_cohort(
    *,
    name: str | None = None,
    trainers=(),
    members=(),
    area: Area | None = None,
    start_date: date | None = None,
) -> Cohort:
    start_date = start_date or timezone.localdate()
    cohort = Cohort.objects.create(
        name=name or f"Cohort {next(_counter)}",
        area=area or build_area(),
        start_date=start_date,
        end_date=start_date + timedelta(days=90),
    )
    cohort.trainers.add(*trainers)
    cohort.members.add(*members)
    return cohort


def build_session(
    cohort: Cohort,
    course: CoursePage,
    *,
    starts_at: datetime | None = None,
    trainer=None,
    venue: str = "Braunstone Library",
) -> TrainingSession:
    return TrainingSession.objects.create(
        cohort=cohort,
        course=course,
        starts_at=starts_at or timezone.now() - timedelta(hours=1),
        venue=venue,
        trainer=trainer,
    )


def add_skills(course: CoursePage, titles=FIRST_AID_SKILLS) -> list[PracticalSkill]:
    return [
        PracticalSkill.objects.create(course=course, title=title, sort_order=position)
        for position, title in enumerate(titles)
    ]


def make_members(count: int, *, prefix: str = "member") -> list:
    start = next(_counter) * 1000
    return [
        factories.make_resident(username=f"{prefix}-{start + number}")
        for number in range(count)
    ]
