"""Visits, meetings and ambassadors."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..partialdate import PartialDate
from .persons import Civility, GenderField, Parties
from .types import Dates, Item, Line, Record

Direction = Literal["vers_le_pays", "vers_la_france", "pays_tiers"]


class Visit(Item):
    """A visit or a meeting: when, who, where, with whom, why."""

    dates: Dates = Field(
        alias="date",
        description="Jour, mois ou année (AAAA-MM-JJ, AAAA-MM, AAAA) ; une liste pour "
        "plusieurs dates : [2012, 2013, 2014]",
    )
    end: PartialDate | None = Field(None, alias="fin", description="Dernier jour (AAAA-MM-JJ)")
    direction: Direction = Field(
        alias="sens", description="vers_le_pays, vers_la_france ou pays_tiers"
    )
    kind: Line | None = Field(
        None,
        alias="nature",
        description="« visite » par défaut ; « visite officielle », « visite d'État », "
        "« visite de travail », « déplacement », « séjour privé », « entretien »…",
    )
    visitors: Parties = Field(alias="visiteurs", description="Qui se déplace (ou rencontre)")
    companions: Parties | None = Field(
        None, alias="accompagnateurs", description="« accompagné de … »"
    )
    hosts: Parties | None = Field(None, alias="recu_par", description="« reçu par … »")
    counterparts: Parties | None = Field(
        None, alias="avec", description="Interlocuteurs : « entretiens avec … »"
    )
    inviters: Parties | None = Field(
        None, alias="invite_par", description="« à l'invitation de … »"
    )
    place: Line | None = Field(
        None,
        alias="lieu",
        description="Ville, pays, ou lieu avec sa préposition (« au Palais de l'Élysée »)",
    )
    occasion: Line | None = Field(
        None,
        alias="occasion",
        description="Avec son article : « les Jeux olympiques de Tokyo »",
    )
    purpose: Line | None = Field(
        None, alias="objet", description="Objet : « la question de la restitution … »"
    )

    @model_validator(mode="after")
    def _span(self) -> Visit:
        if self.end is None:
            return self
        if len(self.dates) > 1:
            raise ValueError(
                "« fin » va avec une seule date de début : pour plusieurs visites, écrivez "
                "plusieurs éléments"
            )
        start = self.dates[0]
        if start.day is None or self.end.day is None:
            raise ValueError(
                "une visite sur plusieurs jours a un début et une fin au jour près (AAAA-MM-JJ)"
            )
        if self.end < start:
            raise ValueError(f"la fin ({self.end}) précède le début ({start})")
        return self

    @property
    def first_day(self):  # noqa: ANN201 - a datetime.date
        """The first day the visit may have started, for sorting."""
        return self.dates[0].first_day


class Ambassador(Record):
    """An ambassador, with an optional accreditation date and residence."""

    civility: Civility | None = Field(
        None, alias="civilite", description="« Mme » donne « Ambassadrice »"
    )
    name: Line = Field(alias="nom")
    gender: GenderField | None = Field(
        None, alias="genre", description="Pour l'accord, sans civilité : « féminin »"
    )
    since: PartialDate | None = Field(None, alias="depuis")
    resident_in: Line | None = Field(
        None, alias="residence", description="Résidence hors du pays : « à Londres »"
    )

    @property
    def feminine(self) -> bool:
        """True for an ambassadress."""
        return self.civility == "Mme" or self.gender == "féminin"
