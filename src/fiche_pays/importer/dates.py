"""Dates as pages write them: "5 mai 2021", "1er août", "05.05.21", "8 June 2017",
"9-11 novembre 2022", "du 14 au 16 février 2018", "les 15 et 16 décembre 2019",
"juillet 2023", "en 2011".

Month names come from Babel's CLDR data (French and English, wide and abbreviated
forms), so that no list of months is typed here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from babel.dates import get_month_names


@dataclass(frozen=True, slots=True)
class Found:
    """A date or a span found in a text: ISO-like values as the data format writes them."""

    start: str  # "2022-11-09", "2023-07", "2011"
    end: str | None  # last day of a span ("2022-11-11"), else None
    text: str  # the words of the page
    position: int  # where they start in the text

    @property
    def latest(self) -> dt.date:
        """The last day the date can mean (a month: its last day; a year: 31 December)."""
        return last_day(self.end or self.start)


@cache
def _months() -> dict[str, int]:
    names: dict[str, int] = {}
    for locale in ("fr", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names[name.casefold().rstrip(".")] = number
    names["aout"] = 8
    names["fevrier"] = 2
    names["decembre"] = 12
    return names


def month_number(word: str) -> int | None:
    """1–12 for a French or English month name (any case, with or without accents)."""
    return _months().get(word.casefold().rstrip("."))


_MONTH = r"(?P<{}>[A-Za-zÀ-ÿ]{{3,10}}\.?)"
_DAY = r"(?P<{}>\d{{1,2}})(?:er|ᵉʳ|st|nd|rd|th)?"
_YEAR = r"(?P<{}>1[89]\d\d|2[01]\d\d)"
_PATTERNS = [
    # du 14 au 16 février 2018 / 9-11 novembre 2022 / les 15 et 16 décembre 2019
    re.compile(
        r"(?:du\s+)?"
        + _DAY.format("d1")
        + r"\s*(?:-|–|au|et|to|and)\s*"
        + _DAY.format("d2")
        + r"\s+"
        + _MONTH.format("m")
        + r"\s+"
        + _YEAR.format("y"),
        re.I,
    ),
    # du 29 janvier au 2 février 2020
    re.compile(
        r"(?:du\s+)?"
        + _DAY.format("d1")
        + r"\s+"
        + _MONTH.format("m1")
        + r"\s+(?:au|-|–)\s+"
        + _DAY.format("d2")
        + r"\s+"
        + _MONTH.format("m")
        + r"\s+"
        + _YEAR.format("y"),
        re.I,
    ),
    # 5 mai 2021 / 1er août 2020 / 8 June 2017
    re.compile(_DAY.format("d1") + r"\s+" + _MONTH.format("m") + r"\s+" + _YEAR.format("y"), re.I),
    # June 8, 2017
    re.compile(_MONTH.format("m") + r"\s+" + _DAY.format("d1") + r",\s+" + _YEAR.format("y"), re.I),
    # juillet 2023 / mai 2010
    re.compile(r"(?<![\w-])" + _MONTH.format("m") + r"\s+" + _YEAR.format("y"), re.I),
    # 05.05.21 / 02/06/2014
    re.compile(r"(?<![\d.])(?P<d1>\d{1,2})[./](?P<mn>\d{1,2})[./](?P<yy>\d{2}|\d{4})(?![\d.])"),
    # en 2011 (a bare year, after a word that introduces one)
    re.compile(
        r"(?:(?<=\ben )|(?<=\bdepuis )|(?<=\bde )|(?<=\bfin )|(?<=\bdébut )|(?<=\bdès )|(?<=\()"
        r"|(?<=\bin )|(?<=\bsince )|(?<=\bannée )|(?<=\bet )|(?<=, )|(?<=\bl’an )|(?<=\bl'an )"
        r"|(?<=^))"
        + _YEAR.format("y")
        + r"(?![\d,.]\d|\s*(?:km|M\b|Md|%|€|\$|personnes|habitants))",
        re.I,
    ),
]


def find_dates(text: str) -> list[Found]:
    """Every date of ``text``, in order, the longest reading of each place."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            value = _value(match)
            if value is None:
                continue
            found.append(Found(value[0], value[1], match.group(0), span[0]))
            taken.append(span)
    return sorted(found, key=lambda f: f.position)


def _value(match: re.Match) -> tuple[str, str | None] | None:
    groups = match.groupdict()
    if groups.get("yy"):
        year = int(groups["yy"])
        year += 2000 if year < 100 and year < 70 else (1900 if year < 100 else 0)
        return _iso(year, int(groups["mn"]), int(groups["d1"]))
    year = int(groups["y"])
    month = month_number(groups["m"]) if groups.get("m") else None
    if groups.get("m") and month is None:
        return None
    if groups.get("m1"):
        first_month = month_number(groups["m1"])
        if first_month is None:
            return None
        start = _iso(year, first_month, int(groups["d1"]))
        end = _iso(year, month, int(groups["d2"]))
        return (start[0], end[0]) if start and end else None
    if groups.get("d2"):
        start = _iso(year, month, int(groups["d1"]))
        end = _iso(year, month, int(groups["d2"]))
        return (start[0], end[0]) if start and end and start[0] < end[0] else None
    if groups.get("d1"):
        return _iso(year, month, int(groups["d1"]))
    if month:
        return (f"{year:04d}-{month:02d}", None)
    return (f"{year:04d}", None)


def _iso(year: int, month: int | None, day: int | None) -> tuple[str, None] | None:
    try:
        return (dt.date(year, month or 1, day or 1).isoformat(), None)
    except ValueError:
        return None


def last_day(value: str) -> dt.date:
    """The last day an ISO-like partial date can mean."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)


_UPDATE = re.compile(
    r"^\s*(?:mise à jour|mis à jour le|dernière mise à jour|updated|last updated)\s*"
    r"(?:le|on)?\s*:?\s*(?P<date>.+?)\s*\.?$",
    re.I,
)


def update_date(line: str) -> str | None:
    """The update date of a "Mise à jour : 05.05.21" / "Updated: 8 June 2017" line."""
    match = _UPDATE.match(line)
    if not match:
        return None
    dates = find_dates(match.group("date"))
    if len(dates) != 1 or dates[0].text.strip() != match.group("date").strip() or dates[0].end:
        return None
    return dates[0].start if len(dates[0].start) == 10 else None
