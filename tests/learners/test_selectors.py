"""Attempt numbering and expiry as pure rules, and the selector that numbers
the next attempt."""

from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry

from learners import selectors, services
from learners.models import Attempt
from tests.learners.conftest import fail_attempt, submit

STATUSES = list(Attempt.Status)


@st.composite
def attempt_histories(draw) -> list[Attempt]:
    """Attempts numbered 1, 2, 3… in any status, passed or not when submitted."""
    rows = draw(
        st.lists(st.tuples(st.sampled_from(STATUSES), st.booleans()), max_size=12)
    )
    attempts = [
        Attempt(
            number=number,
            status=status,
            passed=passed if status == Attempt.Status.SUBMITTED else None,
        )
        for number, (status, passed) in enumerate(rows, start=1)
    ]
    return draw(st.permutations(attempts))


# Counting towards the limit ---------------------------------------------------


@given(attempt_histories())
def test_only_submitted_attempts_after_the_latest_pass_count(attempts):
    counted = selectors.attempts_counted(attempts)
    latest_pass = max(
        (a.number for a in attempts if a.status == "submitted" and a.passed),
        default=0,
    )
    assert [a.number for a in counted] == sorted(
        a.number
        for a in attempts
        if a.status == Attempt.Status.SUBMITTED and a.number > latest_pass
    )
    assert not any(a.passed for a in counted)


@given(attempt_histories())
def test_without_a_pass_every_submitted_attempt_counts(attempts):
    if selectors.has_passed(attempts):
        return
    submitted = {a.number for a in attempts if a.status == Attempt.Status.SUBMITTED}
    assert {a.number for a in selectors.attempts_counted(attempts)} == submitted


@given(attempt_histories(), st.sampled_from(STATUSES))
def test_a_later_attempt_that_is_not_submitted_changes_no_count(attempts, status):
    if status == Attempt.Status.SUBMITTED:
        return
    later = Attempt(number=len(attempts) + 1, status=status)
    assert selectors.attempts_counted([*attempts, later]) == (
        selectors.attempts_counted(attempts)
    )


# Expiry -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "minutes_left", "overdue", "expired"),
    [
        (Attempt.Status.IN_PROGRESS, 5, False, False),
        (Attempt.Status.IN_PROGRESS, 0, True, True),
        (Attempt.Status.IN_PROGRESS, -5, True, True),
        (Attempt.Status.EXPIRED, -5, False, True),
        (Attempt.Status.SUBMITTED, -5, False, False),
    ],
)
def test_an_attempt_is_overdue_only_while_open_past_its_time(
    status, minutes_left, overdue, expired
):
    now = timezone.now()
    attempt = Attempt(status=status, expires_at=now + timedelta(minutes=minutes_left))
    assert selectors.attempt_overdue(attempt, now=now) is overdue
    assert selectors.attempt_expired(attempt, now=now) is expired


# Numbering --------------------------------------------------------------------


@pytest.mark.django_db
def test_numbers_follow_the_highest_so_far_expired_and_paper_included(
    resident, course, enrolled
):
    assert selectors.attempt_number_next(enrolment=enrolled) == 1
    first = services.attempt_start(user=resident, course=course)
    Attempt.objects.filter(pk=first.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    services.attempt_expire_if_due(attempt=Attempt.objects.get(pk=first.pk))
    fail_attempt(resident, course)
    Attempt.objects.create(
        enrolment=enrolled,
        number=7,
        status=Attempt.Status.SUBMITTED,
        source=Attempt.Source.PAPER,
        expires_at=timezone.now(),
        submitted_at=timezone.now(),
        pass_mark=80,
        score=40,
        passed=False,
    )
    assert selectors.attempt_number_next(enrolment=enrolled) == 8


@pytest.mark.django_db
def test_expiring_an_attempt_in_time_does_nothing_and_twice_logs_once(
    resident, open_attempt
):
    assert services.attempt_expire_if_due(attempt=open_attempt) is False
    later = open_attempt.expires_at + timedelta(seconds=1)
    assert services.attempt_expire_if_due(attempt=open_attempt, now=later) is True
    stale = Attempt.objects.get(pk=open_attempt.pk)
    assert stale.status == Attempt.Status.EXPIRED
    assert services.attempt_expire_if_due(attempt=stale, now=later) is False
    expiries = ModelLogEntry.objects.filter(action="learners.attempt_expire")
    assert expiries.count() == 1
    with pytest.raises(services.AttemptExpired):
        submit(resident, stale)
