"""The app's settings, each read when it is needed, never at import time.

``CERTIFICATES_BASE_URL``: scheme and host printed in QR codes and emails;
falls back to ``WAGTAILADMIN_BASE_URL``.
``CERTIFICATES_RENEWAL_WINDOW_DAYS``: how early a holder may renew (60).
``CERTIFICATES_REMINDER_DAYS``: days before expiry to send reminders (60, 14).
``CERTIFICATES_VERIFY_RATE_LIMIT``: (requests, seconds) per IP address for
the public verification pages (30, 60).
``CERTIFICATES_VERIFY_CACHE_SECONDS``: public cache lifetime of a result (60,
as long as the Open Badges status list's, so the two never disagree for long).
"""

from datetime import timedelta

from django.conf import settings


def base_url() -> str:
    base = getattr(settings, "CERTIFICATES_BASE_URL", "") or getattr(
        settings, "WAGTAILADMIN_BASE_URL", ""
    )
    return base.rstrip("/")


def absolute_url(path: str) -> str:
    return base_url() + path


def renewal_window() -> timedelta:
    return timedelta(days=getattr(settings, "CERTIFICATES_RENEWAL_WINDOW_DAYS", 60))


def reminder_days() -> tuple[int, ...]:
    days = getattr(settings, "CERTIFICATES_REMINDER_DAYS", (60, 14))
    return tuple(sorted(days))


def verify_rate_limit() -> tuple[int, int]:
    return tuple(getattr(settings, "CERTIFICATES_VERIFY_RATE_LIMIT", (30, 60)))


def verify_cache_seconds() -> int:
    return getattr(settings, "CERTIFICATES_VERIFY_CACHE_SECONDS", 60)
