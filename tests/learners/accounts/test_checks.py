"""The system checks: the deploy check on the rate limits' cache."""

import pytest
from django.core.checks import run_checks


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
