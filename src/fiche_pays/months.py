"""Calendar months between dates: how old a fiche's update is. Light on purpose: a
build with nothing to rebuild still warns about old fiches, without loading the model."""

from __future__ import annotations

import calendar
import datetime as dt

DEFAULT_STALE_MONTHS = 12


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months later (the month's last day if it has fewer)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from ``earlier`` to ``later``."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if add_months(earlier, months) > later else 0)


def is_stale(updated: dt.date, today: dt.date, months: int = DEFAULT_STALE_MONTHS) -> bool:
    """True when the fiche was last updated more than ``months`` months ago."""
    return today > add_months(updated, months)
