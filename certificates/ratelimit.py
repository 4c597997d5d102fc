"""A fixed-window request counter per client address, kept in the cache."""

from __future__ import annotations

import time

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied


def client_address(request) -> str:
    """The visitor's address, found the way allauth's own rate limits find
    it: behind ``ALLAUTH_TRUSTED_PROXY_COUNT`` proxies, from
    X-Forwarded-For, so that visitors behind one proxy are not counted as one.
    """
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "unknown"


def hit(*, scope: str, key: str, limit: int, window: int) -> bool:
    """Counts one request; ``False`` once ``limit`` is passed in this window."""
    bucket = int(time.time() // window)
    cache_key = f"ratelimit:{scope}:{key}:{bucket}"
    if cache.add(cache_key, 1, timeout=window + 1):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:
        cache.set(cache_key, 1, timeout=window + 1)
        return True
    return count <= limit
