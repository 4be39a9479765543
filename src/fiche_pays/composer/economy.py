"""The economic section: the desk officer's prose, derived figures, a table and a chart.

Every number comes from the trade series of the data file; balances, totals, changes
and shares are derived in the model and worded here once, so that the prose, the table
and the chart of both documents always agree.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from .. import french
from ..french import Units, typography
from ..model.economy import TradeYear
from ..model.relations import Fiche
from ..tree import Block, Chart, Fact, Facts, Note, Run, Runs, Series, Source, Table, plain
from . import references
from .context import Context
from .provenance import Piece, at, computed, typeset

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


def economy(ctx: Context) -> list[Block]:
    """The blocks of "Relations économiques", in reading order: the prose, the figures it
    did not state (worded from the same names the prose refers to), table and chart."""
    fiche, units = ctx.fiche, ctx.wording.units
    economy = fiche.economy
    if economy is None:
        return []
    path = ("relations_economiques",)
    text, used = ctx.prose(economy.text, path)
    rows = references.not_stated(_candidate_facts(ctx.names.worded_for_path(path)), used)
    if economy.sectors:
        rows.append(
            Fact(
                typography("Principaux secteurs d'implantation des entreprises françaises"),
                (
                    Run(
                        french.join(list(economy.sectors)),
                        source=at((*path, "secteurs"), "liste"),
                    ),
                ),
            )
        )
    result: list[Block] = [*text, *([Facts(tuple(rows))] if rows else [])]
    source_runs = (
        typeset([("Source : ", None), (economy.source, at((*path, "source")))])
        if economy.source
        else ()
    )
    source = plain(source_runs) or None
    table = trade_table(fiche, source)
    if table:
        result.append(replace(table, source_runs=source_runs))
    chart = trade_chart(fiche, ctx.names.for_path(path), units, source)
    if chart:
        result.append(chart)
    if source and not table and not chart and rows:
        result.append(Note(source_runs))
    return result


# Fact lines for figures the prose did not state: (reference name, label, show the change).
_FACTS = (
    ("exportations", "Exportations françaises", True),
    ("importations", "Importations françaises", True),
    ("solde", "Solde commercial", False),
    ("part_de_marche", "Part de marché de la France", False),
    ("rang_fournisseur", "Rang de la France parmi les fournisseurs", False),
    ("rang_fournisseur_europeen", "Rang parmi les fournisseurs européens", False),
    ("rang_investisseur", "Rang de la France parmi les investisseurs", False),
    ("stock_investissements", "Stock d'investissements français", False),
    ("entreprises_francaises", "Entreprises françaises implantées", False),
    ("emplois", "Emplois", False),
)


def _candidate_facts(worded: references.Worded) -> list[tuple[str, Fact]]:
    """ "Exportations françaises (2020) : 594 M EUR (+40,1 %)", worded from the same
    names the prose refers to, so a fact line and a sentence never disagree."""
    names, sources = worded.values, worded.sources

    def piece(name: str) -> Piece:
        return names[name], sources.get(name)

    facts = []
    for name, label, with_change in _FACTS:
        if name not in names:
            continue
        value = [piece(name)]
        if with_change and f"{name}.evolution" in names:
            value += [(" (", None), piece(f"{name}.evolution"), (")", None)]
        elif f"{name}.precedent" in names:
            value += [
                (" (contre ", None),
                piece(f"{name}.precedent"),
                (" en ", None),
                piece("annee_precedente"),
                (")", None),
            ]
        label = f"{label} ({names['annee']})"
        facts.append((name, Fact(typography(label), typeset(value))))
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

    def cell(value: float | None, source: Source) -> Runs:
        text = "—" if value is None else french.number(value, decimals)
        return (Run(text, source=source),)

    def rate(get: Callable[[TradeYear], float | None], entry: TradeYear, what: str) -> Runs:
        growth = economy.growth(get, entry.year)
        note = computed(
            f"l'évolution est calculée : modifiez les {what} de {entry.year} ou de {entry.year - 1}"
        )
        return (Run("—" if growth is None else french.growth(growth), source=note),)

    balance = computed("le solde est calculé : modifiez exportations ou importations")
    cells: list[tuple[Runs, ...]] = [tuple((Run(h),) for h in header)]
    for entry in years:
        index = next(i for i, t in enumerate(economy.trade) if t is entry)
        path = ("relations_economiques", "echanges", index)
        row = [(Run(str(entry.year), source=at((*path, "annee"), "annee")),)]
        row.append(cell(entry.exports, at((*path, "exportations"), "nombre")))
        if show_change:
            row.append(rate(lambda t: t.exports, entry, "exportations"))
        row.append(cell(entry.imports, at((*path, "importations"), "nombre")))
        if show_change:
            row.append(rate(lambda t: t.imports, entry, "importations"))
        row.append(cell(entry.balance, balance))
        if show_share:
            share = entry.market_share
            text = "—" if share is None else french.percent(share)
            row.append((Run(text, source=at((*path, "part_de_marche"), "pourcentage")),))
        cells.append(tuple(row))
    rows = [tuple(plain(c) for c in row) for row in cells[1:]]
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
        cell_runs=tuple(cells),
    )


def trade_chart(
    fiche: Fiche, names: dict[str, str], units: Units, source: str | None
) -> Chart | None:
    """Exports and imports as bars, the balance as a line, by year; its description is
    worded from the same ``names`` as the prose and the fact lines."""
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
        f"{t.year} : exportations {names[f'exportations.{t.year}']}, importations "
        f"{names[f'importations.{t.year}']}, solde {names[f'solde.{t.year}']}"
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
