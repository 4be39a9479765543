"""Ambassadors, both ways, with accreditation date and residence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.blocks import ForeignAmbassadorBlock, FrenchAmbassadorBlock
from ..model.types import DataPath
from ..model.visits import Ambassador
from ..tree import Block
from .nodes import facts_block, sourced_fact
from .provenance import Piece, at
from .references import Worded

if TYPE_CHECKING:
    from .context import Context


def _name(ambassador: Ambassador, path: DataPath) -> list[Piece]:
    name: list[Piece] = [(ambassador.name, at((*path, "nom")))]
    if ambassador.civility:
        name = [(ambassador.civility, at((*path, "civilite"))), (" ", None), *name]
    return name


def ambassador_names(ambassador: Ambassador, path: DataPath) -> Worded:
    """{nom}, {depuis}, {depuis.quand}, {residence}."""
    names = Worded()
    names.add("nom", "".join(t for t, _ in _name(ambassador, path)), at((*path, "nom")))
    if ambassador.since:
        names.add("depuis", ambassador.since.text(), at((*path, "depuis"), "date"))
        names.add("depuis.quand", ambassador.since.when(), at((*path, "depuis"), "quand"))
    if ambassador.resident_in:
        names.add("residence", ambassador.resident_in, at((*path, "residence")))
    return names


def _value(ambassador: Ambassador, path: DataPath) -> list[Piece]:
    value = _name(ambassador, path)
    extra: list[list[Piece]] = []
    if ambassador.since:
        extra.append([("depuis ", None), (ambassador.since.text(), at((*path, "depuis"), "date"))])
    if ambassador.resident_in:
        extra.append([("en résidence ", None), (ambassador.resident_in, at((*path, "residence")))])
    if extra:
        value.append((" (", None))
        for index, part in enumerate(extra):
            value += [(", ", None)] * (index > 0) + part
        value.append((")", None))
    return value


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
        else f"{country.of_bare_form} en France"  # as its embassy: "d'Arménie", "du Laos"
    )
    return facts_block([sourced_fact(f"{title} {where}", _value(person, (*path, block.KIND)))])
