"""Figure types: what a value, its unit and its parts may be, and why not in French."""

import pytest
from pydantic import ValidationError

from fiche_pays.model.figures import typed_decimals

from conftest import presentation, presentation_data
from conftest import validation_messages as messages


def test_typed_decimals_follow_what_was_typed():
    assert [typed_decimals(v) for v in (6, 6.0, 1.37, 0.4, 143.02, 0.737, 18917200)] == [
        0,
        0,
        2,
        1,
        2,
        3,
        0,
    ]


def test_inhabitants_are_whole_unless_in_millions():
    (message,) = messages(
        presentation_data(donnees_demographiques={"population": {"valeur": 18.9}})
    )
    assert "18,9 habitants" in message and "ajoutez « unite: millions »" in message


def test_unknown_population_unit_is_refused():
    with pytest.raises(ValidationError):
        presentation(donnees_demographiques={"population": {"valeur": 3, "unite": "Mhab"}})


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ({"nom": "christianisme", "part_max": 2}, "part_max sans part"),
        ({"nom": "christianisme", "part": 2, "part_max": 1}, "fourchette inversée"),
        ({"nom": "Chine", "part": 8, "montant": 3.35}, "une part (en %) ou un montant"),
    ],
)
def test_share_items_are_consistent(item, expected):
    shares = {"religions": {"liste": [item]}}
    (message,) = messages(presentation_data(donnees_demographiques=shares))
    assert expected in message


def test_amounts_in_a_list_need_unit_and_currency():
    clients = {"liste": [{"nom": "Nouvelle-Zélande", "montant": 62.42}]}
    (message,) = messages(presentation_data(donnees_economiques={"principaux_clients": clients}))
    assert "indiquez leur unité et leur devise" in message


@pytest.mark.parametrize(
    ("balance", "expected"),
    [
        ({"valeur": -2.8, "devise": "USD"}, "une devise n'a pas de sens"),
        ({"valeur": 40, "unite": "Md"}, "montant en Md sans devise"),
        ({"valeur": 140}, "solde de 140 % du PIB"),
    ],
)
def test_balances_in_percent_of_gdp_or_in_a_currency(balance, expected):
    (message,) = messages(presentation_data(donnees_economiques={"solde_budgetaire": balance}))
    assert expected in message


def test_hdi_needs_a_value_or_a_rank():
    (message,) = messages(presentation_data(donnees_demographiques={"idh": {"date": 2019}}))
    assert "indiquez la valeur de l'indice" in message


def test_percentages_cannot_exceed_100():
    with pytest.raises(ValidationError) as caught:
        presentation(donnees_demographiques={"alphabetisation": {"valeur": 995}})
    assert caught.value.errors()[0]["type"] == "less_than_equal"
