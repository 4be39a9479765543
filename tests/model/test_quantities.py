"""Counts and amounts as desk officers type them: « environ 30 000 », « 372 M EUR »."""

from decimal import Decimal

import pytest

from fiche_pays import french
from fiche_pays.model.quantities import Approx, Money


def test_counts_and_amounts_as_typed():
    assert Approx.parse("environ 30 000").text() == f"environ 30{french.NNBSP}000"
    assert Approx.parse(616).exact and not Approx.parse("près de 900").exact
    money = Money.parse("372 M EUR")
    assert money.units == Decimal(372_000_000)
    assert money.text() == f"372{french.NBSP}M{french.NBSP}EUR"
    assert Money.parse("80 500 EUR").text() == f"80{french.NNBSP}500{french.NBSP}EUR"
    assert Money.parse("1,2 Md USD").agrees(Decimal("1234000000"))
    assert not money.agrees(Decimal(362_000_000))
    with pytest.raises(ValueError, match="illisible"):
        Money.parse("beaucoup")
