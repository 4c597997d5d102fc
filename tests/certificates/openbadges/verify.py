"""A verifier for the academy's Open Badges 3.0 credentials, as wallets and
verifiers check them. Only the tests use it: the academy signs credentials
and never verifies its own.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from joserfc import jwt
from joserfc.errors import ExpiredTokenError, JoseError
from joserfc.jwk import ECKey, KeySet, RSAKey

from certificates.openbadges import credentials, keys, status_list

#: Refuse to inflate a status list beyond this, whatever its compressed size.
STATUS_LIST_MAX_BYTES = 16 * 1024 * 1024
_BASE64URL = re.compile(r"[A-Za-z0-9_-]+")


class CredentialVerificationError(Exception):
    """A signed credential is forged, altered, malformed or not for us."""


class CredentialExpiredError(CredentialVerificationError):
    """A signed credential was genuine but its ``validUntil`` has passed."""


def _verification_key(public_key: Mapping[str, Any] | keys.IssuerKey) -> Any:
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
    if (
        not isinstance(contexts, list)
        or not contexts
        or contexts[0] != credentials.VC_CONTEXT
    ):
        raise CredentialVerificationError("The credential @context is wrong")


def verify_credential(
    token: str,
    public_key: Mapping[str, Any] | keys.IssuerKey,
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
        credentials.OB_CREDENTIAL_TYPES
        if credential_type in credentials.OB_CREDENTIAL_TYPES
        else (credential_type,)
    )
    key = _verification_key(public_key)
    try:
        decoded = jwt.decode(token, key, algorithms=list(keys.ALGORITHMS))
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
        name: value
        for name, value in claims.items()
        if name not in credentials.JWT_CLAIMS
    }
    _check_types(credential, accepted)
    if claims["iss"] != credentials.credential_issuer_id(credential):
        raise CredentialVerificationError("iss does not match issuer.id")
    if claims["jti"] != credential.get("id"):
        raise CredentialVerificationError("jti does not match the credential id")
    if claims["sub"] != credentials.credential_subject_id(credential):
        raise CredentialVerificationError("sub does not match credentialSubject.id")
    try:
        valid_from = credentials.numeric_date(credential["validFrom"])
        valid_until = credential.get("validUntil")
        expires = None if valid_until is None else credentials.numeric_date(valid_until)
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
            and entry.get("statusPurpose") == status_list.STATUS_PURPOSE
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
