"""The economic section: the desk officer's prose, derived figures, a table and a chart.

Every number comes from the trade series of the data file; balances, totals, changes
and shares are derived in the model and worded here once, so that the prose, the table
and the chart of both documents always agree.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from . import french
from .french import Units, typography
from .model import EconomicRelations, Fiche, TradeYear, change
from .tree import Block, Chart, Fact, Facts, Note, Run, Series, Table

Prose = Callable[[str | None, tuple], tuple[list[Block], set[str]]]

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


def blocks(fiche: Fiche, units: Units, prose: Prose) -> list[Block]:
    """The blocks of "Relations économiques", in reading order."""
    economy = fiche.economy
    if economy is None:
        return []
    text, used = prose(economy.text, ("relations_economiques",))
    rows = [
        f
        for name, f in _candidate_facts(economy, units)
        if not any(u == name or u.startswith(name + ".") for u in used)
    ]
    if economy.sectors:
        rows.append(
            Fact(
                typography("Principaux secteurs d'implantation des entreprises françaises"),
                (Run(french.join(list(economy.sectors))),),
            )
        )
    result: list[Block] = [*text, *([Facts(tuple(rows))] if rows else [])]
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


def _candidate_facts(economy: EconomicRelations, units: Units) -> list[tuple[str, Fact]]:
    latest, previous = economy.latest, economy.previous
    if latest is None:
        return []
    cur = economy.currency
    year = latest.year

    def money(value: float) -> str:
        return french.amount(value, cur, units)

    def compared(
        get: Callable[[TradeYear], float | None], word: Callable[[float], str], rate: bool
    ) -> str | None:
        new = get(latest)
        if new is None:
            return None
        old = get(previous) if previous else None
        text = word(new)
        growth = change(new, old) if rate else None
        if growth is not None:
            text += f" ({french.growth(growth)})"
        elif old is not None:
            text += f" (contre {word(old)} en {previous.year})"
        return text

    specs = [
        ("exportations", "Exportations françaises", lambda t: t.exports, money, True),
        ("importations", "Importations françaises", lambda t: t.imports, money, True),
        ("solde", "Solde commercial", lambda t: t.balance, money, False),
        (
            "part_de_marche",
            "Part de marché de la France",
            lambda t: t.market_share,
            french.percent,
            False,
        ),
        (
            "rang_fournisseur",
            "Rang de la France parmi les fournisseurs",
            lambda t: t.supplier_rank,
            french.ordinal,
            False,
        ),
        (
            "rang_fournisseur_europeen",
            "Rang parmi les fournisseurs européens",
            lambda t: t.eu_supplier_rank,
            french.ordinal,
            False,
        ),
        (
            "rang_investisseur",
            "Rang de la France parmi les investisseurs",
            lambda t: t.investor_rank,
            french.ordinal,
            False,
        ),
        (
            "stock_investissements",
            "Stock d'investissements français",
            lambda t: t.fdi_stock,
            money,
            False,
        ),
        (
            "entreprises_francaises",
            "Entreprises françaises implantées",
            lambda t: t.firms,
            french.number,
            False,
        ),
        ("emplois", "Emplois", lambda t: t.jobs, french.number, False),
    ]
    facts = []
    for name, label, get, word, rate in specs:
        value = compared(get, word, rate)
        if value is not None:
            facts.append((name, Fact(typography(f"{label} ({year})"), (Run(typography(value)),))))
    return facts


def _decimals(values: list[float | None]) -> int:
    return 1 if any(v is not None and round(v, 1) % 1 for v in values) else 0


def trade_table(fiche: Fiche, source: str | None) -> Table | None:
    """Trade by year: exports, imports, their changes, balance, market share."""
    economy = fiche.economy
    years = [t for t in economy.by_year.values() if t.exports is not None or t.imports is not None]
    if not years:
        return None
    show_change = len(years) > 1
    show_share = any(t.market_share is not None for t in years)
    header = (
        ["Année", "Exportations"]
        + (["Évolution"] if show_change else [])
        + ["Importations"]
        + (["Évolution"] if show_change else [])
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


def trade_chart(fiche: Fiche, units: Units, source: str | None) -> Chart | None:
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
    """Round axis ticks covering [low, high]: steps of 1, 2, 2.5 or 5 times a power of ten."""
    if high <= low:
        high = low + 1
    raw = (high - low) / target
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    stop = math.ceil(high / step) * step
    count = round((stop - start) / step)
    return [round(start + i * step, 10) for i in range(count + 1)]
