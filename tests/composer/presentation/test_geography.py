"""Données géographiques: area and islands, cities worded exactly, currencies, national day."""

import pytest

from conftest import normalize, section_lines


@pytest.mark.parametrize(
    ("currency", "line"),
    [
        # Bénin 2016: « Franc CFA (100 FCFA = 0,15 euro) ».
        (
            {
                "nom": "Franc CFA",
                "unite": "FCFA",
                "taux_de_change": {"monnaie": 100, "euros": 0.15},
            },
            "Monnaie : Franc CFA (100 FCFA = 0,15 euro)",
        ),
        # Kazakhstan 2015: « Tengué (1 euro= 210,449 tengués au 10 juin 2015) ».
        (
            {
                "nom": "Tengué",
                "unite_pluriel": "tengués",
                "taux_de_change": {"euros": 1, "monnaie": 210.449, "date": "2015-06-10"},
            },
            "Monnaie : Tengué (1 euro = 210,449 tengués au 10 juin 2015)",
        ),
        # Mongolie 2016: « Togrog ou Tugrik (MNT) ».
        ({"nom": "Togrog ou Tugrik", "code": "MNT"}, "Monnaie : Togrog ou Tugrik (MNT)"),
    ],
)
def test_currencies(currency, line):
    found = section_lines("donnees_geographiques", donnees_geographiques={"monnaie": currency})
    assert found == [normalize(line)]


def test_cities_keep_their_population_exactly():
    # A country's population is worded in millions; a city's is the page's number.
    geography = {
        "capitale": {"nom": "Astana", "population": {"valeur": 1136000}},
        "villes_principales": [
            {"nom": "Almaty", "population": {"valeur": 1916822}, "remarque": "pôle économique"},
            {"nom": "Paksé", "population": {"valeur": 88000, "date": 2015, "source": "ONU"}},
            {"nom": "Karaganda"},
        ],
    }
    found = section_lines("donnees_geographiques", donnees_geographiques=geography)
    assert found == [
        "Capitale : Astana (1 136 000 habitants)",
        "Villes principales : Almaty (1 916 822 habitants ; pôle économique), Paksé (88 000 "
        "habitants en 2015 ; source : ONU), Karaganda",
    ]


def test_area_over_islands_and_exclusive_economic_zone():
    geography = {
        "superficie": {"valeur": 749, "iles": {"nombre": 170, "approximation": "plus de"}},
        "zee": {"valeur": 666591},
    }
    assert section_lines("donnees_geographiques", donnees_geographiques=geography) == [
        "Superficie : 749 km² répartis sur plus de 170 îles",
        "Zone économique exclusive : 666 591 km²",
    ]


@pytest.mark.parametrize(
    ("day", "line"),
    [
        (
            {"jour": 1, "mois": 8, "objet": "indépendance"},
            "Fête nationale : 1er août (indépendance)",
        ),
        ({"jour": 10, "jour_fin": 12, "mois": 7}, "Fête nationale : du 10 au 12 juillet"),
    ],
)
def test_national_days(day, line):
    found = section_lines("donnees_geographiques", donnees_geographiques={"fete_nationale": day})
    assert found == [line]


def test_one_language_or_several():
    geography = {
        "langues_officielles": [{"nom": "lao"}],
        "langues_courantes": [{"nom": "a"}, {"nom": "b"}],
    }
    assert section_lines("donnees_geographiques", donnees_geographiques=geography) == [
        "Langue officielle : lao",
        "Langues courantes : a, b",
    ]
