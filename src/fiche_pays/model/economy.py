"""Relations économiques: trade by year, products, sectors; derived balances and changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from .types import (
    Amount,
    Count,
    Key,
    Line,
    Percent,
    Prose,
    Rank,
    Record,
    Year,
    pattern,
)


class TradeYear(Record):
    """One year of trade figures, in millions of the section's currency."""

    year: Year = Field(alias="annee")
    exports: Amount | None = Field(
        None, ge=0, alias="exportations", description="Exportations françaises, en millions"
    )
    imports: Amount | None = Field(
        None, ge=0, alias="importations", description="Importations françaises, en millions"
    )
    stated_balance: Amount | None = Field(
        None, alias="solde", description="Facultatif : vérifié contre exportations - importations"
    )
    stated_total: Amount | None = Field(
        None, alias="total", description="Facultatif : vérifié contre exportations + importations"
    )
    market_share: Percent | None = Field(None, alias="part_de_marche", description="En %, ex. 2.2")
    supplier_rank: Rank | None = Field(None, alias="rang_fournisseur")
    eu_supplier_rank: Rank | None = Field(None, alias="rang_fournisseur_europeen")
    investor_rank: Rank | None = Field(None, alias="rang_investisseur")
    fdi_stock: Amount | None = Field(
        None,
        ge=0,
        alias="stock_investissements",
        description="Stock d'investissements français, en millions",
    )
    firms: Count | None = Field(None, alias="entreprises_francaises")
    jobs: Count | None = Field(None, alias="emplois")

    @property
    def balance(self) -> float | None:
        """Exports minus imports, when both are known."""
        if self.exports is None or self.imports is None:
            return None
        return self.exports - self.imports

    @property
    def total(self) -> float | None:
        """Exports plus imports, when both are known."""
        if self.exports is None or self.imports is None:
            return None
        return self.exports + self.imports


Flow = Literal["exportations", "importations"]


class Product(Record):
    """A product line of exports or imports, by year."""

    key: Key = Field(alias="cle")
    label: Line = Field(alias="libelle")
    flow: Flow = Field(alias="flux")
    values: dict[Year, Annotated[float, Field(ge=0, allow_inf_nan=False)]] = Field(
        alias="valeurs", description="Valeur par année, en millions : {2019: 2975}"
    )


class EconomicRelations(Record):
    """Relations économiques."""

    currency: Annotated[str, AfterValidator(lambda v: pattern(v, r"[A-Z]{3}", "EUR"))] = Field(
        "EUR", alias="devise"
    )
    source: Line | None = Field(None, alias="source")
    trade: list[TradeYear] = Field(default_factory=list, alias="echanges")
    products: list[Product] = Field(default_factory=list, alias="produits")
    sectors: list[Line] = Field(default_factory=list, alias="secteurs")
    text: Prose | None = Field(None, alias="texte")

    @property
    def by_year(self) -> dict[int, TradeYear]:
        """Trade figures keyed by year, in year order."""
        return {t.year: t for t in sorted(self.trade, key=lambda t: t.year)}

    @property
    def latest(self) -> TradeYear | None:
        """The most recent year."""
        return max(self.trade, key=lambda t: t.year, default=None)

    @property
    def previous(self) -> TradeYear | None:
        """The year before the most recent one, if given."""
        latest = self.latest
        return self.by_year.get(latest.year - 1) if latest else None

    def growth(self, get: Callable[[TradeYear], float | None], year: int) -> float | None:
        """Change in percent of a figure of ``year`` over the year before, if both known."""
        entry, before = self.by_year.get(year), self.by_year.get(year - 1)
        if entry is None or before is None:
            return None
        return change(get(entry), get(before))

    def flow_value(self, flow: Flow, year: int) -> float | None:
        """Exports or imports of a year."""
        entry = self.by_year.get(year)
        if entry is None:
            return None
        return entry.exports if flow == "exportations" else entry.imports


def change(new: float | None, old: float | None) -> float | None:
    """Year-on-year change in percent, or None when it cannot be computed."""
    if new is None or old is None or old == 0:
        return None
    return (new / old - 1) * 100
