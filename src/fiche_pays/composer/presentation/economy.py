"""Données économiques: GDP (per capita derived when not typed), growth, prices,
employment, public finances, trade partners, sectors, trade with France, links."""

from __future__ import annotations

from ...tree import Block, Fact
from ..context import fact, facts_block
from .context import Context, links
from .wording import dated_label, derived_per_capita


def economy(ctx: Context) -> list[Block]:
    """The lines of "Données économiques", then its links."""
    eco = ctx.fiche.economy
    if eco is None:
        return []
    rows = []
    if eco.gdp:
        rows.append(ctx.figure_line("PIB", eco.gdp))
    rows += _per_capita(ctx)
    for label, figure in (
        ("Taux de croissance", eco.growth),
        ("Taux d'inflation", eco.inflation),
        ("Taux de chômage", eco.unemployment),
        ("Dette publique", eco.public_debt),
        ("Solde budgétaire", eco.budget_balance),
        ("Solde courant", eco.current_account),
        ("Balance commerciale", eco.trade_balance),
    ):
        if figure:
            rows.append(ctx.figure_line(label, figure))
    rows += ctx.list_line("Principaux clients", eco.clients)
    rows += ctx.list_line("Principaux fournisseurs", eco.suppliers)
    rows += ctx.list_line("Part des secteurs d'activité dans le PIB", eco.sectors)
    trade, the = eco.france, ctx.fiche.country.the_form
    if trade:
        for label, flow in (
            (f"Exportations de la France vers {the}", trade.exports),
            (f"Importations françaises depuis {the}", trade.imports),
            (f"Échanges commerciaux entre la France et {the}", trade.total),
        ):
            if flow:
                rows.append(ctx.figure_line(label, flow))
    return [*facts_block(rows), *links(eco.links)]


def _per_capita(ctx: Context) -> list[Fact]:
    eco = ctx.fiche.economy
    if eco.gdp_per_capita:
        return [ctx.figure_line("PIB par habitant", eco.gdp_per_capita)]
    derived = ctx.fiche.derived_gdp_per_capita()
    if derived is None or eco.gdp is None:
        return []
    text = derived_per_capita(derived, eco.gdp.currency, ctx.units)
    return [fact(dated_label("PIB par habitant", eco.gdp), text)]
