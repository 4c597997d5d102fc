"""The academy's time zone and today, whatever zone the server runs in.

Registers, sign-offs and the funder's periods are counted in the academy's
local dates. ``ACADEMY_TIME_ZONE`` names the zone; it defaults to
Europe/London.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

DEFAULT_TIME_ZONE = "Europe/London"


def academy_timezone() -> ZoneInfo:
    return ZoneInfo(getattr(settings, "ACADEMY_TIME_ZONE", DEFAULT_TIME_ZONE))


def academy_today() -> date:
    return timezone.localdate(timezone=academy_timezone())
