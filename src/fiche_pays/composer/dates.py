"""Dates of records, worded: one date, a span of days, or several dates.

``text`` is the date as a line or a table cell says it ("18 et 19 novembre 2015",
"avril, juillet et décembre 2016"); ``when`` adds the preposition a sentence needs
("les 18 et 19 novembre 2015", "en avril, juillet et décembre 2016", "le 6 mars 2018").
"""

from __future__ import annotations

from .. import french
from ..partialdate import PartialDate
from ..tree import DataPath, Source
from .provenance import at, computed


def text(dates: list[PartialDate], end: PartialDate | None = None) -> str:
    """ "6 mars 2018", "du 14 au 16 février 2018", "2012, 2013 et 2014"."""
    if end is not None:
        return french.date_range(dates[0].first_day, end.first_day)
    if len(dates) == 1:
        return dates[0].text()
    return _several(dates)


def when(dates: list[PartialDate], end: PartialDate | None = None) -> str:
    """ "le 6 mars 2018", "du 14 au 16 février 2018", "les 15 et 16 décembre 2019",
    "en novembre 2018", "en 2012, 2013 et 2014"."""
    if end is not None:
        worded = text(dates, end)
        if worded.startswith("du "):
            return worded
        return ("les " if " et " in worded else "le ") + worded
    if len(dates) == 1:
        return dates[0].when()
    worded = _several(dates)
    return ("les " if dates[0].day is not None else "en ") + worded


def _several(dates: list[PartialDate]) -> str:
    """Several dates, sharing what they share: "avril, juillet et décembre 2016"."""
    ordered = sorted(dates, key=lambda d: (d.first_day, d.last_day))
    precision = {(d.month is None, d.day is None) for d in ordered}
    years = {d.year for d in ordered}
    if precision == {(True, True)}:
        return french.join([str(d.year) for d in ordered])
    if precision == {(False, True)} and len(years) == 1:
        months = [french.month_year(d.month, d.year).rsplit(" ", 1)[0] for d in ordered]
        return f"{french.join(months)} {ordered[0].year}"
    months = {(d.year, d.month) for d in ordered}
    if precision == {(False, False)} and len(months) == 1:
        days = ["1er" if d.day == 1 else str(d.day) for d in ordered]
        month = french.month_year(ordered[0].month, ordered[0].year)
        return f"{french.join(days)} {month}"
    return french.join([d.text() for d in ordered])


def source(path: DataPath, dates: list[PartialDate], end: PartialDate | None, form: str) -> Source:
    """Where a worded date comes from: ``form`` "date" or "quand"; a span is a "periode"
    of its two fields, several dates a list."""
    if end is not None:
        return Source(((*path, "date"), (*path, "fin")), "periode")
    if len(dates) > 1:
        return computed("plusieurs dates : modifiez la liste « date »", (*path, "date"))
    return at((*path, "date"), form)
