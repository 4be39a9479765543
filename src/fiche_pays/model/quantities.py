"""Quantities as pages write them: approximate counts ("environ 30 000") and amounts of
money with their scale and currency ("372 M EUR", "80 500 EUR").

Both are typed as the desk officer reads them on the page and kept exact (integers,
decimals), so that checks compare what was typed, at the precision it was typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic_core import core_schema

from .. import french
from .types import check_number

QUALIFIERS = ("environ", "près de", "plus de", "moins de")
_SPACES = "[ \u00a0\u202f]"
_DIGITS = rf"\d{{1,3}}(?:{_SPACES}\d{{3}})+|\d+"
_APPROX = re.compile(rf"^(?:({'|'.join(QUALIFIERS)}){_SPACES}+)?({_DIGITS})$")


@dataclass(frozen=True, slots=True)
class Approx:
    """A count, exact or qualified: 616, "environ 30 000", "près de 900"."""

    value: int
    qualifier: str | None = None

    @property
    def exact(self) -> bool:
        """True for a plain number (the only kind checks compare)."""
        return self.qualifier is None

    def text(self) -> str:
        """ "environ 30 000", "616"."""
        number = french.number(self.value)
        return f"{self.qualifier} {number}" if self.qualifier else number

    @classmethod
    def parse(cls, value: Any) -> Approx:
        """Read 616, "616", "environ 30000", "près de 900", "environ 30 000"."""
        if isinstance(value, Approx):
            return value
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError("nombre attendu (ex. 616, « environ 30000 », « près de 900 »)")
        if isinstance(value, int):
            if value < 0:
                raise ValueError(f"ne peut pas être négatif (reçu « {value} »)")
            check_number(value)
            return cls(value)
        match = _APPROX.match(value.strip())
        if not match:
            raise ValueError(
                f"nombre « {value} » illisible : écrivez un nombre, précédé au besoin de "
                f"{', '.join(f'« {q} »' for q in QUALIFIERS)} (ex. « environ 30000 »)"
            )
        number = int(re.sub(_SPACES, "", match.group(2)))
        check_number(number)
        return cls(number, match.group(1))

    def __str__(self) -> str:
        return f"{self.qualifier} {self.value}" if self.qualifier else str(self.value)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse,
            json_schema_input_schema=core_schema.union_schema(
                [core_schema.int_schema(ge=0), core_schema.str_schema(pattern=_APPROX.pattern)]
            ),
            serialization=core_schema.to_string_ser_schema(),
        )


_SCALES = {"M": Decimal(10) ** 6, "Md": Decimal(10) ** 9}
_MONEY = re.compile(
    rf"^(-?(?:{_DIGITS})(?:[.,]\d+)?)(?:{_SPACES}*(M|Md))?(?:{_SPACES}*([A-Z]{{3}}|€))?$"
)


@dataclass(frozen=True, slots=True)
class Money:
    """An amount as typed: "372 M EUR" (value 372, scale M), "80 500 EUR", "1,2 Md USD"."""

    value: Decimal  # as typed, in its scale
    scale: str | None = None  # "M", "Md" or None (units)
    currency: str = "EUR"

    @property
    def units(self) -> Decimal:
        """The amount in units of the currency."""
        return self.value * _SCALES.get(self.scale or "", Decimal(1))

    @property
    def precision(self) -> Decimal:
        """Half the last typed digit, in units: "372 M" is 372 M ± 0.5 M."""
        exponent = self.value.as_tuple().exponent
        step = Decimal(10) ** (exponent if isinstance(exponent, int) else 0)
        return step / 2 * _SCALES.get(self.scale or "", Decimal(1))

    def agrees(self, total: Decimal) -> bool:
        """True when ``total`` (in units) rounds to this amount at its typed precision."""
        return abs(self.units - total) <= self.precision

    def text(self, units: french.Units | None = None) -> str:
        """ "372 M EUR", "80 500 EUR", "1,2 Md EUR": the scale typed, grouped digits."""
        return money_text(self.units, self.currency, units, self.scale)

    @classmethod
    def parse(cls, value: Any) -> Money:
        """Read "372 M EUR", "80 500 EUR", "80500", 1500 (EUR by default)."""
        if isinstance(value, Money):
            return value
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ValueError("montant attendu (ex. « 372 M EUR », « 80 500 EUR »)")
        text = str(value).strip()
        match = _MONEY.match(text)
        if not match:
            raise ValueError(
                f"montant « {text} » illisible : écrivez le nombre, « M » (millions) ou "
                "« Md » (milliards) au besoin, puis la devise (ex. « 372 M EUR », "
                "« 80 500 EUR »)"
            )
        number, scale, currency = match.groups()
        try:
            amount = Decimal(re.sub(_SPACES, "", number).replace(",", "."))
        except InvalidOperation:  # the pattern admits only digits: never reached
            raise ValueError(f"montant « {text} » illisible") from None
        if amount < 0:
            raise ValueError(f"un montant ne peut pas être négatif (reçu « {text} »)")
        check_number(float(amount))
        return cls(amount, scale, "EUR" if currency in (None, "€") else currency)

    def __str__(self) -> str:
        scale = f" {self.scale}" if self.scale else ""
        return f"{self.value}{scale} {self.currency}"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse,
            json_schema_input_schema=core_schema.union_schema(
                [core_schema.int_schema(ge=0), core_schema.str_schema(pattern=_MONEY.pattern)]
            ),
            serialization=core_schema.to_string_ser_schema(),
        )


def money_text(
    units_value: Decimal | float,
    currency: str,
    units: french.Units | None = None,
    scale: str | None = None,
) -> str:
    """An amount in units, worded: in millions or billions from a million up ("372 M EUR",
    "1,2 Md EUR"), else in units with grouped digits ("80 500 EUR")."""
    units = units or french.Units()
    label = units.currency_label(currency)
    value = Decimal(str(units_value))
    if scale is None:
        scale = "Md" if value >= _SCALES["Md"] else "M" if value >= _SCALES["M"] else None
    if scale is None:
        decimals = 0 if value == value.to_integral_value() else 2
        return f"{french.number(float(value), decimals)}{french.NBSP}{label}"
    scaled = value / _SCALES[scale]
    exponent = scaled.normalize().as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    word = units.million if scale == "M" else units.billion
    return (
        f"{french.number(float(scaled), min(decimals, 2))}{french.NBSP}{word}{french.NBSP}{label}"
    )
