"""Issuer keys for the Open Badges tests, generated once per module."""

from __future__ import annotations

import pytest

from certificates.openbadges.keys import generate_issuer_key, load_issuer_key


@pytest.fixture(scope="module")
def rsa_key():
    return load_issuer_key(generate_issuer_key())


@pytest.fixture(scope="module")
def ec_key():
    return load_issuer_key(generate_issuer_key("EC"))


@pytest.fixture(params=["RSA", "EC"])
def issuer_key(request, rsa_key, ec_key):
    return rsa_key if request.param == "RSA" else ec_key
