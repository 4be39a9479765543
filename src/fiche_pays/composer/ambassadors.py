"""Ambassadeurs: both ways, with accreditation date and residence."""

from __future__ import annotations

from ..model.visits import Ambassador
from ..tree import Block
from .context import Context, fact, facts_block


def _ambassador_value(ambassador: Ambassador) -> str:
    value = ambassador.name
    extra = []
    if ambassador.since:
        extra.append(f"depuis {ambassador.since.text()}")
    if ambassador.resident_in:
        extra.append(f"en résidence {ambassador.resident_in}")
    return f"{value} ({', '.join(extra)})" if extra else value


def ambassadors(ctx: Context) -> list[Block]:
    ambassadors, country = ctx.fiche.ambassadors, ctx.fiche.country
    if ambassadors is None:
        return []
    rows = []
    for person, where in (
        (ambassadors.french, f"de France {country.in_form}"),
        (ambassadors.foreign, f"{country.of_form} en France"),
    ):
        if person:
            title = "Ambassadrice" if person.title == "Mme" else "Ambassadeur"
            rows.append(fact(f"{title} {where}", _ambassador_value(person)))
    return facts_block(rows)
