"""A fixed-window request counter per client address, kept in the cache."""

from __future__ import annotations

import time

from django.core.cache import cache


def client_address(request) -> str:
    """The connecting address; proxies must set REMOTE_ADDR (not trusted headers)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


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
