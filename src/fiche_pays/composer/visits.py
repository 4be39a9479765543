"""Visites: the desk officer's prose, then one table per direction of travel."""

from __future__ import annotations

from .. import french
from ..french import typography
from ..model.visits import Visit
from ..tree import Block, Table
from .context import Context, plural


def visit_date(visit: Visit) -> str:
    """ "4 et 5 décembre 2014", "du 4 au 6 novembre 2015", "juillet 2019"."""
    if visit.end is None:
        return visit.date.text()
    return french.date_range(visit.date.first_day, visit.end.first_day)


def visits(ctx: Context) -> list[Block]:
    visits, country = ctx.fiche.visits, ctx.fiche.country
    if visits is None:
        return []
    blocks: list[Block] = ctx.prose(visits.text, ("visites",))[0]
    adjective = country.adjective_feminine
    groups = {
        "vers_le_pays": (f"Visites françaises {country.in_form}", country.name),
        "vers_la_france": (
            (
                f"Visites {plural(adjective)} en France"
                if adjective
                else f"Visites en France de personnalités {country.of_form}"
            ),
            "France",
        ),
        "pays_tiers": ("Rencontres dans des pays tiers", ""),
    }
    for direction, (caption, default_place) in groups.items():
        items = sorted(
            (v for v in visits.items if v.direction == direction), key=lambda v: v.date.first_day
        )
        if not items:
            continue
        with_purpose = any(v.purpose for v in items)
        header = ("Date", "Personnalité", "Lieu", *(("Objet",) if with_purpose else ()))
        rows = []
        for visit in items:
            person = visit.person + (f", {visit.function}" if visit.function else "")
            row = [french.capitalize(visit_date(visit)), person, visit.place or default_place]
            if with_purpose:
                row.append(french.capitalize(visit.purpose or ""))
            rows.append(tuple(typography(cell) for cell in row))
        widths = (0.22, 0.38, 0.15, 0.25) if with_purpose else (0.25, 0.5, 0.25)
        blocks.append(Table(header, tuple(rows), caption=typography(caption), widths=widths))
    return blocks
