from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from learners.accounts.profiles import without_bidi_controls
from learners.models import Enrolment
from learners.people import display_name

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


def learner_courses_due_for_renewal(
    *, learner, course_ids: Iterable[int], now: datetime | None = None
) -> set[int]:
    """The courses, among ``course_ids``, whose assessment ``learner`` should
    pass again to renew a certificate.

    A course is due when the learner holds an active certificate for an award
    that requires completing it, the certificate has expired or expires within
    the renewal window, and the learner has not passed the course since that
    certificate was issued (the same evidence ``award_eligible_learners``
    asks for). Revoked certificates are left for a coordinator. At most two
    queries. Fills the ``learners_assessment_retakes_due`` hook.
    """
    course_ids = set(course_ids)
    if not course_ids or not learner.is_authenticated:
        return set()
    now = now or timezone.now()
    due_certificates = Certificate.objects.filter(
        learner=learner,
        status=Certificate.Status.ACTIVE,
        expires_at__lte=now + conf.renewal_window(),
    ).select_related("award")
    # For each course, the newest issue date among the due certificates that
    # need it: a pass older than that leaves at least one of them unrenewed.
    needed_since: dict[int, datetime] = {}
    for certificate in due_certificates:
        for course_id in award_course_ids(award=certificate.award) & course_ids:
            previous = needed_since.get(course_id)
            if previous is None or certificate.issued_at > previous:
                needed_since[course_id] = certificate.issued_at
    if not needed_since:
        return set()
    achieved = {
        row["course_id"]: max(
            row["completed_at"], row["latest_pass"] or row["completed_at"]
        )
        for row in Enrolment.objects.filter(
            user=learner, course_id__in=needed_since, completed_at__isnull=False
        )
        .annotate(
            latest_pass=Max(
                "attempts__submitted_at",
                filter=Q(attempts__passed=True),
            )
        )
        .values("course_id", "completed_at", "latest_pass")
    }
    return {
        course_id
        for course_id, issued_at in needed_since.items()
        if course_id not in achieved or achieved[course_id] <= issued_at
    }


def learner_certificate_name(learner) -> str:
    """The learner's name as it should be printed, without the direction
    controls a certificate refuses, so a name set in the user editor is
    printed as it shows rather than stopping the issue."""
    return without_bidi_controls(display_name(learner))


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
