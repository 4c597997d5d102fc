"""Renewal from the learner's side: passing the course assessment again.

Certificates fills learners' ``learners_assessment_retakes_due`` hook, so a
holder whose certificate expires within the renewal window (or has expired)
may take the assessment again; passing renews automatic awards at once and
puts the learner back on the coordinator's list for the others.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from certificates.eligibility import (
    award_eligible_learners,
    learner_courses_due_for_renewal,
)
from certificates.models import Certificate
from certificates.selectors import learner_certificates
from certificates.services import (
    certificate_issue,
    certificate_revoke,
    certificates_send_expiry_reminders,
)
from learners import selectors, services
from learners.assisted import services as assisted
from learners.models import Enrolment
from learners.selectors import AssessmentState
from tests.certificates import builders
from tests.learners.conftest import enrol, finish_lessons, form_data, submit

pytestmark = pytest.mark.django_db


def pass_course(user, course, capture) -> Enrolment:
    """Enrols, finishes the lessons and passes, running what that queues."""
    enrolment = enrol(user, course)
    finish_lessons(user, course)
    with capture(execute=True):
        submit(user, services.attempt_start(user=user, course=course))
    return enrolment


def backdate(enrolment, certificate, *, years: int, expires_in_days: int):
    """Moves the pass, the completion and the certificate into the past, with
    the certificate now ``expires_in_days`` from expiry (negative: expired)."""
    issued_at = timezone.now() - timedelta(days=365 * years)
    enrolment.attempts.exclude(submitted_at=None).update(
        submitted_at=issued_at - timedelta(hours=1)
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(
        completed_at=issued_at - timedelta(hours=1)
    )
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=issued_at,
        expires_at=timezone.now() + timedelta(days=expires_in_days),
    )
    certificate.refresh_from_db()


@pytest.fixture
def holder(resident, course, course_award, django_capture_on_commit_callbacks):
    """A resident who passed the course long ago and holds its automatic
    certificate, expiring in 30 days."""
    enrolment = pass_course(resident, course, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(learner=resident, award=course_award)
    backdate(enrolment, certificate, years=3, expires_in_days=30)
    return certificate


def test_passing_again_renews_an_automatic_award_and_keeps_the_old_one(
    holder, resident, course, django_capture_on_commit_callbacks
):
    status = selectors.course_progress(user=resident, course=course).assessment
    assert (status.state, status.retake) == (AssessmentState.AVAILABLE, True)

    attempt = services.attempt_start(user=resident, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        submit(resident, attempt)

    holder.refresh_from_db()
    renewed = Certificate.objects.get(status=Certificate.Status.ACTIVE)
    assert holder.status == Certificate.Status.SUPERSEDED
    assert renewed.replaces == holder
    assert renewed.issued_at > holder.issued_at
    assert renewed.expires_at > timezone.now() + timedelta(days=365 * 2)
    assert renewed.render_status == Certificate.RenderStatus.READY
    assert list(learner_certificates(learner=resident)) == [renewed, holder]
    after = selectors.course_progress(user=resident, course=course).assessment
    assert after.state == AssessmentState.PASSED


def test_an_expired_certificate_can_be_renewed_too(holder, resident, course):
    Certificate.objects.filter(pk=holder.pk).update(
        expires_at=timezone.now() - timedelta(days=10)
    )

    assert learner_courses_due_for_renewal(
        learner=resident, course_ids={course.pk}
    ) == {course.pk}
    assert services.attempt_start(user=resident, course=course).number == 2


def test_no_retake_while_the_certificate_has_long_to_run(holder, resident, course):
    Certificate.objects.filter(pk=holder.pk).update(
        expires_at=timezone.now() + timedelta(days=61)
    )

    with pytest.raises(services.AttemptRefused) as refusal:
        services.attempt_start(user=resident, course=course)

    assert refusal.value.status.state == AssessmentState.PASSED
    assert (
        learner_courses_due_for_renewal(learner=resident, course_ids={course.pk})
        == set()
    )


def test_no_retake_for_a_revoked_certificate(holder, resident, course, coordinator):
    certificate_revoke(certificate=holder, reason="Cheated", revoked_by=coordinator)

    with pytest.raises(services.AttemptRefused):
        services.attempt_start(user=resident, course=course)


def test_no_retake_for_a_certificate_that_never_expires(
    resident, course, django_capture_on_commit_callbacks
):
    builders.make_award([course], name="Lifelong", auto_issue=True)
    enrolment = pass_course(resident, course, django_capture_on_commit_callbacks)
    backdate(enrolment, Certificate.objects.get(), years=10, expires_in_days=0)
    Certificate.objects.update(expires_at=None)

    assert (
        learner_courses_due_for_renewal(learner=resident, course_ids={course.pk})
        == set()
    )


def test_a_coordinator_award_waits_for_fresh_passes_in_every_course(
    resident, two_courses, coordinator, django_capture_on_commit_callbacks
):
    """An award needing two courses is renewed once both are passed again;
    then the learner is back on the coordinator's list and is not asked to
    retake while waiting."""
    award = builders.make_award(two_courses, name="Expert Citizen", validity_months=24)
    enrolments = [
        pass_course(resident, course, django_capture_on_commit_callbacks)
        for course in two_courses
    ]
    old = certificate_issue(learner=resident, award=award, issued_by=coordinator)
    for enrolment in enrolments:
        backdate(enrolment, old, years=2, expires_in_days=20)
    course_ids = {course.pk for course in two_courses}
    first, second = two_courses

    assert (
        learner_courses_due_for_renewal(learner=resident, course_ids=course_ids)
        == course_ids
    )
    submit(resident, services.attempt_start(user=resident, course=first))
    assert learner_courses_due_for_renewal(learner=resident, course_ids=course_ids) == {
        second.pk
    }
    assert resident not in award_eligible_learners(award=award)

    submit(resident, services.attempt_start(user=resident, course=second))

    assert list(award_eligible_learners(award=award)) == [resident]
    assert (
        learner_courses_due_for_renewal(learner=resident, course_ids=course_ids)
        == set()
    )
    assert Certificate.objects.get(status=Certificate.Status.ACTIVE) == old
    renewed = certificate_issue(learner=resident, award=award, issued_by=coordinator)
    old.refresh_from_db()
    assert (renewed.replaces, old.status) == (old, Certificate.Status.SUPERSEDED)


def test_the_expiry_reminder_links_to_the_renewal(holder):
    assert certificates_send_expiry_reminders() == 1

    body = mail.outbox[-1].body
    assert "pass the course assessment again" in body
    assert "http://testserver" + reverse("learners:dashboard") in body


# Through the browser's requests ----------------------------------------------


def test_resident_renews_from_the_dashboard(
    client, holder, resident, course, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    assessment_url = reverse("learners:assessment", args=[course.pk])

    dashboard = client.get(reverse("learners:dashboard")).content.decode()
    assert "Renew: take the assessment again" in dashboard
    assert f'href="{assessment_url}"' in dashboard
    assert "Renew: take the assessment again" in client.get(course.url).content.decode()
    assessment = client.get(assessment_url).content.decode()
    assert "It is time to renew." in assessment

    started = client.post(reverse("learners:assessment_start", args=[course.pk]))
    attempt = Enrolment.objects.get(user=resident).attempts.get(number=2)
    assert started["Location"] == reverse("learners:attempt", args=[attempt.pk])
    with django_capture_on_commit_callbacks(execute=True):
        result = client.post(started["Location"], form_data(attempt), follow=True)

    assert "You passed again." in result.content.decode()
    holder.refresh_from_db()
    renewed = Certificate.objects.get(status=Certificate.Status.ACTIVE)
    assert holder.status == Certificate.Status.SUPERSEDED
    dashboard = client.get(reverse("learners:dashboard")).content.decode()
    assert "Renew: take the assessment again" not in dashboard
    assert renewed.serial in dashboard
    assert holder.serial in dashboard
    assert "Renewed" in dashboard


def test_resident_cannot_retake_before_renewal_is_due(client, holder, resident, course):
    Certificate.objects.filter(pk=holder.pk).update(
        expires_at=timezone.now() + timedelta(days=400)
    )
    client.force_login(resident)

    assert "Renew: take the assessment again" not in (
        client.get(reverse("learners:dashboard")).content.decode()
    )
    response = client.post(
        reverse("learners:assessment_start", args=[course.pk]), follow=True
    )

    assert "You have already passed this assessment." in response.content.decode()
    assert Enrolment.objects.get(user=resident).attempts.count() == 1


def test_a_paper_retake_entered_by_a_coordinator_renews_too(
    holder, resident, course, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assisted.paper_result_record(
            learner=resident,
            course=course,
            score=100,
            taken_on=timezone.localdate(),
            entered_by=coordinator,
        )

    holder.refresh_from_db()
    renewed = Certificate.objects.get(status=Certificate.Status.ACTIVE)
    assert holder.status == Certificate.Status.SUPERSEDED
    assert renewed.replaces == holder
    assert renewed.issued_at > holder.issued_at
