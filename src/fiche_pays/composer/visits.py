"""Visits and meetings: the page's sentence, a generated line, or tables by direction.

A line puts the place right after the noun, so that it never lands after a long list of
persons: "Juillet 2023 : visite au Vanuatu du président de la République Emmanuel
MACRON, de la ministre … et de la secrétaire d'État …".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import french, grammar
from ..french import typography
from ..model.blocks import VisitsBlock
from ..model.country import Country
from ..model.persons import Party, agreement_of_all
from ..model.types import DataPath
from ..model.visits import Visit
from ..tree import Block, Table
from . import dates, persons, places
from .nodes import plural
from .records import record_blocks
from .references import Value, enumerate_phrases

if TYPE_CHECKING:
    from .context import Context

_PEOPLE = (
    ("visiteurs", "visitors"),
    ("accompagnateurs", "companions"),
    ("recu_par", "hosts"),
    ("avec", "counterparts"),
    ("invite_par", "inviters"),
)


def visit_names(visit: Visit, country: Country) -> dict[str, Value]:
    """The names a visit's own sentence may cite: {date}, {quand}, {nature},
    {visiteurs}, {avec.2}, {lieu.au}, {occasion}, {objet}…"""
    names: dict[str, Value] = {
        "date": dates.text(visit.dates, visit.end),
        "quand": dates.when(visit.dates, visit.end),
        "nature": _kind(visit),
    }
    for key, attribute in _PEOPLE:
        parties = getattr(visit, attribute)
        if parties:
            names.update(persons.names(key, parties))
    if visit.place:
        names["lieu"] = visit.place
        names["lieu.au"] = places.at(visit.place, country)
    if visit.occasion:
        names["occasion"] = visit.occasion
    if visit.purpose:
        names["objet"] = visit.purpose
    return names


def _kind(visit: Visit) -> str:
    kind = visit.kind or "visite"
    return grammar.pluralize_head(kind) if len(visit.dates) > 1 else kind


def _is_meeting(visit: Visit) -> bool:
    return (visit.kind or "").lower().startswith(("entretien", "rencontre"))


def _people(parties: list[Party], preposition: str | None = None) -> str:
    return enumerate_phrases([persons.phrase(p) for p in parties], preposition)


def visit_line(visit: Visit, country: Country) -> str:
    """ "3 octobre 2023 : visite en Arménie de la ministre de l'Europe et des Affaires
    étrangères"; "Juillet 2021 : entretien à Tokyo du président de la République avec le
    Premier ministre mongol L. OYUN-ERDENE, en marge des Jeux olympiques de Tokyo"."""
    agreement = agreement_of_all(visit.visitors).ending()
    meeting = _is_meeting(visit)
    head = _kind(visit)
    if visit.place:
        head += " " + places.at(visit.place, country)
    # Each piece: (text, whether it ends with an apposition a following piece must close).
    pieces = [(f"{head} {_people(visit.visitors, 'de')}", _apposition(visit.visitors))]
    if visit.companions:
        pieces.append(
            (
                f", accompagné{agreement} {_people(visit.companions, 'de')}",
                _apposition(visit.companions),
            )
        )
    if visit.hosts:
        pieces.append((f", reçu{agreement} par {_people(visit.hosts)}", _apposition(visit.hosts)))
    if visit.inviters:
        pieces.append(
            (f", à l'invitation {_people(visit.inviters, 'de')}", _apposition(visit.inviters))
        )
    if visit.counterparts:
        lead = " avec" if meeting else ", entretiens avec"
        pieces.append((f"{lead} {_people(visit.counterparts)}", _apposition(visit.counterparts)))
    if visit.occasion:
        lead = ", en marge" if meeting else ", à l'occasion"
        pieces.append((f"{lead} {french.of(visit.occasion)}", False))
    if visit.purpose:
        pieces.append((f" ({visit.purpose})", False))
    line = ""
    for index, (text, apposition) in enumerate(pieces):
        line += text
        following = pieces[index + 1][0] if index + 1 < len(pieces) else None
        if apposition and following is not None and following.startswith(" avec"):
            line += ","
    return f"{french.capitalize(dates.text(visit.dates, visit.end))} : {line}"


def _apposition(parties: list[Party]) -> bool:
    return persons.has_apposition(parties[-1])


def visits(ctx: Context, block: VisitsBlock, path: DataPath, used: set[str]) -> list[Block]:
    """A block of visits: sentences and lines in order, or tables by direction."""
    country = ctx.fiche.country
    if block.presentation == "liste":
        return record_blocks(
            ctx, path, "visites", block.visits, used, lambda v: visit_line(v, country)
        )
    out: list[Block] = []
    run: list[Visit] = []
    for index, visit in enumerate(block.visits):
        if ctx.silenced((*path, "visites", index), used):
            continue
        if visit.text:
            out += tables(run, country)
            run = []
            out += ctx.prose(visit.text, (*path, "visites", index, "texte"))[0]
        else:
            run.append(visit)
    return out + tables(run, country)


def tables(items: list[Visit], country: Country) -> list[Block]:
    """One table per direction of travel, sorted by date: Date, Personnalité, Lieu, Objet;
    every cell starts with a capital."""
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
    blocks: list[Block] = []
    for direction, (caption, default_place) in groups.items():
        chosen = sorted((v for v in items if v.direction == direction), key=lambda v: v.first_day)
        if not chosen:
            continue
        with_purpose = any(v.purpose for v in chosen)
        header = ("Date", "Personnalité", "Lieu", *(("Objet",) if with_purpose else ()))
        rows = []
        for visit in chosen:
            who = "\u00a0; ".join(persons.name_first(p) for p in visit.visitors)
            if visit.companions:
                agreement = agreement_of_all(visit.visitors).ending()
                who += f", accompagné{agreement} {_people(visit.companions, 'de')}"
            row = [dates.text(visit.dates, visit.end), who, visit.place or default_place]
            if with_purpose:
                row.append(visit.purpose or "")
            rows.append(tuple(typography(french.capitalize(cell)) for cell in row))
        widths = (0.22, 0.38, 0.15, 0.25) if with_purpose else (0.25, 0.5, 0.25)
        blocks.append(Table(header, tuple(rows), caption=typography(caption), widths=widths))
    return blocks
