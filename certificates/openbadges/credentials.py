"""Open Badges 3.0 credentials, signed as VC-JWT, and the documents they name.

The builders and ``sign_credential`` are pure: callers pass plain data
(strings, datetimes, ints) and get back plain dicts and strings. The JOSE
header is exactly ``alg``, ``kid`` and ``typ`` as the 1EdTech Open Badges 3.0
"JSON Web Token Proof Format" allows, and the JWT payload is the credential
itself plus the ``iss``, ``jti``, ``sub``, ``nbf`` and (when the credential
expires) ``exp`` claims.

The rest maps a ``Certificate`` onto those builders and writes nothing. Every
address in a credential is absolute, built when called from
``CERTIFICATES_BASE_URL`` (or ``WAGTAILADMIN_BASE_URL``). Nothing is stored
for a credential: the recipient's opaque id and the salt of their hashed email
address are derived from ``SECRET_KEY``, so the same certificate always gives
the same credential, as long as the award's wording, the learner's email
address and the secret key stay the same.

Revocation follows W3C Bitstring Status List v1.0: each credential carries a
``BitstringStatusListEntry`` pointing at a ``BitstringStatusListCredential``
whose ``encodedList`` has bit *i* set when the credential at index *i* is
revoked (see ``status_list``). A certificate is revoked when its ``status`` is
``revoked``; superseded and expired certificates are not, and expiry travels
in the credential as ``validUntil``.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from joserfc import jwt

from .. import conf
from ..models import Award, Certificate
from . import status_list
from .keys import (
    IssuerKey,
    issuer_key_from_settings,
    jwks_document,
    key_id,
    signing_algorithm,
)

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
    "ob_v3p0_achievementcredential_schema.json"
)
OB_CREDENTIAL_TYPES = ("OpenBadgeCredential", "AchievementCredential")
STATUS_LIST_CREDENTIAL_TYPE = "BitstringStatusListCredential"
JWT_CLAIMS = ("iss", "jti", "sub", "nbf", "exp")

_RECIPIENT_NAMESPACE_SALT = "certificates.openbadges.recipient"
_IDENTITY_SALT_SALT = "certificates.openbadges.identity-salt"
DEFAULT_ISSUER_NAME = "Citizens' Academy"


def hash_identity(identity: str, salt: str) -> str:
    """Return an OB3 ``IdentityHash``: ``sha256$`` and the hex digest of
    the UTF-8 identity followed by the salt, as a verifier who knows the
    plain identity recomputes it."""
    digest = hashlib.sha256(f"{identity}{salt}".encode()).hexdigest()
    return f"sha256${digest}"


@dataclass(frozen=True, kw_only=True)
class HashedIdentifier:
    """A salted hash of something that identifies the recipient, such as
    their email address, so the credential never carries it in clear.

    Store the salt with the certificate: the same salt must be used every
    time the credential is rebuilt, or its bytes (and signature) change.
    """

    identity_type: str
    identity_hash: str
    salt: str

    @classmethod
    def from_identity(
        cls, *, identity_type: str, identity: str, salt: str
    ) -> HashedIdentifier:
        return cls(
            identity_type=identity_type,
            identity_hash=hash_identity(identity, salt),
            salt=salt,
        )

    def as_identity_object(self) -> dict[str, Any]:
        return {
            "type": "IdentityObject",
            "hashed": True,
            "identityHash": self.identity_hash,
            "identityType": self.identity_type,
            "salt": self.salt,
        }


def _require_aware(name: str, value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime")


def _timestamp(value: datetime) -> str:
    """An XML Schema dateTime in UTC, to the second, as OB3 ``DateTimeZ``."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def numeric_date(value: str) -> int:
    """A ``DateTimeZ`` as a JWT NumericDate (whole seconds since the epoch)."""
    return int(datetime.fromisoformat(value).timestamp())


@dataclass(frozen=True, kw_only=True)
class CredentialData:
    """Everything needed to build one OpenBadgeCredential.

    All ids are absolute URIs. ``recipient_id`` must be an opaque id for the
    learner (for example ``urn:uuid:...``); it becomes ``credentialSubject.id``
    and the JWT ``sub``. Never put an email address there: pass it through
    ``recipient_identifiers`` as a ``HashedIdentifier`` instead.
    """

    credential_id: str
    issuer_id: str
    issuer_name: str
    issuer_url: str
    achievement_id: str
    achievement_name: str
    achievement_description: str
    criteria_narrative: str
    recipient_id: str
    recipient_name: str
    issued_at: datetime
    status_list_credential: str
    status_list_index: int
    expires_at: datetime | None = None
    recipient_identifiers: tuple[HashedIdentifier, ...] = ()
    achievement_type: str = "CertificateOfCompletion"

    def __post_init__(self) -> None:
        required = {
            "credential_id": self.credential_id,
            "issuer_id": self.issuer_id,
            "achievement_id": self.achievement_id,
            "achievement_name": self.achievement_name,
            "recipient_id": self.recipient_id,
            "status_list_credential": self.status_list_credential,
        }
        for name, value in required.items():
            if not value or not value.strip():
                raise ValueError(f"{name} must not be blank")
        if "@" in self.recipient_id:
            raise ValueError("recipient_id must be an opaque id, not an address")
        _require_aware("issued_at", self.issued_at)
        if self.expires_at is not None:
            _require_aware("expires_at", self.expires_at)
            if self.expires_at <= self.issued_at:
                raise ValueError("expires_at must be after issued_at")
        if self.status_list_index < 0:
            raise ValueError("status_list_index must not be negative")


def build_credential(data: CredentialData) -> dict[str, Any]:
    """Return the unsigned OB3 ``OpenBadgeCredential`` for ``data``."""
    identifiers = [
        {
            "type": "IdentityObject",
            "hashed": False,
            "identityHash": data.recipient_name,
            "identityType": "name",
        },
        *(identifier.as_identity_object() for identifier in data.recipient_identifiers),
    ]
    credential: dict[str, Any] = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": data.credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": data.achievement_name,
        "description": data.achievement_description,
        "issuer": {
            "id": data.issuer_id,
            "type": ["Profile"],
            "name": data.issuer_name,
            "url": data.issuer_url,
        },
        "validFrom": _timestamp(data.issued_at),
        "awardedDate": _timestamp(data.issued_at),
        "credentialSubject": {
            "id": data.recipient_id,
            "type": ["AchievementSubject"],
            "identifier": identifiers,
            "achievement": {
                "id": data.achievement_id,
                "type": ["Achievement"],
                "achievementType": data.achievement_type,
                "name": data.achievement_name,
                "description": data.achievement_description,
                "criteria": {"narrative": data.criteria_narrative},
            },
        },
        "credentialStatus": {
            "id": f"{data.status_list_credential}#{data.status_list_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": status_list.STATUS_PURPOSE,
            "statusListIndex": str(data.status_list_index),
            "statusListCredential": data.status_list_credential,
        },
        "credentialSchema": [
            {"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"},
        ],
    }
    if data.expires_at is not None:
        credential["validUntil"] = _timestamp(data.expires_at)
    return credential


def build_issuer_profile(*, issuer_id: str, name: str, url: str) -> dict[str, Any]:
    """The issuer ``Profile`` to publish at ``issuer_id``."""
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": issuer_id,
        "type": ["Profile"],
        "name": name,
        "url": url,
    }


def build_status_list_credential(
    *,
    credential_id: str,
    issuer_id: str,
    encoded_list: str,
    valid_from: datetime,
    valid_until: datetime | None = None,
) -> dict[str, Any]:
    """The ``BitstringStatusListCredential`` to publish at ``credential_id``
    (the ``statusListCredential`` URL of every credential in the list). Sign
    it with ``sign_credential`` and serve the JWT."""
    _require_aware("valid_from", valid_from)
    credential: dict[str, Any] = {
        "@context": [VC_CONTEXT],
        "id": credential_id,
        "type": ["VerifiableCredential", STATUS_LIST_CREDENTIAL_TYPE],
        "issuer": issuer_id,
        "validFrom": _timestamp(valid_from),
        "credentialSubject": {
            "id": f"{credential_id}#list",
            "type": "BitstringStatusList",
            "statusPurpose": status_list.STATUS_PURPOSE,
            "encodedList": encoded_list,
        },
    }
    if valid_until is not None:
        _require_aware("valid_until", valid_until)
        credential["validUntil"] = _timestamp(valid_until)
    return credential


# Signing --------------------------------------------------------------------


def credential_issuer_id(credential: Mapping[str, Any]) -> Any:
    """The ``issuer.id`` (or bare ``issuer``) the JWT ``iss`` must equal."""
    issuer = credential.get("issuer")
    return issuer.get("id") if isinstance(issuer, Mapping) else issuer


def credential_subject_id(credential: Mapping[str, Any]) -> Any:
    """The ``credentialSubject.id`` the JWT ``sub`` must equal."""
    subject = credential.get("credentialSubject")
    return subject.get("id") if isinstance(subject, Mapping) else None


def sign_credential(
    credential: Mapping[str, Any], key: IssuerKey, *, jwks_url: str | None = None
) -> str:
    """Sign ``credential`` as a compact JWS (VC-JWT) with ``key``.

    Pass the same ``jwks_url`` the JWKS view publishes, so the header ``kid``
    names the published key. The result is deterministic for RSA keys.
    """
    claims = {
        name: value for name, value in credential.items() if name not in JWT_CLAIMS
    }
    try:
        claims.update(
            iss=credential_issuer_id(credential),
            jti=credential["id"],
            sub=credential_subject_id(credential),
            nbf=numeric_date(credential["validFrom"]),
        )
        if "validUntil" in credential:
            claims["exp"] = numeric_date(credential["validUntil"])
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(
            "The credential lacks id, validFrom or a valid date"
        ) from error
    if not all(isinstance(claims[name], str) for name in ("iss", "jti", "sub")):
        raise ValueError("The credential needs issuer.id and credentialSubject.id")
    algorithm = signing_algorithm(key)
    header = {"alg": algorithm, "kid": key_id(key, jwks_url), "typ": "JWT"}
    return jwt.encode(header, claims, key, algorithms=[algorithm])


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
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": achievement_url(award.pk),
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": award.name,
        "description": achievement_description(award),
        "criteria": {"narrative": achievement_criteria(award)},
        "creator": _issuer_summary(),
    }


def issuer_profile_document() -> dict[str, Any]:
    return build_issuer_profile(
        issuer_id=issuer_url(), name=issuer_name(), url=issuer_home_url()
    )


def issuer_jwks() -> dict[str, Any]:
    """The public JWK Set verifiers fetch; it names keys by ``kid``."""
    return jwks_document([issuer_key_from_settings()], jwks_url=jwks_url())


# Credentials ---------------------------------------------------------------


def certificate_credential_data(certificate: Certificate) -> CredentialData:
    """Everything the OB3 credential of ``certificate`` says."""
    award = certificate.award
    email = certificate.learner.email
    identifiers = (
        (
            HashedIdentifier.from_identity(
                identity_type="emailAddress",
                identity=email.strip().lower(),
                salt=identity_salt(certificate.serial),
            ),
        )
        if email
        else ()
    )
    return CredentialData(
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
    credential = build_credential(certificate_credential_data(certificate))
    return sign_credential(credential, issuer_key_from_settings(), jwks_url=jwks_url())


def revocation_list_signed_credential(*, now: datetime | None = None) -> str:
    """The signed ``BitstringStatusListCredential`` of revoked certificates."""
    credential = build_status_list_credential(
        credential_id=status_list_url(),
        issuer_id=issuer_url(),
        encoded_list=status_list.revocation_encoded_list(),
        valid_from=now or timezone.now(),
    )
    return sign_credential(credential, issuer_key_from_settings(), jwks_url=jwks_url())
