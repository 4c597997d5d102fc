"""Bitstring status lists: encoding, looking up and signing them."""

from __future__ import annotations

import base64
import gzip
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from certificates.openbadges.credentials import (
    build_credential,
    build_status_list_credential,
    sign_credential,
)
from certificates.openbadges.keys import jwks_document
from certificates.openbadges.status_list import STATUS_LIST_MIN_SIZE, encode_status_list
from tests.certificates.openbadges.builders import (
    ISSUED,
    JWKS_URL,
    STATUS_URL,
    credential_data,
)
from tests.certificates.openbadges.verify import (
    StatusEntry,
    decode_status_list,
    is_revoked,
    status_entry,
    verify_credential,
)


@hypothesis_settings(max_examples=60, deadline=None)
@given(
    revoked=st.sets(st.integers(0, STATUS_LIST_MIN_SIZE - 1), max_size=200),
    probes=st.lists(st.integers(0, STATUS_LIST_MIN_SIZE - 1), max_size=30),
)
def test_is_revoked_agrees_with_the_indexes_that_were_encoded(revoked, probes):
    encoded = encode_status_list(revoked)

    bits = decode_status_list(encoded)
    assert len(bits) * 8 == STATUS_LIST_MIN_SIZE
    for index in revoked:
        assert is_revoked(encoded, index)
    for index in probes:
        assert is_revoked(encoded, index) is (index in revoked)
    assert sum(bin(byte).count("1") for byte in bits) == len(revoked)


def test_index_zero_is_the_left_most_bit_of_the_first_byte():
    encoded = encode_status_list([0, 9])

    assert encoded.startswith("u")
    assert "=" not in encoded
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=="))
    assert raw[:2] == bytes([0b1000_0000, 0b0100_0000])
    assert not any(raw[2:])


def test_empty_status_list_revokes_nothing_and_is_at_least_16_kib():
    encoded = encode_status_list([])

    assert len(decode_status_list(encoded)) == 16 * 1024
    assert not is_revoked(encoded, 0)
    assert not is_revoked(encoded, STATUS_LIST_MIN_SIZE - 1)


@pytest.mark.parametrize(
    ("indexes", "size"),
    [([STATUS_LIST_MIN_SIZE], STATUS_LIST_MIN_SIZE), ([-1], 131_072), ([], 8)],
)
def test_encoding_refuses_out_of_range_indexes_and_small_lists(indexes, size):
    with pytest.raises(ValueError):
        encode_status_list(indexes, size)


@pytest.mark.parametrize(
    "encoded",
    [
        "u!!!",
        "uAAAA",
        "u" + base64.urlsafe_b64encode(b"plain").decode(),
        "u" + base64.standard_b64encode(gzip.compress(b"\xff" * 64)).decode(),
    ],
)
def test_malformed_status_lists_raise_value_error(encoded):
    with pytest.raises(ValueError):
        is_revoked(encoded, 0)


def test_lookup_past_the_end_of_the_list_raises_value_error():
    with pytest.raises(ValueError):
        is_revoked(encode_status_list([]), STATUS_LIST_MIN_SIZE)


def test_signed_status_list_agrees_with_the_credential_it_revokes(rsa_key):
    credential = build_credential(credential_data(status_list_index=42))
    status_list = build_status_list_credential(
        credential_id=STATUS_URL,
        issuer_id="https://academy.example/openbadges/issuer",
        encoded_list=encode_status_list([3, 42]),
        valid_from=ISSUED + timedelta(days=2),
    )
    status_token = sign_credential(status_list, rsa_key, jwks_url=JWKS_URL)

    verified_list = verify_credential(
        status_token,
        jwks_document([rsa_key], jwks_url=JWKS_URL),
        credential_type="BitstringStatusListCredential",
    )
    entry = status_entry(credential)

    assert verified_list["type"] == [
        "VerifiableCredential",
        "BitstringStatusListCredential",
    ]
    assert verified_list["credentialSubject"]["type"] == "BitstringStatusList"
    assert verified_list["credentialSubject"]["statusPurpose"] == "revocation"
    assert entry == StatusEntry(status_list_credential=STATUS_URL, index=42)
    assert verified_list["id"] == entry.status_list_credential
    encoded = verified_list["credentialSubject"]["encodedList"]
    assert is_revoked(encoded, entry.index)
    assert not is_revoked(encoded, 41)


def test_credential_without_status_has_no_status_entry():
    credential = build_credential(credential_data())
    del credential["credentialStatus"]

    assert status_entry(credential) is None
