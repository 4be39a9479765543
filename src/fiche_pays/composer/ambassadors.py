"""Ambassadeurs: both ways, with accreditation date and residence."""

from __future__ import annotations

from ..model.visits import Ambassador
from ..tree import Block, DataPath
from .context import Context, facts_block, sourced_fact
from .provenance import Piece, at


def _ambassador_value(ambassador: Ambassador, path: DataPath) -> list[Piece]:
    value: list[Piece] = [(ambassador.name, at((*path, "nom")))]
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


def ambassadors(ctx: Context) -> list[Block]:
    ambassadors, country = ctx.fiche.ambassadors, ctx.fiche.country
    if ambassadors is None:
        return []
    rows = []
    for person, where, key in (
        (ambassadors.french, f"de France {country.in_form}", "de_france"),
        (ambassadors.foreign, f"{country.of_form} en France", "en_france"),
    ):
        if person:
            title = "Ambassadrice" if person.title == "Mme" else "Ambassadeur"
            value = _ambassador_value(person, ("ambassadeurs", key))
            rows.append(sourced_fact(f"{title} {where}", value))
    return facts_block(rows)
