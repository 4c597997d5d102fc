"""What rate limits count by, the deploy check on their cache, and allauth's
login-by-code request answering 429."""

import pytest
from django.core.checks import run_checks
from django.test import Client, RequestFactory
from django.urls import reverse

from academy_web.ratelimit import UNKNOWN_ADDRESS, client_address

PROXY = "10.0.0.1"
VISITOR = "203.0.113.7"


def ask_for_a_code(email: str, **meta):
    # Each time without cookies: a browser that kept them would be sent on to
    # the code it already asked for.
    response = Client().post(
        reverse("account_request_login_code"), {"email": email}, **meta
    )
    return response


def address_of(**meta) -> str:
    return client_address(RequestFactory().get("/", **meta))


def test_behind_one_proxy_the_address_it_appended_counts(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    assert address_of(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=VISITOR) == VISITOR
    spoofed = address_of(
        REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"198.51.100.1, 192.0.2.2, {VISITOR}"
    )
    assert spoofed == VISITOR


def test_without_a_trusted_proxy_forwarded_for_is_ignored(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert address_of(REMOTE_ADDR=VISITOR, HTTP_X_FORWARDED_FOR="198.51.100.1") == (
        VISITOR
    )


def test_an_ipv6_address_counts_as_its_network(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    first = address_of(REMOTE_ADDR="2001:db8:7:9::1")
    assert first == address_of(REMOTE_ADDR="2001:db8:7:9:ffff:1:2:3")
    assert first != address_of(REMOTE_ADDR="2001:db8:7:a::1")


def test_an_unreadable_address_is_counted_as_unknown():
    assert address_of(REMOTE_ADDR="not an address") == UNKNOWN_ADDRESS


def test_deploy_check_fails_when_rate_limits_count_in_local_memory(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    found = {message.id for message in run_checks(include_deployment_checks=True)}
    assert "learners.E003" in found


@pytest.mark.parametrize(
    ("backend", "location"),
    [
        ("django.core.cache.backends.redis.RedisCache", "redis://127.0.0.1:6379/13"),
        ("django.core.cache.backends.db.DatabaseCache", "academy_cache"),
    ],
)
def test_deploy_check_accepts_a_shared_cache(settings, backend, location):
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": location}}
    found = {message.id for message in run_checks(include_deployment_checks=True)}
    assert "learners.E003" not in found


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
