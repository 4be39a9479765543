"""Economic relations: trade figures, products, sectors.

Every number comes from the trade series of the data file; balances, totals, changes
and shares are derived in the model and worded here once (:func:`economy_names`), so
that the prose, the fact lines, the table and the chart of both documents always agree.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import french
from ..french import Units, typography
from ..model.blocks import ProductsBlock, SectorsBlock, TradeBlock
from ..model.economy import EconomicRelations, TradeYear, change
from ..model.types import DataPath
from ..tree import Block, Chart, Fact, Note, Run, Series, Table
from .nodes import fact, facts_block
from .records import record_blocks
from .references import Value, not_stated

if TYPE_CHECKING:
    from .context import Context

_CURRENCY_WORDS = {
    "EUR": "d’euros",
    "USD": "de dollars américains",
    "GBP": "de livres sterling",
    "CHF": "de francs suisses",
    "JPY": "de yens",
}


def million_words(currency: str) -> str:
    """ "millions d’euros" for the table caption and the chart axis."""
    return f"millions {_CURRENCY_WORDS.get(currency, 'de ' + currency)}"


def trade(ctx: Context, block: TradeBlock, path: DataPath, used: set[str]) -> list[Block]:
    """The figures the section's prose did not state (worded from the same names the
    prose cites), then the table and the chart of the series."""
    fiche, units = ctx.fiche, ctx.units
    economy = fiche.economy
    names = ctx.names.for_path(path[:-1])
    rows = not_stated(_candidate_facts(names), used)
    result: list[Block] = facts_block(rows)
    source = typography(f"Source : {economy.source}") if economy.source else None
    table = trade_table(fiche, source)
    if table:
        result.append(table)
    chart = trade_chart(fiche, units, source)
    if chart:
        result.append(chart)
    if source and not table and not chart and rows:
        result.append(Note((Run(source),)))
    return result


def sectors(ctx: Context, block: SectorsBlock, path: DataPath, used: set[str]) -> list[Block]:
    """Where French firms are established (not what trade is made of: see products)."""
    return facts_block(
        [
            fact(
                "Principaux secteurs d'implantation des entreprises françaises",
                french.join(block.sectors),
            )
        ]
    )


def products(ctx: Context, block: ProductsBlock, path: DataPath, used: set[str]) -> list[Block]:
    """Products the prose does not cite: those without figures as what trade is made of
    ("Produits exportés par la France : …"), those with figures as a fact line."""
    economy = ctx.fiche.economy
    units = ctx.units
    described: dict[str, list[str]] = {}
    for index, product in enumerate(block.products):
        if not product.values and not ctx.silenced((*path, "produits", index), used):
            described.setdefault(product.flow, []).append(product.label)
    first_of_flow = {flow: labels[0] for flow, labels in described.items()}

    def produce(product) -> Fact | None:  # noqa: ANN001
        if not product.values:
            if first_of_flow.get(product.flow) != product.label:
                return None
            label = (
                "Produits exportés par la France"
                if product.flow == "exportations"
                else "Produits importés par la France"
            )
            return fact(label, french.join(described[product.flow]))
        year = max(product.values)
        value = french.amount(product.values[year], economy.currency, units)
        rate = change(product.values[year], product.values.get(year - 1))
        if rate is not None:
            value += f" ({french.growth(rate)})"
        flow = (
            "Exportations françaises"
            if product.flow == "exportations"
            else "Importations françaises"
        )
        return fact(f"{flow} {french.of(product.label)} ({year})", value)

    return record_blocks(ctx, path, "produits", block.products, used, produce)


def economy_names(economy: EconomicRelations, units: Units) -> dict[str, Value]:
    """Worded economic figures: latest year, previous year, changes, shares, ranks; the
    undated entry's figures (valid at the update date); products."""
    names: dict[str, Value] = {}
    latest, previous = economy.latest, economy.previous
    cur = economy.currency
    names["devise"] = units.currency_label(cur)
    if economy.source:
        names["source"] = economy.source
    if latest is not None:
        names["annee"] = str(latest.year)
    if previous:
        names["annee_precedente"] = str(previous.year)
    series = {
        "exportations": lambda t: t.exports,
        "importations": lambda t: t.imports,
        "solde": lambda t: t.balance,
        "echanges": lambda t: t.total,
        "stock_investissements": lambda t: t.fdi_stock,
    }
    for name, get in series.items():
        names.update(
            _series(
                name,
                get,
                economy,
                lambda v: french.amount(v, cur, units),
                with_change=name != "solde",
            )
        )
    names.update(
        _series("part_de_marche", lambda t: t.market_share, economy, lambda v: french.percent(v))
    )
    for name, get in (("entreprises_francaises", lambda t: t.firms), ("emplois", lambda t: t.jobs)):
        names.update(_series(name, get, economy, lambda v: french.number(v), with_change=True))
    for name, get in RANKS:
        names.update(_series(name, get, economy, lambda v: french.ordinal(v)))
        names.update(
            {
                f"{key}.lettres": french.ordinal_words(int(value))
                for key, value in _raw_series(name, get, economy).items()
            }
        )
    names.update(_product_names(economy, units, latest.year if latest else None))
    return names


RANKS: tuple[tuple[str, Callable[[TradeYear], float | None]], ...] = (
    ("rang_fournisseur", lambda t: t.supplier_rank),
    ("rang_fournisseur_europeen", lambda t: t.eu_supplier_rank),
    ("rang_investisseur", lambda t: t.investor_rank),
    ("rang_investisseur_europeen", lambda t: t.eu_investor_rank),
)


def _raw_series(
    name: str, get: Callable[[TradeYear], float | None], economy: EconomicRelations
) -> dict[str, float]:
    """The values of a figure by reference name, not worded: {name.year}, {name},
    {name.precedent}; the undated entry gives {name} when no year does."""
    raw: dict[str, float] = {}
    for year, entry in economy.by_year.items():
        value = get(entry)
        if value is not None:
            raw[f"{name}.{year}"] = value
    latest, previous = economy.latest, economy.previous
    new = get(latest) if latest else None
    if new is None and economy.current is not None:
        new = get(economy.current)
    if new is not None:
        raw[name] = new
    old = get(previous) if previous else None
    if old is not None:
        raw[f"{name}.precedent"] = old
    return raw


def _series(
    name: str,
    get: Callable[[TradeYear], float | None],
    economy: EconomicRelations,
    word: Callable[[float], str],
    with_change: bool = False,
) -> dict[str, Value]:
    raw = _raw_series(name, get, economy)
    names: dict[str, Value] = {key: word(value) for key, value in raw.items()}
    rate = change(raw.get(name), raw.get(f"{name}.precedent")) if with_change else None
    if rate is not None:
        names[f"{name}.evolution"] = french.growth(rate)
        names[f"{name}.evolution_sans_signe"] = french.growth(abs(rate)).lstrip("+")
    return names


def _product_names(economy: EconomicRelations, units: Units, year: int | None) -> dict[str, Value]:
    names: dict[str, Value] = {}
    for product in economy.products:
        base = f"produits.{product.key}"
        names[f"{base}.libelle"] = product.label
        for y, value in product.values.items():
            names[f"{base}.{y}"] = french.amount(value, economy.currency, units)
        if year is None or year not in product.values:
            continue
        value = product.values[year]
        names[base] = french.amount(value, economy.currency, units)
        old = product.values.get(year - 1)
        if old is not None:
            names[f"{base}.precedent"] = french.amount(old, economy.currency, units)
        rate = change(value, old)
        if rate is not None:
            names[f"{base}.evolution"] = french.growth(rate)
            names[f"{base}.evolution_sans_signe"] = french.growth(abs(rate)).lstrip("+")
        total = economy.flow_value(product.flow, year)
        if total:
            names[f"{base}.part"] = french.percent(value / total * 100)
    return names


# Fact lines for figures the prose did not state: (reference name, label, show the change).
_FACTS = (
    ("exportations", "Exportations françaises", True),
    ("importations", "Importations françaises", True),
    ("solde", "Solde commercial", False),
    ("part_de_marche", "Part de marché de la France", False),
    ("rang_fournisseur", "Rang de la France parmi les fournisseurs", False),
    ("rang_fournisseur_europeen", "Rang parmi les fournisseurs européens", False),
    ("rang_investisseur", "Rang de la France parmi les investisseurs", False),
    ("rang_investisseur_europeen", "Rang parmi les investisseurs européens", False),
    ("stock_investissements", "Stock d'investissements français", False),
    ("entreprises_francaises", "Entreprises françaises implantées", False),
    ("emplois", "Emplois", False),
)


def _candidate_facts(names: dict[str, Value]) -> list[tuple[str, Fact]]:
    """ "Exportations françaises (2020) : 594 M EUR (+40,1 %)", worded from the same
    names the prose refers to, so a fact line and a sentence never disagree."""
    facts = []
    for name, label, with_change in _FACTS:
        if name not in names:
            continue
        value = names[name]
        if with_change and f"{name}.evolution" in names:
            value += f" ({names[f'{name}.evolution']})"
        elif f"{name}.precedent" in names:
            value += f" (contre {names[f'{name}.precedent']} en {names['annee_precedente']})"
        if f"{name}.{names.get('annee')}" in names:
            label = f"{label} ({names['annee']})"
        facts.append((name, Fact(typography(label), (Run(typography(value)),))))
    return facts


def _decimals(values: list[float | None]) -> int:
    return 1 if any(v is not None and round(v, 1) % 1 for v in values) else 0


def trade_table(fiche: Any, source: str | None) -> Table | None:
    """Trade by year: exports, imports, their changes, balance, market share."""
    economy = fiche.economy
    years = [t for t in economy.by_year.values() if t.exports is not None or t.imports is not None]
    if not years:
        return None
    show_change = len(years) > 1
    show_share = any(t.market_share is not None for t in years)
    # Each change column names its flow: two bare "Évolution" would leave the reader to
    # guess which one follows which.
    header = (
        ["Année", "Exportations"]
        + (["Évolution des exportations"] if show_change else [])
        + ["Importations"]
        + (["Évolution des importations"] if show_change else [])
        + ["Solde"]
        + (["Part de marché"] if show_share else [])
    )
    decimals = _decimals([v for t in years for v in (t.exports, t.imports)])
    by_year = economy.by_year

    def cell(value: float | None) -> str:
        return "—" if value is None else french.number(value, decimals)

    def rate(get: Callable[[TradeYear], float | None], entry: TradeYear) -> str:
        before = by_year.get(entry.year - 1)
        growth = change(get(entry), get(before)) if before else None
        return "—" if growth is None else french.growth(growth)

    rows = []
    for entry in years:
        row = [str(entry.year), cell(entry.exports)]
        if show_change:
            row.append(rate(lambda t: t.exports, entry))
        row.append(cell(entry.imports))
        if show_change:
            row.append(rate(lambda t: t.imports, entry))
        row.append(cell(entry.balance))
        if show_share:
            share = entry.market_share
            row.append("—" if share is None else french.percent(share))
        rows.append(tuple(row))
    caption = typography(
        f"Échanges commerciaux entre la France et {fiche.country.the_form} "
        f"(en {million_words(economy.currency)})"
    )
    return Table(
        tuple(header),
        tuple(rows),
        caption=caption,
        source=source,
        widths=tuple(0.8 if h == "Année" else 1.0 for h in header),
        numeric=tuple(h != "Année" for h in header),
    )


def trade_chart(fiche: Any, units: Units, source: str | None) -> Chart | None:
    """Exports and imports as bars, the balance as a line, by year."""
    economy = fiche.economy
    years = [t for t in economy.by_year.values() if t.exports is not None and t.imports is not None]
    if not years:
        return None
    exports = tuple(t.exports for t in years)
    imports = tuple(t.imports for t in years)
    balance = tuple(t.balance for t in years)
    ticks = nice_ticks(
        min(0.0, *balance, *exports, *imports), max(0.0, *balance, *exports, *imports)
    )
    decimals = 0 if all(float(t).is_integer() for t in ticks) else 1
    country = fiche.country
    cur = economy.currency
    described = " ; ".join(
        f"{t.year} : exportations {french.amount(t.exports, cur, units)}, importations "
        f"{french.amount(t.imports, cur, units)}, solde {french.amount(t.balance, cur, units)}"
        for t in years
    )
    title = typography(f"Échanges commerciaux de la France avec {country.the_form}")
    return Chart(
        title=title,
        categories=tuple(str(t.year) for t in years),
        series=(
            Series("Exportations françaises", exports),
            Series("Importations françaises", imports),
            Series("Solde", balance, kind="line"),
        ),
        y_label=french.capitalize(million_words(cur)),
        x_label="Année",
        ticks=tuple(ticks),
        tick_labels=tuple(french.number(t, decimals) for t in ticks),
        alt=typography(
            f"Graphique en barres : exportations et importations françaises, et "
            f"solde commercial (courbe), par année. {described}."
        ),
        source=source,
    )


def nice_ticks(low: float, high: float, target: int = 6) -> list[float]:
    """Round axis ticks covering [low, high]: steps of 1, 2, 2.5 or 5 times a power of ten.

    One axis never mixes figures of different digit groups ("500" beside "1 000"): the
    step is at least the largest tick's last group (1 000 from 1 000 up, 1 from 1 up), so
    that labels align, and a Word chart can show them "1 000", "−3 000" whatever the
    locale of the program (an explicit number format, one pattern per sign).
    """
    if high <= low:
        high = low + 1
    raw = (high - low) / target
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    largest = max(abs(low), abs(high))
    if largest >= 1:
        group = 1000 ** ((len(str(int(largest))) - 1) // 3)
        step = max(step, group)
    start = math.floor(low / step) * step
    stop = math.ceil(high / step) * step
    count = round((stop - start) / step)
    return [round(start + i * step, 10) for i in range(count + 1)]
