"""The people a presentation fiche names: heads of state and government, ministers.

They are the persons of every fiche (:mod:`.persons`): a civilité (M., Mme, Dr, Pr, or
S.M., S.A., S.A.R. before a sovereign's function), a name, a function written with its
determiner (« le Président », « le Ministre d'État chargé du Plan »), and ``genre`` where
neither says it. The civilité or the determiner makes the generated words agree: « élue »,
« née ». A leader also has the dates of the office and, where a page gives several, the
offices held (``fonctions``).
"""

from __future__ import annotations

from pydantic import Field

from ..partialdate import PartialDate
from .persons import DeterminedLine, Person
from .types import ExampleMarked, Line, Record


class Office(Record):
    """One office a leader holds: "président de la République depuis mars 2021"."""

    title: Line = Field(alias="titre")
    since: PartialDate | None = Field(None, alias="depuis")
    reelected: PartialDate | None = Field(None, alias="reelu")
    note: Line | None = Field(None, alias="remarque")


class NamedPerson(Person):
    """A person the page names: the name is required."""

    name: Line = Field(alias="nom", description="Prénom et nom : Kassym-Jomart Tokaïev")

    @property
    def feminine(self) -> bool:
        """True when words about the person agree in the feminine (élue, née)."""
        return self.agreement.feminine


class Leader(NamedPerson):
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


class Minister(NamedPerson):
    """A member of the government: the function is required."""

    function: DeterminedLine = Field(
        alias="fonction",
        description="Avec son article : « le Ministre des Affaires étrangères » (la liste "
        "l'imprime sans)",
    )


class Government(ExampleMarked):
    """Composition du gouvernement."""

    date: PartialDate | None = Field(None, alias="date", description="Composition à cette date")
    members: list[Minister] = Field(alias="membres", min_length=1)
