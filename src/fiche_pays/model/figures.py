"""Figures of a "Présentation du pays" fiche: value, unit, date, source.

Every figure of a presentation page is one of these types: it carries its value, its
scale (habitants or millions, M or Md), its date and its source. A figure the page gives
without a date is allowed and reported as undated by the freshness report.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from .. import french
from ..partialdate import PartialDate
from .presence import Approximation
from .types import Line, Rank, Record, pattern

CurrencyCode = Annotated[str, AfterValidator(lambda v: pattern(v, r"[A-Z]{3}", "USD"))]
Decimals = Annotated[int, Field(ge=0, le=3)]
Number = Annotated[float, Field(allow_inf_nan=False)]


def typed_decimals(value: float) -> int:
    """How many decimals a number was typed with: 6 -> 0, 1.37 -> 2, 0.40 -> 1."""
    text = repr(float(value))
    if "e" in text:  # 1e-05 and the like: no desk officer types these
        return 3
    return min(len(text.split(".")[1].rstrip("0")), 3)


# --- dated and sourced figures -----------------------------------------------------------


class Dated(Record):
    """What every figure and list of figures carries: its date and its source."""

    date: PartialDate | None = Field(
        None,
        alias="date",
        description="Année du chiffre (AAAA), ou mois/jour s'il est connu (AAAA-MM, AAAA-MM-JJ)",
    )
    source: Line | None = Field(
        None, alias="source", description="FMI, Banque mondiale, PNUD, OMC, ITC, DG Trésor…"
    )


class Earlier(Record):
    """An earlier value of a figure: "(7 500 USD en 2016)"."""

    value: Number = Field(alias="valeur")
    date: PartialDate = Field(alias="date")
    source: Line | None = Field(None, alias="source")


class Figure(Dated):
    """The common part of a single figure; subclasses add ``valeur`` and its unit."""

    approximation: Approximation | None = Field(None, alias="approximation")
    decimals: Decimals | None = Field(
        None,
        alias="decimales",
        description="Décimales affichées (par défaut : celles de la valeur saisie)",
    )
    note: Line | None = Field(
        None, alias="remarque", description="Précision affichée entre parenthèses après le chiffre"
    )
    earlier: list[Earlier] = Field(
        default_factory=list, alias="precedents", description="Valeurs d'années antérieures"
    )


PopulationUnit = Literal["habitants", "milliers", "millions"]
_SCALE = {"habitants": 1, "milliers": 1_000, "millions": 1_000_000}


class Population(Figure):
    """A number of inhabitants, typed in inhabitants, thousands or millions."""

    value: Annotated[float, Field(gt=0, allow_inf_nan=False)] = Field(alias="valeur")
    unit: PopulationUnit = Field(
        "habitants", alias="unite", description="habitants (par défaut), milliers ou millions"
    )

    @model_validator(mode="after")
    def _whole_people(self) -> Population:
        if self.unit == "habitants" and self.value != int(self.value):
            raise ValueError(
                f"{french.decimal(self.value)} habitants : un nombre d'habitants est entier ; "
                "si la valeur est en millions, ajoutez « unite: millions »"
            )
        return self

    @property
    def persons(self) -> float:
        """The population in inhabitants."""
        return self.value * _SCALE[self.unit]

    def persons_bounds(self) -> tuple[float, float]:
        """The smallest and largest population the typed value may stand for."""
        half = 0.5 * 10 ** -typed_decimals(self.value) if self.unit != "habitants" else 0.5
        scale = _SCALE[self.unit]
        return (self.value - half) * scale, (self.value + half) * scale


class Islands(Record):
    """How many islands a territory spreads over: "répartis sur plus de 170 îles"."""

    count: Annotated[int, Field(ge=2)] = Field(alias="nombre")
    approximation: Approximation | None = Field(None, alias="approximation")


class Area(Figure):
    """An area in km²."""

    value: Annotated[float, Field(gt=0, allow_inf_nan=False)] = Field(
        alias="valeur", description="En km²"
    )
    islands: Islands | None = Field(None, alias="iles")


class Share(Figure):
    """A percentage between 0 and 100 (urban share, literacy, unemployment)."""

    value: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] = Field(
        alias="valeur", description="En %, ex. 59"
    )


class Rate(Figure):
    """A yearly rate of change in % that may be negative (growth)."""

    value: Annotated[float, Field(ge=-100, le=1000, allow_inf_nan=False)] = Field(
        alias="valeur", description="En %, ex. 5.6 ou -2.1"
    )


class Inflation(Figure):
    """Inflation in %; hyperinflation runs into the thousands."""

    value: Annotated[float, Field(ge=-100, le=1_000_000, allow_inf_nan=False)] = Field(
        alias="valeur", description="En %, ex. 7.1"
    )


class Density(Figure):
    """A density typed by the desk officer: only checked against population / area."""

    value: Annotated[float, Field(gt=0, allow_inf_nan=False)] = Field(
        alias="valeur", description="En habitants par km² ; calculée si absente"
    )


class LifeExpectancy(Figure):
    """Life expectancy at birth in years, with women's and men's if known."""

    value: Annotated[float, Field(ge=15, le=100, allow_inf_nan=False)] = Field(
        alias="valeur", description="En années"
    )
    women: Annotated[float, Field(ge=15, le=100, allow_inf_nan=False)] | None = Field(
        None, alias="femmes"
    )
    men: Annotated[float, Field(ge=15, le=100, allow_inf_nan=False)] | None = Field(
        None, alias="hommes"
    )


AmountUnit = Literal["M", "Md"]
_AMOUNT_SCALE = {"M": 1e6, "Md": 1e9}


class Money(Figure):
    """An amount in millions or billions of a currency (GDP, trade)."""

    value: Number = Field(alias="valeur")
    unit: AmountUnit = Field(alias="unite", description="M (millions) ou Md (milliards)")
    currency: CurrencyCode = Field(alias="devise", description="Code ISO 4217 : USD, EUR…")

    @property
    def units(self) -> float:
        """The amount in currency units."""
        return self.value * _AMOUNT_SCALE[self.unit]

    def units_bounds(self) -> tuple[float, float]:
        """The smallest and largest amount the typed value may stand for."""
        half = 0.5 * 10 ** -typed_decimals(self.value)
        scale = _AMOUNT_SCALE[self.unit]
        return (self.value - half) * scale, (self.value + half) * scale


class PositiveMoney(Money):
    """An amount that cannot be negative (GDP, exports)."""

    value: Annotated[float, Field(ge=0, allow_inf_nan=False)] = Field(alias="valeur")


class PerCapita(Figure):
    """An amount per inhabitant, in currency units (GDP per capita)."""

    value: Annotated[float, Field(gt=0, allow_inf_nan=False)] = Field(alias="valeur")
    currency: CurrencyCode = Field(alias="devise")


BalanceUnit = Literal["% du PIB", "M", "Md"]


class Balance(Figure):
    """A balance, signed: in % of GDP, or an amount in M or Md of a currency."""

    value: Annotated[float, Field(allow_inf_nan=False)] = Field(alias="valeur")
    unit: BalanceUnit = Field("% du PIB", alias="unite", description="« % du PIB », M ou Md")
    currency: CurrencyCode | None = Field(None, alias="devise")

    @model_validator(mode="after")
    def _currency_with_amounts(self) -> Balance:
        if self.unit == "% du PIB":
            if self.currency is not None:
                raise ValueError("une devise n'a pas de sens pour un solde en % du PIB")
            if not -100 <= self.value <= 100:
                raise ValueError(
                    f"solde de {french.decimal(self.value)} % du PIB : hors de -100 à 100"
                )
        elif self.currency is None:
            raise ValueError(
                f"montant en {self.unit} sans devise : ajoutez « devise: USD » (ou EUR…)"
            )
        return self


class Debt(Figure):
    """Public debt in % of GDP (above 100 % happens)."""

    value: Annotated[float, Field(ge=0, le=1000, allow_inf_nan=False)] = Field(
        alias="valeur", description="En % du PIB"
    )


class Ranking(Dated):
    """A rank out of N, with the index value if given: HDI, Doing Business…"""

    value: Number | None = Field(None, alias="valeur", description="Valeur de l'indice")
    rank: Rank = Field(alias="rang")
    out_of: Rank | None = Field(None, alias="sur", description="Nombre de pays classés")


class Hdi(Ranking):
    """Human development index: a value between 0 and 1, and a world rank."""

    value: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)] | None = Field(
        None, alias="valeur", description="Entre 0 et 1, ex. 0.737"
    )
    rank: Rank | None = Field(None, alias="rang")

    @model_validator(mode="after")
    def _something(self) -> Hdi:
        if self.value is None and self.rank is None:
            raise ValueError(
                "indiquez la valeur de l'indice (valeur), son rang (rang), ou les deux"
            )
        return self


class NamedRanking(Ranking):
    """A ranking under "Autres données": Mo Ibrahim index, Doing Business…"""

    name: Line = Field(alias="nom")


# --- lists of shares ------------------------------------------------------------------------


class ShareItem(Record):
    """One religion, group, sector or trade partner, with its share or amount."""

    name: Line = Field(alias="nom")
    share: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] | None = Field(
        None, alias="part", description="En %"
    )
    share_max: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] | None = Field(
        None, alias="part_max", description="Pour une fourchette « 1 à 2 % » : part: 1, part_max: 2"
    )
    amount: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = Field(
        None, alias="montant", description="Montant, dans l'unité et la devise de la liste"
    )
    approximation: Approximation | None = Field(None, alias="approximation")
    note: Line | None = Field(None, alias="remarque")
    parts: list[ShareItem] = Field(
        default_factory=list,
        alias="dont",
        description="Sous-groupes : « 83 % de chrétiens, dont… »",
    )

    @model_validator(mode="after")
    def _consistent(self) -> ShareItem:
        if self.share_max is not None:
            if self.share is None:
                raise ValueError("part_max sans part : une fourchette s'écrit part: 1, part_max: 2")
            if self.share_max <= self.share:
                raise ValueError(
                    f"fourchette inversée : part_max ({french.decimal(self.share_max)}) doit "
                    f"dépasser part ({french.decimal(self.share)})"
                )
        if self.share is not None and self.amount is not None:
            raise ValueError("indiquez une part (en %) ou un montant, pas les deux")
        return self


class ShareList(Dated):
    """A list of shares with one date and source: religions, sectors, clients…"""

    unit: AmountUnit | None = Field(None, alias="unite", description="Pour des montants : M ou Md")
    currency: CurrencyCode | None = Field(None, alias="devise", description="Pour des montants")
    items: list[ShareItem] = Field(alias="liste", min_length=1)

    @model_validator(mode="after")
    def _amounts_have_a_unit(self) -> ShareList:
        with_amount = any(item.amount is not None for item in _walk(self.items))
        if with_amount and (self.unit is None or self.currency is None):
            raise ValueError(
                "des montants sont donnés : indiquez leur unité et leur devise pour la liste"
                " (unite: M, devise: USD)"
            )
        return self


def _walk(items: list[ShareItem]) -> list[ShareItem]:
    found = []
    for item in items:
        found.append(item)
        found += _walk(item.parts)
    return found
