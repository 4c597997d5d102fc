"""Periods of the impact report: whole days in the academy's time zone
(``academy_web.clock``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q

from academy_web.clock import academy_timezone, academy_today


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both days included."""

    start: date
    end: date

    @property
    def starts_at(self) -> datetime:
        return datetime.combine(self.start, time.min, tzinfo=academy_timezone())

    @property
    def ends_before(self) -> datetime:
        """The first moment after the period."""
        return datetime.combine(
            self.end + timedelta(days=1), time.min, tzinfo=academy_timezone()
        )

    def moments(self, field_name: str) -> Q:
        return Q(
            **{
                f"{field_name}__gte": self.starts_at,
                f"{field_name}__lt": self.ends_before,
            }
        )

    def days(self, field_name: str) -> Q:
        return Q(**{f"{field_name}__gte": self.start, f"{field_name}__lte": self.end})

    @property
    def months(self) -> list[date]:
        months = []
        month = _month_start(self.start)
        while month <= self.end:
            months.append(month)
            month = _next_month(month)
        return months


def current_quarter(today: date | None = None) -> Period:
    today = today or academy_today()
    first_month = 3 * ((today.month - 1) // 3) + 1
    start = date(today.year, first_month, 1)
    end = _next_month(_next_month(_next_month(start))) - timedelta(days=1)
    return Period(start=start, end=end)
