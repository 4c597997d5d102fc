"""The dashboard's figures shaped as bar charts: pure, no queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .figures import MonthFigures


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | float | None
    width: int


def bars(pairs: list[tuple[str, int | float | None]], *, top=None) -> list[Bar]:
    """Bars scaled to the largest value (or ``top``) as whole percentages."""
    values = [value or 0 for _label, value in pairs]
    top = top or max(values, default=0) or 1
    return [
        Bar(label=label, value=value, width=round(100 * (value or 0) / top))
        for label, value in pairs
    ]


def trend(months: list[MonthFigures]) -> list[dict]:
    """Three bars a month, all on one scale so months compare."""
    top = max(
        (max(m.registered, m.completions, m.certified) for m in months), default=0
    )
    return [
        {
            "month": month,
            "bars": bars(
                [
                    (_("Registered"), month.registered),
                    (_("Completions"), month.completions),
                    (_("Certified"), month.certified),
                ],
                top=top or 1,
            ),
        }
        for month in months
    ]
