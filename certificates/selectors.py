from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from . import codes, conf
from .models import Award, Certificate, IssueBatch


def award_requirement_evidence(*, award: Award) -> list[QuerySet]:
    """One lazy queryset per requirement: who meets it and when."""
    return [child.block.evidence(child.value) for child in award.requirements]


def award_eligible_learners(*, award: Award, now: datetime | None = None) -> QuerySet:
    """Active users who meet every requirement and hold no current certificate.

    Someone whose certificate has expired, or expires within the renewal
    window, is eligible again once they have fresh evidence for every
    requirement, newer than that certificate. The whole check is one query
    (plus one to read the award's requirements), whatever the number of users.
    """
    User = get_user_model()
    evidence = award_requirement_evidence(award=award)
    if not evidence:
        return User.objects.none()
    now = now or timezone.now()
    renew_from = now + conf.renewal_window()

    learners = User.objects.filter(is_active=True)
    for rows in evidence:
        learners = learners.filter(pk__in=rows.values("user_id"))

    active = Certificate.objects.filter(award=award, status=Certificate.Status.ACTIVE)
    current = active.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=renew_from))
    learners = learners.exclude(pk__in=current.values("learner_id"))
    due = active.filter(expires_at__lte=renew_from)
    for rows in evidence:
        fresh = rows.filter(
            user_id=OuterRef("learner_id"), achieved_at__gt=OuterRef("issued_at")
        )
        learners = learners.exclude(
            pk__in=due.exclude(Exists(fresh)).values("learner_id")
        )
    return learners.select_related("learner_profile").order_by(
        "last_name", "first_name", "username"
    )


def award_learner_is_eligible(*, award: Award, learner) -> bool:
    return award_eligible_learners(award=award).filter(pk=learner.pk).exists()


def learner_certificate_name(learner) -> str:
    """The learner's name as it should be printed."""
    profile = getattr(learner, "learner_profile", None)
    if profile is not None:
        return profile.display_name
    return learner.get_full_name() or learner.get_username()


def award_list_for_issuing() -> QuerySet[Award]:
    return Award.objects.select_related("template").order_by("name")


def learner_certificates(*, learner) -> QuerySet[Certificate]:
    """A learner's certificates, newest first, for their dashboard."""
    return (
        Certificate.objects.filter(learner=learner)
        .select_related("award")
        .order_by("-issued_at", "-pk")
    )


def certificate_for_code(*, code: str) -> Certificate | None:
    """The certificate a well-formed verification code names, if any."""
    return (
        Certificate.objects.filter(verification_code=codes.normalise(code))
        .only(
            "name_on_certificate",
            "award_name",
            "issued_at",
            "expires_at",
            "status",
            "revocation_reason",
            "verification_code",
        )
        .first()
    )


def certificate_for_download(*, serial: str, user) -> Certificate | None:
    """The certificate if ``user`` may download it, otherwise ``None``."""
    if not user.is_authenticated:
        return None
    certificate = Certificate.objects.filter(serial=serial).first()
    if certificate is None:
        return None
    if certificate.learner_id == user.pk or user.has_perm(
        "certificates.issue_certificate"
    ):
        return certificate
    return None


def batch_progress(*, batch: IssueBatch) -> dict:
    """Counts for a bulk issue's progress bar, in one query."""
    counts = batch.certificates.aggregate(
        ready=Count("pk", filter=Q(render_status=Certificate.RenderStatus.READY)),
        failed=Count("pk", filter=Q(render_status=Certificate.RenderStatus.FAILED)),
    )
    total = batch.total
    processed = batch.processed
    problems = len(batch.problems)
    finished = counts["ready"] + counts["failed"] + problems
    done = processed >= total and finished >= total
    return {
        "total": total,
        "processed": processed,
        "ready": counts["ready"],
        "failed": counts["failed"],
        "problems": problems,
        "finished": min(finished, total),
        "done": done,
    }


def certificates_due_reminder(
    *, days_before: int, later_than_days: int = 0, now: datetime | None = None
) -> QuerySet[Certificate]:
    """Active certificates expiring in ``later_than_days`` to ``days_before`` days
    from now whose reminder for that stage has not gone out."""
    now = now or timezone.now()
    return (
        Certificate.objects.filter(
            status=Certificate.Status.ACTIVE,
            expires_at__gt=now + timedelta(days=later_than_days),
            expires_at__lte=now + timedelta(days=days_before),
        )
        .exclude(reminders__days_before=days_before)
        .select_related("learner", "award")
        .order_by("expires_at")
    )
