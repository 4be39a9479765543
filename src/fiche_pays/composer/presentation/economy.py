"""Données économiques: GDP (per capita derived when not typed), growth, prices,
employment, public finances, trade partners, sectors, trade with France, links."""

from __future__ import annotations

from ...tree import Block, Fact
from ..context import facts_block, sourced_fact
from ..provenance import computed
from . import sourcing
from .context import Context, links
from .wording import derived_per_capita

BASE = ("donnees_economiques",)
PER_CAPITA_NOTE = "le PIB par habitant est calculé : modifiez le PIB ou la population"


def economy(ctx: Context) -> list[Block]:
    """The lines of "Données économiques", then its links."""
    eco = ctx.fiche.economy
    if eco is None:
        return []
    rows = []
    if eco.gdp:
        rows.append(ctx.figure_line("PIB", eco.gdp, (*BASE, "pib")))
    rows += _per_capita(ctx)
    for label, figure, key in (
        ("Taux de croissance", eco.growth, "croissance"),
        ("Taux d'inflation", eco.inflation, "inflation"),
        ("Taux de chômage", eco.unemployment, "chomage"),
        ("Dette publique", eco.public_debt, "dette_publique"),
        ("Solde budgétaire", eco.budget_balance, "solde_budgetaire"),
        ("Solde courant", eco.current_account, "solde_courant"),
        ("Balance commerciale", eco.trade_balance, "balance_commerciale"),
    ):
        if figure:
            rows.append(ctx.figure_line(label, figure, (*BASE, key)))
    for label, shares, key in (
        ("Principaux clients", eco.clients, "principaux_clients"),
        ("Principaux fournisseurs", eco.suppliers, "principaux_fournisseurs"),
        ("Part des secteurs d'activité dans le PIB", eco.sectors, "secteurs"),
    ):
        rows += ctx.list_line(label, shares, (*BASE, key))
    trade, the = eco.france, ctx.fiche.country.the_form
    if trade:
        for label, flow, key in (
            (f"Exportations de la France vers {the}", trade.exports, "exportations"),
            (f"Importations françaises depuis {the}", trade.imports, "importations"),
            (f"Échanges commerciaux entre la France et {the}", trade.total, "total"),
        ):
            if flow:
                rows.append(ctx.figure_line(label, flow, (*BASE, "echanges_avec_la_france", key)))
    return [*facts_block(rows), *links(eco.links, (*BASE, "liens"))]


def _per_capita(ctx: Context) -> list[Fact]:
    eco = ctx.fiche.economy
    if eco.gdp_per_capita:
        return [
            ctx.figure_line("PIB par habitant", eco.gdp_per_capita, (*BASE, "pib_par_habitant"))
        ]
    derived = ctx.fiche.derived_gdp_per_capita()
    if derived is None or eco.gdp is None:
        return []
    inputs = ((*BASE, "pib", "valeur"), ("donnees_demographiques", "population", "valeur"))
    value = [
        (
            derived_per_capita(derived, eco.gdp.currency, ctx.units),
            computed(PER_CAPITA_NOTE, *inputs),
        )
    ]
    label = sourcing.computed_label(
        "PIB par habitant",
        eco.gdp,
        "le PIB par habitant a l'année du PIB : modifiez la date du PIB",
        (*BASE, "pib", "date"),
    )
    return [sourced_fact(label, value)]
