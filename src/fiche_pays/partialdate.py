"""Dates as precise as the desk officer knows them: a day, a month or only a year."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic_core import core_schema

# pydantic-core and Babel (through .french) are imported where used: a build with nothing
# to rebuild reads figure dates from its manifest without them (~60 ms of start-up).
_FORM = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the day, the month or the year ("2021-05-05", "2008-06", "2010")."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Read "AAAA-MM-JJ", "AAAA-MM", "AAAA", a year number or a date."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError("date attendue sous la forme AAAA-MM-JJ, AAAA-MM ou AAAA")
        match = _FORM.match(value.strip())
        if not match:
            raise ValueError(
                f"date « {value} » illisible : écrivez AAAA-MM-JJ (2021-05-05), "
                "AAAA-MM (2021-05) ou AAAA (2021)"
            )
        year, month, day = (int(g) if g else None for g in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"date « {value} » impossible : il n'y a pas de mois {month}")
        if day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                from . import french

                raise ValueError(
                    f"date « {value} » impossible : le {day} {french.MONTHS[month - 1]} {year} "
                    f"n'existe pas ({french.MONTHS[month - 1]} {year} a {last} jours)"
                )
        return cls(year, month, day)

    @property
    def first_day(self) -> dt.date:
        """The earliest day the date may mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The latest day the date may mean."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def text(self) -> str:
        """ "25 janvier 1992", "juin 2008" or "2010"."""
        from . import french

        if self.day is not None:
            return french.day_month_year(self.day, self.month, self.year)
        if self.month is not None:
            return french.month_year(self.month, self.year)
        return str(self.year)

    def when(self) -> str:
        """The date with its preposition: "le 25 janvier 1992", "en juin 2008"."""
        return ("le " if self.day is not None else "en ") + self.text()

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        return "-".join(parts)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls.parse,
            json_schema_input_schema=core_schema.union_schema(
                [
                    core_schema.int_schema(ge=1000, le=9999),
                    core_schema.str_schema(pattern=_FORM.pattern),
                ]
            ),
            serialization=core_schema.to_string_ser_schema(),
        )
