"""The country and the document: names and French forms, update date, service."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, Field, field_validator

from .. import french
from ..partialdate import PartialDate
from .types import (
    Line,
    Record,
    pattern,
)

MAX_NAME = 100
LAST_UPDATE = dt.date(2107, 12, 31)  # a DOCX is a zip file, whose dates end with 2107


class Country(Record):
    """The country and the forms French prose needs."""

    name: Line = Field(alias="nom", description="Nom français usuel : Kazakhstan")
    code: Annotated[str, AfterValidator(lambda v: pattern(v, r"[A-Z]{2}", "KZ"))] = Field(
        alias="code", description="Code ISO 3166-1 alpha-2 en majuscules : KZ"
    )
    in_form: Line = Field(
        alias="au", description="« au Kazakhstan », « en France », « aux Tonga », « à Saint-Marin »"
    )
    of_form: Line = Field(
        alias="du",
        description="« du Kazakhstan », « de la France », « des Tonga », « de Saint-Marin »",
    )
    of_bare: Line | None = Field(
        None,
        alias="de",
        description="« de » sans article, pour « Ambassade d'Arménie en France » : "
        "« d'Arménie », « du Bénin » (par défaut : la forme « du »)",
    )
    the_form: Line = Field(
        alias="le", description="« le Kazakhstan », « la France », « les Tonga », « Saint-Marin »"
    )
    adjective: Line | None = Field(
        None,
        alias="adjectif",
        description="Adjectif masculin : kazakhstanais (aucun pour le Saint-Siège)",
    )
    adjective_feminine: Line | None = Field(
        None, alias="adjectif_feminin", description="Adjectif féminin : kazakhstanaise"
    )

    @field_validator("name")
    @classmethod
    def _fits_a_file_name(cls, name: str) -> str:
        # The name becomes the documents' file name, which systems cap at 255 bytes.
        if len(name) > MAX_NAME or len(slugify(name)) > MAX_NAME:
            raise ValueError(
                f"nom trop long ({french.number(len(name))} caractères) : {MAX_NAME} au plus, "
                "car il donne le nom des documents (le plus long nom de pays en compte 51)"
            )
        return name

    @property
    def of_bare_form(self) -> str:
        """ "d'Arménie", "du Bénin": "of" without the article where French drops it."""
        return self.of_bare or self.of_form


class DocumentInfo(Record):
    """What the document is and when it was last updated."""

    title: Line = Field("Relations bilatérales", alias="titre")
    updated: PartialDate = Field(alias="mise_a_jour", description="Date de mise à jour, AAAA-MM-JJ")
    service: Line | None = Field(None, alias="service", description="Service rédacteur")
    author: Line | None = Field(
        None,
        alias="auteur",
        description="Auteur (propriétés du "
        "document) ; par défaut le service ou l'autorité du modèle",
    )
    keywords: list[Line] = Field(default_factory=list, alias="mots_cles")
    diffusion: Line | None = Field(
        None,
        alias="diffusion",
        description="Mention de diffusion portée en tête des pages : « Document de travail », "
        "« Diffusion restreinte »… ; aucune par défaut",
    )

    @field_validator("updated")
    @classmethod
    def _day_known(cls, updated: PartialDate) -> PartialDate:
        if updated.day is None:
            raise ValueError("la date de mise à jour doit être complète (AAAA-MM-JJ)")
        if updated.first_day > LAST_UPDATE:
            raise ValueError(
                f"date de mise à jour ({updated.text()}) trop lointaine (faute de frappe ?) : "
                "au plus le 31 décembre 2107, dernière date qu'un document Word peut porter"
            )
        return updated


def slugify(name: str) -> str:
    """A safe ASCII file stem: "Saint-Marin" -> "saint-marin", never "../x"; may be ""."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
