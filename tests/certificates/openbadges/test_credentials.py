"""Open Badges 3.0 credentials: building, signing and verifying.

These are pure functions, so no test here needs the database.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from certificates.openbadges.credentials import (
    build_credential,
    build_status_list_credential,
    hash_identity,
    sign_credential,
)
from certificates.openbadges.keys import (
    generate_issuer_key,
    jwks_document,
    load_issuer_key,
    public_jwk,
)
from certificates.openbadges.status_list import encode_status_list
from tests.certificates.openbadges.builders import (
    EMAIL,
    ISSUED,
    JWKS_URL,
    STATUS_URL,
    b64url,
    credential_data,
    token_parts,
)
from tests.certificates.openbadges.verify import (
    CredentialExpiredError,
    CredentialVerificationError,
    verify_credential,
)

# Building ------------------------------------------------------------------


def test_credential_has_the_ob3_contexts_types_and_issuer_profile():
    credential = build_credential(credential_data())

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
    subject = build_credential(credential_data())["credentialSubject"]

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
    status = build_credential(credential_data())["credentialStatus"]

    assert status == {
        "id": f"{STATUS_URL}#42",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "42",
        "statusListCredential": STATUS_URL,
    }


def test_expiring_credential_has_valid_until_in_utc():
    expires = datetime(2029, 3, 14, 10, 0, tzinfo=UTC) + timedelta(hours=1)
    credential = build_credential(credential_data(expires_at=expires))

    assert credential["validUntil"] == "2029-03-14T11:00:00Z"


def test_email_is_only_ever_a_salted_hash(rsa_key):
    credential = build_credential(credential_data())
    token = sign_credential(credential, rsa_key, jwks_url=JWKS_URL)

    identifier = credential["credentialSubject"]["identifier"][1]
    assert identifier == {
        "type": "IdentityObject",
        "hashed": True,
        "identityHash": hash_identity(EMAIL, "Dq8v1s"),
        "identityType": "emailAddress",
        "salt": "Dq8v1s",
    }
    assert EMAIL not in json.dumps(token_parts(token)[1])


def test_identity_hash_matches_the_ob3_implementation_guide_example():
    # The worked example in the 1EdTech OB 3.0 Implementation Guide.
    assert hash_identity("jjefferson18@example.com", "FleurDeSel") == (
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
    credential = build_credential(credential_data())

    token = sign_credential(credential, issuer_key, jwks_url=JWKS_URL)

    verified = verify_credential(token, jwks_document([issuer_key], jwks_url=JWKS_URL))
    assert verified == credential


def test_jose_header_and_claims_follow_the_ob3_jwt_proof_format(rsa_key):
    credential = build_credential(
        credential_data(expires_at=ISSUED + timedelta(days=365))
    )

    header, payload = token_parts(
        sign_credential(credential, rsa_key, jwks_url=JWKS_URL)
    )

    assert header == {
        "alg": "RS256",
        "kid": public_jwk(rsa_key, jwks_url=JWKS_URL)["kid"],
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
    token = sign_credential(build_credential(credential_data()), ec_key)

    assert token_parts(token)[0]["alg"] == "ES256"


def test_tampered_payload_fails_verification(issuer_key):
    token = sign_credential(build_credential(credential_data()), issuer_key)
    header, payload, signature = token.split(".")
    claims = token_parts(token)[1]
    claims["credentialSubject"]["identifier"][0]["identityHash"] = "Mallory"
    forged = f"{header}.{b64url(claims)}.{signature}"

    with pytest.raises(CredentialVerificationError):
        verify_credential(forged, public_jwk(issuer_key))


def test_credential_signed_by_another_key_fails_verification(rsa_key):
    stranger = load_issuer_key(generate_issuer_key())
    token = sign_credential(build_credential(credential_data()), stranger)

    with pytest.raises(CredentialVerificationError):
        verify_credential(token, jwks_document([rsa_key]))


def test_unsigned_token_with_alg_none_is_refused(rsa_key):
    credential = build_credential(credential_data())
    payload = sign_credential(credential, rsa_key).split(".")[1]
    unsigned = f"{b64url({'alg': 'none', 'typ': 'JWT'})}.{payload}."

    with pytest.raises(CredentialVerificationError):
        verify_credential(unsigned, public_jwk(rsa_key))


@pytest.mark.parametrize("token", ["", "not-a-token", "a.b.c", "..."])
def test_garbage_instead_of_a_token_is_refused(rsa_key, token):
    with pytest.raises(CredentialVerificationError):
        verify_credential(token, public_jwk(rsa_key))


def test_expired_credential_is_reported_as_expired(rsa_key):
    credential = build_credential(
        credential_data(expires_at=ISSUED + timedelta(days=30))
    )
    token = sign_credential(credential, rsa_key)

    with pytest.raises(CredentialExpiredError):
        verify_credential(token, public_jwk(rsa_key), now=ISSUED + timedelta(days=31))


def test_credential_is_not_valid_before_its_valid_from(rsa_key):
    token = sign_credential(build_credential(credential_data()), rsa_key)

    with pytest.raises(CredentialVerificationError, match="not yet valid"):
        verify_credential(token, public_jwk(rsa_key), now=ISSUED - timedelta(minutes=5))


def test_status_list_credential_is_not_accepted_as_a_badge(rsa_key):
    status_list = build_status_list_credential(
        credential_id=STATUS_URL,
        issuer_id="https://academy.example/openbadges/issuer",
        encoded_list=encode_status_list([]),
        valid_from=ISSUED,
    )
    token = sign_credential(status_list, rsa_key)

    with pytest.raises(CredentialVerificationError, match="OpenBadgeCredential"):
        verify_credential(token, public_jwk(rsa_key))


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
    credential = build_credential(
        credential_data(recipient_name=name, achievement_name=f"{name} — 🔥")
    )

    verified = verify_credential(
        sign_credential(credential, rsa_key), public_jwk(rsa_key)
    )

    assert verified["credentialSubject"]["identifier"][0]["identityHash"] == name
    assert verified["credentialSubject"]["achievement"]["name"] == f"{name} — 🔥"
    assert verified["name"] == f"{name} — 🔥"
