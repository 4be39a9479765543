"""Visites: the desk officer's prose, then one table per direction of travel."""

from __future__ import annotations

from .. import french
from ..model.visits import Visit
from ..tree import Block, Run, Runs, Source, Table, plain
from .context import Context, plural
from .provenance import Piece, at, typeset


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
            ((i, v) for i, v in enumerate(visits.items) if v.direction == direction),
            key=lambda item: item[1].date.first_day,
        )
        if not items:
            continue
        with_purpose = any(v.purpose for _, v in items)
        header = ("Date", "Personnalité", "Lieu", *(("Objet",) if with_purpose else ()))
        cells = [tuple((Run(h),) for h in header)]
        for index, visit in items:
            path = ("visites", "liste", index)
            when = Source(((*path, "date"), (*path, "fin")), "periode")
            person: list[Piece] = [(visit.person, at((*path, "personnalite")))]
            if visit.function:
                person += [(", ", None), (visit.function, at((*path, "fonction")))]
            row = [
                typeset([(french.capitalize(visit_date(visit)), when)]),
                typeset(person),
                _cell(visit.place or default_place, at((*path, "lieu"))),
            ]
            if with_purpose:
                row.append(
                    _cell(french.capitalize(visit.purpose or ""), at((*path, "objet"), "capitale"))
                )
            cells.append(tuple(row))
        widths = (0.22, 0.38, 0.15, 0.25) if with_purpose else (0.25, 0.5, 0.25)
        blocks.append(
            Table(
                header,
                tuple(tuple(plain(cell) for cell in row) for row in cells[1:]),
                caption=plain(typeset([(caption, None)])),
                widths=widths,
                cell_runs=tuple(cells),
            )
        )
    return blocks


def _cell(text: str, source: Source) -> Runs:
    """A cell worded from one field; an empty one keeps its source, so that what a
    reviewer types into it goes to that field."""
    return typeset([(text, source)]) or (Run("", source=source),)
