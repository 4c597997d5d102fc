"""What each member of a cohort still needs for the headline award, on the
trainer's progress page (hook ``learners_cohort_member_needs``).

The page renders the slot once per member, so the award's progress is read
once for the whole cohort and kept on the request: the page makes the same
number of queries for 2 members as for 200.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .reports import AwardProgress, award_progress, impact_award

# Attribute of the request that holds the progress of each cohort already read.
CACHE_ATTRIBUTE = "_certificates_cohort_award_progress"


def cohort_award_progress(
    *, request: HttpRequest | None, overview
) -> AwardProgress | None:
    """The headline award's progress for every member of ``overview``'s
    cohort, or ``None`` when the academy has no headline award."""
    # Without a request (a template rendered on its own) nothing is kept.
    cache = {}
    if request is not None:
        cache = request.__dict__.setdefault(CACHE_ATTRIBUTE, {})
    key = overview.cohort.pk
    if key not in cache:
        award = impact_award()
        learner_ids = [summary.learner.pk for summary in overview.members]
        cache[key] = (
            None
            if award is None
            else award_progress(award=award, learner_ids=learner_ids)
        )
    return cache[key]


def cohort_member_needs(context) -> str:
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
