"""Dated events and agreements, in whatever section the page cites them."""

from __future__ import annotations

from pydantic import Field, model_validator

from .. import french, grammar
from ..partialdate import PartialDate
from .persons import GenderField
from .types import Dates, Item, Line


class Event(Item):
    """A dated event: a legation opened, an embassy closed, a law passed."""

    dates: Dates = Field(alias="date", description="AAAA-MM-JJ, AAAA-MM ou AAAA (ou une liste)")
    end: PartialDate | None = Field(None, alias="fin", description="Dernier jour (AAAA-MM-JJ)")
    what: Line = Field(
        alias="quoi",
        description="Ce qui s'est passé, sans article au début : « ouverture de l'antenne "
        "diplomatique française »",
    )

    @model_validator(mode="after")
    def _span(self) -> Event:
        if self.end is not None:
            if len(self.dates) > 1:
                raise ValueError("« fin » va avec une seule date de début")
            if self.dates[0].day is None or self.end.day is None or self.end < self.dates[0]:
                raise ValueError(
                    "un événement sur plusieurs jours a un début et une fin au jour près, la "
                    "fin après le début"
                )
        return self


# The steps of an agreement, in the order they happen, with their participle.
STEPS = (
    ("signature", "signed", "signé"),
    ("adoption", "adopted", "adopté"),
    ("ratification", "ratified", "ratifié"),
    ("entree_en_vigueur", "in_force", "entré en vigueur"),
)


class Agreement(Item):
    """An agreement, treaty or declaration: one date per step it went through."""

    title: Line = Field(
        alias="titre",
        description="Sans article : « traité d'amitié », « déclaration conjointe … »",
    )
    signed: PartialDate | None = Field(None, alias="signature")
    adopted: PartialDate | None = Field(
        None, alias="adoption", description="Adopté (une déclaration, une résolution)"
    )
    ratified: PartialDate | None = Field(None, alias="ratification")
    in_force: PartialDate | None = Field(None, alias="entree_en_vigueur")
    negotiating: bool = Field(False, alias="en_negociation", description="En négociation")
    place: Line | None = Field(
        None, alias="lieu", description="Lieu de signature ou d'adoption : « Saint-Marin »"
    )
    occasion: Line | None = Field(
        None,
        alias="occasion",
        description="Avec son article : « la visite du président Mitterrand »",
    )
    gender: GenderField | None = Field(
        None,
        alias="genre",
        description="Genre du premier nom du titre, s'il n'est pas connu (accord, "
        "déclaration… le sont)",
    )

    @model_validator(mode="after")
    def _status(self) -> Agreement:
        if not any(getattr(self, attribute) for _, attribute, _ in STEPS) and not (
            self.negotiating
        ):
            raise ValueError(
                "indiquez où en est l'accord : une date de signature, adoption, ratification "
                "ou entree_en_vigueur, ou « en_negociation: true »"
            )
        if grammar.head_agreement(self.title, self.gender) is None:
            raise ValueError(
                f"titre « {french.excerpt(self.title)} » : son premier nom n'est pas connu, son "
                "genre non plus ; ajoutez « genre: féminin » ou « genre: masculin » (pour accorder "
                "« signé·e »)"
            )
        return self

    @property
    def agreement(self) -> grammar.Agreement:
        """Gender and number of the title, for the participles."""
        return grammar.head_agreement(self.title, self.gender) or grammar.Agreement()

    def steps(self) -> list[tuple[str, PartialDate, str]]:
        """(key, date, masculine participle) of each step given, in order."""
        return [
            (key, getattr(self, attribute), participle)
            for key, attribute, participle in STEPS
            if getattr(self, attribute) is not None
        ]
