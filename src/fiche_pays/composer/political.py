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
from .records import record_blocks
from .references import Value

if TYPE_CHECKING:
    from .context import Context


def diplomatic_relations(
    ctx: Context, block: DiplomaticRelationsBlock, path: DataPath, used: set[str]
) -> list[Block]:
    """ "La France et la Mongolie ont établi leurs relations diplomatiques en 1965."."""
    if ctx.silenced(path, used):
        return []
    country = ctx.fiche.country
    return [
        paragraph(
            f"La France et {country.the_form} ont établi leurs relations diplomatiques "
            f"{block.established.when()}."
        )
    ]


def event_names(event: Event) -> dict[str, Value]:
    """{date}, {quand}, {quoi} of an event."""
    return {
        "date": dates.text(event.dates, event.end),
        "quand": dates.when(event.dates, event.end),
        "quoi": event.what,
    }


def event_line(event: Event) -> str:
    """ "Octobre 2001 : ouverture de l'antenne diplomatique française au Tadjikistan"."""
    return f"{french.capitalize(dates.text(event.dates, event.end))} : {event.what}"


def events(ctx: Context, block: EventsBlock, path: DataPath, used: set[str]) -> list[Block]:
    """One line per event, or its own sentence."""
    return record_blocks(ctx, path, "evenements", block.events, used, lambda e: event_line(e))


def agreement_names(agreement: Agreement, country: Country) -> dict[str, Value]:
    """{titre}, {signature}, {signature.quand}… {lieu}, {lieu.au}, {occasion}."""
    names: dict[str, Value] = {"titre": agreement.title}
    for key, date, _ in agreement.steps():
        names[key] = date.text()
        names[f"{key}.quand"] = date.when()
    if agreement.place:
        names["lieu"] = agreement.place
        names["lieu.au"] = places.at(agreement.place, country)
    if agreement.occasion:
        names["occasion"] = agreement.occasion
    return names


def agreement_line(agreement: Agreement, country: Country) -> str:
    """ "Accord de coopération culturelle, signé le 1er mai 1995 à Nuku'alofa, entré en
    vigueur en 1996"; "Déclaration conjointe …, adoptée en novembre 2015"."""
    ending = agreement.agreement.ending()
    parts = []
    for index, (_key, date, participle) in enumerate(agreement.steps()):
        words = participle.split(" ", 1)
        worded = " ".join([words[0] + ending, *words[1:]]) + " " + date.when()
        if index == 0:
            if agreement.place:
                worded += " " + places.at(agreement.place, country)
            if agreement.occasion:
                worded += " lors " + french.of(agreement.occasion)
        parts.append(worded)
    if agreement.negotiating and not parts:
        parts.append("en négociation")
    return ", ".join([french.capitalize(agreement.title), *parts])


def agreements(ctx: Context, block: AgreementsBlock, path: DataPath, used: set[str]) -> list[Block]:
    """One line per agreement, or its own sentence."""
    country = ctx.fiche.country
    return record_blocks(
        ctx, path, "accords", block.agreements, used, lambda a: agreement_line(a, country)
    )
