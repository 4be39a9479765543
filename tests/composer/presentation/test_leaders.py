"""Leaders and ministers are the persons of every fiche: civilité, function with its
determiner, name; each piece of their line knows its field."""

import pytest

from fiche_pays import compose
from fiche_pays.tree import Facts

from conftest import normalize, presentation, section_lines


@pytest.mark.parametrize(
    ("leader", "line"),
    [
        # Tonga 2017: « Chef de l'Etat : S.M. le Roi Tupou VI ».
        ({"civilite": "S.M.", "fonction": "le Roi", "nom": "Tupou VI"}, "S.M. le Roi Tupou VI"),
        # Mongolie 2021: « Chef de l'Etat : Président Khaltmaa BATTULGA (depuis 2017) ».
        (
            {"fonction": "le Président", "nom": "Khaltmaa BATTULGA", "depuis": 2017},
            "Président Khaltmaa BATTULGA (depuis 2017)",
        ),
        # A civilité after a function is set off by a comma, as in every person phrase.
        ({"fonction": "la Présidente", "civilite": "Mme", "nom": "X"}, "Présidente, Mme X"),
        (
            {"fonction": "la Présidente", "nom": "X", "naissance": "1960-01-01"},
            "Présidente X (née le 1er janvier 1960)",
        ),
        ({"civilite": "Dr", "genre": "féminin", "nom": "X", "elu": 2020}, "Dr X (élue en 2020)"),
    ],
)
def test_head_of_state_lines(leader, line):
    found = section_lines("donnees_generales", donnees_generales={"chef_de_l_etat": leader})
    assert found == [normalize(f"Chef de l’État : {line}")]


def test_ministers_are_listed_name_first_without_the_determiner():
    members = [
        {"civilite": "M.", "nom": "Aurélien AGBENONCI", "fonction": "le Ministre des Affaires"},
        {"civilite": "Mme", "nom": "Ana Dupont", "fonction": "la Ministre d'État"},
        {"nom": "Jean Dupont", "fonction": "l'Administrateur général"},
    ]
    assert section_lines("gouvernement", gouvernement={"membres": members}) == [
        "M. Aurélien AGBENONCI, Ministre des Affaires",
        "Mme Ana Dupont, Ministre d’État",
        "Jean Dupont, Administrateur général",
    ]


def _sources(runs) -> list[tuple[str, tuple, str] | tuple[str, None]]:
    return [
        (r.text, r.source.fields[0][-1], r.source.form) if r.source else (r.text, None)
        for r in runs
    ]


def test_each_piece_of_a_leaders_line_knows_its_field():
    leader = {
        "civilite": "M.",
        "nom": "Thongloun SISOULITH",
        "depuis": "2021-03",
        "fonctions": [{"titre": "Secrétaire général", "depuis": "2021-01", "reelu": "2026-01"}],
    }
    fiche = presentation(donnees_generales={"chef_de_l_etat": leader})
    (facts,) = compose(fiche).sections[0].children
    assert isinstance(facts, Facts)
    (row,) = facts.rows
    sources = [(text.replace("\u00a0", " "), *rest) for text, *rest in _sources(row.value)]
    assert sources == [
        ("M.", "civilite", "texte"),
        (" ", None),
        ("Thongloun SISOULITH", "nom", "texte"),
        (", ", None),
        ("Secrétaire général", "titre", "texte"),
        (" ", None),
        ("depuis ", None),
        ("janvier 2021", "depuis", "date"),
        (" (", None),
        ("réélu ", None),
        ("en janvier 2026", "reelu", "quand"),
        (")", None),
        (" (", None),
        ("depuis ", None),
        ("mars 2021", "depuis", "date"),
        (")", None),
    ]
    assert row.value[7].source.fields == (
        ("donnees_generales", "chef_de_l_etat", "fonctions", 0, "depuis"),
    )


def test_a_function_printed_without_its_determiner_reads_back_with_it():
    leader = {"fonction": "le Président", "nom": "Khaltmaa BATTULGA"}
    fiche = presentation(donnees_generales={"chef_de_l_etat": leader})
    (row,) = compose(fiche).sections[0].children[0].rows
    assert _sources(row.value)[0] == ("Président", "fonction", "sans_article")


def test_prose_cites_a_leader_with_the_determiner_of_the_function():
    leader = {"fonction": "le président", "nom": "Khaltmaa BATTULGA"}
    affairs = {"politique_interieure": {"texte": "Le pays est dirigé par {chef_de_l_etat}."}}
    found = section_lines(
        "politique_interieure",
        donnees_generales={"chef_de_l_etat": leader},
        elements_d_actualite=affairs,
    )
    assert "Le pays est dirigé par le président Khaltmaa BATTULGA." in found
