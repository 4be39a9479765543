"""Visits and ambassadors."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..partialdate import PartialDate
from .types import (
    Line,
    Prose,
    Record,
)

Direction = Literal["vers_le_pays", "vers_la_france", "pays_tiers"]


class Visit(Record):
    """A dated visit: a day, a span of days, or only a month."""

    date: PartialDate = Field(alias="date")
    end: PartialDate | None = Field(None, alias="fin", description="Dernier jour")
    direction: Direction = Field(alias="sens")
    person: Line = Field(alias="personnalite")
    function: Line | None = Field(None, alias="fonction")
    place: Line | None = Field(None, alias="lieu")
    purpose: Line | None = Field(None, alias="objet")

    @model_validator(mode="after")
    def _span(self) -> Visit:
        if self.end is None:
            return self
        if self.date.day is None or self.end.day is None:
            raise ValueError(
                "une visite sur plusieurs jours a un début et une fin au jour près (AAAA-MM-JJ)"
            )
        if self.end < self.date:
            raise ValueError(f"la fin ({self.end}) précède le début ({self.date})")
        return self


class Visits(Record):
    """Visites."""

    text: Prose | None = Field(None, alias="texte")
    items: list[Visit] = Field(default_factory=list, alias="liste")


class Ambassador(Record):
    """An ambassador, with an optional accreditation date and residence."""

    name: Line = Field(alias="nom")
    title: Literal["M.", "Mme"] | None = Field(
        None, alias="civilite", description="« Mme » donne « Ambassadrice »"
    )
    since: PartialDate | None = Field(None, alias="depuis")
    resident_in: Line | None = Field(
        None, alias="residence", description="Résidence hors du pays : « à Londres »"
    )


class Ambassadors(Record):
    """Ambassadeurs, both ways."""

    french: Ambassador | None = Field(None, alias="de_france")
    foreign: Ambassador | None = Field(None, alias="en_france")
