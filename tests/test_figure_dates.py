"""Stale figures: the rule, its limit, the warnings, and the form the manifest keeps."""

import pytest

from fiche_pays.figure_dates import (
    DEFAULT_MAX_AGE_YEARS,
    FigureDate,
    stale,
    undated,
    warnings,
)
from fiche_pays.loader.load import load_source

from conftest import DATA

TONGA = DATA / "tonga.presentation.yaml"  # updated 1 July 2017, unemployment of 2010


def _figures():
    return load_source(TONGA).figures()


def test_the_limit_is_three_years_by_default():
    assert DEFAULT_MAX_AGE_YEARS == 3
    assert [(s.field, s.date, s.age_years) for s in stale(_figures(), "2017-07-01", 3)] == [
        ("donnees_economiques.chomage", "2010", 7)
    ]


def test_the_limit_is_a_setting():
    figures = _figures()
    assert len(stale(figures, "2017-07-01", 1)) > 1
    assert stale(figures, "2017-07-01", 10) == []


def test_age_is_counted_in_years_of_the_dates():
    figures = [FigureDate("a", "2014-12", 1), FigureDate("b", "2013", 2)]
    assert [s.field for s in stale(figures, "2017-01-01", 3)] == ["b"]


def test_undated_figures_are_listed():
    found = undated(_figures())
    assert "donnees_demographiques.alphabetisation" in found
    assert "donnees_geographiques.monnaie.taux_de_change" in found
    assert not any(f.startswith("donnees_geographiques.superficie") for f in found)


def test_a_stale_figure_is_a_warning_on_the_line_of_its_date():
    (warning,) = warnings(str(TONGA), _figures(), "2017-07-01", 3)
    lines = TONGA.read_text(encoding="utf-8").splitlines()
    assert "chomage:" in lines[warning.line - 1] and "date: 2010" in lines[warning.line - 1]
    assert (warning.severity, warning.field) == ("warning", "donnees_economiques.chomage.date")
    assert warning.message == (
        "chiffre de 2010, antérieur de 7 ans à la mise à jour de la fiche (1er juillet 2017) : "
        "à actualiser (limite : 3 ans)"
    )


def test_the_manifest_form_round_trips_and_refuses_anything_else():
    figure = FigureDate("donnees_economiques.chomage", "2010", 80)
    assert FigureDate.from_list(figure.as_list()) == figure
    assert FigureDate.from_list(["x", None, None]) == FigureDate("x", None, None)
    for bad in (["x", 2010, 1], ["x", "2010"], "x", [1, None, None], ["x", None, "1"]):
        with pytest.raises(ValueError):
            FigureDate.from_list(bad)


def test_a_relations_fiche_has_no_figure_dates():
    assert load_source(DATA / "kazakhstan.yaml").figures() == []
