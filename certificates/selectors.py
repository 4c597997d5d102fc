from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from learners.accounts.profiles import without_bidi_controls
from learners.people import display_name

from . import codes
from .models import Award, Certificate, IssueBatch

DEFAULT_HEADLINE_AWARD = "Expert Citizen"


def headline_award() -> Award | None:
    """The award the impact report and the trainer's progress page follow,
    named by the ``CERTIFICATES_IMPACT_AWARD`` setting."""
    name = getattr(settings, "CERTIFICATES_IMPACT_AWARD", DEFAULT_HEADLINE_AWARD)
    return Award.objects.filter(name=name).first()


def award_course_ids(*, award: Award) -> set[int]:
    """The courses whose completion ``award`` requires, read from the stored
    requirements without loading the pages."""
    ids = set()
    for item in award.requirements.raw_data:
        if item.get("type") != "course":
            continue
        course_id = (item.get("value") or {}).get("course")
        if isinstance(course_id, int):
            ids.add(course_id)
    return ids


def learner_certificate_name(learner) -> str:
    """The learner's name as it should be printed, without the direction
    controls a certificate refuses, so a name set in the user editor is
    printed as it shows rather than stopping the issue."""
    return without_bidi_controls(display_name(learner))


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
    if not serial.isprintable():
        # No serial holds a NUL byte or other control, and PostgreSQL refuses
        # to compare text with a NUL byte in it.
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


def batch_problem_list(*, batch: IssueBatch) -> list[dict]:
    """The learners a bulk issue left out, by name and why, in one query.

    ``name`` is ``None`` for an account deleted since.
    """
    ids = [problem["learner"] for problem in batch.problems]
    learners = (
        get_user_model().objects.select_related("learner_profile").in_bulk(ids)
        if ids
        else {}
    )
    return [
        {
            "learner_id": problem["learner"],
            "name": learner_certificate_name(learners[problem["learner"]])
            if problem["learner"] in learners
            else None,
            "message": problem["message"],
        }
        for problem in batch.problems
    ]


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
