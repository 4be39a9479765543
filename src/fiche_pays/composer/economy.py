"""Economic relations: trade figures, products, sectors.

Every number comes from the trade series of the data file; balances, totals, changes
and shares are derived in the model and worded here once (:func:`economy_names`, each
with its source), so that the prose, the fact lines, the table and the chart of both
documents always agree.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .. import french
from ..french import Units, typography
from ..model.blocks import ProductsBlock, SectorsBlock, TradeBlock
from ..model.economy import EconomicRelations, Product, TradeYear, change
from ..model.types import DataPath
from ..tree import Block, Chart, Fact, Note, Run, Runs, Series, Source, Table, plain
from .nodes import facts_block, joined, sourced_fact
from .provenance import Piece, at, computed, typeset
from .records import record_blocks
from .references import Value, Worded, not_stated

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
    worded = ctx.names.worded_for_path(path[:-1])
    rows = not_stated(_candidate_facts(worded), used)
    result: list[Block] = facts_block(rows)
    source_runs = (
        typeset([("Source : ", None), (economy.source, at((*path, "source")))])
        if economy.source
        else ()
    )
    source = plain(source_runs) or None
    table = trade_table(fiche, (*path, "echanges"), source)
    if table:
        result.append(replace(table, source_runs=source_runs))
    chart = trade_chart(fiche, worded.values, units, source)
    if chart:
        result.append(chart)
    if source and not table and not chart and rows:
        result.append(Note(source_runs))
    return result


def sectors(ctx: Context, block: SectorsBlock, path: DataPath, used: set[str]) -> list[Block]:
    """Where French firms are established (not what trade is made of: see products)."""
    items = [[(s, at((*path, "secteurs", i)))] for i, s in enumerate(block.sectors)]
    label = "Principaux secteurs d'implantation des entreprises françaises"
    return facts_block([sourced_fact(label, joined(items))])


def products(ctx: Context, block: ProductsBlock, path: DataPath, used: set[str]) -> list[Block]:
    """Products the prose does not cite: those without figures as what trade is made of
    ("Produits exportés par la France : …"), those with figures as a fact line."""
    economy, units = ctx.fiche.economy, ctx.units
    described: dict[str, list[int]] = {}
    for index, product in enumerate(block.products):
        if not product.values and not ctx.silenced((*path, "produits", index), used):
            described.setdefault(product.flow, []).append(index)

    def produce(product: Product, record_path: DataPath) -> Fact | None:
        if not product.values:
            indexes = described.get(product.flow, [])
            if not indexes or indexes[0] != record_path[-1]:
                return None
            label = (
                "Produits exportés par la France"
                if product.flow == "exportations"
                else "Produits importés par la France"
            )
            items = [
                [(block.products[i].label, at((*path, "produits", i, "libelle")))] for i in indexes
            ]
            return sourced_fact(label, joined(items))
        year = max(product.values)
        form = ("montant", units.million, units.billion)
        value: list[Piece] = [
            (
                french.amount(product.values[year], economy.currency, units),
                at((*record_path, "valeurs", year), *form),
            )
        ]
        rate = change(product.values[year], product.values.get(year - 1))
        if rate is not None:
            note = computed(
                f"l'évolution est calculée : modifiez les valeurs de {year} ou de {year - 1}",
                (*record_path, "valeurs"),
            )
            value += [(" (", None), (french.growth(rate), note), (")", None)]
        flow = (
            "Exportations françaises"
            if product.flow == "exportations"
            else "Importations françaises"
        )
        label: list[Piece] = [
            (f"{flow} ", None),
            (french.of(product.label), computed("modifiez « libelle »", (*record_path, "libelle"))),
            (f" ({year})", None),
        ]
        return sourced_fact(label, value)

    return record_blocks(ctx, path, "produits", block.products, used, produce)


_COMPUTED = {
    "solde": "le solde est calculé : modifiez exportations ou importations",
    "echanges": "le total des échanges est calculé : modifiez exportations ou importations",
}
RANKS: tuple[tuple[str, Callable[[TradeYear], float | None]], ...] = (
    ("rang_fournisseur", lambda t: t.supplier_rank),
    ("rang_fournisseur_europeen", lambda t: t.eu_supplier_rank),
    ("rang_investisseur", lambda t: t.investor_rank),
    ("rang_investisseur_europeen", lambda t: t.eu_investor_rank),
)


def economy_names(
    economy: EconomicRelations,
    units: Units,
    trade_path: DataPath | None,
    product_paths: dict[str, DataPath],
) -> Worded:
    """Worded economic figures, each with its source: latest year, previous year,
    changes, shares, ranks; the undated entry's figures (valid at the update date);
    products. ``trade_path`` is the list of years in the file, ``product_paths`` each
    product's place."""
    names = Worded()
    latest, previous = economy.latest, economy.previous
    cur = economy.currency
    latest_note = (
        "l'année est celle des derniers chiffres d'échanges : modifiez les années de « echanges »"
    )
    block = trade_path[:-1] if trade_path else ()
    names.add(
        "devise",
        units.currency_label(cur),
        computed("la devise de tous les montants se modifie dans « devise » (code ISO : EUR)"),
    )
    if economy.source:
        names.add("source", economy.source, at((*block, "source")))
    if latest is not None:
        names.add("annee", str(latest.year), computed(latest_note))
    if previous:
        names.add("annee_precedente", str(previous.year), computed(latest_note))
    amount = ("montant", units.million, units.billion)
    series = {
        "exportations": (lambda t: t.exports, "exportations", amount),
        "importations": (lambda t: t.imports, "importations", amount),
        "solde": (lambda t: t.balance, None, amount),
        "echanges": (lambda t: t.total, None, amount),
        "stock_investissements": (lambda t: t.fdi_stock, "stock_investissements", amount),
    }
    context = (economy, trade_path or ())
    for name, (get, key, form) in series.items():
        _series(
            names,
            name,
            get,
            key,
            form,
            context,
            lambda v: french.amount(v, cur, units),
            name != "solde",
        )
    _series(
        names,
        "part_de_marche",
        lambda t: t.market_share,
        "part_de_marche",
        ("pourcentage",),
        context,
        lambda v: french.percent(v),
    )
    for name, get in (("entreprises_francaises", lambda t: t.firms), ("emplois", lambda t: t.jobs)):
        _series(names, name, get, name, ("nombre",), context, lambda v: french.number(v), True)
    for name, get in RANKS:
        raw = _series(names, name, get, name, ("rang",), context, lambda v: french.ordinal(v))
        for key, rank in raw.items():  # "le septième investisseur"
            names.add(f"{key}.lettres", french.ordinal_words(int(rank)), names.sources[key])
    names.update(_product_names(economy, units, latest.year if latest else None, product_paths))
    return names


def _series(
    names: Worded,
    name: str,
    get: Callable[[TradeYear], float | None],
    key: str | None,
    form: tuple[str, ...],
    context: tuple[EconomicRelations, DataPath],
    word: Callable[[float], str],
    with_change: bool = False,
) -> dict[str, float]:
    """``{name}``, ``{name.precedent}``, ``{name.2019}``, ``{name.evolution}``: worded from
    the field ``key`` of the trade years (``None``: computed, see ``_COMPUTED``); the
    undated entry gives ``{name}`` when no year does. Returns the raw values by name."""
    economy, trade_path = context

    def source(entry: TradeYear) -> Source:
        if key is None:
            return computed(_COMPUTED[name])
        index = next(i for i, t in enumerate(economy.trade) if t is entry)
        return at((*trade_path, index, key), *form)

    raw: dict[str, tuple[float, TradeYear]] = {}
    for year, entry in economy.by_year.items():
        value = get(entry)
        if value is not None:
            raw[f"{name}.{year}"] = (value, entry)
    latest, previous = economy.latest, economy.previous
    for entry in (latest, economy.current):
        value = get(entry) if entry is not None else None
        if value is not None:
            raw[name] = (value, entry)
            break
    old = get(previous) if previous else None
    if old is not None:
        raw[f"{name}.precedent"] = (old, previous)
    for reference, (value, entry) in raw.items():
        names.add(reference, word(value), source(entry))
    rate = economy.growth(get, latest.year) if with_change and latest else None
    if rate is not None:
        note = computed(
            f"l'évolution est calculée : modifiez {key or name} de {latest.year} ou de "
            f"{latest.year - 1}"
        )
        names.add(f"{name}.evolution", french.growth(rate), note)
        names.add(f"{name}.evolution_sans_signe", french.growth(abs(rate)).lstrip("+"), note)
    return {reference: value for reference, (value, _) in raw.items()}


def _product_names(
    economy: EconomicRelations, units: Units, year: int | None, paths: dict[str, DataPath]
) -> Worded:
    names = Worded()
    form = ("montant", units.million, units.billion)
    for product in economy.products:
        base = f"produits.{product.key}"
        path = paths.get(product.key, ())
        names.add(f"{base}.libelle", product.label, at((*path, "libelle")))
        for y, value in product.values.items():
            amount = french.amount(value, economy.currency, units)
            names.add(f"{base}.{y}", amount, at((*path, "valeurs", y), *form))
        if year is None or year not in product.values:
            continue
        value = product.values[year]
        names.add(
            base,
            french.amount(value, economy.currency, units),
            at((*path, "valeurs", year), *form),
        )
        old = product.values.get(year - 1)
        if old is not None:
            names.add(
                f"{base}.precedent",
                french.amount(old, economy.currency, units),
                at((*path, "valeurs", year - 1), *form),
            )
        rate = change(value, old)
        if rate is not None:
            note = computed(
                f"l'évolution est calculée : modifiez les valeurs de {year} ou de {year - 1} "
                f"du produit « {product.label} »"
            )
            names.add(f"{base}.evolution", french.growth(rate), note)
            names.add(f"{base}.evolution_sans_signe", french.growth(abs(rate)).lstrip("+"), note)
        total = economy.flow_value(product.flow, year)
        if total:
            names.add(
                f"{base}.part",
                french.percent(value / total * 100),
                computed(
                    f"la part est calculée : modifiez la valeur {year} du produit « "
                    f"{product.label} » ou les {product.flow} de {year}"
                ),
            )
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


def _candidate_facts(worded: Worded) -> list[tuple[str, Fact]]:
    """ "Exportations françaises (2020) : 594 M EUR (+40,1 %)", worded from the same
    names the prose refers to, so a fact line and a sentence never disagree; a figure of
    the undated entry has no year."""
    names, sources = worded.values, worded.sources

    def piece(name: str) -> Piece:
        return str(names[name]), sources.get(name)

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
        if f"{name}.{names.get('annee')}" in names:
            label = f"{label} ({names['annee']})"
        facts.append((name, Fact(typography(label), typeset(value))))
    return facts


def _decimals(values: list[float | None]) -> int:
    return 1 if any(v is not None and round(v, 1) % 1 for v in values) else 0


def trade_table(fiche: Any, trade_path: DataPath, source: str | None) -> Table | None:
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
        path = (*trade_path, index)
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
    fiche: Any, names: Mapping[str, Value], units: Units, source: str | None
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
