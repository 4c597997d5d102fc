"""Who is eligible for an award, and what they still need.

This is the one place that decides. A learner is **eligible** for an award when

1. they are a resident (``learners.people.residents``: an active account that
   is not staff and cannot reach the admin);
2. they meet every requirement: each requirement block's ``evidence()`` has a
   row for them (an award without requirements has no one eligible); and
3. they hold no active certificate of the award, unless it is **due for
   renewal** (expired, or expiring within ``CERTIFICATES_RENEWAL_WINDOW_DAYS``)
   and their evidence for every requirement is newer than that certificate.
   A revoked or superseded certificate is not held.

The issuing screen, bulk issue, automatic issue and the trainer's view of
needs all ask here, once each: eligibility is one query whatever the number of
learners. Automatic issue adds one policy of its own, kept here beside the
rule: a learner whose latest certificate of an award was revoked is left for a
coordinator to decide.

Only ``evidence()`` is called; ``describe()`` names what a learner still needs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from learners.models import Enrolment
from learners.people import residents

from . import conf
from .models import Award, Certificate
from .selectors import award_course_ids, headline_award


def _evidence(award: Award) -> list[QuerySet]:
    """One lazy queryset per requirement: who meets it and when."""
    return [child.block.evidence(child.value) for child in award.requirements]


def renewal_due_from(now: datetime | None = None) -> datetime:
    """Certificates expiring on or before this moment are due for renewal."""
    return (now or timezone.now()) + conf.renewal_window()


def certificate_is_due_for_renewal(
    certificate: Certificate, *, now: datetime | None = None
) -> bool:
    return (
        certificate.expires_at is not None
        and certificate.expires_at <= renewal_due_from(now)
    )


def award_eligible_learners(
    *,
    award: Award,
    learner_ids: Iterable[int] | None = None,
    now: datetime | None = None,
) -> QuerySet:
    """The learners eligible for ``award`` (see the module docstring), among
    ``learner_ids`` when given, ordered by name.

    One query, plus one to read the award's requirements, whatever the number
    of learners.
    """
    evidence = _evidence(award)
    learners = residents()
    if not evidence:
        return learners.none()
    if learner_ids is not None:
        learners = learners.filter(pk__in=list(learner_ids))
    renew_from = renewal_due_from(now)
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
    return award_eligible_learners(award=award, learner_ids=[learner.pk]).exists()


def learner_automatic_awards(*, learner) -> list[Award]:
    """The automatic awards ``learner`` is eligible for, leaving out those
    whose latest certificate for them was revoked. Two queries per automatic
    award."""
    awards = []
    for award in Award.objects.filter(auto_issue=True).order_by("pk"):
        latest = (
            Certificate.objects.filter(learner=learner, award=award)
            .order_by("-issued_at", "-pk")
            .only("status")
            .first()
        )
        if latest is not None and latest.status == Certificate.Status.REVOKED:
            continue
        if award_learner_is_eligible(award=award, learner=learner):
            awards.append(award)
    return awards


def learner_courses_due_for_renewal(
    *, learner, course_ids: Iterable[int], now: datetime | None = None
) -> set[int]:
    """The courses, among ``course_ids``, whose assessment ``learner`` should
    pass again to renew a certificate.

    A course is due when the learner holds an active certificate for an award
    that requires completing it, the certificate is due for renewal, and the
    learner has not passed the course since that certificate was issued (the
    same evidence ``award_eligible_learners`` asks for). Revoked certificates
    are left for a coordinator. At most two queries. Fills the
    ``learners_assessment_retakes_due`` hook.
    """
    course_ids = set(course_ids)
    if not course_ids or not learner.is_authenticated:
        return set()
    due_certificates = Certificate.objects.filter(
        learner=learner,
        status=Certificate.Status.ACTIVE,
        expires_at__lte=renewal_due_from(now),
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


@dataclass
class AwardProgress:
    """Who, among some learners, holds an award, meets it or lacks what."""

    award: Award
    holders: set[int]
    missing: dict[int, list[str]]

    def needs(self, learner_id: int) -> list[str]:
        return self.missing.get(learner_id, [])

    def holds(self, learner_id: int) -> bool:
        return learner_id in self.holders


def award_progress(*, award: Award, learner_ids: list[int]) -> AwardProgress:
    """What each learner still needs for ``award``, read from the evidence
    eligibility uses, and who holds an unexpired certificate of it: one query
    per requirement plus one, however many learners."""
    missing: dict[int, list[str]] = {}
    for child in award.requirements:
        met = set(
            child.block.evidence(child.value)
            .filter(user_id__in=learner_ids)
            .values_list("user_id", flat=True)
        )
        description = child.block.describe(child.value)
        for learner_id in learner_ids:
            if learner_id not in met:
                missing.setdefault(learner_id, []).append(description)
    holders = set(
        Certificate.objects.filter(
            award=award, learner_id__in=learner_ids, status=Certificate.Status.ACTIVE
        )
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
        .values_list("learner_id", flat=True)
    )
    return AwardProgress(award=award, holders=holders, missing=missing)


# Attribute of the request that holds the progress of each cohort already read.
CACHE_ATTRIBUTE = "_certificates_cohort_award_progress"


def cohort_award_progress(
    *, request: HttpRequest | None, overview
) -> AwardProgress | None:
    """The headline award's progress for every member of ``overview``'s
    cohort, or ``None`` when the academy has no headline award.

    The trainer's progress page renders its slot once per member, so the
    progress is read once for the whole cohort and kept on the request: the
    page makes the same number of queries for 2 members as for 200.
    """
    # Without a request (a template rendered on its own) nothing is kept.
    cache = {}
    if request is not None:
        cache = request.__dict__.setdefault(CACHE_ATTRIBUTE, {})
    key = overview.cohort.pk
    if key not in cache:
        award = headline_award()
        learner_ids = [summary.learner.pk for summary in overview.members]
        cache[key] = (
            None
            if award is None
            else award_progress(award=award, learner_ids=learner_ids)
        )
    return cache[key]


def cohort_member_needs(context) -> str:
    """Fills the ``learners_cohort_member_needs`` slot: what one member of a
    cohort still needs for the headline award."""
    overview = context.get("overview")
    summary = context.get("summary")
    if overview is None or summary is None:
        return ""
    request = context.get("request")
    progress = cohort_award_progress(request=request, overview=overview)
    if progress is None:
        return ""
    learner_id = summary.learner.pk
    html = render_to_string(
        "certificates/includes/cohort_member_needs.html",
        {
            "award": progress.award,
            "holds": progress.holds(learner_id),
            "needs": progress.needs(learner_id),
        },
        request=request,
    )
    return mark_safe(html)  # noqa: S308 - rendered by the template engine
