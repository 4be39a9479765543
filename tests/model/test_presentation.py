"""The presentation data format: the gallery files, derived figures, what is refused."""

import pytest
from pydantic import ValidationError

from fiche_pays.model.presentation import Presentation

from conftest import (
    PRESENTATIONS,
    load_presentation,
    presentation,
    presentation_data,
)
from conftest import (
    validation_messages as messages,
)


@pytest.mark.parametrize("name", PRESENTATIONS)
def test_every_gallery_presentation_is_valid(name):
    fiche = load_presentation(name)
    assert fiche.document.title == "Présentation du pays"
    assert fiche.general is not None and fiche.demography is not None


def test_minimal_presentation_is_valid_and_titled():
    fiche = presentation()
    assert fiche.document.title == "Présentation du pays"
    assert fiche.derived_density() is None and fiche.derived_gdp_per_capita() is None


def test_figures_keep_value_unit_date_and_source():
    fiche = load_presentation("laos")
    population = fiche.demography.population
    assert (population.value, population.unit, str(population.date), population.source) == (
        7.8,
        "millions",
        "2024",
        "Banque mondiale",
    )
    assert population.persons == pytest.approx(7_800_000)


def test_density_is_derived_from_population_and_area():
    assert load_presentation("kazakhstan").derived_density() == pytest.approx(
        18_917_200 / 2_724_900
    )
    assert round(load_presentation("laos").derived_density(), 1) == 32.9


def test_gdp_per_capita_is_derived_only_from_figures_of_one_year():
    assert round(load_presentation("benin").derived_gdp_per_capita()) == 817
    data = presentation_data(
        donnees_demographiques={"population": {"valeur": 11.5, "unite": "millions", "date": 2017}},
        donnees_economiques={"pib": {"valeur": 9.4, "unite": "Md", "devise": "USD", "date": 2016}},
    )
    assert Presentation.model_validate(data).derived_gdp_per_capita() is None


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (
            {"jour": 30, "mois": 2},
            "date impossible : le 30 février n'existe pas (février a au plus 29 jours)",
        ),
        (
            {"jour": 31, "mois": 4},
            "date impossible : le 31 avril n'existe pas (avril a au plus 30 jours)",
        ),
        ({"jour": 12, "jour_fin": 10, "mois": 7}, "jour_fin (10) doit suivre jour (12)"),
    ],
)
def test_national_day_must_exist(day, expected):
    (message,) = messages(presentation_data(donnees_geographiques={"fete_nationale": day}))
    assert message == expected


def test_29_february_is_a_possible_national_day():
    day = {"jour": 29, "mois": 2}
    presentation(donnees_geographiques={"fete_nationale": day})


def test_empty_current_affairs_section_is_refused():
    current = {"politique_interieure": {"liens": []}}
    (message,) = messages(presentation_data(elements_d_actualite=current))
    assert "section vide" in message


def test_unknown_keys_are_refused():
    with pytest.raises(ValidationError) as caught:
        presentation(donnees_demographiques={"populaton": {}})
    assert caught.value.errors()[0]["type"] == "extra_forbidden"


def test_schema_has_french_keys():
    schema = Presentation.model_json_schema(by_alias=True)
    assert {"donnees_generales", "donnees_demographiques", "elements_d_actualite"} <= set(
        schema["properties"]
    )
