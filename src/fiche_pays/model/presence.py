"""Présence française: communities, embassy, consular posts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..partialdate import PartialDate
from .types import (
    Count,
    Line,
    Prose,
    Record,
)

Approximation = Literal["environ", "près de", "plus de", "moins de"]


class Community(Record):
    """A community figure: French people in the country, or the reverse."""

    count: Count | None = Field(None, alias="nombre")
    unit: Line = Field(
        "ressortissants",
        alias="unite",
        description="résidents, inscrits au registre, ressortissants…",
    )
    as_of: PartialDate | None = Field(None, alias="date", description="Date du chiffre")
    approximation: Approximation | None = Field(None, alias="approximation")
    binationals: Count | None = Field(None, alias="binationaux")
    unregistered: Count | None = Field(
        None, alias="non_inscrits", description="Estimation des non-inscrits"
    )
    text: Prose | None = Field(None, alias="texte")

    @model_validator(mode="after")
    def _something_said(self) -> Community:
        if self.count is None and self.text is None:
            raise ValueError("indiquez un nombre ou un texte")
        if (
            self.count is not None
            and self.binationals is not None
            and (self.binationals > self.count)
        ):
            raise ValueError(
                f"binationaux ({self.binationals}) plus nombreux que la communauté ({self.count})"
            )
        return self


PostKind = Literal[
    "consulat général",
    "consulat",
    "section consulaire",
    "agence consulaire",
    "consul honoraire",
    "poste de présence diplomatique",
]


class ConsularPost(Record):
    """A consular post, or the post that covers the country from abroad."""

    kind: PostKind = Field(alias="type")
    city: Line | None = Field(None, alias="ville")
    covered_from: Line | None = Field(
        None, alias="depuis", description="Pays ou ville d'où le pays est couvert"
    )

    @model_validator(mode="after")
    def _where(self) -> ConsularPost:
        if self.city is None and self.covered_from is None:
            raise ValueError("indiquez la ville du poste (ville) ou d'où il est couvert (depuis)")
        return self


class Embassy(Record):
    """The French embassy: its city, or where the ambassador resides."""

    city: Line | None = Field(None, alias="ville")
    resident_in: Line | None = Field(
        None, alias="residence", description="Ambassade non résidente : « à Londres »"
    )


class FrenchPresence(Record):
    """Présence française."""

    community: Community | None = Field(None, alias="communaute")
    embassy: Embassy | None = Field(None, alias="ambassade")
    posts: list[ConsularPost] = Field(default_factory=list, alias="postes")
    community_in_france: Community | None = Field(None, alias="communaute_en_france")
    text: Prose | None = Field(None, alias="texte")
