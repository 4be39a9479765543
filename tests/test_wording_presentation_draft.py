"""Wording of presentation lines (draft) for the shapes the older pages show."""

import pytest

from fiche_pays.compose_presentation_draft import compose
from fiche_pays.model_presentation_draft import Presentation
from test_compose_presentation_draft import lines
from test_model_presentation_draft import presentation

from conftest import normalize


def section(key: str, **sections) -> list[str]:
    """The normalised lines of one section of a fiche made of ``sections``."""
    return lines(compose(Presentation.model_validate(presentation(**sections))))[key]


@pytest.mark.parametrize(
    ("leader", "line"),
    [
        # Kazakhstan 2015: « Premier Ministre : Karim Massimov (depuis le 2 avril 2014) ».
        (
            {"intitule": "Premier ministre", "nom": "Karim Massimov", "depuis": "2014-04-02"},
            "Premier ministre : Karim Massimov (depuis le 2 avril 2014)",
        ),
        (
            {"civilite": "Mme", "nom": "Ana Dupont", "elu": "2019-05", "reelu": 2024},
            "Chef du gouvernement : Mme Ana Dupont (élue en mai 2019, réélue en 2024)",
        ),
        (
            {"nom": "X", "remarque": "par intérim"},
            "Chef du gouvernement : X (par intérim)",
        ),
    ],
)
def test_leaders(leader, line):
    found = section("donnees_generales", donnees_generales={"chef_du_gouvernement": leader})
    assert found == [normalize(line)]


def test_other_office_holders():
    # Kazakhstan 2019.
    other = {
        "intitule": "Président du Conseil national de sécurité (organe constitutionnel)",
        "nom": "Noursoultan NAZARBAÏEV",
    }
    found = section("donnees_generales", donnees_generales={"autres_dirigeants": [other]})
    assert found == [
        "Président du Conseil national de sécurité (organe constitutionnel) : "
        "Noursoultan NAZARBAÏEV"
    ]


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
    found = section("donnees_geographiques", donnees_geographiques={"monnaie": currency})
    assert found == [normalize(line)]


def test_earlier_values_and_notes():
    # Kazakhstan 2019: « PIB par habitant (2017) : 8 837$ (7 500$ en 2016 /10 508$ en 2015) ».
    per_capita = {
        "valeur": 8837,
        "devise": "USD",
        "date": 2017,
        "precedents": [{"valeur": 7500, "date": 2016}, {"valeur": 10508, "date": 2015}],
    }
    balance = {"valeur": 17.5, "unite": "Md", "devise": "USD", "date": 2017}
    budget = {"valeur": -2.8, "date": 2017, "remarque": "consolidé"}
    unemployment = {"valeur": 5.07, "date": 2018, "remarque": "au sens du BIT"}
    found = section(
        "donnees_economiques",
        donnees_economiques={
            "pib_par_habitant": per_capita,
            "balance_commerciale": balance,
            "solde_budgetaire": budget,
            "chomage": unemployment,
        },
    )
    assert found == [
        "PIB par habitant (2017) : 8 837 USD (7 500 USD en 2016 ; 10 508 USD en 2015)",
        "Taux de chômage (2018) : 5,07 % (au sens du BIT)",
        "Solde budgétaire (2017) : -2,8 % du PIB (consolidé)",
        "Balance commerciale (2017) : +17,5 Md USD",
    ]


def test_growth_with_earlier_values_from_another_source():
    # Mongolie 2016: « Taux de croissance (2015) : +2,3% (Banque mondiale)
    # (DG Tresor :2014 : 7,8 % …) ».
    growth = {
        "valeur": 2.3,
        "date": 2015,
        "source": "Banque mondiale",
        "precedents": [{"valeur": 7.8, "date": 2014, "source": "DG Trésor"}],
    }
    found = section("donnees_economiques", donnees_economiques={"croissance": growth})
    assert found == [
        "Taux de croissance (2015) : 2,3 % (7,8 % en 2014, source : DG Trésor ; "
        "source : Banque mondiale)"
    ]


def test_share_ranges_and_approximations():
    # Laos 2019: « christianisme (1 à 2 %) » ; Mongolie 2017: « environ 1 374.6 dollars PPA ».
    religions = {
        "liste": [
            {"nom": "bouddhisme", "part": 66},
            {"nom": "christianisme", "part": 1, "part_max": 2},
        ]
    }
    found = section("donnees_demographiques", donnees_demographiques={"religions": religions})
    assert found == ["Religions : bouddhisme (66 %), christianisme (1 à 2 %)"]
    per_capita = {"valeur": 1374.6, "devise": "USD", "approximation": "environ", "remarque": "PPA"}
    found = section("donnees_economiques", donnees_economiques={"pib_par_habitant": per_capita})
    assert found == ["PIB par habitant : environ 1 374,6 USD (PPA)"]


def test_rankings_under_other_data():
    # Bénin 2016: « Indice Mo Ibrahim de la gouvernance africaine : 15ème sur 54 (2015) ».
    ranking = {
        "nom": "Indice Mo Ibrahim de la gouvernance africaine",
        "rang": 15,
        "sur": 54,
        "date": 2015,
    }
    found = section("autres_donnees", autres_donnees={"classements": [ranking]})
    assert found == ["Indice Mo Ibrahim de la gouvernance africaine (2015) : 15e sur 54 pays"]


def test_population_wording_by_unit_and_size():
    def population(figure: dict) -> str:
        found = section("donnees_demographiques", donnees_demographiques={"population": figure})
        return found[0]

    assert population({"valeur": 3}) == "Population : 3 habitants"
    assert population({"valeur": 126, "unite": "milliers"}) == "Population : 126 000 habitants"
    assert (
        population({"valeur": 1.4, "unite": "millions"}) == "Population : 1,4 million d’habitants"
    )
    assert population({"valeur": 3000000}) == "Population : 3 millions d’habitants"
    assert population({"valeur": 142300000}) == "Population : 142 millions d’habitants"
    assert population({"valeur": 17.015, "unite": "millions"}) == (
        "Population : 17,015 millions d’habitants"
    )
