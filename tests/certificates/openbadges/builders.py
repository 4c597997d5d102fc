"""Data for the Open Badges tests: a credential's fields and token parts."""

from __future__ import annotations

import base64
import json
from dataclasses import replace
from datetime import UTC, datetime

from certificates.openbadges.credentials import CredentialData, HashedIdentifier

JWKS_URL = "https://academy.example/.well-known/jwks.json"
STATUS_URL = "https://academy.example/openbadges/status/1"
ISSUED = datetime(2026, 3, 14, 9, 30, 15, tzinfo=UTC)
EMAIL = "resident@example.org"
PRIVATE_JWK_MEMBERS = {"d", "p", "q", "dp", "dq", "qi", "oth", "k"}


def credential_data(**changes) -> CredentialData:
    data = CredentialData(
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
            HashedIdentifier.from_identity(
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
