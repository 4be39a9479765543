"""The presentation data format (draft): what it accepts, what it refuses, and why in French."""

import copy

import pytest
from pydantic import ValidationError

from fiche_pays import yamlsource
from fiche_pays.model_presentation_draft import (
    Presentation,
)
from fiche_pays.model_presentation_figures_draft import (
    typed_decimals,
)

from conftest import DATA

COUNTRIES = ("benin", "kazakhstan", "laos", "mongolie", "tonga", "vanuatu")

MINIMAL = {
    "pays": {
        "nom": "Kazakhstan",
        "code": "KZ",
        "au": "au Kazakhstan",
        "du": "du Kazakhstan",
        "le": "le Kazakhstan",
        "adjectif": "kazakhstanais",
    },
    "document": {"mise_a_jour": "2022-09-17"},
}


def presentation(**sections) -> dict:
    """A minimal presentation fiche with the given sections."""
    data = copy.deepcopy(MINIMAL)
    data.update(sections)
    return data


def messages(data: dict) -> list[str]:
    """The French messages of every validation error of ``data``."""
    with pytest.raises(ValidationError) as caught:
        Presentation.model_validate(data)
    return [str((e.get("ctx") or {}).get("error", e["msg"])) for e in caught.value.errors()]


def load(name: str) -> Presentation:
    data, _ = yamlsource.parse((DATA / f"{name}.presentation.yaml").read_text(encoding="utf-8"))
    return Presentation.model_validate(data)


@pytest.mark.parametrize("name", COUNTRIES)
def test_every_gallery_presentation_is_valid(name):
    fiche = load(name)
    assert fiche.document.title == "Présentation du pays"
    assert fiche.general is not None and fiche.demography is not None


def test_minimal_presentation_is_valid_and_titled():
    fiche = Presentation.model_validate(MINIMAL)
    assert fiche.document.title == "Présentation du pays"
    assert fiche.derived_density() is None and fiche.derived_gdp_per_capita() is None


def test_figures_keep_value_unit_date_and_source():
    fiche = load("laos")
    population = fiche.demography.population
    assert (population.value, population.unit, str(population.date), population.source) == (
        7.8,
        "millions",
        "2024",
        "Banque mondiale",
    )
    assert population.persons == pytest.approx(7_800_000)


def test_density_is_derived_from_population_and_area():
    assert load("kazakhstan").derived_density() == pytest.approx(18_917_200 / 2_724_900)
    assert round(load("laos").derived_density(), 1) == 32.9


def test_gdp_per_capita_is_derived_only_from_figures_of_one_year():
    assert round(load("benin").derived_gdp_per_capita()) == 817
    data = presentation(
        donnees_demographiques={"population": {"valeur": 11.5, "unite": "millions", "date": 2017}},
        donnees_economiques={"pib": {"valeur": 9.4, "unite": "Md", "devise": "USD", "date": 2016}},
    )
    assert Presentation.model_validate(data).derived_gdp_per_capita() is None


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
    (message,) = messages(presentation(donnees_demographiques={"population": {"valeur": 18.9}}))
    assert "18.9 habitants" in message and "ajoutez « unite: millions »" in message


def test_unknown_population_unit_is_refused():
    with pytest.raises(ValidationError):
        Presentation.model_validate(
            presentation(donnees_demographiques={"population": {"valeur": 3, "unite": "Mhab"}})
        )


def test_head_of_state_and_government_once():
    general = {
        "chef_de_l_etat": {"nom": "Patrice Talon", "chef_du_gouvernement": True},
        "chef_du_gouvernement": {"nom": "Autre Personne"},
    }
    (message,) = messages(presentation(donnees_generales=general))
    assert "le chef de l'État est indiqué comme chef du gouvernement" in message


def test_other_leaders_need_a_label():
    general = {"autres_dirigeants": [{"nom": "Noursoultan NAZARBAÏEV"}]}
    with pytest.raises(ValidationError) as caught:
        Presentation.model_validate(presentation(donnees_generales=general))
    assert caught.value.errors()[0]["loc"][-1] == "intitule"


@pytest.mark.parametrize(
    ("civility", "gender", "feminine"),
    [("Mme", None, True), ("M.", None, False), ("S.M. la Reine", None, True), (None, None, False)],
)
def test_gender_comes_from_the_civility(civility, gender, feminine):
    leader = {"nom": "X", **({"civilite": civility} if civility else {})}
    fiche = Presentation.model_validate(presentation(donnees_generales={"chef_de_l_etat": leader}))
    assert fiche.general.head_of_state.feminine is feminine


def test_gender_can_be_said_when_the_civility_does_not():
    leader = {"nom": "X", "civilite": "Dr", "genre": "féminin"}
    fiche = Presentation.model_validate(presentation(donnees_generales={"chef_de_l_etat": leader}))
    assert fiche.general.head_of_state.feminine


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ({"jour": 30, "mois": 2}, "le 30 du mois 2 n'existe pas (29 jours)"),
        ({"jour": 12, "jour_fin": 10, "mois": 7}, "jour_fin (10) doit suivre jour (12)"),
    ],
)
def test_national_day_must_exist(day, expected):
    (message,) = messages(presentation(donnees_geographiques={"fete_nationale": day}))
    assert message == expected


def test_29_february_is_a_possible_national_day():
    day = {"jour": 29, "mois": 2}
    Presentation.model_validate(presentation(donnees_geographiques={"fete_nationale": day}))


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
    (message,) = messages(presentation(donnees_demographiques=shares))
    assert expected in message


def test_amounts_in_a_list_need_unit_and_currency():
    clients = {"liste": [{"nom": "Nouvelle-Zélande", "montant": 62.42}]}
    (message,) = messages(presentation(donnees_economiques={"principaux_clients": clients}))
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
    (message,) = messages(presentation(donnees_economiques={"solde_budgetaire": balance}))
    assert expected in message


def test_hdi_needs_a_value_or_a_rank():
    (message,) = messages(presentation(donnees_demographiques={"idh": {"date": 2019}}))
    assert "indiquez la valeur de l'indice" in message


def test_percentages_cannot_exceed_100():
    with pytest.raises(ValidationError) as caught:
        Presentation.model_validate(
            presentation(donnees_demographiques={"alphabetisation": {"valeur": 995}})
        )
    assert caught.value.errors()[0]["type"] == "less_than_equal"


def test_empty_current_affairs_section_is_refused():
    current = {"politique_interieure": {"liens": []}}
    (message,) = messages(presentation(elements_d_actualite=current))
    assert "section vide" in message


def test_unknown_keys_are_refused():
    with pytest.raises(ValidationError) as caught:
        Presentation.model_validate(presentation(donnees_demographiques={"populaton": {}}))
    assert caught.value.errors()[0]["type"] == "extra_forbidden"


def test_schema_has_french_keys():
    schema = Presentation.model_json_schema(by_alias=True)
    assert {"donnees_generales", "donnees_demographiques", "elements_d_actualite"} <= set(
        schema["properties"]
    )
