"""Presence: communities, France's posts for the country, the country's posts in France."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..partialdate import PartialDate
from .quantities import Approx
from .types import Item, Line, Url

# Qualifiers of an approximate figure (the presentation's figures use them too).
Approximation = Literal["environ", "près de", "plus de", "moins de"]


class Community(Item):
    """A community figure: French people in the country, or the reverse."""

    count: Approx = Field(alias="nombre", description="616, « environ 30000 », « près de 900 »…")
    unit: Line | None = Field(
        None,
        alias="unite",
        description="« personnes inscrites au registre », « ressortissants »… (aucune si "
        "la page n'en donne pas)",
    )
    as_of: PartialDate | None = Field(None, alias="date", description="Date du chiffre")
    binationals: Approx | None = Field(None, alias="binationaux", description="dont binationaux")
    registered: Approx | None = Field(
        None, alias="inscrits", description="dont inscrits au registre"
    )
    unregistered: Approx | None = Field(
        None, alias="non_inscrits", description="Non-inscrits estimés, en plus du nombre"
    )

    @model_validator(mode="after")
    def _parts(self) -> Community:
        for label, part in (("binationaux", self.binationals), ("inscrits", self.registered)):
            if (
                part is not None
                and part.exact
                and self.count.exact
                and part.value > self.count.value
            ):
                raise ValueError(
                    f"{label} ({part.text()}) plus nombreux que la communauté "
                    f"({self.count.text()}) : une partie ne peut pas dépasser le tout"
                )
        return self


PostKind = Literal[
    "ambassade",
    "consulat général",
    "consulat",
    "section consulaire",
    "agence consulaire",
    "consul honoraire",
    "poste de présence diplomatique",
    "antenne diplomatique",
    "institut français",
]


class Post(Item):
    """A post: its kind, its city or cities, and the country it sits in when that is not
    the fiche's (an embassy covering the country from abroad)."""

    kind: PostKind = Field(alias="type")
    city: Line | None = Field(None, alias="ville")
    cities: list[Line] = Field(
        default_factory=list, alias="villes", description="Un poste présent dans plusieurs villes"
    )
    located_in: Line | None = Field(
        None,
        alias="pays",
        description="Pays où se trouve le poste, s'il couvre le pays depuis l'étranger : "
        "« Philippines »",
    )
    website: Url | None = Field(None, alias="site")

    @model_validator(mode="after")
    def _where(self) -> Post:
        if self.city and self.cities:
            raise ValueError("écrivez « ville » ou « villes », pas les deux")
        if self.located_in and not self.city:
            raise ValueError(
                "un poste à l'étranger a une ville : « ville: Manille » avec « pays: Philippines »"
            )
        if not (self.city or self.cities or self.website or self.text):
            raise ValueError("indiquez la ville du poste (ville), ses villes (villes) ou son site")
        return self

    @property
    def places(self) -> list[str]:
        """The city or cities of the post."""
        return [self.city] if self.city else list(self.cities)


ConsularPost = Post  # the name the presentation fiche's model uses
