"""Issuer keys: loading, checking and publishing them as JWKs.

Everything here is pure except ``issuer_key_from_settings``, which reads
``settings.OPENBADGES_ISSUER_KEY`` when called. RSA keys sign with RS256, the
algorithm every conforming Open Badges 3.0 verifier must support; P-256 keys
sign with ES256.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from typing import Any, Literal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, RSAKey

ALGORITHMS = ("RS256", "ES256")
RSA_MIN_BITS = 2048

IssuerKey = RSAKey | ECKey


class IssuerKeyError(ValueError):
    """The configured issuer key cannot be used to sign credentials."""


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
