"""Coopération culturelle, scientifique et technique."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..partialdate import PartialDate
from .types import (
    Count,
    Line,
    Prose,
    Record,
    SchoolYear,
    Year,
)


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
    text: Prose | None = Field(None, alias="texte")


class Institute(Record):
    """A joint institute, centre or university of training and research."""

    name: Line = Field(alias="nom")
    acronym: Line | None = Field(None, alias="sigle")
    date: PartialDate | None = Field(None, alias="date")
    event: Literal["création", "inauguration", "signature", "ouverture"] = Field(
        "création", alias="evenement", description="Ce que marque la date"
    )
    event_details: Line | None = Field(
        None, alias="precisions", description="« par les présidents … »"
    )
    partners: list[Line] = Field(default_factory=list, alias="partenaires")
    students: Count | None = Field(None, alias="etudiants")
    students_year: SchoolYear | None = Field(None, alias="annee_etudiants")
    text: Prose | None = Field(None, alias="texte")


class School(Record):
    """A French school abroad."""

    name: Line = Field(alias="nom")
    city: Line | None = Field(None, alias="ville")
    pupils: Count | None = Field(None, alias="eleves")
    pupils_year: SchoolYear | None = Field(None, alias="annee_eleves")


class Programme(Record):
    """A scholarship programme."""

    name: Line = Field(alias="nom")
    partner: Line | None = Field(None, alias="partenaire")


class Scholarships(Record):
    """Co-funded scholarship programmes."""

    programmes: list[Programme] = Field(default_factory=list, alias="programmes")
    text: Prose | None = Field(None, alias="texte")


class Cooperation(Record):
    """Coopération culturelle, scientifique et technique."""

    text: Prose | None = Field(None, alias="texte")
    alliances: AllianceNetwork | None = Field(None, alias="alliances_francaises")
    institutes: list[Institute] = Field(default_factory=list, alias="instituts")
    schools: list[School] = Field(default_factory=list, alias="etablissements_scolaires")
    scholarships: Scholarships | None = Field(None, alias="bourses")
