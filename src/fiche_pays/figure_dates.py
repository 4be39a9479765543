"""Stale figures: the dates of a presentation fiche's figures as the build, the manifest
and ``status`` keep them (plain data: field, date, line), and the rule that says which
are too old, so that a run with nothing changed can still say so without reading YAML.

A figure is stale when its year is more than :data:`DEFAULT_MAX_AGE_YEARS` years before
the year of the fiche's update (``--stale-figures-years`` of ``build``, ``validate`` and
``status`` changes the limit). Figures without a date are listed by ``status`` only: the
published pages give many, and a warning for each would drown the others. Which figures
can age is the model's to say (:mod:`.model.freshness`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .partialdate import PartialDate
from .problems import Problem

DEFAULT_MAX_AGE_YEARS = 3


@dataclass(frozen=True, slots=True)
class FigureDate:
    """One figure of a data file: where it is, and its date if it has one."""

    field: str  # in the file's keys: "donnees_economiques.chomage"
    date: str | None  # "2010", "2021-04"; None when the figure is undated
    line: int | None = None  # of its "date" (of the figure when undated)

    def as_list(self) -> list[str | int | None]:
        """The compact form stored in the manifest."""
        return [self.field, self.date, self.line]

    @classmethod
    def from_list(cls, raw: object) -> FigureDate:
        """Read the manifest's form; ValueError if it is not one."""
        if (
            type(raw) is not list
            or len(raw) != 3
            or type(raw[0]) is not str
            or not (raw[1] is None or type(raw[1]) is str)
            or not (raw[2] is None or type(raw[2]) is int)
        ):
            raise ValueError("date de chiffre mal formée")
        return cls(raw[0], raw[1], raw[2])


@dataclass(frozen=True, slots=True)
class Stale:
    """A figure too old for its fiche's update date."""

    field: str
    date: str
    age_years: int
    line: int | None


def age_in_years(date: PartialDate, updated: PartialDate) -> int:
    """How many years before the update a figure is: by years, as figures are dated."""
    return updated.year - date.year


def stale_message(date: PartialDate, updated: PartialDate, limit: int) -> str:
    """The warning for a stale figure, in French."""
    return (
        f"chiffre de {date.text()}, antérieur de {age_in_years(date, updated)} ans à la mise à "
        f"jour de la fiche ({updated.text()}) : à actualiser (limite : {limit} ans)"
    )


def stale(figures: list[FigureDate], updated: str, limit: int) -> list[Stale]:
    """The figures dated more than ``limit`` years before ``updated`` (an ISO date)."""
    update = PartialDate.parse(updated)
    found = []
    for figure in figures:
        if figure.date is None:
            continue
        age = age_in_years(PartialDate.parse(figure.date), update)
        if age > limit:
            found.append(Stale(figure.field, figure.date, age, figure.line))
    return found


def undated(figures: list[FigureDate]) -> list[str]:
    """The fields of the figures without a date."""
    return [f.field for f in figures if f.date is None]


def warnings(path: str, figures: list[FigureDate], updated: str, limit: int) -> list[Problem]:
    """One warning per stale figure, on the line of its date."""
    update = PartialDate.parse(updated)
    return [
        Problem(
            path,
            stale_message(PartialDate.parse(s.date), update, limit),
            s.line,
            None,
            f"{s.field}.date",
            "warning",
        )
        for s in stale(figures, updated, limit)
    ]
