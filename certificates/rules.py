"""Pure rules about certificate dates and standing. Nothing here touches the DB."""

from __future__ import annotations

import calendar
import enum
import unicodedata
from datetime import datetime


class Standing(enum.Enum):
    """What the public verification page says about a certificate."""

    VALID = "valid"
    EXPIRED = "expired"
    REVOKED = "revoked"


def add_months(moment: datetime, months: int) -> datetime:
    """The same day ``months`` later, or the month's last day if it is shorter."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def standing(*, revoked: bool, expires_at: datetime | None, now: datetime) -> Standing:
    if revoked:
        return Standing.REVOKED
    if expires_at is not None and expires_at <= now:
        return Standing.EXPIRED
    return Standing.VALID


def text_direction(text: str) -> str:
    """``rtl`` when the first strongly directional letter is right-to-left."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def name_font_size(name: str) -> int:
    """Point size for the printed name, smaller as it grows so it stays on one page."""
    length = len(name)
    if length <= 28:
        return 34
    if length <= 45:
        return 26
    if length <= 80:
        return 20
    if length <= 160:
        return 14
    return 11


def award_font_size(award_name: str) -> int:
    """Point size for the printed award, smaller for long names so that even
    the longest (150 characters) fits above the signatures."""
    length = len(award_name)
    if length <= 50:
        return 20
    if length <= 100:
        return 16
    return 13
