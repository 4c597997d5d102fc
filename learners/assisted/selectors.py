"""Reads for assisted access: residents registered without email, the
residents staff may enter paper results for, and the cohorts to add them to."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from courses.models import CoursePage
from learners.models import AssistedSignInCode, Cohort
from learners.people import residents

SEARCH_LIMIT = 20


def is_assisted_resident(user: AbstractBaseUser) -> bool:
    """Whether the user was registered by a coordinator for printed codes."""
    return AssistedSignInCode.objects.filter(user_id=user.pk).exists()


def _search(queryset: QuerySet, search: str) -> QuerySet:
    for word in search.split():
        queryset = queryset.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(username__icontains=word)
            | Q(learner_profile__certificate_name__icontains=word)
        )
    return queryset


def learner_records() -> QuerySet:
    """Active accounts of residents: nobody who can reach the admin."""
    return residents()


def assisted_residents(*, search: str = "", limit: int = 50) -> list:
    """Residents registered without email, newest first, each with
    ``last_code_at`` (when their newest sheet was printed) and their profile."""
    residents = (
        learner_records()
        .filter(Exists(AssistedSignInCode.objects.filter(user=OuterRef("pk"))))
        .select_related("learner_profile")
        .annotate(last_code_at=Max("assisted_sign_in_codes__created_at"))
        .order_by("-date_joined", "pk")
    )
    return list(_search(residents, search)[:limit])


def assisted_resident(*, user_id: int) -> AbstractBaseUser | None:
    return (
        learner_records()
        .filter(pk=user_id)
        .filter(Exists(AssistedSignInCode.objects.filter(user=OuterRef("pk"))))
        .select_related("learner_profile")
        .first()
    )


def assisted_codes(*, user: AbstractBaseUser) -> QuerySet[AssistedSignInCode]:
    """The resident's codes, newest first, with who printed each."""
    return (
        AssistedSignInCode.objects.filter(user=user)
        .select_related("created_by")
        .order_by("-created_at", "-pk")
    )


def learner_search(*, search: str, limit: int = SEARCH_LIMIT) -> list:
    """Up to ``limit`` residents whose names or usernames match every word of
    ``search``; none for an empty search."""
    if not search.strip():
        return []
    residents = (
        learner_records()
        .select_related("learner_profile")
        .order_by("last_name", "first_name", "username")
    )
    return list(_search(residents, search)[:limit])


def cohorts_for_registration(*, user: AbstractBaseUser) -> QuerySet[Cohort]:
    """Cohorts still running or to come that ``user`` may add residents to."""
    cohorts = Cohort.objects.filter(end_date__gte=timezone.localdate()).select_related(
        "area"
    )
    if not user.has_perm("learners.manage_all_cohorts"):
        cohorts = cohorts.filter(trainers=user)
    return cohorts.order_by("start_date", "name")


def courses_with_assessment() -> QuerySet[CoursePage]:
    """Live courses that have an assessment, in site order."""
    courses = CoursePage.objects.live().order_by("path")
    return courses.filter(
        pk__in=[course.pk for course in courses if course.has_assessment]
    )
