"""The published « Présentation du Kazakhstan » page (../shared/pages/
kazakhstan_presentation.txt): every figure and sentence in both documents.

The page's own mistakes are corrected, each by a check that would refuse it (tests of
model/presentation_checks.py): « 18 917 200 millions d'habitants » is 18,9 millions;
« 1 916 822 millions d'habitants » for Almaty is 1 916 822 inhabitants; « Densité : 6
habitants / km² » contradicts population / area, so the density is derived: 6,9.
"""

import pytest

from conftest import (
    assert_in_both,
    assert_page_quoted,
    assert_parity,
    assert_sentences,
    build_presentation,
    document_texts,
)

NAME = "kazakhstan"

# What the page says -> the line(s) both documents give it.
PAGE = {
    "Nom officiel : République du Kazakhstan": "Nom officiel : République du Kazakhstan",
    "Nature du régime : Présidentiel": "Nature du régime : Présidentiel",
    "Chef de l’État : Kassym-Jomart Tokaïev (né le 17 mai 1953)": (
        "Chef de l’État : M. Kassym-Jomart Tokaïev (né le 17 mai 1953)"
    ),
    "Chef du gouvernement : Alikhan Smaïlov": "Chef du gouvernement : Alikhan Smaïlov",
    "Superficie : 2 724 900 km²": "Superficie : 2 724 900 km²",
    "Capitale : Astana (1 136 000 habitants)": "Capitale : Astana (1 136 000 habitants)",
    "Villes principales : Almaty (1 916 822 millions d’habitants - l’ancienne capitale demeure "
    "un pôle économique et culturel), Karaganda, Atyraou, Aktaou, Pavlodar, Chymkent)": (
        "Villes principales : Almaty (1 916 822 habitants ; l’ancienne capitale demeure un pôle "
        "économique et culturel), Karaganda, Atyraou, Aktaou, Pavlodar, Chymkent"
    ),
    "Langues officielles : kazakh (langue d’État), russe (langue officielle)": (
        "Langues officielles : kazakh (langue d’État), russe (langue officielle)"
    ),
    "Monnaie : Tengué (1 euro = 516 Tengués en avril 2021)": (
        "Monnaie : Tengué (1 euro = 516 Tengués en avril 2021)"
    ),
    "Fête nationale : 16 décembre (Fête de l’Indépendance)": (
        "Fête nationale : 16 décembre (Fête de l’Indépendance)"
    ),
    "Population (2021) : 18 917 200 millions d’habitants (population urbaine : 59 %)": (
        "Population (2021) : 18,9 millions d’habitants (population urbaine : 59 %)"
    ),
    "Densité : 6 habitants / km²": "Densité (2021) : 6,9 hab./km²",
    "Croissance démographique (2021) : 1,37 %": "Croissance démographique (2021) : 1,37 %",
    "Espérance de vie (2019) : 73,18 ans (femmes : 77,3 ans ; hommes : 68,82 ans)": (
        "Espérance de vie (2019) : 73,18 ans (femmes : 77,3 ans ; hommes : 68,82 ans)"
    ),
    "Taux d’alphabétisation : 99,5 %": "Taux d’alphabétisation : 99,5 %",
    "Religions : islam sunnite de rite hanafite (70,2%) ; orthodoxie (26 %), minorités "
    "catholiques et protestantes": (
        "Religions : islam sunnite de rite hanafite (70,2 %), orthodoxie (26 %), minorités "
        "catholiques et protestantes"
    ),
}


@pytest.fixture(scope="module")
def made(theme, tmp_path_factory):
    return build_presentation(NAME, tmp_path_factory.mktemp(NAME), theme)


@pytest.fixture(scope="module")
def texts(made):
    return document_texts(made[1])


def test_every_figure_of_the_page_is_quoted():
    assert_page_quoted(NAME, PAGE)


@pytest.mark.parametrize("quote", PAGE)
def test_page_line_in_both_documents(quote, texts):
    assert_in_both(PAGE[quote], texts)


def test_every_sentence_in_both_documents(texts):
    assert_sentences(NAME, texts, cut="Le parti au pouvoir, Nour-Otan, a obtenu 71 %")


def test_tree_parity(made):
    assert_parity(*made)
