"""Diplomatic relations, dated events and agreements: sentences and lines that say
exactly what their fields mean (an adopted declaration is never "signed")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import french
from ..model.blocks import AgreementsBlock, DiplomaticRelationsBlock, EventsBlock
from ..model.country import Country
from ..model.political import Agreement, Event
from ..model.types import DataPath
from ..tree import Block
from . import dates, places
from .nodes import paragraph
from .provenance import Piece, at, computed
from .records import record_blocks
from .references import Worded

if TYPE_CHECKING:
    from .context import Context


def diplomatic_relations(
    ctx: Context, block: DiplomaticRelationsBlock, path: DataPath, used: set[str]
) -> list[Block]:
    """ "La France et la Mongolie ont établi leurs relations diplomatiques en 1965."."""
    if ctx.silenced(path, used):
        return []
    country = ctx.fiche.country
    when = at((*path, "relations_diplomatiques"), "quand")
    return [
        paragraph(
            [
                (
                    f"La France et {country.the_form} ont établi leurs relations diplomatiques ",
                    None,
                ),
                (block.established.when(), when),
                (".", None),
            ]
        )
    ]


def event_names(event: Event, path: DataPath) -> Worded:
    """{date}, {quand}, {quoi} of an event."""
    names = Worded()
    names.add(
        "date",
        dates.text(event.dates, event.end),
        dates.source(path, event.dates, event.end, "date"),
    )
    names.add(
        "quand",
        dates.when(event.dates, event.end),
        dates.source(path, event.dates, event.end, "quand"),
    )
    names.add("quoi", event.what, at((*path, "quoi")))
    return names


def event_line(event: Event, path: DataPath) -> list[Piece]:
    """ "Octobre 2001 : ouverture de l'antenne diplomatique française au Tadjikistan"."""
    when = french.capitalize(dates.text(event.dates, event.end))
    return [
        (when, dates.source(path, event.dates, event.end, "date")),
        (" : ", None),
        (event.what, at((*path, "quoi"))),
    ]


def events(ctx: Context, block: EventsBlock, path: DataPath, used: set[str]) -> list[Block]:
    """One line per event, or its own sentence."""
    return record_blocks(ctx, path, "evenements", block.events, used, event_line)


def agreement_names(agreement: Agreement, path: DataPath, country: Country) -> Worded:
    """{titre}, {signature}, {signature.quand}… {lieu}, {lieu.au}, {occasion}."""
    names = Worded()
    names.add("titre", agreement.title, at((*path, "titre")))
    for key, date, _ in agreement.steps():
        names.add(key, date.text(), at((*path, key), "date"))
        names.add(f"{key}.quand", date.when(), at((*path, key), "quand"))
    if agreement.place:
        names.add("lieu", agreement.place, at((*path, "lieu")))
        names.add("lieu.au", places.at(agreement.place, country), places.source((*path, "lieu")))
    if agreement.occasion:
        names.add("occasion", agreement.occasion, at((*path, "occasion")))
    return names


def agreement_line(agreement: Agreement, path: DataPath, country: Country) -> list[Piece]:
    """ "Accord de coopération culturelle, signé le 1er mai 1995 à Nuku'alofa, entré en
    vigueur en 1996"; "Déclaration conjointe …, adoptée en novembre 2015"."""
    ending = agreement.agreement.ending()
    pieces: list[Piece] = [(french.capitalize(agreement.title), at((*path, "titre"), "capitale"))]
    for index, (key, date, participle) in enumerate(agreement.steps()):
        words = participle.split(" ", 1)
        worded = " ".join([words[0] + ending, *words[1:]])
        pieces += [(f", {worded} ", None), (date.when(), at((*path, key), "quand"))]
        if index == 0 and agreement.place:
            where = places.at(agreement.place, country)
            pieces += [(" ", None), (where, places.source((*path, "lieu")))]
        if index == 0 and agreement.occasion:
            occasion = french.of(agreement.occasion)
            lead = computed(
                "« lors de » et l'occasion : modifiez « occasion »", (*path, "occasion")
            )
            pieces += [(" lors ", None), (occasion, lead)]
    if agreement.negotiating and not agreement.steps():
        status = computed(
            "statut : modifiez « en_negociation » ou les dates", (*path, "en_negociation")
        )
        pieces += [(", ", None), ("en négociation", status)]
    return pieces


def agreements(ctx: Context, block: AgreementsBlock, path: DataPath, used: set[str]) -> list[Block]:
    """One line per agreement, or its own sentence."""
    country = ctx.fiche.country
    return record_blocks(
        ctx, path, "accords", block.agreements, used, lambda a, p: agreement_line(a, p, country)
    )
