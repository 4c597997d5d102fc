"""One way to sign in, and a second factor that only the second factor changes.

These drive the real views the way an attacker did: Wagtail's and Django's own
sign-in views, allauth's password reauthentication, and a coordinator whose
authenticator is set up, with staff two-factor authentication required as it
is in production.
"""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import SESSION_KEY
from django.core.checks import run_checks

from tests.factories import PASSWORD, make_coordinator, make_resident
from tests.learners.accounts.builders import current_code

pytestmark = pytest.mark.django_db

OTHER_SIGN_IN_URLS = ["/admin/login/", "/_util/login/"]


@pytest.fixture(autouse=True)
def production_like(settings):
    settings.ACADEMY_STAFF_MFA_REQUIRED = True
    settings.DEBUG = False


@pytest.fixture
def enrolled_coordinator(db):
    coordinator = make_coordinator(username="enrolled")
    secret = generate_totp_secret()
    TOTP.activate(coordinator, secret)
    RecoveryCodes.activate(coordinator)
    coordinator.totp_secret = secret
    return coordinator


def signed_in_user_id(client):
    return client.session.get(SESSION_KEY)


def sign_in_with_both_factors(client, user):
    response = client.post(
        "/accounts/login/", {"login": user.username, "password": PASSWORD}
    )
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    client.post(response["Location"], {"code": current_code(user.totp_secret)})
    assert signed_in_user_id(client) == str(user.pk)


def age_authentication_records(client, seconds):
    session = client.session
    records = session["account_authentication_methods"]
    for record in records:
        record["at"] -= seconds
    session["account_authentication_methods"] = records
    session.save()


@pytest.mark.parametrize("url", OTHER_SIGN_IN_URLS)
def test_other_sign_in_views_send_to_allauths_keeping_next(client, url):
    response = client.get(url, {"next": "/admin/pages/"})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fpages%2F"


@pytest.mark.parametrize("url", OTHER_SIGN_IN_URLS)
def test_a_password_posted_to_other_sign_in_views_signs_nobody_in(
    client, enrolled_coordinator, url
):
    response = client.post(
        url,
        {
            "username": enrolled_coordinator.username,
            "password": PASSWORD,
            "next": "/admin/",
        },
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert signed_in_user_id(client) is None
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("url", OTHER_SIGN_IN_URLS)
def test_other_sign_in_views_never_sign_in_an_unverified_email(client, url):
    resident = make_resident(username="unverified")
    EmailAddress.objects.filter(user=resident).update(verified=False)

    client.post(url, {"username": resident.username, "password": PASSWORD})

    assert signed_in_user_id(client) is None


def test_guessing_passwords_meets_allauths_limit_wherever_it_starts(
    client, enrolled_coordinator, settings
):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
    for _ in range(20):
        response = client.post(
            "/admin/login/",
            {"username": enrolled_coordinator.username, "password": "wrong"},
            follow=True,
        )
        assert response.redirect_chain[0][0].startswith("/accounts/login/")
    for _ in range(5):
        client.post(
            "/accounts/login/",
            {"login": enrolled_coordinator.username, "password": "wrong"},
        )

    response = client.post(
        "/admin/login/",
        {"username": enrolled_coordinator.username, "password": PASSWORD},
        follow=True,
    )
    response = client.post(
        "/accounts/login/",
        {"login": enrolled_coordinator.username, "password": PASSWORD},
    )

    assert "Too many failed login attempts" in response.text
    assert signed_in_user_id(client) is None


def test_wagtails_password_reset_sends_to_allauths(client):
    response = client.get("/admin/password_reset/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/"


def test_password_alone_cannot_remove_the_authenticator(client, enrolled_coordinator):
    sign_in_with_both_factors(client, enrolled_coordinator)
    age_authentication_records(client, 3600)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})

    response = client.post("/accounts/2fa/totp/deactivate/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/reauthenticate/")
    assert Authenticator.objects.filter(
        user=enrolled_coordinator, type=Authenticator.Type.TOTP
    ).exists()


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/2fa/recovery-codes/",
        "/accounts/2fa/recovery-codes/generate/",
        "/accounts/2fa/recovery-codes/download/",
    ],
)
def test_password_alone_cannot_see_or_replace_recovery_codes(
    client, enrolled_coordinator, url
):
    sign_in_with_both_factors(client, enrolled_coordinator)
    age_authentication_records(client, 3600)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    codes_before = Authenticator.objects.get(
        user=enrolled_coordinator, type=Authenticator.Type.RECOVERY_CODES
    ).data

    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/2fa/reauthenticate/")
    assert (
        Authenticator.objects.get(
            user=enrolled_coordinator, type=Authenticator.Type.RECOVERY_CODES
        ).data
        == codes_before
    )


def test_a_session_that_never_passed_mfa_cannot_touch_the_second_factor(
    client, enrolled_coordinator
):
    client.force_login(enrolled_coordinator)

    response = client.post("/accounts/2fa/totp/deactivate/")

    assert response["Location"].startswith("/accounts/2fa/reauthenticate/")
    assert Authenticator.objects.filter(user=enrolled_coordinator).count() == 2


def test_a_fresh_second_factor_can_remove_the_authenticator(
    client, enrolled_coordinator
):
    sign_in_with_both_factors(client, enrolled_coordinator)
    age_authentication_records(client, 3600)
    # A recovery code is a second factor too, and unlike the sign-in code it
    # has not been used yet.
    recovery = RecoveryCodes(
        Authenticator.objects.get(
            user=enrolled_coordinator, type=Authenticator.Type.RECOVERY_CODES
        )
    )
    client.post(
        "/accounts/2fa/reauthenticate/", {"code": recovery.get_unused_codes()[0]}
    )

    response = client.post("/accounts/2fa/totp/deactivate/")

    assert response.status_code == 302
    assert not Authenticator.objects.filter(
        user=enrolled_coordinator, type=Authenticator.Type.TOTP
    ).exists()


@pytest.mark.parametrize("path", ["/admin/", "/learning/", "/"])
def test_staff_without_the_second_factor_in_this_session_get_no_page(
    client, enrolled_coordinator, path, site_tree
):
    client.force_login(enrolled_coordinator)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/reauthenticate/")


def test_staff_who_passed_both_factors_reach_the_admin(client, enrolled_coordinator):
    sign_in_with_both_factors(client, enrolled_coordinator)

    assert client.get("/admin/").status_code == 200


def test_a_staff_form_sent_without_the_second_factor_returns_to_its_page(
    client, enrolled_coordinator
):
    client.force_login(enrolled_coordinator)

    response = client.post(
        "/learning/assisted/",
        {},
        HTTP_REFERER="http://testserver/learning/assisted/?q=amira",
    )

    assert response["Location"] == (
        "/accounts/2fa/reauthenticate/?next=%2Flearning%2Fassisted%2F%3Fq%3Damira"
    )


def test_a_site_without_the_sign_in_middleware_fails_its_checks(settings):
    settings.MIDDLEWARE = [
        entry
        for entry in settings.MIDDLEWARE
        if entry != "learners.accounts.mfa.StaffMFAMiddleware"
    ]

    assert "learners.E002" in {message.id for message in run_checks()}
