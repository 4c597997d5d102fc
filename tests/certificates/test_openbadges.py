"""Open Badges 3.0 credentials: building, signing, verifying, status lists.

These are pure functions, so no test here needs the database.
"""

from __future__ import annotations

import base64
import gzip
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from joserfc.errors import SecurityWarning
from joserfc.jwk import ECKey, OKPKey, RSAKey

from certificates import openbadges as ob

JWKS_URL = "https://academy.example/.well-known/jwks.json"
STATUS_URL = "https://academy.example/openbadges/status/1"
ISSUED = datetime(2026, 3, 14, 9, 30, 15, tzinfo=UTC)
EMAIL = "resident@example.org"
PRIVATE_JWK_MEMBERS = {"d", "p", "q", "dp", "dq", "qi", "oth", "k"}


@pytest.fixture(scope="module")
def rsa_key():
    return ob.load_issuer_key(ob.generate_issuer_key())


@pytest.fixture(scope="module")
def ec_key():
    return ob.load_issuer_key(ob.generate_issuer_key("EC"))


@pytest.fixture(params=["RSA", "EC"])
def issuer_key(request, rsa_key, ec_key):
    return rsa_key if request.param == "RSA" else ec_key


def credential_data(**changes) -> ob.CredentialData:
    data = ob.CredentialData(
        credential_id="https://academy.example/certificates/7f3c",
        issuer_id="https://academy.example/openbadges/issuer",
        issuer_name="Citizens' Academy",
        issuer_url="https://academy.example/",
        achievement_id="https://academy.example/courses/fire-safety/",
        achievement_name="Fire safety at home",
        achievement_description="Knows how to prevent and respond to home fires.",
        criteria_narrative="Complete every lesson and pass the final quiz.",
        recipient_id="urn:uuid:3e9b8a52-8f7c-4c55-9d8e-2f0b1f6c7a10",
        recipient_name="Alex Example",
        issued_at=ISSUED,
        status_list_credential=STATUS_URL,
        status_list_index=42,
        recipient_identifiers=(
            ob.HashedIdentifier.from_identity(
                identity_type="emailAddress", identity=EMAIL, salt="Dq8v1s"
            ),
        ),
    )
    return replace(data, **changes)


def token_parts(token: str) -> tuple[dict, dict]:
    header, payload, _signature = token.split(".")
    return (
        json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4))),
        json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))),
    )


def b64url(data: dict) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


# Building ------------------------------------------------------------------


def test_credential_has_the_ob3_contexts_types_and_issuer_profile():
    credential = ob.build_credential(credential_data())

    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["id"] == "https://academy.example/certificates/7f3c"
    assert credential["issuer"] == {
        "id": "https://academy.example/openbadges/issuer",
        "type": ["Profile"],
        "name": "Citizens' Academy",
        "url": "https://academy.example/",
    }
    assert credential["validFrom"] == "2026-03-14T09:30:15Z"
    assert "validUntil" not in credential


def test_credential_subject_is_an_achievement_subject_with_criteria():
    subject = ob.build_credential(credential_data())["credentialSubject"]

    assert subject["id"] == "urn:uuid:3e9b8a52-8f7c-4c55-9d8e-2f0b1f6c7a10"
    assert subject["type"] == ["AchievementSubject"]
    assert subject["achievement"] == {
        "id": "https://academy.example/courses/fire-safety/",
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": "Fire safety at home",
        "description": "Knows how to prevent and respond to home fires.",
        "criteria": {"narrative": "Complete every lesson and pass the final quiz."},
    }
    assert {
        "type": "IdentityObject",
        "hashed": False,
        "identityHash": "Alex Example",
        "identityType": "name",
    } in subject["identifier"]


def test_credential_status_is_a_revocation_bitstring_entry():
    status = ob.build_credential(credential_data())["credentialStatus"]

    assert status == {
        "id": f"{STATUS_URL}#42",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "42",
        "statusListCredential": STATUS_URL,
    }


def test_expiring_credential_has_valid_until_in_utc():
    expires = datetime(2029, 3, 14, 10, 0, tzinfo=UTC) + timedelta(hours=1)
    credential = ob.build_credential(credential_data(expires_at=expires))

    assert credential["validUntil"] == "2029-03-14T11:00:00Z"


def test_email_is_only_ever_a_salted_hash(rsa_key):
    credential = ob.build_credential(credential_data())
    token = ob.sign_credential(credential, rsa_key, jwks_url=JWKS_URL)

    identifier = credential["credentialSubject"]["identifier"][1]
    assert identifier == {
        "type": "IdentityObject",
        "hashed": True,
        "identityHash": ob.hash_identity(EMAIL, "Dq8v1s"),
        "identityType": "emailAddress",
        "salt": "Dq8v1s",
    }
    assert EMAIL not in json.dumps(token_parts(token)[1])


def test_identity_hash_matches_the_ob3_implementation_guide_example():
    # The worked example in the 1EdTech OB 3.0 Implementation Guide.
    assert ob.hash_identity("jjefferson18@example.com", "FleurDeSel") == (
        "sha256$658625b25ab3d75d613ca97d9a5a77f70e2192feca5557f4ad09a4d4f121f5fc"
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("issued_at", datetime(2026, 3, 14, 9, 30)),
        ("expires_at", ISSUED - timedelta(days=1)),
        ("status_list_index", -1),
        ("recipient_id", "mailto:resident@example.org"),
        ("credential_id", "  "),
    ],
)
def test_credential_data_refuses_values_that_would_make_a_bad_credential(field, value):
    with pytest.raises(ValueError, match=field):
        credential_data(**{field: value})


# Signing and verifying -----------------------------------------------------


def test_signed_credential_verifies_back_to_the_same_credential(issuer_key):
    credential = ob.build_credential(credential_data())

    token = ob.sign_credential(credential, issuer_key, jwks_url=JWKS_URL)

    verified = ob.verify_credential(
        token, ob.jwks_document([issuer_key], jwks_url=JWKS_URL)
    )
    assert verified == credential


def test_jose_header_and_claims_follow_the_ob3_jwt_proof_format(rsa_key):
    credential = ob.build_credential(
        credential_data(expires_at=ISSUED + timedelta(days=365))
    )

    header, payload = token_parts(
        ob.sign_credential(credential, rsa_key, jwks_url=JWKS_URL)
    )

    assert header == {
        "alg": "RS256",
        "kid": ob.public_jwk(rsa_key, jwks_url=JWKS_URL)["kid"],
        "typ": "JWT",
    }
    assert header["kid"].startswith(f"{JWKS_URL}#")
    assert payload["iss"] == credential["issuer"]["id"]
    assert payload["jti"] == credential["id"]
    assert payload["sub"] == credential["credentialSubject"]["id"]
    assert payload["nbf"] == int(ISSUED.timestamp())
    assert payload["exp"] == int((ISSUED + timedelta(days=365)).timestamp())
    assert payload["credentialSubject"] == credential["credentialSubject"]


def test_ec_keys_sign_with_es256(ec_key):
    token = ob.sign_credential(ob.build_credential(credential_data()), ec_key)

    assert token_parts(token)[0]["alg"] == "ES256"


def test_tampered_payload_fails_verification(issuer_key):
    token = ob.sign_credential(ob.build_credential(credential_data()), issuer_key)
    header, payload, signature = token.split(".")
    claims = token_parts(token)[1]
    claims["credentialSubject"]["identifier"][0]["identityHash"] = "Mallory"
    forged = f"{header}.{b64url(claims)}.{signature}"

    with pytest.raises(ob.CredentialVerificationError):
        ob.verify_credential(forged, ob.public_jwk(issuer_key))


def test_credential_signed_by_another_key_fails_verification(rsa_key):
    stranger = ob.load_issuer_key(ob.generate_issuer_key())
    token = ob.sign_credential(ob.build_credential(credential_data()), stranger)

    with pytest.raises(ob.CredentialVerificationError):
        ob.verify_credential(token, ob.jwks_document([rsa_key]))


def test_unsigned_token_with_alg_none_is_refused(rsa_key):
    credential = ob.build_credential(credential_data())
    payload = ob.sign_credential(credential, rsa_key).split(".")[1]
    unsigned = f"{b64url({'alg': 'none', 'typ': 'JWT'})}.{payload}."

    with pytest.raises(ob.CredentialVerificationError):
        ob.verify_credential(unsigned, ob.public_jwk(rsa_key))


@pytest.mark.parametrize("token", ["", "not-a-token", "a.b.c", "..."])
def test_garbage_instead_of_a_token_is_refused(rsa_key, token):
    with pytest.raises(ob.CredentialVerificationError):
        ob.verify_credential(token, ob.public_jwk(rsa_key))


def test_expired_credential_is_reported_as_expired(rsa_key):
    credential = ob.build_credential(
        credential_data(expires_at=ISSUED + timedelta(days=30))
    )
    token = ob.sign_credential(credential, rsa_key)

    with pytest.raises(ob.CredentialExpiredError):
        ob.verify_credential(
            token, ob.public_jwk(rsa_key), now=ISSUED + timedelta(days=31)
        )


def test_credential_is_not_valid_before_its_valid_from(rsa_key):
    token = ob.sign_credential(ob.build_credential(credential_data()), rsa_key)

    with pytest.raises(ob.CredentialVerificationError, match="not yet valid"):
        ob.verify_credential(
            token, ob.public_jwk(rsa_key), now=ISSUED - timedelta(minutes=5)
        )


def test_status_list_credential_is_not_accepted_as_a_badge(rsa_key):
    status_list = ob.build_status_list_credential(
        credential_id=STATUS_URL,
        issuer_id="https://academy.example/openbadges/issuer",
        encoded_list=ob.encode_status_list([]),
        valid_from=ISSUED,
    )
    token = ob.sign_credential(status_list, rsa_key)

    with pytest.raises(ob.CredentialVerificationError, match="OpenBadgeCredential"):
        ob.verify_credential(token, ob.public_jwk(rsa_key))


@pytest.mark.parametrize(
    "name",
    [
        "ليلى عبد الله",
        "પ્રિયા પટેલ",
        "王小明",
        "Zofia Wójcik-Łukasiewicz",
        "Sam 🌈✨ O'Brien",
        "Cabdi Maxamed Xasan",
    ],
)
def test_names_in_any_script_survive_signing_and_verifying(rsa_key, name):
    credential = ob.build_credential(
        credential_data(recipient_name=name, achievement_name=f"{name} — 🔥")
    )

    verified = ob.verify_credential(
        ob.sign_credential(credential, rsa_key), ob.public_jwk(rsa_key)
    )

    assert verified["credentialSubject"]["identifier"][0]["identityHash"] == name
    assert verified["credentialSubject"]["achievement"]["name"] == f"{name} — 🔥"
    assert verified["name"] == f"{name} — 🔥"


# Keys ----------------------------------------------------------------------


def test_public_jwk_has_no_private_part(issuer_key):
    jwk = ob.public_jwk(issuer_key, jwks_url=JWKS_URL)

    assert not PRIVATE_JWK_MEMBERS & jwk.keys()
    assert jwk["use"] == "sig"
    assert jwk["kid"] == f"{JWKS_URL}#{issuer_key.thumbprint()}"
    assert ob.jwks_document([issuer_key], jwks_url=JWKS_URL) == {"keys": [jwk]}


def test_same_key_loads_from_pem_or_jwk_json(rsa_key):
    private_jwk = json.dumps(rsa_key.as_dict(private=True))

    from_jwk = ob.load_issuer_key(private_jwk)

    assert ob.public_jwk(from_jwk) == ob.public_jwk(rsa_key)


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
    with pytest.raises(ob.IssuerKeyError):
        ob.load_issuer_key(make_value())


def test_rsa_issuer_key_shorter_than_2048_bits_is_refused():
    with pytest.warns(SecurityWarning):
        short = RSAKey.generate_key(1024).as_pem(private=True).decode()

    with pytest.warns(SecurityWarning), pytest.raises(ob.IssuerKeyError, match="2048"):
        ob.load_issuer_key(short)


def test_issuer_key_comes_from_settings_when_called(settings, rsa_key):
    settings.OPENBADGES_ISSUER_KEY = rsa_key.as_pem(private=True).decode()

    assert ob.issuer_key_from_settings().thumbprint() == rsa_key.thumbprint()


@pytest.mark.parametrize("value", ["", "not a key"])
def test_missing_or_broken_issuer_key_setting_is_a_configuration_error(settings, value):
    settings.OPENBADGES_ISSUER_KEY = value

    with pytest.raises(ImproperlyConfigured, match="OPENBADGES_ISSUER_KEY"):
        ob.issuer_key_from_settings()


# Bitstring status list -----------------------------------------------------


@hypothesis_settings(max_examples=60, deadline=None)
@given(
    revoked=st.sets(st.integers(0, ob.STATUS_LIST_MIN_SIZE - 1), max_size=200),
    probes=st.lists(st.integers(0, ob.STATUS_LIST_MIN_SIZE - 1), max_size=30),
)
def test_is_revoked_agrees_with_the_indexes_that_were_encoded(revoked, probes):
    encoded = ob.encode_status_list(revoked)

    bits = ob.decode_status_list(encoded)
    assert len(bits) * 8 == ob.STATUS_LIST_MIN_SIZE
    for index in revoked:
        assert ob.is_revoked(encoded, index)
    for index in probes:
        assert ob.is_revoked(encoded, index) is (index in revoked)
    assert sum(bin(byte).count("1") for byte in bits) == len(revoked)


def test_index_zero_is_the_left_most_bit_of_the_first_byte():
    encoded = ob.encode_status_list([0, 9])

    assert encoded.startswith("u")
    assert "=" not in encoded
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=="))
    assert raw[:2] == bytes([0b1000_0000, 0b0100_0000])
    assert not any(raw[2:])


def test_empty_status_list_revokes_nothing_and_is_at_least_16_kib():
    encoded = ob.encode_status_list([])

    assert len(ob.decode_status_list(encoded)) == 16 * 1024
    assert not ob.is_revoked(encoded, 0)
    assert not ob.is_revoked(encoded, ob.STATUS_LIST_MIN_SIZE - 1)


@pytest.mark.parametrize(
    ("indexes", "size"),
    [([ob.STATUS_LIST_MIN_SIZE], ob.STATUS_LIST_MIN_SIZE), ([-1], 131_072), ([], 8)],
)
def test_encoding_refuses_out_of_range_indexes_and_small_lists(indexes, size):
    with pytest.raises(ValueError):
        ob.encode_status_list(indexes, size)


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
        ob.is_revoked(encoded, 0)


def test_lookup_past_the_end_of_the_list_raises_value_error():
    with pytest.raises(ValueError):
        ob.is_revoked(ob.encode_status_list([]), ob.STATUS_LIST_MIN_SIZE)


def test_signed_status_list_agrees_with_the_credential_it_revokes(rsa_key):
    credential = ob.build_credential(credential_data(status_list_index=42))
    status_list = ob.build_status_list_credential(
        credential_id=STATUS_URL,
        issuer_id="https://academy.example/openbadges/issuer",
        encoded_list=ob.encode_status_list([3, 42]),
        valid_from=ISSUED + timedelta(days=2),
    )
    status_token = ob.sign_credential(status_list, rsa_key, jwks_url=JWKS_URL)

    verified_list = ob.verify_credential(
        status_token,
        ob.jwks_document([rsa_key], jwks_url=JWKS_URL),
        credential_type="BitstringStatusListCredential",
    )
    entry = ob.status_entry(credential)

    assert verified_list["type"] == [
        "VerifiableCredential",
        "BitstringStatusListCredential",
    ]
    assert verified_list["credentialSubject"]["type"] == "BitstringStatusList"
    assert verified_list["credentialSubject"]["statusPurpose"] == "revocation"
    assert entry == ob.StatusEntry(status_list_credential=STATUS_URL, index=42)
    assert verified_list["id"] == entry.status_list_credential
    encoded = verified_list["credentialSubject"]["encodedList"]
    assert ob.is_revoked(encoded, entry.index)
    assert not ob.is_revoked(encoded, 41)


def test_credential_without_status_has_no_status_entry():
    credential = ob.build_credential(credential_data())
    del credential["credentialStatus"]

    assert ob.status_entry(credential) is None
