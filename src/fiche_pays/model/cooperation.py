"""Cultural, scientific and technical cooperation: Alliances, institutes, schools,
scholarships."""

from __future__ import annotations

from pydantic import Field, model_validator

from .. import french, grammar
from ..partialdate import PartialDate
from .persons import GenderField, Parties
from .types import Count, Item, Line, Record, SchoolYear, Year


class Alliance(Record):
    """An Alliance française."""

    city: Line = Field(alias="ville")
    founded: Year | None = Field(None, alias="creation")
    students: Count | None = Field(None, alias="etudiants")
    students_year: Year | None = Field(None, alias="annee_etudiants")
    note: Line | None = Field(None, alias="remarque")


class AllianceNetwork(Record):
    """The network of Alliances françaises."""

    total_students: Count | None = Field(None, alias="total_etudiants")
    items: list[Alliance] = Field(default_factory=list, alias="liste")


# An institute's dated events, in order, with their participle.
INSTITUTE_EVENTS = (
    ("creation", "founded", "créé"),
    ("inauguration", "inaugurated", "inauguré"),
    ("ouverture", "opened", "ouvert"),
)


class Institute(Item):
    """A joint institute, centre or university of training and research."""

    name: Line = Field(alias="nom", description="« Institut Sorbonne-Kazakhstan »")
    acronym: Line | None = Field(None, alias="sigle")
    founded: PartialDate | None = Field(None, alias="creation", description="Date de création")
    inaugurated: PartialDate | None = Field(None, alias="inauguration")
    opened: PartialDate | None = Field(None, alias="ouverture")
    by: Parties | None = Field(
        None,
        alias="par",
        description="Qui l'a inauguré ou ouvert : {groupe: les présidents …}",
    )
    founders: list[Line] = Field(
        default_factory=list,
        alias="fondateurs",
        description="Institutions qui l'ont créé : « Créé en 2010 par … »",
    )
    partners: list[Line] = Field(
        default_factory=list, alias="partenaires", description="Partenaires (pas les fondateurs)"
    )
    students: Count | None = Field(None, alias="etudiants")
    students_year: SchoolYear | None = Field(None, alias="annee_etudiants")
    gender: GenderField | None = Field(
        None, alias="genre", description="Genre du premier nom du nom, s'il n'est pas connu"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Institute:
        if self.by and not (self.inaugurated or self.opened):
            raise ValueError(
                "« par » dit qui a inauguré ou ouvert : indiquez la date d'inauguration ou "
                "d'ouverture (pour les institutions fondatrices, écrivez « fondateurs »)"
            )
        if self.founders and not self.founded:
            raise ValueError("« fondateurs » va avec la date de création (creation)")
        dated = self.founded or self.inaugurated or self.opened
        if dated and grammar.head_agreement(self.name, self.gender) is None:
            raise ValueError(
                f"nom « {french.excerpt(self.name)} » : son premier nom n'est pas connu ; ajoutez "
                "« genre: féminin » ou « genre: masculin » (pour accorder « créé·e »)"
            )
        return self

    @property
    def agreement(self) -> grammar.Agreement:
        """Gender and number of the name, for the participles."""
        return grammar.head_agreement(self.name, self.gender) or grammar.Agreement()

    def events(self) -> list[tuple[str, PartialDate, str]]:
        """(key, date, masculine participle) of each dated event, in order."""
        return [
            (key, getattr(self, attribute), participle)
            for key, attribute, participle in INSTITUTE_EVENTS
            if getattr(self, attribute) is not None
        ]


class School(Item):
    """A French school abroad."""

    name: Line = Field(
        alias="nom", description="« Lycée français Jean-Mermoz », « lycée français »"
    )
    city: Line | None = Field(None, alias="ville")
    pupils: Count | None = Field(None, alias="eleves")
    pupils_year: SchoolYear | None = Field(None, alias="annee_eleves")


class Programme(Record):
    """A scholarship programme."""

    name: Line = Field(alias="nom")
    partner: Line | None = Field(None, alias="partenaire")
