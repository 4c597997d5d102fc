"""allauth's login-by-code request answering 429 once its limits are spent."""

import pytest
from django.test import Client
from django.urls import reverse

PROXY = "10.0.0.1"
VISITOR = "203.0.113.7"


def ask_for_a_code(email: str, **meta):
    # Each time without cookies: a browser that kept them would be sent on to
    # the code it already asked for.
    response = Client().post(
        reverse("account_request_login_code"), {"email": email}, **meta
    )
    return response


@pytest.mark.django_db
def test_asking_for_sign_in_codes_for_many_emails_from_one_address_gets_429(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    # A fresh email each time, and a fresh spoofed address before the one the
    # proxy appended: the limit of 20 a minute per address still holds.
    statuses = [
        ask_for_a_code(
            f"visitor{n}@example.org",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, {VISITOR}",
        ).status_code
        for n in range(22)
    ]
    someone_else = ask_for_a_code(
        "neighbour@example.org", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.44"
    )

    assert statuses == [302] * 20 + [429, 429]
    assert someone_else.status_code == 302


@pytest.mark.django_db
def test_asking_for_sign_in_codes_for_one_email_again_and_again_gets_429():
    responses = [
        ask_for_a_code("amira@example.org", REMOTE_ADDR=f"192.0.2.{n}")
        for n in range(4)
    ]

    assert [response.status_code for response in responses] == [302, 302, 302, 429]
    assert "<h1>Too many attempts</h1>" in responses[-1].text
