"""Données économiques: amounts in the template's units, earlier values, notes, derived
GDP per capita, trade partners, sectors, trade with France."""

from fiche_pays import compose
from fiche_pays.french import Units
from fiche_pays.theme.style import Wording

from conftest import load_presentation, presentation, section_lines, tree_lines


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
    found = section_lines(
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
        "Solde budgétaire (2017) : −2,8 % du PIB (consolidé)",
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
    found = section_lines("donnees_economiques", donnees_economiques={"croissance": growth})
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
    found = section_lines("donnees_demographiques", donnees_demographiques={"religions": religions})
    assert found == ["Religions : bouddhisme (66 %), christianisme (1 à 2 %)"]
    per_capita = {"valeur": 1374.6, "devise": "USD", "approximation": "environ", "remarque": "PPA"}
    found = section_lines(
        "donnees_economiques", donnees_economiques={"pib_par_habitant": per_capita}
    )
    assert found == ["PIB par habitant : environ 1 374,6 USD (PPA)"]


def test_gdp_per_capita_is_derived_when_not_typed():
    document = compose(
        presentation(
            donnees_demographiques={
                "population": {"valeur": 11.5, "unite": "millions", "date": 2017}
            },
            donnees_economiques={
                "pib": {"valeur": 9.4, "unite": "Md", "devise": "USD", "date": 2017}
            },
        )
    )
    assert "PIB par habitant (2017) : 817 USD" in tree_lines(document)["donnees_economiques"]


def test_template_units_word_the_amounts():
    units = Units(currency={"EUR": "€", "USD": "$"})
    document = compose(load_presentation("benin"), Wording(units=units))
    economy = tree_lines(document)["donnees_economiques"]
    assert "PIB (2017) : 9,4 Md $ (FMI)" in economy
    assert "Exportations de la France vers le Bénin (2017) : 183 M €" in economy


def test_partners_with_amounts_and_trade_with_france():
    clients = {
        "date": 2014,
        "source": "ITC",
        "unite": "M",
        "devise": "USD",
        "liste": [{"nom": "Nouvelle-Zélande", "montant": 62.42}, {"nom": "Chine", "montant": 16.4}],
    }
    flow = {"unite": "M", "devise": "EUR", "date": 2017}
    france = {"exportations": {"valeur": 183, **flow}, "importations": {"valeur": 3, **flow}}
    found = section_lines(
        "donnees_economiques",
        donnees_economiques={"principaux_clients": clients, "echanges_avec_la_france": france},
    )
    assert found == [
        "Principaux clients (2014) : Nouvelle-Zélande (62,42 M USD), Chine (16,4 M USD) "
        "(source : ITC)",
        "Exportations de la France vers le Kazakhstan (2017) : 183 M EUR",
        "Importations françaises depuis le Kazakhstan (2017) : 3 M EUR",
    ]


def test_links_follow_the_lines():
    document = compose(load_presentation("benin"))
    economy = next(s for s in document.sections if s.key == "donnees_economiques")
    assert tree_lines(document)["donnees_economiques"][-1] == (
        "http://www.tresor.economie.gouv.fr/Pays/benin"
    )
    assert economy.children[-1].items[0][0].href == "http://www.tresor.economie.gouv.fr/Pays/benin"
