"""Learner profiles: what a learner tells the academy about themselves.

Services here are the only code that writes a ``LearnerProfile``. The sign-up
form, the profile page and any later app (certificates reads the name to print)
go through them.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.log_actions import log

from ..models import LearnerProfile
from .profiles import (
    normalise_certificate_name,
    normalise_postcode_district,
    supported_language,
    validate_no_bidi_controls,
)


def profile_preferred_language(*, user: AbstractBaseUser) -> str | None:
    """The language a user chose, or ``None`` if they have no profile yet."""
    return (
        LearnerProfile.objects.filter(user=user)
        .values_list("preferred_language", flat=True)
        .first()
    )


def _full_clean(profile: LearnerProfile) -> None:
    """The model's checks and the name check, reported together."""
    errors: dict = {}
    try:
        validate_no_bidi_controls(profile.certificate_name)
    except ValidationError as error:
        errors["certificate_name"] = error.error_list
    try:
        profile.full_clean(exclude=list(errors))
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def _save(
    profile: LearnerProfile, *, action: str, user: AbstractBaseUser
) -> LearnerProfile:
    """Checks and saves ``profile``, and logs ``action`` by ``user``."""
    _full_clean(profile)
    profile.save()
    log(instance=profile, action=action, user=user)
    return profile


@transaction.atomic
def profile_get_or_create(
    *, user: AbstractBaseUser, preferred_language: str | None = None
) -> LearnerProfile:
    """The user's learner profile, made with defaults if they have none yet.

    Staff created in the admin, and anyone who signed up before profiles
    existed, get one the first time something needs it. ``preferred_language``
    seeds a new profile (for example with the language they are browsing in);
    an existing profile is returned unchanged. Creating an empty profile needs
    no permission: it reveals and changes nothing.
    """
    defaults = {}
    language = supported_language(preferred_language)
    if language:
        defaults["preferred_language"] = language
    profile, created = LearnerProfile.objects.get_or_create(
        user=user, defaults=defaults
    )
    if created:
        log(instance=profile, action="wagtail.create", user=user)
    return profile


@transaction.atomic
def profile_update(
    *,
    user: AbstractBaseUser,
    profile: LearnerProfile,
    certificate_name: str,
    preferred_language: str,
    postcode_district: str,
    contact_consent: bool,
) -> LearnerProfile:
    """Saves what a learner says about themselves.

    ``user`` is the person making the change: the learner, or someone allowed
    to change any learner's profile. Raises ``PermissionDenied`` for anyone
    else and ``ValidationError`` for values the model refuses.
    """
    if profile.user_id != user.pk and not user.has_perm(
        "learners.change_learnerprofile"
    ):
        raise PermissionDenied
    profile.certificate_name = normalise_certificate_name(certificate_name)
    profile.preferred_language = preferred_language
    profile.postcode_district = normalise_postcode_district(postcode_district)
    profile.contact_consent = contact_consent
    return _save(profile, action="wagtail.edit", user=user)


@transaction.atomic
def profile_create(
    *,
    user: AbstractBaseUser,
    created_by: AbstractBaseUser,
    certificate_name: str,
    preferred_language: str,
    postcode_district: str,
) -> LearnerProfile:
    """Makes the profile of an account that staff have just made for someone,
    such as a resident registered without email (``learners.assisted``).

    The caller checks that ``created_by`` may make the account; the audit log
    names them. Raises ``ValidationError`` for values the model refuses.
    """
    profile = LearnerProfile(
        user=user,
        certificate_name=normalise_certificate_name(certificate_name),
        preferred_language=preferred_language,
        postcode_district=normalise_postcode_district(postcode_district),
    )
    return _save(profile, action="wagtail.create", user=created_by)
