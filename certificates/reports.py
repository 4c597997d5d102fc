"""The headline award, and what learners still need for an award.

The headline award (Expert Citizen in the demo academy) is the award named by
the ``CERTIFICATES_IMPACT_AWARD`` setting, read when needed. Awards have no
slug, so the name is the one stable handle the seed gives it. The trainer's
view of a cohort's needs and the impact report (``impact.figures``) both
count it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import Award, Certificate

DEFAULT_IMPACT_AWARD = "Expert Citizen"


def impact_award() -> Award | None:
    name = getattr(settings, "CERTIFICATES_IMPACT_AWARD", DEFAULT_IMPACT_AWARD)
    return Award.objects.filter(name=name).first()


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
    """What each learner still needs for ``award``, read from the same
    evidence that eligibility uses: one query per requirement plus one,
    however many learners."""
    missing: dict[int, list[str]] = defaultdict(list)
    for child in award.requirements:
        met = set(
            child.block.evidence(child.value)
            .filter(user_id__in=learner_ids)
            .values_list("user_id", flat=True)
        )
        description = child.block.describe(child.value)
        for learner_id in learner_ids:
            if learner_id not in met:
                missing[learner_id].append(description)
    holders = set(
        Certificate.objects.filter(
            award=award, learner_id__in=learner_ids, status=Certificate.Status.ACTIVE
        )
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
        .values_list("learner_id", flat=True)
    )
    return AwardProgress(award=award, holders=holders, missing=dict(missing))
