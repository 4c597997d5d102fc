"""Signing up, verifying, signing in (by code or password), resetting and limits."""

import re
from urllib.parse import urlparse

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from learners.models import LearnerProfile
from tests.factories import PASSWORD, make_resident

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "fresh-kettle-lantern-42"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts attempts in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


def link_in(message) -> str:
    return urlparse(re.search(r"https?://\S+", message.body).group(0)).path


def code_in(message) -> str:
    return re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", message.body, re.M).group(1)


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


SIGN_UP = {
    "email": "amira@example.org",
    "password1": NEW_PASSWORD,
    "password2": NEW_PASSWORD,
    "certificate_name": "Amira Khan",
    "preferred_language": "pl",
    "postcode_district": "le3 5ab",
    "contact_consent": "on",
}


def test_sign_up_emails_a_link_that_verifies_the_address_and_keeps_the_profile(
    client,
):
    response = client.post(reverse("account_signup"), SIGN_UP)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert signed_in_user_id(client) is None
    (message,) = mail.outbox
    assert message.to == ["amira@example.org"]
    assert message.subject.startswith("[Citizens' Academy] ")
    assert "Hello from Citizens' Academy!" in message.body
    email = EmailAddress.objects.get(email="amira@example.org")
    assert not email.verified

    confirm_path = link_in(message)
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "amira@example.org" in page.text
    response = client.post(confirm_path)

    email.refresh_from_db()
    assert email.verified
    assert signed_in_user_id(client) == str(email.user_id)
    assert response.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == "pl"
    profile = LearnerProfile.objects.get(user=email.user)
    assert profile.certificate_name == "Amira Khan"
    assert profile.preferred_language == "pl"
    assert profile.postcode_district == "LE3"
    assert profile.contact_consent is True


def test_sign_up_page_asks_for_the_profile_in_the_visitors_language(client):
    response = client.get(reverse("account_signup"), headers={"accept-language": "pl"})

    assert response.status_code == 200
    html = response.text
    for name in ("certificate_name", "postcode_district", "contact_consent"):
        assert f'name="{name}"' in html
    language_select = re.search(
        r'<select name="preferred_language".*?</select>', html, re.S
    ).group(0)
    assert '<option value="pl" selected lang="pl">' in language_select
    assert html.count("<h1>") == 1


def test_sign_up_with_a_bad_postcode_shows_the_error_and_keeps_what_was_typed(
    client,
):
    response = client.post(
        reverse("account_signup"), {**SIGN_UP, "postcode_district": "NOT A POSTCODE"}
    )

    assert response.status_code == 200
    html = response.text
    assert 'id="id_postcode_district_error"' in html
    assert "Enter the first part of a postcode, for example LE3." in html
    assert 'value="Amira Khan"' in html
    assert 'value="amira@example.org"' in html
    assert not get_user_model().objects.filter(email="amira@example.org").exists()
    assert mail.outbox == []


def test_sign_up_without_the_optional_questions_gets_a_default_profile(client):
    data = {key: SIGN_UP[key] for key in ("email", "password1", "password2")} | {
        "preferred_language": "en-gb"
    }

    response = client.post(reverse("account_signup"), data)

    assert response.status_code == 302
    profile = LearnerProfile.objects.get(user__email="amira@example.org")
    assert profile.certificate_name == ""
    assert profile.postcode_district == ""
    assert profile.contact_consent is False


def test_sign_up_with_a_taken_address_creates_no_second_account(client):
    make_resident(username="amira", email="amira@example.org")

    response = client.post(reverse("account_signup"), SIGN_UP)

    assert response.status_code == 302
    assert get_user_model().objects.filter(email="amira@example.org").count() == 1
    (message,) = mail.outbox
    assert message.to == ["amira@example.org"]


def test_emailed_code_signs_a_resident_in(client):
    user = make_resident(username="amira", email="amira@example.org")

    response = client.post(
        reverse("account_request_login_code"), {"email": "amira@example.org"}
    )
    assert response.status_code == 302
    assert response.url == reverse("account_confirm_login_code")
    page = client.get(response.url)
    assert 'autocomplete="one-time-code"' in page.text

    response = client.post(
        reverse("account_confirm_login_code"), {"code": code_in(mail.outbox[0])}
    )

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)


def test_a_wrong_code_is_refused_next_to_the_field(client):
    make_resident(username="amira", email="amira@example.org")
    client.post(reverse("account_request_login_code"), {"email": "amira@example.org"})

    response = client.post(reverse("account_confirm_login_code"), {"code": "AAAA-AAAA"})

    assert response.status_code == 200
    assert 'id="id_code_error"' in response.text
    assert "Incorrect code." in response.text
    assert signed_in_user_id(client) is None


@pytest.mark.parametrize("login", ["amira@example.org", "amira"])
def test_password_sign_in_accepts_email_or_username(client, login):
    user = make_resident(username="amira", email="amira@example.org")

    response = client.post(
        reverse("account_login"), {"login": login, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)


def test_sign_in_switches_the_site_to_the_learners_language(client):
    user = make_resident(username="amira", email="amira@example.org")
    LearnerProfile.objects.create(user=user, preferred_language="ar")

    response = client.post(
        reverse("account_login"), {"login": "amira", "password": PASSWORD}
    )

    assert response.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == "ar"
    page = client.get(response.url, follow=True)
    assert '<html lang="ar" dir="rtl">' in page.text


def test_a_wrong_password_is_refused_with_a_message(client):
    make_resident(username="amira", email="amira@example.org")

    response = client.post(
        reverse("account_login"), {"login": "amira", "password": "not-it"}
    )

    assert response.status_code == 200
    assert "are not correct" in response.text
    assert 'value="amira"' in response.text
    assert signed_in_user_id(client) is None


def test_password_reset_link_sets_a_new_password(client):
    user = make_resident(username="amira", email="amira@example.org")

    response = client.post(
        reverse("account_reset_password"), {"email": "amira@example.org"}
    )
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    (message,) = mail.outbox

    response = client.get(link_in(message))
    # allauth moves the key out of the address before showing the form.
    assert response.status_code == 302
    form_path = response.url
    assert client.get(form_path).status_code == 200
    response = client.post(
        form_path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_from_key_done")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post(
        reverse("account_reset_password"), {"email": "nobody@example.org"}
    )

    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")


def test_repeated_failed_sign_ins_are_refused_with_a_clear_message(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,3/5m/key"}
    make_resident(username="amira", email="amira@example.org")
    for _attempt in range(3):
        response = client.post(
            reverse("account_login"), {"login": "amira", "password": "guess"}
        )
        assert "are not correct" in response.text

    response = client.post(
        reverse("account_login"), {"login": "amira", "password": PASSWORD}
    )

    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.text
    assert signed_in_user_id(client) is None


def test_too_many_sign_in_requests_get_the_sites_429_page(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "2/m/ip"}
    for _attempt in range(2):
        client.post(reverse("account_login"), {"login": "x", "password": "y"})

    response = client.post(reverse("account_login"), {"login": "x", "password": "y"})

    assert response.status_code == 429
    assert "<h1>Too many attempts</h1>" in response.text


def test_signing_out_needs_a_post(client):
    user = make_resident(username="amira", email="amira@example.org")
    client.force_login(user)

    page = client.get(reverse("account_logout"))
    assert page.status_code == 200
    assert signed_in_user_id(client) == str(user.pk)

    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert signed_in_user_id(client) is None


def test_signed_in_navigation_offers_learning_profile_and_sign_out(client):
    client.force_login(make_resident(username="amira"))

    html = client.get(reverse("learners:profile")).text

    assert '<a href="/learning/">My learning</a>' in html
    assert 'href="/learning/profile/" aria-current="page">Profile</a>' in html
    assert f'action="{reverse("account_logout")}"' in html
