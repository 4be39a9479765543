"""Données démographiques: population by unit and size, density derived or typed,
shares with ranges and sub-groups, life expectancy, the human development index."""

from conftest import section_lines


def test_population_wording_by_unit_and_size():
    def population(figure: dict) -> str:
        found = section_lines(
            "donnees_demographiques", donnees_demographiques={"population": figure}
        )
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


def test_density_is_derived_and_dated_by_the_population():
    found = section_lines(
        "donnees_demographiques",
        donnees_geographiques={"superficie": {"valeur": 2724900}},
        donnees_demographiques={"population": {"valeur": 18917200, "date": 2021}},
    )
    assert found == [
        "Population (2021) : 18,9 millions d’habitants",
        "Densité (2021) : 6,9 hab./km²",
    ]


def test_a_typed_density_that_agrees_is_shown_as_typed():
    found = section_lines(
        "donnees_demographiques",
        donnees_geographiques={"superficie": {"valeur": 749}},
        donnees_demographiques={
            "population": {"valeur": 107122, "date": 2016, "source": "Banque mondiale"},
            "densite": {"valeur": 143.02, "date": 2016, "source": "Banque mondiale"},
        },
    )
    assert found[1] == "Densité (2016) : 143,02 hab./km² (Banque mondiale)"


def test_urban_share_of_another_year_and_source():
    found = section_lines(
        "donnees_demographiques",
        donnees_demographiques={
            "population": {"valeur": 3.2, "unite": "millions", "date": 2019, "source": "ONU"},
            "population_urbaine": {"valeur": 57, "date": 2018, "source": "Banque mondiale"},
        },
    )
    assert found == [
        "Population (2019) : 3,2 millions d’habitants (population urbaine : 57 % en 2018, "
        "source : Banque mondiale ; source : ONU)"
    ]


def test_life_expectancy_with_women_and_men():
    life = {"valeur": 73.18, "femmes": 77.3, "hommes": 68.82, "date": 2019}
    found = section_lines(
        "donnees_demographiques", donnees_demographiques={"esperance_de_vie": life}
    )
    assert found == ["Espérance de vie (2019) : 73,18 ans (femmes : 77,3 ans ; hommes : 68,82 ans)"]


def test_religions_with_sub_groups_and_a_single_religion():
    religions = {
        "liste": [
            {"nom": "chrétiens", "part": 83, "dont": [{"nom": "presbytériens", "part": 32}]},
        ]
    }
    found = section_lines("donnees_demographiques", donnees_demographiques={"religions": religions})
    assert found == ["Religions : chrétiens (83 %, dont presbytériens 32 %)"]
    single = {"liste": [{"nom": "bouddhisme", "part": 66}]}
    found = section_lines("donnees_demographiques", donnees_demographiques={"religions": single})
    assert found == ["Religion : bouddhisme (66 %)"]


def test_human_development_index_value_and_rank():
    def hdi(figure: dict) -> str:
        return section_lines("donnees_demographiques", donnees_demographiques={"idh": figure})[0]

    assert hdi({"valeur": 0.62, "rang": 140, "sur": 189, "date": 2022, "source": "PNUD"}) == (
        "Indice de développement humain (2022) : 0,62 (140e sur 189 pays ; source : PNUD)"
    )
    assert hdi({"rang": 167, "sur": 188, "date": 2016}) == (
        "Indice de développement humain (2016) : 167e sur 188 pays"
    )
    assert hdi({"valeur": 0.717, "rang": 100}) == (
        "Indice de développement humain : 0,717 (100e rang mondial)"
    )
