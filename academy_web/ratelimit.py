"""Who is asking, and counting their tries, for every rate limit of the apps.

Addresses are found as allauth's own limits find them. The counts live in
the default cache, so they hold across processes only if that cache is
shared: ``learners.E003`` fails ``check --deploy`` if it is not.
"""

from __future__ import annotations

import ipaddress
import time

from allauth import app_settings as allauth_settings
from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

UNKNOWN_ADDRESS = "unknown"


def client_address(request: HttpRequest) -> str:
    """The visitor's address as allauth's own rate limits count it.

    Behind ``ALLAUTH_TRUSTED_PROXY_COUNT`` proxies it is the entry that many
    from the end of X-Forwarded-For, which the nearest trusted proxy wrote;
    whatever the client put before it is ignored. An IPv6 address stands for
    its whole ``ALLAUTH_RATE_LIMIT_IPV6_PREFIX`` network, since one host can
    hold millions of them.
    """
    try:
        address = get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return UNKNOWN_ADDRESS
    parsed = ipaddress.ip_address(address)
    if isinstance(parsed, ipaddress.IPv6Address):
        prefix = allauth_settings.RATE_LIMIT_IPV6_PREFIX
        network = ipaddress.IPv6Network(f"{parsed}/{prefix}", strict=False)
        return str(network.network_address)
    return str(parsed)


def _keys(*, scope: str, key: str, limits) -> list[tuple[str, int, int]]:
    now = int(time.time())
    return [
        (f"ratelimit:{scope}:{seconds}:{now // seconds}:{key}", amount, seconds)
        for amount, seconds in limits
    ]


def hit(*, scope: str, key: str, limit: int, window: int) -> bool:
    """Counts one request; ``False`` once ``limit`` is passed in this window."""
    ((cache_key, _amount, _seconds),) = _keys(
        scope=scope, key=key, limits=[(limit, window)]
    )
    return _count(cache_key, window) <= limit


def exhausted(*, scope: str, key: str, limits) -> bool:
    """Whether ``key`` has used up any of ``limits`` (pairs of how many and
    in how many seconds) without counting this look."""
    return any(
        (cache.get(cache_key) or 0) >= amount
        for cache_key, amount, _seconds in _keys(scope=scope, key=key, limits=limits)
    )


def count(*, scope: str, key: str, limits) -> None:
    """Counts one try of ``key`` against each of ``limits``."""
    for cache_key, _amount, seconds in _keys(scope=scope, key=key, limits=limits):
        _count(cache_key, seconds)


def _count(cache_key: str, seconds: int) -> int:
    if cache.add(cache_key, 1, timeout=seconds + 1):
        return 1
    try:
        return cache.incr(cache_key)
    except ValueError:
        # The window ended between add and incr; start the next one.
        cache.set(cache_key, 1, timeout=seconds + 1)
        return 1
