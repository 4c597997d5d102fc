"""Who is stuck: the one home of the rule the trainer's progress page shows.

Pure: it takes plain values and reads nothing, so the selector gathers the
figures and ``stuck_reasons`` decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from typing import Any

# A member with unfinished learning and nothing done for this long is stuck.
STUCK_AFTER = timedelta(days=14)
# This many failed attempts at one course's assessment means a member is stuck.
FAILED_ATTEMPTS_STUCK = 2


@dataclass(frozen=True)
class StuckReason:
    """Why a member looks stuck.

    ``kind`` is ``"inactive"`` (nothing done since ``since``), ``"failing"``
    (``failed`` failed attempts at ``course``'s assessment, best score
    ``best_score``) or ``"not_started"`` (enrolled on nothing although the
    cohort started more than two weeks ago).
    """

    kind: str
    since: datetime | None = None
    course: Any = None
    failed: int = 0
    best_score: Decimal | None = None


@dataclass(frozen=True)
class OpenCourse:
    """One course a member is enrolled on and has not completed: the figures
    of its submitted attempts."""

    course: Any
    failed: int
    passed: bool
    best_score: Decimal | None = None


def cohort_started_long_ago(
    *, cohort_start: date | None, now: datetime, tz: tzinfo
) -> bool:
    """Whether the cohort started before the academy's date ``STUCK_AFTER``
    ago."""
    return cohort_start is not None and (
        cohort_start < (now - STUCK_AFTER).astimezone(tz).date()
    )


def stuck_reasons(
    *,
    last_activity: datetime | None,
    open_courses: Sequence[OpenCourse],
    enrolled_on_cohort_course: bool,
    cohort_has_courses: bool,
    cohort_start: date | None,
    now: datetime,
    tz: tzinfo,
) -> list[StuckReason]:
    """Why a member is stuck, or an empty list if they are not.

    A member is stuck when they have unfinished learning (``open_courses``)
    and have done nothing for ``STUCK_AFTER``, when they have failed one open
    course's assessment ``FAILED_ATTEMPTS_STUCK`` times or more without
    passing, or when they are enrolled on none of the cohort's courses
    ``STUCK_AFTER`` after the cohort started. "Not started" comes first, then
    "inactive", then each failing course in the order given.
    """
    reasons = [
        StuckReason(
            kind="failing",
            course=item.course,
            failed=item.failed,
            best_score=item.best_score,
        )
        for item in open_courses
        if item.failed >= FAILED_ATTEMPTS_STUCK and not item.passed
    ]
    if open_courses and last_activity is not None and last_activity < now - STUCK_AFTER:
        reasons.insert(0, StuckReason(kind="inactive", since=last_activity))
    if (
        not enrolled_on_cohort_course
        and cohort_has_courses
        and cohort_started_long_ago(cohort_start=cohort_start, now=now, tz=tz)
    ):
        reasons.insert(0, StuckReason(kind="not_started"))
    return reasons
