"""The settings read the environment; each case runs in a fresh interpreter."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from certificates.openbadges import generate_issuer_key

ROOT = Path(__file__).resolve().parents[2]
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")

PRINT_SETTINGS = """
import django, json
from django.conf import settings
django.setup()
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "q_redis": settings.Q_CLUSTER.get("redis"),
    "q_orm": settings.Q_CLUSTER.get("orm"),
    "language": settings.LANGUAGE_CODE,
    "time_zone": settings.TIME_ZONE,
}))
"""


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "DATABASE_CACHE",
            "DJANGO_SETTINGS_MODULE",
            # Set for the browser tests; the deploy check rightly flags it.
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def settings_under(**env: str) -> dict:
    result = run_python(
        PRINT_SETTINGS, DJANGO_SETTINGS_MODULE="academy_site.settings.dev", **env
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_embedded_default_is_sqlite_with_orm_broker_and_local_cache():
    found = settings_under()
    assert found["engine"] == "django.db.backends.sqlite3"
    assert found["q_orm"] == "default"
    assert found["q_redis"] is None
    assert found["cache"].endswith("LocMemCache")
    assert (found["language"], found["time_zone"]) == ("en-gb", "Europe/London")


def test_scale_out_uses_postgresql_and_redis():
    found = settings_under(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/academy",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )
    assert found["engine"] == "django.db.backends.postgresql"
    assert found["q_redis"] == "redis://127.0.0.1:6379/1"
    assert found["q_orm"] is None
    assert found["cache"] == "django.core.cache.backends.redis.RedisCache"


def test_production_settings_pass_the_deploy_check():
    result = run_python(
        "import sys; from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level',"
        " 'WARNING'])",
        DJANGO_SETTINGS_MODULE="academy_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="academy.example.org",
        OPENBADGES_ISSUER_KEY=generate_issuer_key("EC"),
        REDIS_URL=TEST_REDIS_URL,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def production_settings_under(**env: str) -> subprocess.CompletedProcess:
    return run_python(
        PRINT_SETTINGS,
        DJANGO_SETTINGS_MODULE="academy_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        OPENBADGES_ISSUER_KEY=generate_issuer_key("EC"),
        **env,
    )


def test_production_refuses_to_start_with_a_cache_local_to_each_process():
    result = production_settings_under()
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "REDIS_URL" in result.stderr
    assert "DATABASE_CACHE" in result.stderr


def test_production_without_redis_can_share_the_database_cache():
    result = production_settings_under(DATABASE_CACHE="1")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["cache"] == "django.core.cache.backends.db.DatabaseCache"


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python(
        "import django; django.setup()",
        DJANGO_SETTINGS_MODULE="academy_site.settings.production",
        SECRET_KEY="",
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


BROKER_ROUND_TRIP = """
import django, json
django.setup()
from django_q.brokers import get_broker
broker = get_broker("academy-settings-test")
broker.purge_queue()
broker.enqueue("hello")
task_id, payload = broker.dequeue()[0]
broker.acknowledge(task_id)
print(json.dumps({"broker": type(broker).__name__, "payload": payload.decode()}))
"""


def test_redis_url_makes_django_q2_queue_jobs_in_redis():
    result = run_python(
        BROKER_ROUND_TRIP,
        DJANGO_SETTINGS_MODULE="academy_site.settings.dev",
        REDIS_URL=os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"),
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found == {"broker": "Redis", "payload": "hello"}
