"""Open Badges through the site: badge downloads, keys, issuer, achievements
and the revocation status list, and how they agree with the verify page."""

from __future__ import annotations

import base64
import json
from datetime import UTC, timedelta
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from joserfc.jwk import RSAKey
from wagtail import hooks

from certificates.models import Certificate
from certificates.openbadges.credentials import (
    STATUS_LIST_CREDENTIAL_TYPE,
    hash_identity,
    recipient_id,
)
from certificates.openbadges.status_list import STATUS_LIST_MIN_SIZE
from certificates.services import certificate_issue, certificate_revoke
from tests import factories
from tests.certificates import builders
from tests.certificates.openbadges.builders import PRIVATE_JWK_MEMBERS
from tests.certificates.openbadges.verify import (
    CredentialExpiredError,
    decode_status_list,
    is_revoked,
    status_entry,
    verify_credential,
)
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

BASE_URL = "https://academy.example"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.CERTIFICATES_BASE_URL = BASE_URL


@pytest.fixture
def expiring_award(two_courses):
    return builders.make_award(two_courses, name="Expert Citizen", validity_months=36)


@pytest.fixture
def certificate(expiring_award, qualified, coordinator):
    return certificate_issue(
        learner=qualified, award=expiring_award, issued_by=coordinator
    )


def issue_to(username, award, coordinator, courses) -> Certificate:
    learner = factories.make_resident(username=username)
    for course in courses:
        builders.complete(learner, course)
    return certificate_issue(learner=learner, award=award, issued_by=coordinator)


def login(client, user):
    client.login(username=user.username, password=PASSWORD)


def local(url: str) -> str:
    """The path of one of the academy's absolute addresses."""
    assert url.startswith(BASE_URL + "/")
    return urlsplit(url).path


def badge_url(certificate) -> str:
    return reverse("certificates:badge", args=[certificate.serial])


def jwt_header(token: str) -> dict:
    header = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))


def published_keys(client) -> dict:
    response = client.get(reverse("certificates:openbadges_jwks"))
    assert response.status_code == 200
    return response.json()


def download_credential(client, certificate, **verify_options) -> dict:
    response = client.get(badge_url(certificate))
    assert response.status_code == 200
    return verify_credential(
        response.content.decode(), published_keys(client), **verify_options
    )


def published_revocations(client) -> str:
    """The ``encodedList`` of the status list, once its signature checks out."""
    response = client.get(reverse("certificates:openbadges_revocation_list"))
    assert response.status_code == 200
    status_list = verify_credential(
        response.content.decode(),
        published_keys(client),
        credential_type=STATUS_LIST_CREDENTIAL_TYPE,
    )
    return status_list["credentialSubject"]["encodedList"]


def set_bits(encoded: str) -> set[int]:
    bits = decode_status_list(encoded)
    return {
        index
        for index in range(len(bits) * 8)
        if bits[index // 8] & (0x80 >> (index % 8))
    }


def verify_page_standing(client, certificate) -> str:
    page = client.get(certificate.get_absolute_url()).content.decode()
    for standing in ("valid", "expired", "revoked"):
        if f"verify-outcome--{standing}" in page:
            return standing
    raise AssertionError("The verify page shows no standing")


def as_timestamp(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# The badge download ---------------------------------------------------------


def test_the_owner_downloads_a_signed_badge_that_verifies_with_the_published_keys(
    client, certificate, qualified
):
    login(client, qualified)

    response = client.get(badge_url(certificate))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert f'filename="{certificate.serial}.jwt"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    credential = verify_credential(response.content.decode(), published_keys(client))
    subject = credential["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == certificate.name_on_certificate
    assert subject["achievement"]["name"] == "Expert Citizen"
    assert credential["validFrom"] == as_timestamp(certificate.issued_at)
    assert credential["validUntil"] == as_timestamp(certificate.expires_at)
    assert credential["id"] == certificate.get_verify_url()
    entry = status_entry(credential)
    assert entry.index == certificate.status_list_index
    assert local(entry.status_list_credential) == reverse(
        "certificates:openbadges_revocation_list"
    )


def test_the_badge_names_the_published_key(client, certificate, qualified):
    login(client, qualified)

    token = client.get(badge_url(certificate)).content.decode()

    kid = jwt_header(token)["kid"]
    assert local(kid) == reverse("certificates:openbadges_jwks")
    assert kid in [key["kid"] for key in published_keys(client)["keys"]]


def test_the_badge_hashes_the_email_address_and_never_shows_it(
    client, certificate, qualified
):
    login(client, qualified)

    token = client.get(badge_url(certificate)).content.decode()
    credential = verify_credential(token, published_keys(client))

    payload = base64.urlsafe_b64decode(
        token.split(".")[1] + "=" * (-len(token.split(".")[1]) % 4)
    ).decode()
    assert qualified.email not in payload
    [email] = [
        identifier
        for identifier in credential["credentialSubject"]["identifier"]
        if identifier["identityType"] == "emailAddress"
    ]
    assert email["hashed"] is True
    assert email["identityHash"] == hash_identity(qualified.email, email["salt"])


def test_the_same_certificate_always_gives_the_same_credential(
    client, certificate, qualified
):
    login(client, qualified)

    first = download_credential(client, certificate)
    second = download_credential(client, certificate)

    assert first == second


def test_the_recipient_id_is_opaque_and_the_same_for_each_learner(
    client, certificate, qualified, coordinator, expiring_award, two_courses
):
    another = issue_to("another", expiring_award, coordinator, two_courses)
    login(client, coordinator)

    ours = download_credential(client, certificate)["credentialSubject"]["id"]
    theirs = download_credential(client, another)["credentialSubject"]["id"]

    assert ours.startswith("urn:uuid:")
    assert ours == recipient_id(qualified.pk)
    assert ours != theirs
    assert qualified.username not in ours


def test_a_certificate_that_never_expires_has_no_valid_until(
    client, award, qualified, coordinator
):
    certificate = certificate_issue(
        learner=qualified, award=award, issued_by=coordinator
    )
    login(client, qualified)

    credential = download_credential(client, certificate)

    assert "validUntil" not in credential


def test_an_expired_certificates_badge_is_genuine_but_expired(
    client, certificate, qualified
):
    now = timezone.now()
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=now - timedelta(days=1100), expires_at=now - timedelta(days=2)
    )
    certificate.refresh_from_db()
    login(client, qualified)
    token = client.get(badge_url(certificate)).content.decode()

    with pytest.raises(CredentialExpiredError):
        verify_credential(token, published_keys(client))
    credential = verify_credential(
        token, published_keys(client), now=now - timedelta(days=3)
    )
    assert credential["validUntil"] == as_timestamp(certificate.expires_at)


def test_a_coordinator_can_download_anyones_badge(client, certificate, coordinator):
    login(client, coordinator)

    credential = download_credential(client, certificate)

    assert credential["credentialSubject"]["achievement"]["name"] == "Expert Citizen"


@pytest.mark.parametrize("role", ["other_resident", "trainer"])
def test_other_signed_in_users_get_not_found_for_a_badge(
    request, client, certificate, role
):
    login(client, request.getfixturevalue(role))

    assert client.get(badge_url(certificate)).status_code == 404


def test_anonymous_visitors_are_asked_to_sign_in_before_a_badge(client, certificate):
    response = client.get(badge_url(certificate))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert badge_url(certificate) in response["Location"]


def test_an_unknown_serial_has_no_badge_even_for_a_coordinator(client, coordinator):
    login(client, coordinator)

    url = reverse("certificates:badge", args=["CA-2000-000999"])
    assert client.get(url).status_code == 404


def test_the_badge_download_takes_the_same_queries_however_many_requirements(
    client, course_index, coordinator
):
    def queries_for(course_count: int) -> int:
        courses = [
            factories.build_course(course_index, title=f"Course {course_count}-{i}")
            for i in range(course_count)
        ]
        award = builders.make_award(courses, name=f"Award of {course_count}")
        certificate = issue_to(f"learner{course_count}", award, coordinator, courses)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(badge_url(certificate))
        assert response.status_code == 200
        return len(queries)

    login(client, coordinator)

    assert queries_for(1) == queries_for(4)


def test_the_dashboard_offers_the_badge_beside_the_pdf_until_revoked(
    rf, certificate, qualified, coordinator
):
    request = rf.get("/learning/")
    request.user = qualified
    [hook] = hooks.get_hooks("learners_dashboard_certificates")

    assert badge_url(certificate) in hook({"request": request})
    assert "Download Open Badge" in hook({"request": request})
    certificate_revoke(
        certificate=certificate, reason="Issued in error", revoked_by=coordinator
    )
    assert badge_url(certificate) not in hook({"request": request})


# Keys, issuer and achievements ---------------------------------------------


@pytest.fixture(scope="module")
def rsa_issuer_key():
    return RSAKey.generate_key(2048).as_pem(private=True).decode()


@pytest.mark.parametrize("kind", ["EC", "RSA"])
def test_the_published_keys_hold_no_private_key_material(
    client, settings, rsa_issuer_key, kind
):
    if kind == "RSA":
        settings.OPENBADGES_ISSUER_KEY = rsa_issuer_key

    response = client.get(reverse("certificates:openbadges_jwks"))

    [key] = response.json()["keys"]
    assert key["kty"] == kind
    assert key["use"] == "sig"
    assert key["alg"] == ("RS256" if kind == "RSA" else "ES256")
    assert not PRIVATE_JWK_MEMBERS & set(key)
    assert "public" in response["Cache-Control"]
    assert "max-age=3600" in response["Cache-Control"]


def test_a_badge_signed_with_an_rsa_key_verifies_too(
    client, settings, rsa_issuer_key, certificate, qualified
):
    settings.OPENBADGES_ISSUER_KEY = rsa_issuer_key
    login(client, qualified)

    response = client.get(badge_url(certificate))

    assert jwt_header(response.content.decode())["alg"] == "RS256"
    verify_credential(response.content.decode(), published_keys(client))


def test_the_issuer_and_achievement_in_a_badge_resolve_to_json(
    client, certificate, qualified, expiring_award
):
    login(client, qualified)
    credential = download_credential(client, certificate)
    client.logout()

    issuer = client.get(local(credential["issuer"]["id"]))
    achievement_id = credential["credentialSubject"]["achievement"]["id"]
    achievement = client.get(local(achievement_id))

    assert issuer.status_code == 200
    assert issuer["Content-Type"] == "application/json"
    assert issuer["Access-Control-Allow-Origin"] == "*"
    assert issuer.json()["id"] == credential["issuer"]["id"]
    assert issuer.json()["type"] == ["Profile"]
    assert issuer.json()["name"] == credential["issuer"]["name"] == "Citizens' Academy"
    assert achievement.status_code == 200
    assert achievement["Content-Type"] == "application/json"
    document = achievement.json()
    assert document["id"] == achievement_id
    assert document["type"] == ["Achievement"]
    assert document["name"] == expiring_award.name
    assert (
        document["criteria"]
        == credential["credentialSubject"]["achievement"]["criteria"]
    )
    assert "Complete Fire safety at home" in document["criteria"]["narrative"]
    assert document["creator"]["id"] == credential["issuer"]["id"]


def test_an_award_nobody_holds_has_no_public_achievement(client, two_courses):
    unissued = builders.make_award(two_courses, name="Not yet launched")

    url = reverse("certificates:openbadges_achievement", args=[unissued.pk])
    assert client.get(url).status_code == 404
    missing = reverse("certificates:openbadges_achievement", args=[unissued.pk + 99])
    assert client.get(missing).status_code == 404


@pytest.mark.parametrize(
    "role", [None, "resident", "other_resident", "trainer", "coordinator"]
)
def test_everyone_may_read_the_public_open_badges_documents(
    request, client, certificate, role
):
    if role is not None:
        login(client, request.getfixturevalue(role))
    urls = [
        reverse("certificates:openbadges_jwks"),
        reverse("certificates:openbadges_issuer"),
        reverse("certificates:openbadges_achievement", args=[certificate.award_id]),
        reverse("certificates:openbadges_revocation_list"),
    ]

    for url in urls:
        assert client.get(url).status_code == 200, url


# The revocation status list ------------------------------------------------


def test_the_status_list_is_signed_public_and_briefly_cacheable(client, certificate):
    response = client.get(reverse("certificates:openbadges_revocation_list"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"
    status_list = verify_credential(
        response.content.decode(),
        published_keys(client),
        credential_type=STATUS_LIST_CREDENTIAL_TYPE,
    )
    assert local(status_list["id"]) == reverse(
        "certificates:openbadges_revocation_list"
    )
    assert status_list["credentialSubject"]["statusPurpose"] == "revocation"
    assert set_bits(status_list["credentialSubject"]["encodedList"]) == set()


def test_the_status_list_marks_exactly_the_revoked_certificates(
    client, expiring_award, coordinator, two_courses
):
    certificates = [
        issue_to(f"learner{i}", expiring_award, coordinator, two_courses)
        for i in range(5)
    ]
    for revoked in certificates[1], certificates[3]:
        certificate_revoke(
            certificate=revoked, reason="Issued in error", revoked_by=coordinator
        )
    Certificate.objects.filter(pk=certificates[4].pk).update(
        status=Certificate.Status.SUPERSEDED
    )

    encoded = published_revocations(client)

    assert set_bits(encoded) == {
        certificates[1].status_list_index,
        certificates[3].status_list_index,
    }
    for certificate in certificates:
        certificate.refresh_from_db()
        assert is_revoked(encoded, certificate.status_list_index) is (
            certificate.status == Certificate.Status.REVOKED
        )


def test_the_status_list_and_the_verify_page_agree(
    client, expiring_award, coordinator, two_courses
):
    valid, expired, revoked = (
        issue_to(name, expiring_award, coordinator, two_courses)
        for name in ("valid", "expired", "revoked")
    )
    now = timezone.now()
    Certificate.objects.filter(pk=expired.pk).update(
        issued_at=now - timedelta(days=1100), expires_at=now - timedelta(days=1)
    )
    certificate_revoke(
        certificate=revoked, reason="Issued in error", revoked_by=coordinator
    )

    encoded = published_revocations(client)
    standings = {
        certificate.serial: verify_page_standing(client, certificate)
        for certificate in (valid, expired, revoked)
    }

    assert standings == {
        valid.serial: "valid",
        expired.serial: "expired",
        revoked.serial: "revoked",
    }
    for certificate in (valid, expired, revoked):
        assert is_revoked(encoded, certificate.status_list_index) is (
            standings[certificate.serial] == "revoked"
        )


def test_a_revocation_reaches_the_status_list_at_once(client, certificate, coordinator):
    before = published_revocations(client)
    certificate_revoke(
        certificate=certificate, reason="Issued in error", revoked_by=coordinator
    )

    after = published_revocations(client)

    assert not is_revoked(before, certificate.status_list_index)
    assert is_revoked(after, certificate.status_list_index)
    assert verify_page_standing(client, certificate) == "revoked"


def test_the_status_list_grows_to_cover_every_issued_index(
    client, certificate, coordinator
):
    far = STATUS_LIST_MIN_SIZE + 5
    Certificate.objects.filter(pk=certificate.pk).update(status_list_index=far)
    certificate.refresh_from_db()
    certificate_revoke(
        certificate=certificate, reason="Issued in error", revoked_by=coordinator
    )

    encoded = published_revocations(client)

    assert len(decode_status_list(encoded)) * 8 == 2 * STATUS_LIST_MIN_SIZE
    assert set_bits(encoded) == {far}


def test_the_status_list_takes_the_same_queries_however_many_are_revoked(
    client, expiring_award, coordinator, two_courses
):
    url = reverse("certificates:openbadges_revocation_list")

    def queries_with(revoked_count: int) -> int:
        for i in range(revoked_count):
            certificate = issue_to(
                f"r{revoked_count}-{i}", expiring_award, coordinator, two_courses
            )
            certificate_revoke(
                certificate=certificate,
                reason="Issued in error",
                revoked_by=coordinator,
            )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert queries_with(1) == queries_with(5)
