"""Staff permissions reach other people's certificates only after the second
factor: a coordinator's session without it downloads no one's PDF or badge."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from certificates import tasks
from certificates.services import certificate_issue
from tests.factories import PASSWORD
from tests.learners.accounts.builders import current_code

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def staff_mfa_required(settings):
    settings.ACADEMY_STAFF_MFA_REQUIRED = True


@pytest.fixture
def certificate(award, qualified, coordinator):
    certificate = certificate_issue(
        learner=qualified, award=award, issued_by=coordinator
    )
    tasks.certificate_render(certificate.pk)
    certificate.refresh_from_db()
    return certificate


@pytest.fixture
def secret(coordinator):
    secret = generate_totp_secret()
    TOTP.activate(coordinator, secret)
    return secret


@pytest.mark.parametrize("name", ["certificates:download", "certificates:badge"])
def test_a_coordinator_without_the_second_factor_gets_no_learners_file(
    client, certificate, coordinator, secret, name
):
    client.post(
        "/accounts/login/", {"login": coordinator.username, "password": PASSWORD}
    )
    url = reverse(name, args=[certificate.serial])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/")
    assert "attachment" not in response.get("Content-Disposition", "")


@pytest.mark.parametrize("name", ["certificates:download", "certificates:badge"])
def test_a_coordinator_who_passed_both_factors_gets_the_learners_file(
    client, certificate, coordinator, secret, name
):
    response = client.post(
        "/accounts/login/", {"login": coordinator.username, "password": PASSWORD}
    )
    client.post(response["Location"], {"code": current_code(secret)})

    response = client.get(reverse(name, args=[certificate.serial]))

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
