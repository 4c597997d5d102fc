"""A fixed-window request counter per client address, kept in the default
cache (which production shares between processes). Addresses are counted as
``learners.ratelimit.client_address`` finds them, like every other limit."""

from __future__ import annotations

import time

from django.core.cache import cache

from learners.ratelimit import client_address

__all__ = ["client_address", "hit"]


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
