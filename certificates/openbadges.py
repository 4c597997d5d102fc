"""Open Badges 3.0 credentials, signed as VC-JWT, with a bitstring status list.

Everything here is pure: callers pass plain data (strings, datetimes, ints)
and get back plain dicts and strings. Nothing touches the database or the
models, and settings are read only when ``issuer_key_from_settings`` is
called.

Signing uses joserfc. The JOSE header is exactly ``alg``, ``kid`` and ``typ``
as the 1EdTech Open Badges 3.0 "JSON Web Token Proof Format" allows, and the
JWT payload is the credential itself plus the ``iss``, ``jti``, ``sub``,
``nbf`` and (when the credential expires) ``exp`` claims. RSA keys sign with
RS256, the algorithm every conforming verifier must support; P-256 keys sign
with ES256.

Revocation follows W3C Bitstring Status List v1.0: each credential carries a
``BitstringStatusListEntry`` pointing at a ``BitstringStatusListCredential``
whose ``encodedList`` has bit *i* set when the credential at index *i* is
revoked.
"""

from __future__ import annotations

import base64
import binascii
import functools
import gzip
import hashlib
import json
import re
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from joserfc import jwt
from joserfc.errors import ExpiredTokenError, JoseError
from joserfc.jwk import ECKey, KeySet, RSAKey

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
    "ob_v3p0_achievementcredential_schema.json"
)
OB_CREDENTIAL_TYPES = ("OpenBadgeCredential", "AchievementCredential")
STATUS_LIST_CREDENTIAL_TYPE = "BitstringStatusListCredential"
STATUS_PURPOSE = "revocation"

#: The W3C minimum: 16 KiB of bits, so one index hides among many.
STATUS_LIST_MIN_SIZE = 131_072
#: Refuse to inflate a status list beyond this, whatever its compressed size.
STATUS_LIST_MAX_BYTES = 16 * 1024 * 1024

ALGORITHMS = ("RS256", "ES256")
RSA_MIN_BITS = 2048
JWT_CLAIMS = ("iss", "jti", "sub", "nbf", "exp")
_BASE64URL = re.compile(r"[A-Za-z0-9_-]+")

IssuerKey = RSAKey | ECKey


class IssuerKeyError(ValueError):
    """The configured issuer key cannot be used to sign credentials."""


class CredentialVerificationError(Exception):
    """A signed credential is forged, altered, malformed or not for us."""


class CredentialExpiredError(CredentialVerificationError):
    """A signed credential was genuine but its ``validUntil`` has passed."""


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


def _numeric_date(value: str) -> int:
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
            "statusPurpose": STATUS_PURPOSE,
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


# Keys ----------------------------------------------------------------------


def generate_issuer_key(kind: Literal["RSA", "EC"] = "RSA") -> str:
    """Return a new private key as PKCS#8 PEM, for development and tests.

    RSA (the default) signs with RS256, which every OB3 verifier supports.
    """
    key = RSAKey.generate_key(3072) if kind == "RSA" else ECKey.generate_key("P-256")
    return key.as_pem(private=True).decode("ascii")


def _check_issuer_key(key: IssuerKey) -> IssuerKey:
    if not key.is_private:
        raise IssuerKeyError("The issuer key is a public key; a private key is needed")
    if isinstance(key, RSAKey) and key.public_key.key_size < RSA_MIN_BITS:
        raise IssuerKeyError(f"RSA issuer keys need at least {RSA_MIN_BITS} bits")
    if isinstance(key, ECKey) and key.curve_name != "P-256":
        raise IssuerKeyError("EC issuer keys must use the P-256 curve (ES256)")
    if key.alg not in (None, signing_algorithm(key)) or key.get("use") == "enc":
        raise IssuerKeyError(
            f"The issuer key must be usable for {signing_algorithm(key)} signatures"
        )
    return key


def load_issuer_key(pem_or_jwk: str) -> IssuerKey:
    """Load a private RSA (2048 bits or more) or P-256 key from PEM or JWK JSON.

    Raises ``IssuerKeyError`` for anything else, including public keys, other
    curves and symmetric keys, so a misconfiguration fails loudly instead of
    producing credentials nobody can verify.
    """
    text = pem_or_jwk.strip()
    if text.startswith("{"):
        try:
            jwk = json.loads(text)
        except ValueError as error:
            raise IssuerKeyError("The issuer key is not valid JWK JSON") from error
        kty = jwk.get("kty") if isinstance(jwk, dict) else None
        key_class = {"RSA": RSAKey, "EC": ECKey}.get(kty)
        if key_class is None:
            raise IssuerKeyError("The issuer JWK must have kty RSA or EC")
        try:
            key = key_class.import_key(jwk)
        except (JoseError, ValueError, TypeError) as error:
            raise IssuerKeyError("The issuer JWK could not be read") from error
        return _check_issuer_key(key)
    if "-----BEGIN" not in text:
        raise IssuerKeyError("The issuer key must be a PEM block or a JWK object")
    for key_class in (RSAKey, ECKey):
        try:
            key = key_class.import_key(text.encode("ascii"))
        except (JoseError, ValueError, TypeError):
            continue
        return _check_issuer_key(key)
    raise IssuerKeyError("The issuer PEM is not an unencrypted RSA or EC private key")


@functools.lru_cache(maxsize=4)
def _cached_issuer_key(value: str) -> IssuerKey:
    return load_issuer_key(value)


def issuer_key_from_settings() -> IssuerKey:
    """Return the private issuer key from ``settings.OPENBADGES_ISSUER_KEY``.

    The setting holds a PEM or JWK string (see ``load_issuer_key``); production
    reads it from the environment. Development settings may generate one with
    ``generate_issuer_key()``, best written once to a file outside the
    repository so credentials downloaded earlier still verify after a
    restart. The setting is read on every call, never at import.
    """
    value = getattr(settings, "OPENBADGES_ISSUER_KEY", "")
    if not value:
        raise ImproperlyConfigured("OPENBADGES_ISSUER_KEY is not set")
    try:
        return _cached_issuer_key(value)
    except IssuerKeyError as error:
        raise ImproperlyConfigured(f"OPENBADGES_ISSUER_KEY: {error}") from error


def signing_algorithm(key: IssuerKey) -> str:
    return "RS256" if isinstance(key, RSAKey) else "ES256"


def key_id(key: IssuerKey, jwks_url: str | None = None) -> str:
    """The ``kid`` of ``key``: its RFC 7638 thumbprint, as a fragment of the
    JWKS URL when given, so that OB3 verifiers can dereference it."""
    thumbprint = key.thumbprint()
    return f"{jwks_url}#{thumbprint}" if jwks_url else thumbprint


def public_jwk(key: IssuerKey, *, jwks_url: str | None = None) -> dict[str, Any]:
    """The public half of ``key`` as a JWK, with ``kid``, ``alg`` and ``use``."""
    jwk = dict(key.as_dict(private=False))
    jwk.update(kid=key_id(key, jwks_url), alg=signing_algorithm(key), use="sig")
    return jwk


def jwks_document(
    keys: Iterable[IssuerKey], *, jwks_url: str | None = None
) -> dict[str, Any]:
    """A JWK Set of the public keys, for ``/.well-known/jwks.json``. Keep
    retired keys here so credentials they signed still verify."""
    return {"keys": [public_jwk(key, jwks_url=jwks_url) for key in keys]}


# Signing and verifying -----------------------------------------------------


def _issuer_id(credential: Mapping[str, Any]) -> Any:
    issuer = credential.get("issuer")
    return issuer.get("id") if isinstance(issuer, Mapping) else issuer


def _subject_id(credential: Mapping[str, Any]) -> Any:
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
            iss=_issuer_id(credential),
            jti=credential["id"],
            sub=_subject_id(credential),
            nbf=_numeric_date(credential["validFrom"]),
        )
        if "validUntil" in credential:
            claims["exp"] = _numeric_date(credential["validUntil"])
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(
            "The credential lacks id, validFrom or a valid date"
        ) from error
    if not all(isinstance(claims[name], str) for name in ("iss", "jti", "sub")):
        raise ValueError("The credential needs issuer.id and credentialSubject.id")
    algorithm = signing_algorithm(key)
    header = {"alg": algorithm, "kid": key_id(key, jwks_url), "typ": "JWT"}
    return jwt.encode(header, claims, key, algorithms=[algorithm])


def _verification_key(public_key: Mapping[str, Any] | IssuerKey) -> Any:
    if isinstance(public_key, RSAKey | ECKey):
        return public_key
    if not isinstance(public_key, Mapping):
        raise CredentialVerificationError("The verification key must be a JWK")
    try:
        if "keys" in public_key:
            keys = [
                jwk for jwk in public_key["keys"] if jwk.get("kty") in ("RSA", "EC")
            ]
            return KeySet.import_key_set({"keys": keys})
        key_class = {"RSA": RSAKey, "EC": ECKey}.get(public_key.get("kty"))
        if key_class is None:
            raise CredentialVerificationError("The verification JWK must be RSA or EC")
        return key_class.import_key(dict(public_key))
    except (JoseError, ValueError, TypeError, AttributeError) as error:
        raise CredentialVerificationError("The verification key is invalid") from error


def _check_types(credential: Mapping[str, Any], accepted: tuple[str, ...]) -> None:
    types = credential.get("type")
    types = [types] if isinstance(types, str) else types
    if not isinstance(types, list) or "VerifiableCredential" not in types:
        raise CredentialVerificationError("The payload is not a VerifiableCredential")
    if not any(name in types for name in accepted):
        raise CredentialVerificationError(
            f"The credential is not of type {' or '.join(accepted)}"
        )
    contexts = credential.get("@context")
    if not isinstance(contexts, list) or not contexts or contexts[0] != VC_CONTEXT:
        raise CredentialVerificationError("The credential @context is wrong")


def verify_credential(
    token: str,
    public_key: Mapping[str, Any] | IssuerKey,
    *,
    credential_type: str = "OpenBadgeCredential",
    now: datetime | None = None,
    leeway: int = 0,
) -> dict[str, Any]:
    """Verify a VC-JWT and return the credential it carries.

    ``public_key`` is a public JWK, a JWK Set (as served by the JWKS view;
    the header ``kid`` picks the key) or a loaded key. The checks are the
    OB3 ones: a valid RS256/ES256 signature, ``iss``/``jti``/``sub`` equal to
    ``issuer.id``/``id``/``credentialSubject.id``, ``nbf`` equal to
    ``validFrom`` and not in the future, and ``exp`` (required when the
    credential has ``validUntil``) equal to it and not passed.

    Raises ``CredentialExpiredError`` for a genuine but expired credential and
    ``CredentialVerificationError`` for anything else. Revocation is not
    checked here: look the ``credentialStatus`` index up with ``is_revoked``.
    """
    accepted = (
        OB_CREDENTIAL_TYPES
        if credential_type in OB_CREDENTIAL_TYPES
        else (credential_type,)
    )
    key = _verification_key(public_key)
    try:
        decoded = jwt.decode(token, key, algorithms=list(ALGORITHMS))
    except (JoseError, ValueError, TypeError) as error:
        raise CredentialVerificationError(
            "The signature does not match the issuer's key"
        ) from error
    if decoded.header.get("typ", "JWT") != "JWT":
        raise CredentialVerificationError("The JOSE header typ must be JWT")

    claims = decoded.claims
    moment = int((now or datetime.now(UTC)).timestamp())
    registry = jwt.JWTClaimsRegistry(
        now=moment,
        leeway=leeway,
        iss={"essential": True},
        jti={"essential": True},
        sub={"essential": True},
        nbf={"essential": True},
    )
    try:
        registry.validate(claims)
    except ExpiredTokenError as error:
        raise CredentialExpiredError("The credential has expired") from error
    except JoseError as error:
        raise CredentialVerificationError(str(error)) from error

    credential = {
        name: value for name, value in claims.items() if name not in JWT_CLAIMS
    }
    _check_types(credential, accepted)
    if claims["iss"] != _issuer_id(credential):
        raise CredentialVerificationError("iss does not match issuer.id")
    if claims["jti"] != credential.get("id"):
        raise CredentialVerificationError("jti does not match the credential id")
    if claims["sub"] != _subject_id(credential):
        raise CredentialVerificationError("sub does not match credentialSubject.id")
    try:
        valid_from = _numeric_date(credential["validFrom"])
        valid_until = credential.get("validUntil")
        expires = None if valid_until is None else _numeric_date(valid_until)
    except (KeyError, TypeError, ValueError) as error:
        raise CredentialVerificationError(
            "validFrom or validUntil is invalid"
        ) from error
    if claims["nbf"] != valid_from:
        raise CredentialVerificationError("nbf does not match validFrom")
    if claims.get("exp") != expires:
        raise CredentialVerificationError("exp does not match validUntil")
    return credential


# Bitstring status list -----------------------------------------------------


def encode_status_list(
    revoked_indexes: Iterable[int], size: int = STATUS_LIST_MIN_SIZE
) -> str:
    """Encode the revoked indexes as a W3C ``encodedList``.

    The bitstring has ``size`` bits, index 0 being the left-most (most
    significant) bit of the first byte. It is GZIP-compressed (with a zero
    timestamp, so equal lists encode equally) and written as multibase
    base64url without padding, which is the letter ``u`` and then the data.
    """
    if size < STATUS_LIST_MIN_SIZE or size % 8:
        raise ValueError(
            f"size must be a multiple of 8 and at least {STATUS_LIST_MIN_SIZE}"
        )
    bits = bytearray(size // 8)
    for index in revoked_indexes:
        if not 0 <= index < size:
            raise ValueError(f"index {index} is outside the status list")
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def decode_status_list(encoded: str) -> bytes:
    """Return the raw bitstring of an ``encodedList``.

    Accepts the multibase form (``u`` prefix) and the bare base64url form of
    earlier drafts. Raises ``ValueError`` for anything that is not a
    complete GZIP stream of at most ``STATUS_LIST_MAX_BYTES`` bytes.
    """
    body = encoded[1:] if encoded.startswith("u") else encoded
    if not _BASE64URL.fullmatch(body):
        raise ValueError("The status list is not unpadded base64url")
    try:
        compressed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError) as error:
        raise ValueError("The status list is not base64url") from error
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        bits = inflater.decompress(compressed, STATUS_LIST_MAX_BYTES + 1)
    except zlib.error as error:
        raise ValueError("The status list is not GZIP data") from error
    if len(bits) > STATUS_LIST_MAX_BYTES or not inflater.eof:
        raise ValueError("The status list is truncated or too large")
    return bits


def is_revoked(encoded: str, index: int) -> bool:
    """Whether bit ``index`` of the ``encodedList`` is set."""
    bits = decode_status_list(encoded)
    if not 0 <= index < len(bits) * 8:
        raise ValueError(f"index {index} is outside the status list")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


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
            "statusPurpose": STATUS_PURPOSE,
            "encodedList": encoded_list,
        },
    }
    if valid_until is not None:
        _require_aware("valid_until", valid_until)
        credential["validUntil"] = _timestamp(valid_until)
    return credential


@dataclass(frozen=True)
class StatusEntry:
    status_list_credential: str
    index: int


def status_entry(credential: Mapping[str, Any]) -> StatusEntry | None:
    """The revocation ``BitstringStatusListEntry`` of a verified credential,
    or None when it has none."""
    entries = credential.get("credentialStatus")
    entries = entries if isinstance(entries, list) else [entries]
    for entry in entries:
        if (
            isinstance(entry, Mapping)
            and entry.get("type") == "BitstringStatusListEntry"
            and entry.get("statusPurpose") == STATUS_PURPOSE
        ):
            try:
                index = int(entry["statusListIndex"])
                url = str(entry["statusListCredential"])
            except (KeyError, TypeError, ValueError) as error:
                raise CredentialVerificationError(
                    "The credentialStatus entry is malformed"
                ) from error
            if index < 0:
                raise CredentialVerificationError("The statusListIndex is negative")
            return StatusEntry(status_list_credential=url, index=index)
    return None
