"""One meaning of "eligible": a resident who meets every requirement and holds
no current certificate of the award, read the same way on every path; and the
trainer's progress page, which shows what each member still needs for the
headline award, filled in by certificates through the learners slot."""

import itertools
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
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
    certificate_revoke,
    certificates_auto_issue,
    issue_batch_run,
)
from learners.models import Enrolment, SkillSignOff
from tests import factories
from tests.certificates import builders
from tests.learners.cohorts.builders import (
    add_skills,
    build_cohort,
    build_session,
    make_members,
)

pytestmark = pytest.mark.django_db


def eligible(award):
    return list(award_eligible_learners(award=award))


def test_learners_who_completed_every_required_course_are_eligible(
    award, qualified, other_resident, two_courses
):
    builders.complete(other_resident, two_courses[0])

    assert eligible(award) == [qualified]


def test_an_unfinished_enrolment_does_not_count(award, resident, two_courses):
    builders.complete(resident, two_courses[0])
    Enrolment.objects.create(user=resident, course=two_courses[1])

    assert eligible(award) == []


def test_holders_of_a_current_certificate_are_not_listed(award, qualified, coordinator):
    certificate_issue(learner=qualified, award=award, issued_by=coordinator)

    assert eligible(award) == []


def test_a_revoked_certificate_puts_the_learner_back_on_the_list(
    award, qualified, coordinator
):
    certificate = certificate_issue(
        learner=qualified, award=award, issued_by=coordinator
    )
    certificate_revoke(certificate=certificate, reason="Typo", revoked_by=coordinator)

    assert eligible(award) == [qualified]


def test_expired_holders_need_fresh_evidence_to_be_listed_again(
    course, course_award, resident
):
    long_ago = timezone.now() - timedelta(days=1200)
    builders.complete(resident, course, when=long_ago)
    certificate = certificate_issue(learner=resident, award=course_award)
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=long_ago, expires_at=timezone.now() - timedelta(days=1)
    )
    assert eligible(course_award) == []

    builders.complete(resident, course)

    assert eligible(course_award) == [resident]


def test_deactivated_accounts_are_not_listed(award, qualified):
    qualified.is_active = False
    qualified.save()

    assert eligible(award) == []


@pytest.mark.parametrize("learners", [3, 30])
def test_eligibility_takes_two_queries_whatever_the_number_of_learners(
    award, two_courses, coordinator, django_assert_num_queries, learners
):
    for number in range(learners):
        learner = factories.make_resident()
        for course in two_courses:
            builders.complete(learner, course)
        if number % 3 == 0:
            certificate_issue(learner=learner, award=award, issued_by=coordinator)
    award.refresh_from_db()

    with django_assert_num_queries(2):
        rows = [
            (learner.pk, getattr(learner, "learner_profile", None))
            for learner in award_eligible_learners(award=award)
        ]

    assert len(rows) == learners - len(range(0, learners, 3))


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


@pytest.fixture
def first_aid(course_index):
    return factories.build_course(course_index, title="First aid essentials")


@pytest.fixture
def skills(first_aid):
    return add_skills(first_aid)


@pytest.fixture
def expert(course, first_aid, skills):
    return Award.objects.create(
        name="Expert Citizen",
        template=builders.make_template(),
        requirements=[
            ("course", {"course": course}),
            ("practical", {"course": first_aid}),
        ],
    )


def build_trained_cohort(trainer, members, courses):
    cohort = build_cohort(name="Braunstone Park", trainers=[trainer], members=members)
    for course in courses:
        build_session(cohort, course, trainer=trainer)
    return cohort


def sign_off(learner, *skills):
    for skill in skills:
        SkillSignOff.objects.create(
            learner=learner, skill=skill, signed_off_on=timezone.localdate()
        )


def progress_page(client, trainer, cohort) -> str:
    client.force_login(trainer)
    response = client.get(reverse("learners:cohort_progress", args=[cohort.pk]))
    assert response.status_code == 200
    return response.content.decode()


def member_card(html: str, learner) -> str:
    start = html.index(f'id="member-{learner.pk}"')
    return html[start : html.index("</article>", start)]


def test_each_member_sees_what_they_still_need_for_the_award(
    client, trainer, expert, course, first_aid, skills
):
    halfway = factories.make_resident(first_name="Hodan", last_name="Ali")
    builders.complete(halfway, course)
    sign_off(halfway, *skills[:2])
    ready = factories.make_resident(first_name="Priya", last_name="Shah")
    builders.complete(ready, course)
    sign_off(ready, *skills)
    holder = factories.make_resident(first_name="Amira", last_name="Khan")
    builders.complete(holder, course)
    sign_off(holder, *skills)
    certificate_issue(learner=holder, award=expert)
    cohort = build_trained_cohort(trainer, [halfway, ready, holder], [first_aid])

    html = progress_page(client, trainer, cohort)

    card = member_card(html, halfway)
    assert "<h4>Towards Expert Citizen</h4>" in card
    assert "Still needed:" in card
    assert (
        "<li>Have every practical skill of First aid essentials signed off</li>" in card
    )
    assert "Complete Fire safety at home" not in card
    assert "Meets every requirement of Expert Citizen" in member_card(html, ready)
    assert "Holds the Expert Citizen certificate." in member_card(html, holder)


def test_the_section_follows_the_award_named_in_the_settings(
    client, settings, trainer, expert, course
):
    member = factories.make_resident()
    cohort = build_trained_cohort(trainer, [member], [course])
    settings.CERTIFICATES_IMPACT_AWARD = "No such award"

    html = progress_page(client, trainer, cohort)

    assert "Towards" not in html
    assert "Still needed:" not in html


def queries_for_page(client, trainer, cohort) -> int:
    client.force_login(trainer)
    url = reverse("learners:cohort_progress", args=[cohort.pk])
    client.get(url)  # Warms Wagtail's caches: site, locales.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("Towards Expert Citizen") == (
        cohort.members.count()
    )
    return len(queries)


def test_progress_page_makes_the_same_queries_for_2_members_as_for_12(
    client, trainer, expert, course, first_aid, skills
):
    def varied(members):
        for number, member in enumerate(members):
            if number % 2:
                builders.complete(member, course)
            sign_off(member, *skills[: number % 4])
        return members

    small = build_trained_cohort(trainer, varied(make_members(2)), [course, first_aid])
    large = build_trained_cohort(trainer, varied(make_members(12)), [course, first_aid])

    assert queries_for_page(client, trainer, small) == queries_for_page(
        client, trainer, large
    )
