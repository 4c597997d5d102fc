"""Issuer keys: loading, refusing unusable ones, and publishing JWKs."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ImproperlyConfigured
from joserfc.errors import SecurityWarning
from joserfc.jwk import ECKey, OKPKey, RSAKey

from certificates.openbadges.keys import (
    IssuerKeyError,
    issuer_key_from_settings,
    jwks_document,
    load_issuer_key,
    public_jwk,
)
from tests.certificates.openbadges.builders import (
    JWKS_URL,
    PRIVATE_JWK_MEMBERS,
)


def test_public_jwk_has_no_private_part(issuer_key):
    jwk = public_jwk(issuer_key, jwks_url=JWKS_URL)

    assert not PRIVATE_JWK_MEMBERS & jwk.keys()
    assert jwk["use"] == "sig"
    assert jwk["kid"] == f"{JWKS_URL}#{issuer_key.thumbprint()}"
    assert jwks_document([issuer_key], jwks_url=JWKS_URL) == {"keys": [jwk]}


def test_same_key_loads_from_pem_or_jwk_json(rsa_key):
    private_jwk = json.dumps(rsa_key.as_dict(private=True))

    from_jwk = load_issuer_key(private_jwk)

    assert public_jwk(from_jwk) == public_jwk(rsa_key)


def public_rsa_pem() -> str:
    return RSAKey.generate_key(2048).as_pem(private=False).decode()


def ed25519_pem() -> str:
    return OKPKey.generate_key("Ed25519").as_pem(private=True).decode()


@pytest.mark.parametrize(
    "make_value",
    [
        pytest.param(lambda: "not a key", id="garbage"),
        pytest.param(lambda: '{"kty": "oct", "k": "c2VjcmV0"}', id="symmetric-jwk"),
        pytest.param(lambda: '["RSA"]', id="json-not-a-jwk"),
        pytest.param(public_rsa_pem, id="public-pem"),
        pytest.param(
            lambda: json.dumps(
                {**ECKey.generate_key("P-256").as_dict(private=True), "alg": "ES512"}
            ),
            id="jwk-for-another-algorithm",
        ),
        pytest.param(
            lambda: ECKey.generate_key("P-384").as_pem(private=True).decode(),
            id="ec-p384",
        ),
        pytest.param(ed25519_pem, id="ed25519"),
    ],
)
def test_unusable_issuer_keys_are_refused(make_value):
    with pytest.raises(IssuerKeyError):
        load_issuer_key(make_value())


def test_rsa_issuer_key_shorter_than_2048_bits_is_refused():
    with pytest.warns(SecurityWarning):
        short = RSAKey.generate_key(1024).as_pem(private=True).decode()

    with pytest.warns(SecurityWarning), pytest.raises(IssuerKeyError, match="2048"):
        load_issuer_key(short)


def test_issuer_key_comes_from_settings_when_called(settings, rsa_key):
    settings.OPENBADGES_ISSUER_KEY = rsa_key.as_pem(private=True).decode()

    assert issuer_key_from_settings().thumbprint() == rsa_key.thumbprint()


@pytest.mark.parametrize("value", ["", "not a key"])
def test_missing_or_broken_issuer_key_setting_is_a_configuration_error(settings, value):
    settings.OPENBADGES_ISSUER_KEY = value

    with pytest.raises(ImproperlyConfigured, match="OPENBADGES_ISSUER_KEY"):
        issuer_key_from_settings()
