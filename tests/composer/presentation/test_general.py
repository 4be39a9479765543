"""Données générales: leaders with their civilité, dates and notes, office holders."""

import pytest

from conftest import normalize, section_lines


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
    found = section_lines("donnees_generales", donnees_generales={"chef_du_gouvernement": leader})
    assert found == [normalize(line)]


def test_other_office_holders():
    # Kazakhstan 2019.
    other = {
        "intitule": "Président du Conseil national de sécurité (organe constitutionnel)",
        "nom": "Noursoultan NAZARBAÏEV",
    }
    found = section_lines("donnees_generales", donnees_generales={"autres_dirigeants": [other]})
    assert found == [
        "Président du Conseil national de sécurité (organe constitutionnel) : "
        "Noursoultan NAZARBAÏEV"
    ]


def test_a_head_of_state_with_two_offices():
    # Laos: « M. Thongloun SISOULITH, Président de la République depuis mars 2021, Secrétaire
    # général du Parti révolutionnaire populaire lao depuis janvier 2021 (réélu en janvier 2026) ».
    head = {
        "civilite": "M.",
        "nom": "Thongloun SISOULITH",
        "fonctions": [
            {"titre": "Président de la République", "depuis": "2021-03"},
            {"titre": "Secrétaire général du Parti", "depuis": "2021-01", "reelu": "2022-01"},
        ],
    }
    found = section_lines("donnees_generales", donnees_generales={"chef_de_l_etat": head})
    assert found == [
        "Chef de l’État : M. Thongloun SISOULITH, Président de la République depuis mars 2021, "
        "Secrétaire général du Parti depuis janvier 2021 (réélu en janvier 2022)"
    ]


def test_head_of_state_and_of_government():
    head = {"nom": "Patrice Talon", "chef_du_gouvernement": True, "elu": "2016-03-20"}
    found = section_lines("donnees_generales", donnees_generales={"chef_de_l_etat": head})
    assert found == ["Chef de l’État et du gouvernement : Patrice Talon (élu le 20 mars 2016)"]
