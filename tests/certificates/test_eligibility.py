"""One meaning of "eligible": a resident who meets every requirement and holds
no current certificate of the award, read the same way on every path."""

import itertools
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certificates.eligibility import (
    award_eligible_learners,
    award_learner_is_eligible,
    award_progress,
    learner_automatic_awards,
)
from certificates.models import Award, Certificate, IssueBatch
from certificates.services import (
    certificate_issue,
    certificates_auto_issue,
    issue_batch_run,
)
from tests import factories
from tests.certificates import builders

pytestmark = pytest.mark.django_db

_numbers = itertools.count(1)

# How long ago each kind of evidence was achieved, against a certificate
# issued 400 days ago.
EVIDENCE_AGE = {"old": timedelta(days=410), "fresh": timedelta(days=1)}
ISSUED_AGO = timedelta(days=400)
# When each kind of certificate expires, from now; the renewal window is 60
# days by default.
EXPIRES_IN = {
    "current": timedelta(days=365),
    "lifelong": None,
    "due": timedelta(days=10),
    "expired": timedelta(days=-1),
}


def hold(learner, award, kind: str) -> Certificate:
    """A certificate of ``award`` for ``learner``, made directly so that a
    test can set up what eligibility would not let ``certificate_issue`` do."""
    now = timezone.now()
    number = next(_numbers)
    expires_in = EXPIRES_IN.get(kind, EXPIRES_IN["current"])
    return Certificate.objects.create(
        learner=learner,
        award=award,
        serial=f"CA-TEST-{number:06d}",
        verification_code=f"TEST{number:013d}",
        status_list_index=10_000 + number,
        name_on_certificate=learner.username,
        award_name=award.name,
        status=(
            Certificate.Status.REVOKED
            if kind == "revoked"
            else Certificate.Status.ACTIVE
        ),
        issued_at=now - ISSUED_AGO,
        expires_at=None if expires_in is None else now + expires_in,
    )


def eligible_usernames(award, **kwargs) -> set[str]:
    return set(
        award_eligible_learners(award=award, **kwargs).values_list(
            "username", flat=True
        )
    )


def test_staff_and_admin_users_who_meet_the_requirements_are_not_eligible(
    award, qualified, two_courses
):
    trainer = factories.make_trainer(username="trainer")
    staff = factories.make_resident(username="staff", is_staff=True)
    for person in (trainer, staff):
        for course in two_courses:
            builders.complete(person, course)

    assert eligible_usernames(award) == {qualified.username}
    assert not award_learner_is_eligible(award=award, learner=trainer)
    with pytest.raises(ValidationError):
        certificate_issue(learner=staff, award=award)


def test_an_award_without_requirements_has_no_one_eligible(resident):
    award = Award.objects.create(
        name="Nothing asked", template=builders.make_template(), requirements=[]
    )

    assert eligible_usernames(award) == set()


def test_learner_ids_narrow_the_eligible_learners(award, two_courses):
    learners = [factories.make_resident() for _ in range(3)]
    for learner in learners:
        for course in two_courses:
            builders.complete(learner, course)

    assert eligible_usernames(award, learner_ids=[learners[1].pk]) == {
        learners[1].username
    }
    assert eligible_usernames(award, learner_ids=[]) == set()


def test_automatic_awards_leave_a_revoked_learner_to_a_coordinator(
    course, course_award, resident
):
    builders.complete(resident, course)
    assert learner_automatic_awards(learner=resident) == [course_award]

    hold(resident, course_award, "revoked")

    assert award_learner_is_eligible(award=course_award, learner=resident)
    assert learner_automatic_awards(learner=resident) == []
    assert certificates_auto_issue(learner=resident) == []


def test_automatic_issue_renews_a_due_certificate_once(course, course_award, resident):
    builders.complete(resident, course)
    due = hold(resident, course_award, "due")

    renewed = certificates_auto_issue(learner=resident)

    assert [certificate.replaces_id for certificate in renewed] == [due.pk]
    assert certificates_auto_issue(learner=resident) == []
    assert (
        Certificate.objects.filter(
            learner=resident, status=Certificate.Status.ACTIVE
        ).count()
        == 1
    )


def test_a_certificate_issued_since_eligibility_was_read_is_not_replaced(
    course, course_award, resident
):
    builders.complete(resident, course)
    first = certificate_issue(learner=resident, award=course_award)

    again = certificate_issue(learner=resident, award=course_award, eligible=True)

    assert again == first
    assert Certificate.objects.filter(learner=resident).count() == 1


def test_progress_names_what_is_missing_and_who_holds_the_award(
    award, two_courses, resident, other_resident
):
    builders.complete(resident, two_courses[0])
    for course in two_courses:
        builders.complete(other_resident, course)
    hold(other_resident, award, "current")

    progress = award_progress(award=award, learner_ids=[resident.pk, other_resident.pk])

    assert progress.needs(resident.pk) == [
        award.requirements[1].block.describe(award.requirements[1].value)
    ]
    assert not progress.holds(resident.pk)
    assert progress.needs(other_resident.pk) == []
    assert progress.holds(other_resident.pk)


LEARNER = st.fixed_dictionaries(
    {
        "evidence": st.tuples(
            st.sampled_from([None, "old", "fresh"]),
            st.sampled_from([None, "old", "fresh"]),
        ),
        "certificate": st.sampled_from(
            [None, "current", "lifelong", "due", "expired", "revoked"]
        ),
        "active": st.booleans(),
    }
)


def expected_eligible(learner: dict) -> bool:
    evidence = learner["evidence"]
    if not learner["active"] or None in evidence:
        return False
    if learner["certificate"] in {"current", "lifelong"}:
        return False
    if learner["certificate"] in {"due", "expired"}:
        return all(age == "fresh" for age in evidence)
    return True


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(learners=st.lists(LEARNER, min_size=1, max_size=5))
def test_eligible_means_resident_with_every_requirement_and_no_current_certificate(
    award, two_courses, learners
):
    with transaction.atomic():
        wanted = set()
        for number, learner in enumerate(learners):
            user = factories.make_user(
                username=f"learner-{number}", is_active=learner["active"]
            )
            for course, age in zip(two_courses, learner["evidence"], strict=True):
                if age is not None:
                    builders.complete(
                        user, course, when=timezone.now() - EVIDENCE_AGE[age]
                    )
            if learner["certificate"] is not None:
                hold(user, award, learner["certificate"])
            if expected_eligible(learner):
                wanted.add(user.username)

        assert eligible_usernames(award) == wanted
        transaction.set_rollback(True)


def evidence_reads(queries) -> int:
    """Queries that read learners' evidence: completed enrolments."""
    return sum(
        '"learners_enrolment"' in query["sql"] for query in queries.captured_queries
    )


def run_batch(award, learners, coordinator) -> tuple[int, IssueBatch]:
    batch = IssueBatch.objects.create(
        award=award,
        created_by=coordinator,
        learner_ids=[learner.pk for learner in learners],
    )
    batch = IssueBatch.objects.select_related("award", "created_by").get(pk=batch.pk)
    with CaptureQueriesContext(connection) as queries:
        issue_batch_run(batch=batch)
    return evidence_reads(queries), batch


@pytest.mark.parametrize("size", [2, 8])
def test_bulk_issue_reads_eligibility_once_whatever_the_number_of_learners(
    award, two_courses, coordinator, size
):
    learners = [factories.make_resident() for _ in range(size)]
    for number, learner in enumerate(learners):
        for course in two_courses[: 1 + number % 2]:
            builders.complete(learner, course)

    reads, batch = run_batch(award, learners, coordinator)

    batch.refresh_from_db()
    assert batch.processed == size
    assert batch.certificates.count() == size // 2
    assert len(batch.problems) == size - size // 2
    # One eligibility query holds one subquery per requirement for the
    # evidence, and one more per requirement for renewals.
    assert reads == 1
