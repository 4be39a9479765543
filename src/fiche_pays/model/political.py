"""Relations politiques: diplomatic relations and agreements."""

from __future__ import annotations

from pydantic import Field

from ..partialdate import PartialDate
from .types import (
    Key,
    Line,
    Prose,
    Record,
)


class Agreement(Record):
    """A founding agreement or treaty."""

    key: Key | None = Field(
        None,
        alias="cle",
        description="Identifiant pour y faire référence dans les textes : {accords.cle.signature}",
    )
    title: Line = Field(alias="titre")
    signed: PartialDate | None = Field(None, alias="signature")
    in_force: PartialDate | None = Field(None, alias="entree_en_vigueur")
    occasion: Line | None = Field(None, alias="occasion")
    place: Line | None = Field(None, alias="lieu")


class PoliticalRelations(Record):
    """Relations politiques."""

    diplomatic_relations: PartialDate | None = Field(
        None,
        alias="relations_diplomatiques",
        description="Établissement des relations diplomatiques",
    )
    agreements: list[Agreement] = Field(default_factory=list, alias="accords")
    text: Prose | None = Field(None, alias="texte")
