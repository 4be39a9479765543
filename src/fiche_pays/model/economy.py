"""Economic relations and aid: trade by year, products, aid programmes; derived balances,
changes and totals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from .quantities import Money
from .types import (
    Amount,
    Count,
    Item,
    Key,
    Line,
    Percent,
    Rank,
    Record,
    Year,
    pattern,
)

Currency = Annotated[str, AfterValidator(lambda v: pattern(v, r"[A-Z]{3}", "EUR"))]


class TradeYear(Record):
    """One year of trade figures, in millions of the block's currency; without a year,
    figures valid at the update date (ranks a page does not date)."""

    year: Year | None = Field(
        None, alias="annee", description="Sans année : chiffres valables à la mise à jour"
    )
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
    eu_investor_rank: Rank | None = Field(None, alias="rang_investisseur_europeen")
    fdi_stock: Amount | None = Field(
        None,
        ge=0,
        alias="stock_investissements",
        description="Stock d'investissements français, en millions",
    )
    firms: Count | None = Field(None, alias="entreprises_francaises")
    jobs: Count | None = Field(None, alias="emplois")

    @model_validator(mode="after")
    def _dated_flows(self) -> TradeYear:
        if self.year is None and any(
            v is not None
            for v in (self.exports, self.imports, self.stated_balance, self.stated_total)
        ):
            raise ValueError("des exportations ou importations ont une année : ajoutez « annee »")
        return self

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
    """A product of French exports or imports: with yearly values, a share of the trade
    figures; without, what the trade is made of ("les échanges portent sur …")."""

    key: Key = Field(alias="cle")
    label: Line = Field(alias="libelle")
    flow: Flow = Field(alias="flux")
    values: dict[Year, Annotated[float, Field(ge=0, allow_inf_nan=False)]] = Field(
        default_factory=dict,
        alias="valeurs",
        description="Valeur par année, en millions : {2019: 2975} (facultatif)",
    )


@dataclass(frozen=True)
class EconomicRelations:
    """The fiche's economy, gathered from its blocks: the trade series (one "echanges"
    block), the products of every "produits" block, their currency and source."""

    currency: str = "EUR"
    source: str | None = None
    trade: list[TradeYear] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)

    @property
    def dated(self) -> list[TradeYear]:
        """The years of the series, in order."""
        return sorted((t for t in self.trade if t.year is not None), key=lambda t: t.year)

    @property
    def current(self) -> TradeYear | None:
        """The undated entry: figures valid at the update date."""
        return next((t for t in self.trade if t.year is None), None)

    @property
    def by_year(self) -> dict[int, TradeYear]:
        """Trade figures keyed by year, in year order."""
        return {t.year: t for t in self.dated}

    @property
    def latest(self) -> TradeYear | None:
        """The most recent year."""
        dated = self.dated
        return dated[-1] if dated else None

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


class AidPart(Record):
    """One part of an aid programme: what it funds and how much."""

    key: Key | None = Field(
        None, alias="cle", description="Pour citer le montant : {parts.gouvernance}"
    )
    purpose: Line = Field(alias="objet", description="« gouvernance », « accès à l'énergie »")
    amount: Money = Field(alias="montant", description="« 184 M EUR », « 80 500 EUR »")


class Aid(Item):
    """A development or aid programme, by donor or channel, with its amount and parts."""

    donor: Line = Field(
        alias="bailleur", description="« Union européenne », « AFD », « Fonds Pacifique »"
    )
    programme: Line | None = Field(None, alias="programme", description="« 11e FED », « FSP »")
    year: Year | None = Field(None, alias="annee")
    period: (
        Annotated[str, AfterValidator(lambda v: pattern(v, r"\d{4}-\d{4}", "2014-2020"))] | None
    ) = Field(None, alias="periode", description="« 2014-2020 »")
    amount: Money | None = Field(
        None, alias="montant", description="Montant total : « 372 M EUR » (facultatif)"
    )
    parts: list[AidPart] = Field(default_factory=list, alias="parts")
    breakdown: Literal["complète", "partielle"] | None = Field(
        None,
        alias="ventilation",
        description="Les parts font-elles tout le montant ? « complète » (par défaut) ou "
        "« partielle »",
    )
    purpose: Line | None = Field(None, alias="objet", description="Objet, s'il n'y a pas de parts")

    @model_validator(mode="after")
    def _consistent(self) -> Aid:
        if self.year is not None and self.period is not None:
            raise ValueError("écrivez « annee » ou « periode », pas les deux")
        if self.amount is None and not self.parts:
            raise ValueError("indiquez le montant (montant) ou ses parts (parts)")
        if self.breakdown is not None and (self.amount is None or not self.parts):
            raise ValueError(
                "« ventilation » dit si les parts font tout le montant : elle demande un "
                "montant et des parts"
            )
        return self

    @property
    def currency(self) -> str:
        """The currency of the amount (or of the parts)."""
        return (self.amount or self.parts[0].amount).currency

    @property
    def parts_total(self) -> Decimal:
        """The sum of the parts, in units."""
        return sum((p.amount.units for p in self.parts), Decimal(0))

    @property
    def total(self) -> Decimal:
        """The amount, or the sum of the parts when no amount is given, in units."""
        return self.amount.units if self.amount else self.parts_total
