"""The people a presentation fiche names: heads of state and government, ministers.

A person has a civilité as the page writes it (M., Mme, Dr, S.M. le Roi, « Président »),
free text until a shared civilité type exists; a feminine civilité (or ``genre``) makes
the generated words agree: « élue », « née ».
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..partialdate import PartialDate
from .types import Line, Record

Gender = Literal["féminin", "masculin"]
_FEMININE_CIVILITIES = ("Mme", "Mlle", "Dre", "Pre", "S.M. la", "S.A. la", "S.A.R. la")


class Office(Record):
    """One office a leader holds: "président de la République depuis mars 2021"."""

    title: Line = Field(alias="titre")
    since: PartialDate | None = Field(None, alias="depuis")
    reelected: PartialDate | None = Field(None, alias="reelu")
    note: Line | None = Field(None, alias="remarque")


class Person(Record):
    """A named person with a civilité (M., Mme, Dr, S.M. le Roi…)."""

    civility: Line | None = Field(
        None, alias="civilite", description="M., Mme, Dr, S.M. le Roi… ; « Mme » accorde au féminin"
    )
    name: Line = Field(alias="nom")
    gender: Gender | None = Field(
        None, alias="genre", description="Si la civilité ne le dit pas : féminin ou masculin"
    )

    @property
    def feminine(self) -> bool:
        """True when words about the person agree in the feminine (élue, née)."""
        if self.gender is not None:
            return self.gender == "féminin"
        return bool(self.civility and self.civility.startswith(_FEMININE_CIVILITIES))


class Leader(Person):
    """A head of state or of government, with since when and an optional note."""

    label: Line | None = Field(
        None,
        alias="intitule",
        description="Intitulé de la ligne, si autre que l'usuel : Premier ministre…",
    )
    born: PartialDate | None = Field(None, alias="naissance")
    elected: PartialDate | None = Field(None, alias="elu", description="Date de l'élection")
    reelected: PartialDate | None = Field(None, alias="reelu")
    since: PartialDate | None = Field(None, alias="depuis", description="Entrée en fonction")
    offices: list[Office] = Field(
        default_factory=list, alias="fonctions", description="Fonctions détenues, avec leur date"
    )
    note: Line | None = Field(None, alias="remarque")


class HeadOfState(Leader):
    """The head of state, who may also head the government."""

    heads_government: bool = Field(
        False, alias="chef_du_gouvernement", description="Chef de l'État et du gouvernement"
    )


class OtherLeader(Leader):
    """Another office holder named on the page; the label is then required."""

    label: Line = Field(alias="intitule")


class Minister(Person):
    """A member of the government."""

    office: Line = Field(alias="fonction")


class Government(Record):
    """Composition du gouvernement."""

    date: PartialDate | None = Field(None, alias="date", description="Composition à cette date")
    members: list[Minister] = Field(alias="membres", min_length=1)
