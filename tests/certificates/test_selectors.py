from datetime import timedelta

import pytest
from django.utils import timezone

from certificates.eligibility import award_eligible_learners
from certificates.models import Certificate
from certificates.services import certificate_issue, certificate_revoke
from learners.models import Enrolment
from tests import factories
from tests.certificates import builders

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
