import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certificates import codes, rules
from certificates.models import Certificate
from certificates.services import (
    certificate_issue,
    certificate_render_retry,
    certificate_revoke,
    certificates_send_expiry_reminders,
)
from learners.models import Attempt, Enrolment
from learners.signals import course_completed
from tests import factories
from tests.certificates import builders

pytestmark = pytest.mark.django_db


def actions_for(certificate):
    return list(
        ModelLogEntry.objects.for_instance(certificate)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_issuing_records_a_certificate_with_serial_code_and_audit_entry(
    award, qualified, coordinator
):
    certificate = certificate_issue(
        learner=qualified, award=award, issued_by=coordinator
    )

    assert re.fullmatch(rf"CA-{timezone.now().year}-000001", certificate.serial)
    assert codes.problem_with(certificate.verification_code) is None
    assert certificate.status == Certificate.Status.ACTIVE
    assert certificate.name_on_certificate == "resident"
    assert certificate.award_name == "Expert Citizen"
    assert certificate.expires_at is None
    assert certificate.issued_by == coordinator
    entry = ModelLogEntry.objects.for_instance(certificate).get()
    assert entry.action == "certificates.issue"
    assert entry.user == coordinator
    assert entry.data["serial"] == certificate.serial


def test_issuing_twice_returns_the_same_certificate(award, qualified, coordinator):
    first = certificate_issue(learner=qualified, award=award, issued_by=coordinator)
    second = certificate_issue(learner=qualified, award=award, issued_by=coordinator)

    assert second.pk == first.pk
    assert Certificate.objects.count() == 1


def test_serials_and_status_list_positions_are_sequential(
    award, two_courses, coordinator
):
    learners = [factories.make_resident() for _ in range(3)]
    for learner in learners:
        for course in two_courses:
            builders.complete(learner, course)
    issued = [
        certificate_issue(learner=learner, award=award, issued_by=coordinator)
        for learner in learners
    ]

    assert [c.serial[-6:] for c in issued] == ["000001", "000002", "000003"]
    assert [c.status_list_index for c in issued] == [0, 1, 2]


def test_a_learner_who_has_not_met_the_requirements_cannot_be_issued(
    award, resident, two_courses, coordinator
):
    builders.complete(resident, two_courses[0])

    with pytest.raises(ValidationError, match="has not met the requirements"):
        certificate_issue(learner=resident, award=award, issued_by=coordinator)
    assert not Certificate.objects.exists()


@pytest.mark.parametrize("role", ["trainer", "other_resident", "resident"])
def test_only_users_with_the_issue_permission_can_issue(
    request, award, qualified, role
):
    user = request.getfixturevalue(role)

    with pytest.raises(PermissionDenied):
        certificate_issue(learner=qualified, award=award, issued_by=user)
    assert not Certificate.objects.exists()


def test_coordinators_hold_the_issue_and_revoke_permissions(coordinator, trainer):
    assert coordinator.has_perm("certificates.issue_certificate")
    assert coordinator.has_perm("certificates.revoke_certificate")
    assert not trainer.has_perm("certificates.issue_certificate")
    assert not trainer.has_perm("certificates.revoke_certificate")


def test_revoking_records_the_reason_and_logs_it(award, qualified, coordinator):
    certificate = certificate_issue(
        learner=qualified, award=award, issued_by=coordinator
    )

    certificate_revoke(
        certificate=certificate, reason="Issued by mistake", revoked_by=coordinator
    )

    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revocation_reason == "Issued by mistake"
    assert certificate.revoked_by == coordinator
    assert actions_for(certificate) == ["certificates.issue", "certificates.revoke"]


def test_revoking_needs_a_reason_and_the_permission(
    award, qualified, coordinator, trainer
):
    certificate = certificate_issue(
        learner=qualified, award=award, issued_by=coordinator
    )

    with pytest.raises(ValidationError):
        certificate_revoke(certificate=certificate, reason="  ", revoked_by=coordinator)
    with pytest.raises(PermissionDenied):
        certificate_revoke(certificate=certificate, reason="No", revoked_by=trainer)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ACTIVE


def test_after_revocation_a_coordinator_can_issue_a_new_certificate(
    award, qualified, coordinator
):
    old = certificate_issue(learner=qualified, award=award, issued_by=coordinator)
    certificate_revoke(certificate=old, reason="Wrong name", revoked_by=coordinator)

    new = certificate_issue(learner=qualified, award=award, issued_by=coordinator)

    assert new.pk != old.pk
    assert new.serial != old.serial
    assert Certificate.objects.filter(status=Certificate.Status.ACTIVE).count() == 1


def test_expiry_follows_the_awards_validity(course, course_award, resident):
    builders.complete(resident, course)

    certificate = certificate_issue(learner=resident, award=course_award)

    assert certificate.expires_at == rules.add_months(certificate.issued_at, 36)


def test_renewal_after_passing_again_issues_new_dates_and_keeps_the_old_one(
    course, course_award, resident
):
    long_ago = timezone.now() - timedelta(days=365 * 3)
    builders.complete(resident, course, when=long_ago)
    old = certificate_issue(learner=resident, award=course_award)
    Certificate.objects.filter(pk=old.pk).update(
        issued_at=long_ago, expires_at=timezone.now() - timedelta(days=3)
    )
    assert certificate_issue(learner=resident, award=course_award).pk == old.pk

    builders.complete(resident, course)
    renewed = certificate_issue(learner=resident, award=course_award)

    old.refresh_from_db()
    assert renewed.pk != old.pk
    assert renewed.replaces == old
    assert old.status == Certificate.Status.SUPERSEDED
    assert renewed.expires_at > timezone.now() + timedelta(days=365 * 2)
    assert actions_for(renewed) == ["certificates.reissue"]
    assert actions_for(old)[-1] == "certificates.supersede"


def test_passing_the_assessment_again_counts_as_renewal_evidence(
    course, course_award, resident
):
    long_ago = timezone.now() - timedelta(days=365 * 3)
    enrolment = builders.complete(resident, course, when=long_ago)
    old = certificate_issue(learner=resident, award=course_award)
    Certificate.objects.filter(pk=old.pk).update(
        issued_at=long_ago + timedelta(hours=1),
        expires_at=timezone.now() + timedelta(days=20),
    )
    Attempt.objects.create(
        enrolment=enrolment,
        number=2,
        status=Attempt.Status.SUBMITTED,
        expires_at=timezone.now(),
        submitted_at=timezone.now(),
        pass_mark=80,
        passed=True,
    )

    renewed = certificate_issue(learner=resident, award=course_award)

    assert renewed.pk != old.pk
    assert renewed.replaces_id == old.pk


def test_course_completion_issues_automatic_awards_renders_and_emails(
    course, course_award, award, resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = builders.complete(resident, course)
        course_completed.send(sender=Enrolment, enrolment=enrolment)

    certificate = Certificate.objects.get()
    assert certificate.award == course_award
    assert certificate.issued_by is None
    assert certificate.render_status == Certificate.RenderStatus.READY
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["resident@example.org"]
    assert certificate.get_download_url() in mail.outbox[0].body
    assert certificate.get_verify_url() in mail.outbox[0].body


def test_completion_does_not_reissue_an_award_a_coordinator_revoked(
    course, course_award, resident, coordinator, django_capture_on_commit_callbacks
):
    builders.complete(resident, course)
    revoked = certificate_issue(learner=resident, award=course_award)
    certificate_revoke(certificate=revoked, reason="Cheated", revoked_by=coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        enrolment = builders.complete(resident, course)
        course_completed.send(sender=Enrolment, enrolment=enrolment)

    assert list(Certificate.objects.values_list("pk", flat=True)) == [revoked.pk]


def test_retrying_a_render_needs_the_issue_permission_and_is_logged(
    award, qualified, coordinator, trainer
):
    certificate = certificate_issue(
        learner=qualified, award=award, issued_by=coordinator
    )

    with pytest.raises(PermissionDenied):
        certificate_render_retry(certificate=certificate, user=trainer)
    certificate_render_retry(certificate=certificate, user=coordinator)

    assert actions_for(certificate)[-1] == "certificates.render_retry"


def test_expiry_reminders_go_out_once_at_60_and_14_days(course, course_award, resident):
    builders.complete(resident, course)
    certificate = certificate_issue(learner=resident, award=course_award)
    now = timezone.now()
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_at=now + timedelta(days=59)
    )

    assert certificates_send_expiry_reminders(now=now) == 1
    assert certificates_send_expiry_reminders(now=now) == 0
    assert certificates_send_expiry_reminders(now=now + timedelta(days=46)) == 1
    assert certificates_send_expiry_reminders(now=now + timedelta(days=50)) == 0

    assert len(mail.outbox) == 2
    assert "expires" in mail.outbox[0].subject
    assert sorted(certificate.reminders.values_list("days_before", flat=True)) == [
        14,
        60,
    ]


def test_a_certificate_found_late_gets_only_the_nearer_reminder(
    course, course_award, resident
):
    builders.complete(resident, course)
    certificate = certificate_issue(learner=resident, award=course_award)
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_at=timezone.now() + timedelta(days=10)
    )

    assert certificates_send_expiry_reminders() == 1
    assert list(certificate.reminders.values_list("days_before", flat=True)) == [14]
