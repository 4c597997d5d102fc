"""Wrong printed sign-in codes at /learning/code/ are counted per visitor,
whatever the visitor writes in X-Forwarded-For."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
VISITOR = "203.0.113.7"


def try_a_wrong_code(client, forwarded_for: str) -> int:
    return client.post(
        reverse("learners:assisted_code_sign_in"),
        {"code": "ZZZZ-ZZZZ"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    ).status_code


def test_a_spoofed_forwarded_for_does_not_reset_the_count(client, settings):
    settings.LEARNERS_ASSISTED_CODE_RATE_LIMITS = ((3, 60),)
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    # The trusted proxy appends the address it saw; the visitor can only
    # write what comes before it, and writes something new every time.
    statuses = [
        try_a_wrong_code(client, f"198.51.100.{n}, {VISITOR}") for n in range(6)
    ]

    assert statuses == [200, 200, 200, 429, 429, 429]
    assert try_a_wrong_code(client, f"{VISITOR}, 192.0.2.44") == 200


def test_new_ipv6_addresses_from_one_network_do_not_reset_the_count(client, settings):
    settings.LEARNERS_ASSISTED_CODE_RATE_LIMITS = ((3, 60),)
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    statuses = [try_a_wrong_code(client, f"2001:db8:7:9::{n:x}") for n in range(1, 6)]

    assert statuses == [200, 200, 200, 429, 429]
    assert try_a_wrong_code(client, "2001:db8:7:a::1") == 200
