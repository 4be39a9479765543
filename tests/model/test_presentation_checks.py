"""Cross-field checks of presentation fiches: each contradiction a real page made is
caught, with a French message that names both values."""

import pytest

from fiche_pays.model.presentation_checks import check

from conftest import PRESENTATIONS, load_presentation, presentation

AREA_KZ = {"superficie": {"valeur": 2724900}}


def findings(**sections) -> dict[str, str]:
    """The problems of a fiche made of ``sections``, keyed by their dotted data path."""
    fiche = presentation(**sections)
    return {".".join(map(str, f.path)): f.message for f in check(fiche)}


@pytest.mark.parametrize("name", PRESENTATIONS)
def test_gallery_presentations_have_no_contradiction(name):
    assert check(load_presentation(name)) == []


def test_population_typed_in_units_but_said_in_millions():
    # The published Kazakhstan page: « Population (2021) : 18 917 200 millions d'habitants ».
    found = findings(
        donnees_geographiques=AREA_KZ,
        donnees_demographiques={
            "population": {"valeur": 18917200, "unite": "millions", "date": 2021}
        },
    )
    assert list(found) == ["donnees_demographiques.population.valeur"]
    message = found["donnees_demographiques.population.valeur"]
    assert message.startswith("18\u202f917\u202f200 millions d'habitants : plus que la population")
    assert "retirez alors « unite: millions »" in message


def test_population_typed_in_millions_but_said_in_units_shows_in_the_density():
    found = findings(
        donnees_geographiques=AREA_KZ,
        donnees_demographiques={"population": {"valeur": 19, "date": 2021}},
    )
    message = found["donnees_demographiques.population.valeur"]
    assert "19 habitants sur 2\u202f724\u202f900 km², soit moins de 0,0001 habitants" in message
    assert "invraisemblable" in message and "ajoutez alors « unite: millions »" in message


def test_stated_density_contradicting_population_and_area():
    # The published Kazakhstan page: « Densité : 6 habitants / km² » (it is 6,9).
    found = findings(
        donnees_geographiques=AREA_KZ,
        donnees_demographiques={
            "population": {"valeur": 18917200, "date": 2021},
            "densite": {"valeur": 6},
        },
    )
    message = found["donnees_demographiques.densite.valeur"]
    assert message == (
        "densité indiquée : 6 hab./km², mais population / superficie = 18\u202f917\u202f200 "
        "habitants / 2\u202f724\u202f900 km² = 6,9 hab./km² ; corrigez l'une des valeurs, ou "
        "retirez « densite », qui est alors calculée"
    )


def test_stated_density_within_rounding_and_slack_is_accepted():
    # Bénin: 100 hab./km² stated, 11,5 millions / 112 622 km² = 102,1.
    assert (
        findings(
            donnees_geographiques={"superficie": {"valeur": 112622}},
            donnees_demographiques={
                "population": {"valeur": 11.5, "unite": "millions", "date": 2017},
                "densite": {"valeur": 100, "date": 2017},
            },
        )
        == {}
    )


def test_city_larger_than_its_country():
    # The published Kazakhstan page: « Almaty (1 916 822 millions d'habitants …) ».
    found = findings(
        donnees_geographiques={
            "villes_principales": [
                {"nom": "Almaty", "population": {"valeur": 1916822, "unite": "millions"}}
            ]
        },
        donnees_demographiques={"population": {"valeur": 18917200, "date": 2021}},
    )
    message = found["donnees_geographiques.villes_principales.0.population.valeur"]
    assert message.startswith("Almaty : 1\u202f916\u202f822 millions d'habitants, plus que le pays")
    assert "retirez alors « unite: millions »" in message


def test_city_larger_than_any_city_without_a_country_population():
    found = findings(
        donnees_geographiques={
            "capitale": {"nom": "Astana", "population": {"valeur": 1136000, "unite": "milliers"}}
        }
    )
    assert (
        "plus qu'aucune ville au monde" in found["donnees_geographiques.capitale.population.valeur"]
    )


BENIN_2017 = {
    "donnees_demographiques": {"population": {"valeur": 11.5, "unite": "millions", "date": 2017}},
}


def test_gdp_per_capita_contradicting_gdp_and_population():
    found = findings(
        **BENIN_2017,
        donnees_economiques={
            "pib": {"valeur": 9.4, "unite": "Md", "devise": "USD", "date": 2017},
            "pib_par_habitant": {"valeur": 950, "devise": "USD", "date": 2017},
        },
    )
    assert found["donnees_economiques.pib_par_habitant.valeur"] == (
        "PIB par habitant indiqué : 950 USD, mais PIB / population = 9,4 Md USD / 11,5 millions "
        "d'habitants = 817 USD ; corrigez l'une des valeurs, ou retirez « pib_par_habitant », "
        "qui est alors calculé"
    )


def test_gdp_per_capita_of_another_year_is_not_compared():
    assert (
        findings(
            **BENIN_2017,
            donnees_economiques={
                "pib": {"valeur": 9.4, "unite": "Md", "devise": "USD", "date": 2017},
                "pib_par_habitant": {"valeur": 709, "devise": "USD", "date": 2015},
            },
        )
        == {}
    )


def test_gdp_typed_in_millions_instead_of_billions():
    found = findings(
        **BENIN_2017,
        donnees_economiques={"pib": {"valeur": 9.4, "unite": "M", "devise": "USD", "date": 2017}},
    )
    message = found["donnees_economiques.pib.valeur"]
    assert "soit 0,8174 USD par habitant : invraisemblable" in message
    assert "vérifiez l'unité du PIB (M ou Md)" in message


def test_french_exports_larger_than_half_the_gdp():
    # Mongolie 2017: « Exportations 2016 françaises vers Mongolie : 9 314 millions d'euros ».
    found = findings(
        donnees_economiques={
            "pib": {"valeur": 11, "unite": "Md", "devise": "USD", "date": 2016},
            "echanges_avec_la_france": {
                "exportations": {"valeur": 9314, "unite": "M", "devise": "EUR", "date": 2016}
            },
        }
    )
    message = found["donnees_economiques.echanges_avec_la_france.exportations.valeur"]
    assert "9\u202f314 M EUR, soit 85 % du PIB du pays (11 Md USD)" in message


def test_trade_total_checked_against_its_parts():
    flow = {"unite": "M", "devise": "EUR", "date": 2017}
    found = findings(
        donnees_economiques={
            "echanges_avec_la_france": {
                "exportations": {"valeur": 183, **flow},
                "importations": {"valeur": 3, **flow},
                "total": {"valeur": 196, **flow},
            }
        }
    )
    assert (
        "exportations + importations = 186 M EUR"
        in found["donnees_economiques.echanges_avec_la_france.total.valeur"]
    )


def test_shares_over_100_percent():
    religions = {"liste": [{"nom": "a", "part": 70.2}, {"nom": "b", "part": 36}]}
    found = findings(donnees_demographiques={"religions": religions})
    assert found["donnees_demographiques.religions.liste"] == (
        "religions : les parts font 106,2 % (70,2 + 36), plus que 100 %"
    )


def _sectors(*shares: float) -> dict:
    names = ("agriculture", "industrie", "services")
    return {"liste": [{"nom": n, "part": p} for n, p in zip(names, shares, strict=True)]}


def test_sector_shares_over_100_beyond_rounding():
    # Mongolie 2017: 15,1 + 33,8 + 51,6 = 100,5 %, more than three roundings to 0,1 allow.
    found = findings(donnees_economiques={"secteurs": _sectors(15.1, 33.8, 51.6)})
    assert "les parts font 100,5 %" in found["donnees_economiques.secteurs.liste"]


def test_sector_shares_rounded_to_just_over_100_are_accepted():
    # Bénin 2016: 23,5 + 23,2 + 53,4 = 100,1 %, within three roundings to 0,1.
    assert findings(donnees_economiques={"secteurs": _sectors(23.5, 23.2, 53.4)}) == {}


def test_client_shares_over_100_percent():
    clients = {"liste": [{"nom": "Chine", "part": 60}, {"nom": "Russie", "part": 45}]}
    found = findings(donnees_economiques={"principaux_clients": clients})
    assert (
        "principaux clients : les parts font 105 %"
        in found["donnees_economiques.principaux_clients.liste"]
    )


def test_subgroups_larger_than_their_group():
    religions = {
        "liste": [
            {
                "nom": "chrétiens",
                "part": 83,
                "dont": [{"nom": "presbytériens", "part": 52}, {"nom": "catholiques", "part": 33}],
            }
        ]
    }
    found = findings(donnees_demographiques={"religions": religions})
    assert found["donnees_demographiques.religions.liste.0.dont"] == (
        "chrétiens, dont : les parts font 85 % (52 + 33), plus que les 83 % de « chrétiens »"
    )


@pytest.mark.parametrize(
    ("sections", "path"),
    [
        ({"donnees_demographiques": {"idh": {"rang": 190, "sur": 189}}}, "idh"),
        (
            {
                "autres_donnees": {
                    "classements": [{"nom": "Doing Business", "rang": 190, "sur": 189}]
                }
            },
            "classements.0",
        ),
    ],
)
def test_rank_beyond_out_of(sections, path):
    found = findings(**sections)
    (key,) = found
    assert key.endswith(f"{path}.rang")
    assert (
        found[key] == "rang 190e sur 189 : un rang ne peut pas dépasser le nombre de pays classés"
    )


def test_life_expectancy_outside_women_and_men():
    life = {"valeur": 79.5, "femmes": 77.3, "hommes": 68.82, "date": 2019}
    found = findings(donnees_demographiques={"esperance_de_vie": life})
    assert (
        "hors de l'intervalle des femmes et des hommes (68,82 à 77,3 ans)"
        in found["donnees_demographiques.esperance_de_vie.valeur"]
    )


def test_figure_dated_after_the_update():
    found = findings(
        donnees_demographiques={"population": {"valeur": 19.6, "unite": "millions", "date": 2023}},
        donnees_generales={"chef_du_gouvernement": {"nom": "X", "depuis": "2024-02-06"}},
    )
    assert found["donnees_demographiques.population.date"] == (
        "chiffre de 2023, postérieur à la mise à jour de la fiche (17 septembre 2022) : "
        "corrigez la date, ou avancez la mise à jour"
    )
    assert found["donnees_generales.chef_du_gouvernement.depuis"].startswith(
        "date (6 février 2024) postérieure à la mise à jour"
    )


@pytest.mark.parametrize("key", ["politique_interieure", "donnees_generales", "securite"])
def test_extra_section_keys_are_unique(key):
    # A section's key is its anchor and bookmark: no two sections of a document share one.
    current = {
        "autres": [
            {"cle": "securite", "titre": "Sécurité", "texte": "Texte."},
            {"cle": key, "titre": "Doublon", "texte": "Texte."},
        ]
    }
    found = findings(elements_d_actualite=current)
    assert found == {
        "elements_d_actualite.autres.1.cle": f"identifiant de section « {key} » déjà utilisé"
    }


@pytest.mark.parametrize(
    ("name", "published", "why"),
    [
        ("kazakhstan", 6, "18\u202f917\u202f200 habitants / 2\u202f724\u202f900 km² = 6,9"),
        ("laos", 23.8, "7,8 millions d'habitants / 236\u202f800 km² = 32,9"),
        ("mongolie", 1.9, "3,20 millions d'habitants / 1\u202f556\u202f500 km² = 2,1"),
        ("vanuatu", 24, "327\u202f777 habitants / 12\u202f189 km² = 26,9"),
    ],
)
def test_the_published_densities_that_contradict_their_page_are_refused(name, published, why):
    # Each data file leaves the page's density out (a comment says why): typed back in,
    # the check refuses it with both values.
    from fiche_pays.loader import yamlsource
    from fiche_pays.model.presentation import Presentation

    from conftest import DATA

    text = (DATA / f"{name}.presentation.yaml").read_text(encoding="utf-8")
    data, _ = yamlsource.parse(text)
    data["donnees_demographiques"]["densite"] = {"valeur": published}
    (finding,) = check(Presentation.model_validate(data))
    assert finding.path == ("donnees_demographiques", "densite", "valeur")
    shown = str(published).replace(".", ",")
    assert finding.message == (
        f"densité indiquée : {shown} hab./km², mais population / superficie = {why} hab./km² ; "
        "corrigez l'une des valeurs, ou retirez « densite », qui est alors calculée"
    )
