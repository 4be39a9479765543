"""Ambassadors, both ways, with accreditation date and residence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.blocks import ForeignAmbassadorBlock, FrenchAmbassadorBlock
from ..model.types import DataPath
from ..model.visits import Ambassador
from ..tree import Block
from .nodes import fact, facts_block
from .references import Value

if TYPE_CHECKING:
    from .context import Context


def _name(ambassador: Ambassador) -> str:
    if ambassador.civility:
        return f"{ambassador.civility} {ambassador.name}"
    return ambassador.name


def ambassador_names(ambassador: Ambassador) -> dict[str, Value]:
    """{nom}, {depuis}, {depuis.quand}, {residence}."""
    names: dict[str, Value] = {"nom": _name(ambassador)}
    if ambassador.since:
        names["depuis"] = ambassador.since.text()
        names["depuis.quand"] = ambassador.since.when()
    if ambassador.resident_in:
        names["residence"] = ambassador.resident_in
    return names


def _value(ambassador: Ambassador) -> str:
    extra = []
    if ambassador.since:
        extra.append(f"depuis {ambassador.since.text()}")
    if ambassador.resident_in:
        extra.append(f"en résidence {ambassador.resident_in}")
    name = _name(ambassador)
    return f"{name} ({', '.join(extra)})" if extra else name


def ambassador(
    ctx: Context,
    block: FrenchAmbassadorBlock | ForeignAmbassadorBlock,
    path: DataPath,
    used: set[str],
) -> list[Block]:
    """ "Ambassadrice de France aux Tonga : Mme Sylvaine Carta-Le Vert (depuis …)"."""
    if ctx.silenced(path, used):
        return []
    country = ctx.fiche.country
    person = block.ambassador
    title = "Ambassadrice" if person.feminine else "Ambassadeur"
    where = (
        f"de France {country.in_form}"
        if block.KIND == "ambassadeur_de_france"
        else f"{country.of_form} en France"
    )
    return facts_block([fact(f"{title} {where}", _value(person))])
