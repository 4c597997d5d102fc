"""Properties of the pure "stuck" rule: no database, plain values in."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from learners.cohorts.stuck import (
    FAILED_ATTEMPTS_STUCK,
    STUCK_AFTER,
    OpenCourse,
    cohort_started_long_ago,
    stuck_reasons,
)

LONDON = ZoneInfo("Europe/London")

moments = st.datetimes(
    min_value=datetime(2020, 1, 1),
    max_value=datetime(2035, 1, 1),
    timezones=st.just(UTC),
)
days = st.dates(min_value=date(2019, 1, 1), max_value=date(2036, 1, 1))
scores = st.none() | st.decimals(min_value=0, max_value=100, places=2)
open_courses = st.lists(
    st.builds(
        OpenCourse,
        course=st.integers(min_value=1, max_value=10_000),
        failed=st.integers(min_value=0, max_value=6),
        passed=st.booleans(),
        best_score=scores,
    ),
    max_size=5,
)


def reasons_for(**overrides):
    values = {
        "last_activity": None,
        "open_courses": [],
        "enrolled_on_cohort_course": True,
        "cohort_has_courses": True,
        "cohort_start": None,
        "now": datetime(2026, 6, 1, 12, tzinfo=UTC),
        "tz": LONDON,
        **overrides,
    }
    return stuck_reasons(**values)


@given(now=moments, last_activity=st.none() | moments, start=st.none() | days)
def test_member_with_nothing_open_on_a_cohort_course_is_never_stuck(
    now, last_activity, start
):
    assert reasons_for(now=now, last_activity=last_activity, cohort_start=start) == []


@given(
    now=moments,
    courses=open_courses,
    idle=st.timedeltas(min_value=timedelta(0), max_value=STUCK_AFTER),
)
def test_recent_activity_is_never_inactive(now, courses, idle):
    reasons = reasons_for(now=now, last_activity=now - idle, open_courses=courses)
    assert "inactive" not in [reason.kind for reason in reasons]


@given(
    now=moments,
    courses=open_courses.filter(bool),
    extra=st.timedeltas(min_value=timedelta(microseconds=1), max_value=timedelta(999)),
)
def test_open_learning_idle_longer_than_stuck_after_is_inactive_since_then(
    now, courses, extra
):
    last_activity = now - STUCK_AFTER - extra
    reasons = reasons_for(now=now, last_activity=last_activity, open_courses=courses)
    inactive = [reason for reason in reasons if reason.kind == "inactive"]
    assert [reason.since for reason in inactive] == [last_activity]


@given(now=moments, last_activity=st.none() | moments)
def test_idle_member_with_nothing_open_is_not_inactive(now, last_activity):
    assert reasons_for(now=now, last_activity=last_activity, open_courses=[]) == []


@given(courses=open_courses)
def test_failing_reasons_are_the_open_courses_failed_often_and_never_passed(
    courses,
):
    reasons = reasons_for(open_courses=courses)
    assert [
        (reason.course, reason.failed, reason.best_score)
        for reason in reasons
        if reason.kind == "failing"
    ] == [
        (item.course, item.failed, item.best_score)
        for item in courses
        if item.failed >= FAILED_ATTEMPTS_STUCK and not item.passed
    ]


@given(failed=st.integers(min_value=0, max_value=FAILED_ATTEMPTS_STUCK - 1))
def test_fewer_failures_than_the_threshold_are_not_failing(failed):
    course = OpenCourse(course=1, failed=failed, passed=False, best_score=Decimal(1))
    assert reasons_for(open_courses=[course]) == []


@given(now=moments, start=st.none() | days, has_courses=st.booleans())
def test_not_started_only_without_a_cohort_course_after_the_cohort_began(
    now, start, has_courses
):
    reasons = reasons_for(
        now=now,
        cohort_start=start,
        enrolled_on_cohort_course=False,
        cohort_has_courses=has_courses,
    )
    expected = (
        has_courses
        and start is not None
        and start < (now - STUCK_AFTER).astimezone(LONDON).date()
    )
    assert [reason.kind for reason in reasons] == (["not_started"] if expected else [])


@given(
    now=moments,
    last_activity=st.none() | moments,
    courses=open_courses,
    enrolled=st.booleans(),
    start=st.none() | days,
)
def test_reasons_come_not_started_then_inactive_then_failing(
    now, last_activity, courses, enrolled, start
):
    kinds = [
        reason.kind
        for reason in reasons_for(
            now=now,
            last_activity=last_activity,
            open_courses=courses,
            enrolled_on_cohort_course=enrolled,
            cohort_start=start,
        )
    ]
    order = {"not_started": 0, "inactive": 1, "failing": 2}
    assert kinds == sorted(kinds, key=order.__getitem__)
    assert kinds.count("not_started") <= 1
    assert kinds.count("inactive") <= 1


def test_cohort_start_is_compared_with_the_academy_date_not_the_utc_date():
    # 23:30 UTC on 14 June is already 15 June in London, so a cohort that
    # started on 31 May began more than two weeks before the academy's date.
    now = datetime(2026, 6, 14, 23, 30, tzinfo=UTC)
    assert cohort_started_long_ago(cohort_start=date(2026, 5, 31), now=now, tz=LONDON)
    assert not cohort_started_long_ago(
        cohort_start=date(2026, 5, 31), now=now, tz=ZoneInfo("UTC")
    )
