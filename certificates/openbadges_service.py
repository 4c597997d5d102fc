"""Open Badges for certificates: what the academy publishes and signs.

This module maps a ``Certificate`` onto the pure builders of
``certificates.openbadges`` and picks out what the revocation status list
publishes. It writes nothing.

Every address in a credential is absolute, built when called from
``CERTIFICATES_BASE_URL`` (or ``WAGTAILADMIN_BASE_URL``). Nothing is stored
for a credential: the recipient's opaque id and the salt of their hashed email
address are derived from ``SECRET_KEY``, so the same certificate always gives
the same credential, as long as the award's wording, the learner's email
address and the secret key stay the same.

The status list and the public verification page read the same thing: a
certificate is revoked when its ``status`` is ``revoked``. Superseded and
expired certificates are not revoked; expiry travels in the credential as
``validUntil``.
"""

from __future__ import annotations

import math
import uuid
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import Exists, Max, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext

from . import conf
from . import openbadges as ob
from .models import Award, Certificate

_RECIPIENT_NAMESPACE_SALT = "certificates.openbadges.recipient"
_IDENTITY_SALT_SALT = "certificates.openbadges.identity-salt"
DEFAULT_ISSUER_NAME = "Citizens' Academy"


# Addresses -----------------------------------------------------------------


def issuer_url() -> str:
    """The issuer ``Profile``'s id, which serves the profile."""
    return conf.absolute_url(reverse("certificates:openbadges_issuer"))


def jwks_url() -> str:
    return conf.absolute_url(reverse("certificates:openbadges_jwks"))


def status_list_url() -> str:
    """The revocation ``BitstringStatusListCredential``'s id and address."""
    return conf.absolute_url(reverse("certificates:openbadges_revocation_list"))


def achievement_url(award_id: int) -> str:
    return conf.absolute_url(
        reverse("certificates:openbadges_achievement", args=[award_id])
    )


def issuer_name() -> str:
    """``OPENBADGES_ISSUER_NAME``, else ``WAGTAIL_SITE_NAME``."""
    return (
        getattr(settings, "OPENBADGES_ISSUER_NAME", "")
        or getattr(settings, "WAGTAIL_SITE_NAME", "")
        or DEFAULT_ISSUER_NAME
    )


def issuer_home_url() -> str:
    return conf.absolute_url("/")


# Derived identifiers -------------------------------------------------------


def recipient_id(user_pk: int) -> str:
    """An opaque, stable ``urn:uuid:`` for a learner.

    A UUID5 of the user's primary key in a namespace only the academy knows
    (an HMAC of ``SECRET_KEY``), so nobody can tell from two credentials
    whose they are unless the credentials say so themselves.
    """
    namespace = uuid.UUID(
        bytes=salted_hmac(
            _RECIPIENT_NAMESPACE_SALT, "namespace", algorithm="sha256"
        ).digest()[:16]
    )
    return uuid.uuid5(namespace, f"user:{user_pk}").urn


def identity_salt(serial: str) -> str:
    """The salt of a certificate's hashed email address, fixed per serial."""
    return salted_hmac(_IDENTITY_SALT_SALT, serial, algorithm="sha256").hexdigest()[:32]


# Achievements --------------------------------------------------------------


def _in_site_language():
    """Signed documents use the site's language, whoever asks, so that they
    do not change with the visitor's choice of language."""
    return translation.override(settings.LANGUAGE_CODE)


def achievement_criteria(award: Award) -> str:
    """The award's requirements as a Markdown list, for ``criteria.narrative``."""
    with _in_site_language():
        return "\n".join(
            f"- {child.block.describe(child.value)}" for child in award.requirements
        )


def achievement_description(award: Award) -> str:
    if award.description.strip():
        return award.description.strip()
    with _in_site_language():
        return gettext(
            "Awarded by %(issuer)s to learners who meet every requirement of %(award)s."
        ) % {"issuer": issuer_name(), "award": award.name}


def published_award(award_id: int) -> Award | None:
    """The award, if at least one certificate of it has been issued.

    Awards nobody holds yet may still be in preparation, so they stay
    private.
    """
    issued = Certificate.objects.filter(award=OuterRef("pk"))
    return Award.objects.filter(Exists(issued), pk=award_id).first()


def _issuer_summary() -> dict[str, Any]:
    return {
        "id": issuer_url(),
        "type": ["Profile"],
        "name": issuer_name(),
        "url": issuer_home_url(),
    }


def achievement_document(award: Award) -> dict[str, Any]:
    """The ``Achievement`` published at the credential's achievement id."""
    return {
        "@context": [ob.VC_CONTEXT, ob.OB_CONTEXT],
        "id": achievement_url(award.pk),
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": award.name,
        "description": achievement_description(award),
        "criteria": {"narrative": achievement_criteria(award)},
        "creator": _issuer_summary(),
    }


def issuer_profile_document() -> dict[str, Any]:
    return ob.build_issuer_profile(
        issuer_id=issuer_url(), name=issuer_name(), url=issuer_home_url()
    )


def issuer_jwks() -> dict[str, Any]:
    """The public JWK Set verifiers fetch; it names keys by ``kid``."""
    return ob.jwks_document([ob.issuer_key_from_settings()], jwks_url=jwks_url())


# Credentials ---------------------------------------------------------------


def certificate_credential_data(certificate: Certificate) -> ob.CredentialData:
    """Everything the OB3 credential of ``certificate`` says."""
    award = certificate.award
    email = certificate.learner.email
    identifiers = (
        (
            ob.HashedIdentifier.from_identity(
                identity_type="emailAddress",
                identity=email.strip().lower(),
                salt=identity_salt(certificate.serial),
            ),
        )
        if email
        else ()
    )
    return ob.CredentialData(
        credential_id=certificate.get_verify_url(),
        issuer_id=issuer_url(),
        issuer_name=issuer_name(),
        issuer_url=issuer_home_url(),
        achievement_id=achievement_url(award.pk),
        achievement_name=certificate.award_name,
        achievement_description=achievement_description(award),
        criteria_narrative=achievement_criteria(award),
        recipient_id=recipient_id(certificate.learner_id),
        recipient_name=certificate.name_on_certificate,
        issued_at=certificate.issued_at,
        expires_at=certificate.expires_at,
        status_list_credential=status_list_url(),
        status_list_index=certificate.status_list_index,
        recipient_identifiers=identifiers,
    )


def certificate_signed_credential(certificate: Certificate) -> str:
    """The certificate as a signed ``OpenBadgeCredential`` (compact VC-JWT)."""
    credential = ob.build_credential(certificate_credential_data(certificate))
    return ob.sign_credential(
        credential, ob.issuer_key_from_settings(), jwks_url=jwks_url()
    )


# Revocation status list ----------------------------------------------------


def revoked_status_indexes() -> QuerySet:
    """Status-list positions of revoked certificates, in order."""
    return (
        Certificate.objects.filter(status=Certificate.Status.REVOKED)
        .order_by("status_list_index")
        .values_list("status_list_index", flat=True)
    )


def status_list_size() -> int:
    """Bits in the list: the W3C minimum, grown in whole steps of it so that
    every certificate ever issued has a position inside it."""
    highest = Certificate.objects.aggregate(highest=Max("status_list_index"))["highest"]
    if highest is None:
        return ob.STATUS_LIST_MIN_SIZE
    steps = math.ceil((highest + 1) / ob.STATUS_LIST_MIN_SIZE)
    return max(1, steps) * ob.STATUS_LIST_MIN_SIZE


def revocation_encoded_list() -> str:
    return ob.encode_status_list(revoked_status_indexes(), size=status_list_size())


def revocation_list_signed_credential(*, now: datetime | None = None) -> str:
    """The signed ``BitstringStatusListCredential`` of revoked certificates."""
    credential = ob.build_status_list_credential(
        credential_id=status_list_url(),
        issuer_id=issuer_url(),
        encoded_list=revocation_encoded_list(),
        valid_from=now or timezone.now(),
    )
    return ob.sign_credential(
        credential, ob.issuer_key_from_settings(), jwks_url=jwks_url()
    )
