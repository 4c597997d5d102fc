"""The impact report's figures, checked against counts written by hand.

The academy behind them is described in ``tests.impact.builders``.
"""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from impact.figures import ImpactReport, impact_report, partner_share, suppress
from impact.periods import Period, current_quarter
from learners.models import Area
from tests import factories
from tests.certificates import builders
from tests.impact.builders import (
    Q1,
    at,
    build_impact_academy,
    build_members,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def academy(course_index):
    return build_impact_academy(course_index)


def figures(report: ImpactReport) -> dict:
    """Every figure on the dashboard, as plain values."""
    return {
        "registered": report.registered,
        "active": report.active,
        "completions": report.completions,
        "signoffs": report.signoffs,
        "certified": report.certified,
        "courses": {
            course.title: (
                course.completions,
                course.submitted,
                course.passed,
                course.pass_rate,
            )
            for course in report.courses
        },
        "skills": {skill.skill: skill.signoffs for skill in report.skills},
        "months": {
            month.label: (month.registered, month.completions, month.certified)
            for month in report.months
        },
    }


def test_every_figure_for_all_areas_in_the_first_quarter(academy):
    report = impact_report(period=Q1)

    assert report.award == academy.award
    assert figures(report) == {
        # Amira, Eve, Ben, Cara; not Dev or Hana (other side of midnight),
        # not the trainer.
        "registered": 4,
        # Amira online, Ben in person only, Cara by a sign-off only, Dev by
        # attempts, Eve by a lesson; not Fay (absent) nor Gus.
        "active": 5,
        "completions": 2,
        "signoffs": 3,
        # Amira; Gus's certificate was revoked.
        "certified": 1,
        "courses": {
            "Fire safety at home": (1, 3, 2, 66.7),
            "First aid essentials": (1, 2, 1, 50.0),
        },
        "skills": {
            "CPR on an adult manikin": 2,
            "The recovery position": 1,
            "The response to choking": 0,
        },
        "months": {
            "2026-01": (2, 1, 0),
            "2026-02": (1, 1, 1),
            "2026-03": (1, 0, 0),
        },
    }


def test_every_figure_for_one_area_through_its_cohorts(academy):
    report = impact_report(period=Q1, area=academy.braunstone)

    assert figures(report) == {
        "registered": 2,
        "active": 2,
        "completions": 2,
        "signoffs": 2,
        "certified": 1,
        "courses": {
            "Fire safety at home": (1, 1, 1, 100.0),
            "First aid essentials": (1, 2, 1, 50.0),
        },
        "skills": {
            "CPR on an adult manikin": 1,
            "The recovery position": 1,
            "The response to choking": 0,
        },
        "months": {
            "2026-01": (1, 1, 0),
            "2026-02": (1, 1, 1),
            "2026-03": (0, 0, 0),
        },
    }


def test_residents_in_no_cohort_count_where_their_postcode_is(academy):
    report = impact_report(period=Q1, area=academy.beaumont)

    # Cara through her cohort; Dev through LE4, active but joined in 2025.
    assert figures(report) == {
        "registered": 1,
        "active": 2,
        "completions": 0,
        "signoffs": 1,
        "certified": 0,
        "courses": {
            "Fire safety at home": (0, 2, 1, 50.0),
            "First aid essentials": (0, 0, 0, None),
        },
        "skills": {
            "CPR on an adult manikin": 1,
            "The recovery position": 0,
            "The response to choking": 0,
        },
        "months": {"2026-01": (0, 0, 0), "2026-02": (0, 0, 0), "2026-03": (1, 0, 0)},
    }


def test_days_end_at_midnight_in_london_not_utc(academy):
    april = impact_report(period=Period(start=date(2026, 4, 1), end=date(2026, 4, 30)))
    december = impact_report(
        period=Period(start=date(2025, 12, 1), end=date(2025, 12, 31))
    )

    # Hana joined and Dev completed after midnight BST on 1 April.
    assert (april.registered, april.completions) == (1, 1)
    assert figures(april)["courses"]["Fire safety at home"][0] == 1
    # Ben's recovery position was signed off on 1 April.
    assert figures(april)["skills"]["The recovery position"] == 1
    # Dev joined at 23:30 on 31 December; Amira's choking sign-off that day.
    assert december.registered == 1
    assert figures(december)["skills"]["The response to choking"] == 1
    # Amira's sign-off makes her active in December; Eve's attempt began then.
    assert december.active == 2


def test_a_one_day_period_holds_that_whole_day(academy):
    report = impact_report(
        period=Period(start=date(2026, 3, 31), end=date(2026, 3, 31))
    )

    assert report.registered == 1  # Cara at 23:30, not Hana at 00:15 next day.
    assert [month.label for month in report.months] == ["2026-03"]


def test_someone_who_only_attends_in_person_is_active(academy):
    report = impact_report(
        period=Period(start=date(2026, 2, 20), end=date(2026, 2, 20))
    )

    assert report.active == 1  # Ben, present; Fay was absent.


def test_without_the_headline_award_nobody_is_certified(academy, settings):
    settings.CERTIFICATES_IMPACT_AWARD = "No such award"

    report = impact_report(period=Q1)

    assert (report.award, report.certified) == (None, 0)
    assert all(month.certified == 0 for month in report.months)


def test_current_quarter_holds_the_whole_quarter():
    assert current_quarter(date(2026, 5, 17)) == Period(
        start=date(2026, 4, 1), end=date(2026, 6, 30)
    )
    assert current_quarter(date(2026, 12, 31)) == Period(
        start=date(2026, 10, 1), end=date(2026, 12, 31)
    )


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "<5"), (1, "<5"), (4, "<5"), (5, 5), (12, 12)]
)
def test_suppress_hides_counts_below_five(count, shown):
    assert suppress(count) == shown


def test_partner_share_has_every_area_for_every_month(academy):
    rows = partner_share(period=Q1)

    assert [
        (row.area, row.label, row.registered, row.completions, row.certified)
        for row in rows
    ] == [
        ("Beaumont Leys", "2026-01", 0, 0, 0),
        ("Beaumont Leys", "2026-02", 0, 0, 0),
        ("Beaumont Leys", "2026-03", 1, 0, 0),
        ("Braunstone Park", "2026-01", 1, 1, 0),
        ("Braunstone Park", "2026-02", 1, 1, 1),
        ("Braunstone Park", "2026-03", 0, 0, 0),
        ("Not in any area", "2026-01", 1, 0, 0),
        ("Not in any area", "2026-02", 0, 0, 0),
        ("Not in any area", "2026-03", 0, 0, 0),
    ]
    assert {value for row in rows for value in row.shared.values()} == {"<5"}


def test_partner_share_shows_five_and_hides_four(db):
    area = Area.objects.create(name="Saffron", slug="saffron", postcode_districts="")
    build_members(area, 5, at(2026, 1, 12), "january")
    build_members(area, 4, at(2026, 2, 12), "february")

    rows = partner_share(period=Q1, area=area)

    assert [(row.label, row.shared["registered"]) for row in rows] == [
        ("2026-01", 5),
        ("2026-02", "<5"),
        ("2026-03", "<5"),
    ]


def queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def test_queries_do_not_grow_with_the_data(academy, course_index):
    small = (
        queries(lambda: impact_report(period=Q1)),
        queries(lambda: impact_report(period=Q1, area=academy.braunstone)),
        queries(lambda: partner_share(period=Q1)),
    )
    for number in range(3):
        extra = Area.objects.create(
            name=f"Extra {number}", slug=f"extra-{number}", postcode_districts="LE9"
        )
        build_members(extra, 6, at(2026, 2, 1 + number), f"extra{number}")
    more = build_members(academy.braunstone, 8, at(2026, 3, 3), "more")
    more_course = factories.build_course(course_index, title="Staying safe online")
    for person in more:
        builders.complete(person, more_course, when=at(2026, 3, 20))

    large = (
        queries(lambda: impact_report(period=Q1)),
        queries(lambda: impact_report(period=Q1, area=academy.braunstone)),
        queries(lambda: partner_share(period=Q1)),
    )

    assert small == large == (10, 10, 8)
