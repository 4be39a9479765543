"""Which figures of a presentation can age: dated figures and lists, not areas, not the
earlier values they carry."""

from fiche_pays.model.freshness import dated_figures

from conftest import load_presentation, presentation


def _dates(fiche) -> dict[str, str | None]:
    return {".".join(map(str, p)): (str(d) if d else None) for p, d in dated_figures(fiche)}


def test_every_figure_of_tonga_with_its_date():
    found = _dates(load_presentation("tonga"))
    assert found["donnees_economiques.chomage"] == "2010"
    assert found["donnees_demographiques.population"] == "2016"
    assert found["donnees_economiques.principaux_clients"] == "2014"
    for undated in (
        "donnees_demographiques.alphabetisation",
        "donnees_demographiques.religions",
        "donnees_geographiques.monnaie.taux_de_change",
        "donnees_geographiques.capitale.population",
    ):
        assert found[undated] is None


def test_areas_do_not_age_and_earlier_values_are_not_figures():
    fiche = presentation(
        donnees_geographiques={"superficie": {"valeur": 749, "date": 2000}},
        donnees_economiques={
            "croissance": {
                "valeur": 2.3,
                "date": 2021,
                "precedents": [{"valeur": 7.8, "date": 2014}],
            }
        },
    )
    assert _dates(fiche) == {"donnees_economiques.croissance": "2021"}
