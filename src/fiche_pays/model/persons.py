"""Who takes part in a visit, a meeting or an inauguration: persons and groups.

A function or a group is written with its determiner, as pages write it ("la ministre
des Sports", "son homologue", "une délégation arménienne"): it carries the gender and
number the generated wording agrees with, and lets a function stand alone ("le président
mongol"). A person's optional ``genre`` decides where neither the civilité nor the
determiner shows it (Dr, Pr, "l'ambassadeur").
"""

from __future__ import annotations

import typing
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from .. import french, grammar
from .types import Line, Record, one_or_list

Civility = Literal["M.", "Mme", "Dr", "Pr"]
# Sa Majesté, Son Altesse (royale): printed before the function, « S.M. le Roi Tupou VI ».
Honorific = Literal["S.M.", "S.A.", "S.A.R."]
HONORIFICS = typing.get_args(Honorific)
PersonCivility = Literal[Civility, Honorific]  # one choice of seven in messages
GenderField = Literal["féminin", "masculin"]


def _determined(text: str) -> str:
    if grammar.determiner(text) is None:
        raise ValueError(
            f"« {french.excerpt(text)} » : écrivez-le avec son article, comme la page l'écrit "
            "(« le président de la République », « la ministre des Sports », « son "
            "homologue », « une délégation », « les deux capitaines-régents »)"
        )
    return text


DeterminedLine = Annotated[Line, AfterValidator(_determined)]
"""A noun phrase with its determiner: "la ministre des Sports"."""


class Person(Record):
    """A person: a name, a function (with its determiner), or both."""

    civility: PersonCivility | None = Field(
        None,
        alias="civilite",
        description="M., Mme, Dr ou Pr, imprimé devant le nom ; S.M., S.A. ou S.A.R. (Sa "
        "Majesté, Son Altesse…) devant la fonction : « S.M. le Roi Tupou VI »",
    )
    name: Line | None = Field(None, alias="nom", description="Prénom et nom : Laura Flessel")
    function: DeterminedLine | None = Field(
        None,
        alias="fonction",
        description="Avec son article : « la ministre des Sports », « son homologue »",
    )
    gender: GenderField | None = Field(
        None,
        alias="genre",
        description="Pour l'accord seulement, quand ni la civilité ni l'article ne le disent",
    )

    @model_validator(mode="after")
    def _named(self) -> Person:
        _check_person(self)
        return self

    @property
    def agreement(self) -> grammar.Agreement:
        """Gender and number for agreement."""
        return _person_agreement(self)


def _check_person(person: Person) -> None:
    if person.name is None and person.function is None:
        raise ValueError("indiquez le nom (nom) ou la fonction (fonction) de la personne")
    if person.civility and person.name is None:
        raise ValueError("une civilité va avec un nom : indiquez « nom »")


def _person_agreement(person: Person) -> grammar.Agreement:
    if person.gender:
        return grammar.Agreement(person.gender == grammar.FEMININE)
    if person.civility in ("M.", "Mme"):
        return grammar.Agreement(person.civility == "Mme")
    return grammar.agreement_of(person.function or "")


class Party(Person):
    """A person, or a group ("une délégation arménienne") with an optional leader."""

    group: DeterminedLine | None = Field(
        None,
        alias="groupe",
        description="Un groupe, avec son article : « une délégation arménienne »",
    )
    leader: Person | None = Field(
        None, alias="chef", description="Qui conduit le groupe : « conduite par … »"
    )

    @model_validator(mode="after")
    def _named(self) -> Party:
        if self.group is None:
            if self.leader is not None:
                raise ValueError("« chef » va avec « groupe » : indiquez le groupe qu'il conduit")
            _check_person(self)
            return self
        if self.name or self.function or self.civility:
            raise ValueError(
                "un groupe n'a ni nom, ni fonction, ni civilité : écrivez la personne qui le "
                "conduit sous « chef »"
            )
        return self

    @property
    def agreement(self) -> grammar.Agreement:
        """Gender and number for agreement."""
        if self.group is not None:
            return grammar.agreement_of(self.group, self.gender)
        return _person_agreement(self)


Parties = Annotated[
    list[Party],
    BeforeValidator(one_or_list, json_schema_input_type=Party | list[Party]),
    Field(min_length=1),
]
"""One person or group, or a list of them."""


def agreement_of_all(parties: list[Party]) -> grammar.Agreement:
    """Agreement of a subject made of several parties: plural, feminine only if all are."""
    if len(parties) == 1:
        return parties[0].agreement
    return grammar.Agreement(all(p.agreement.feminine for p in parties), True)
