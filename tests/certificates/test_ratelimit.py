"""The verification pages' limit counts each visitor once, however many
processes serve them and whatever the visitor writes in X-Forwarded-For."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from certificates.openbadges import generate_issuer_key

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PROXY = "10.0.0.1"
VISITOR = "203.0.113.7"

# One gunicorn worker's share of a visitor's requests, with the production
# settings: checks on the verify pages, and wrong sign-in codes. The windows
# are a day long so that both workers fall in the same one.
WORKER = """
import django, json, sys
django.setup()
from django.conf import settings
from django.test import RequestFactory
from academy_web import ratelimit
from learners.assisted import services as assisted

scope, visitor, hits = sys.argv[1], sys.argv[2], int(sys.argv[3])
settings.LEARNERS_ASSISTED_CODE_RATE_LIMITS = ((5, 86400),)
request = RequestFactory().post(
    "/learning/code/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=visitor
)
verify, code = [], []
for _ in range(hits):
    key = ratelimit.client_address(request)
    verify.append(ratelimit.hit(scope=scope, key=key, limit=5, window=86400))
    code.append(not assisted.code_attempts_exhausted(request=request))
    assisted.code_attempt_failed(request=request)
print(json.dumps({"verify": verify, "code": code}))
"""
ISSUER_KEY = generate_issuer_key("EC")


def run_python(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DATABASE_CACHE"}
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", *args],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "academy_site.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "OPENBADGES_ISSUER_KEY": ISSUER_KEY,
            **env,
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


def assert_two_workers_share_the_counts(**env: str) -> None:
    # A scope and an address of this run's own, apart from any other run's
    # counts in the same cache.
    scope = f"verify-test-{secrets.token_hex(8)}"
    visitor = f"198.18.{secrets.randbelow(256)}.{secrets.randbelow(256)}"
    found = [
        json.loads(run_python(WORKER, scope, visitor, "3", **env).stdout)
        for _worker in range(2)
    ]

    assert found[0]["verify"] + found[1]["verify"] == [True] * 5 + [False]
    assert found[0]["code"] + found[1]["code"] == [True] * 5 + [False]


def test_two_production_workers_count_in_the_same_redis():
    redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
    assert_two_workers_share_the_counts(REDIS_URL=redis_url)


def test_two_production_workers_count_in_the_same_database_cache(tmp_path):
    env = {"DATABASE_CACHE": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'db'}"}
    run_python(
        "from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['manage.py', 'createcachetable'])",
        **env,
    )
    assert_two_workers_share_the_counts(**env)


def test_a_spoofed_forwarded_for_does_not_reset_the_count(client, settings):
    settings.CERTIFICATES_VERIFY_RATE_LIMIT = (3, 60)
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    url = reverse("certificates:verify")

    # The trusted proxy appends the address it saw; the visitor can only
    # write what comes before it, and writes something new every time.
    statuses = [
        client.get(
            url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, {VISITOR}"
        ).status_code
        for n in range(6)
    ]
    someone_else = client.get(
        url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{VISITOR}, 192.0.2.44"
    )

    assert statuses == [200, 200, 200, 429, 429, 429]
    assert someone_else.status_code == 200


def test_new_ipv6_addresses_from_one_network_do_not_reset_the_count(client, settings):
    settings.CERTIFICATES_VERIFY_RATE_LIMIT = (3, 60)
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    url = reverse("certificates:verify")

    statuses = [
        client.get(
            url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"2001:db8:7:9::{n:x}"
        ).status_code
        for n in range(1, 6)
    ]
    other_network = client.get(
        url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="2001:db8:7:a::1"
    )

    assert statuses == [200, 200, 200, 429, 429]
    assert other_network.status_code == 200
