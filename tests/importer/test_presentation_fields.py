"""The "Présentation du pays" lines, on the pages' own words, and the checks' last word."""

from __future__ import annotations

import pytest

from fiche_pays.importer.page import import_file
from fiche_pays.importer.presentation_fields import (
    france_trade,
    hdi,
    minister,
    national_day,
    person,
    population,
    share_list,
    value_details,
)

from import_pages import PAGES


def test_leaders_are_persons_of_every_fiche():
    assert person("S.M. le Roi Tupou VI") == {
        "civilite": "S.M.",
        "fonction": "le Roi",
        "nom": "Tupou VI",
    }
    assert person("Dr Sonexay SIPHANDONE (depuis décembre 2022)") == {
        "civilite": "Dr",
        "nom": "Sonexay SIPHANDONE",
        "depuis": "2022-12",
    }
    assert minister("Mme Ana DUPONT, Ministre de la Justice ;") == {
        "civilite": "Mme",
        "nom": "Ana DUPONT",
        "fonction": "la Ministre de la Justice",
    }


def test_national_days():
    assert national_day("1er août (proclamation de l’indépendance en 1960)") == {
        "jour": 1,
        "mois": 8,
        "objet": "proclamation de l’indépendance en 1960",
    }
    assert national_day("10-12 juillet (« Naadam »)") == {
        "jour": 10,
        "mois": 7,
        "jour_fin": 12,
        "objet": "« Naadam »",
    }


@pytest.mark.parametrize(
    ("value", "record"),
    [
        ("167ème sur 188 pays", {"rang": 167, "sur": 188}),
        ("0,717 (100e rang mondial)", {"valeur": 0.717, "rang": 100}),
        (
            "0,62 (2022, Banque mondiale), soit 140e/189 pays",
            {"valeur": 0.62, "rang": 140, "sur": 189, "date": 2022, "source": "Banque mondiale"},
        ),
        ("0,727 (PNUD)", None),  # an index without its rank: the line stays as written
    ],
)
def test_hdi(value, record):
    assert hdi(value) == record


def test_share_lists_and_their_details():
    value, date, source = value_details(
        "Inde (15%), Malaisie (13%), Bangladesh (10%), Union européenne (8%) (2016, OMC)"
    )
    assert (date, source) == ("2016", "OMC")
    assert share_list(value)["liste"][3] == {"nom": "Union européenne", "part": 8}
    assert share_list("bouddhisme (65%), animisme (30%) et christianisme (1,5%)")["liste"][2] == {
        "nom": "christianisme",
        "part": 1.5,
    }
    assert share_list("A (70%), B (40%)") is None  # more than 100 %


def test_population_units():
    assert population("11,5 millions") == {"valeur": 11.5, "unite": "millions"}
    assert population("327 777 habitants") == {"valeur": 327777}
    # « 18 917 200 millions d'habitants » (Kazakhstan): more people than any country.
    assert population("18 917 200 millions d’habitants") is None


def test_trade_with_france():
    assert france_trade("Importations françaises depuis le Bénin : 7,1 M€ en 2015 (DGT)") == (
        "importations",
        {"valeur": 7.1, "unite": "M", "devise": "EUR", "date": 2015, "source": "DG Trésor"},
    )


def test_a_field_the_checks_refuse_stays_as_the_page_wrote_it():
    imported = import_file(PAGES / "mongolie_presentation_2017.txt")
    france = imported.top["donnees_economiques"].get("echanges_avec_la_france", {})
    assert "exportations" not in france  # 9 314 M EUR for an 11 Md USD economy
    kept = [f["valeur"] for f in imported.top["autres_donnees"]["faits"]]
    assert "9 314 millions d’euros" in kept
    assert any("refusé par les vérifications" in text for _, text in imported.not_placed)
    assert imported.unsettled == []
