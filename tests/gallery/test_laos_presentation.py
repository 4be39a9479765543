"""The published « Présentation du Laos » page (../shared/pages/laos_presentation.txt):
every figure and sentence in both documents.

« Densité : 23,8 hab./km2 (2023) » contradicts 7,8 millions on 236 800 km² (32,9), so the
density is derived from the 2024 population.
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

NAME = "laos"

PAGE = {
    "Nom officiel : République démocratique populaire lao": (
        "Nom officiel : République démocratique populaire lao"
    ),
    "Nature du régime : Parti unique": "Nature du régime : Parti unique",
    "Chef de l’Etat : M. Thongloun SISOULITH, Président de la République depuis mars 2021, "
    "Secrétaire général du Parti révolutionnaire populaire lao depuis janvier 2021 (réélu en "
    "janvier 2026)": (
        "Chef de l’État : M. Thongloun SISOULITH, Président de la République depuis mars 2021, "
        "Secrétaire général du Parti révolutionnaire populaire lao depuis janvier 2021 (réélu "
        "en janvier 2026)"
    ),
    "Premier ministre : Dr Sonexay SIPHANDONE, en fonction depuis décembre 2022": (
        "Premier ministre : Dr Sonexay SIPHANDONE (depuis décembre 2022)"
    ),
    "Superficie : 236 800 km²": "Superficie : 236 800 km²",
    "Capitale : Vientiane (756 000 habitants)": "Capitale : Vientiane (756 000 habitants)",
    "Villes principales : Savannakhet (126 000 habitants), Luang Prabang (90 000) et Paksé "
    "(88 000)": (
        "Villes principales : Savannakhet (126 000 habitants), Luang Prabang (90 000 habitants), "
        "Paksé (88 000 habitants)"
    ),
    "Langue officielle : lao": "Langue officielle : lao",
    "Monnaie : kip laotien": "Monnaie : kip laotien",
    "Population : 7,8 millions d’habitants (2024, Banque mondiale)": (
        "Population (2024) : 7,8 millions d’habitants (Banque mondiale)"
    ),
    "Densité : 23,8 hab./km2 (2023)": "Densité (2024) : 32,9 hab./km²",
    "Croissance démographique : 1,4% (2024, Banque mondiale)": (
        "Croissance démographique (2024) : 1,4 % (Banque mondiale)"
    ),
    "Espérance de vie : 69 ans (2023)": "Espérance de vie (2023) : 69 ans",
    "Taux d’alphabétisation : 75,9% (2023, Banque mondiale)": (
        "Taux d’alphabétisation (2023) : 75,9 % (Banque mondiale)"
    ),
    "Religions : bouddhisme (65%), animisme (30%) et christianisme (1,5%)": (
        "Religions : bouddhisme (65 %), animisme (30 %), christianisme (1,5 %)"
    ),
    "Indice de développement humain : 0,62 (2022, Banque mondiale), soit 140e/189 pays": (
        "Indice de développement humain (2022) : 0,62 (140e sur 189 pays ; source : Banque "
        "mondiale)"
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
    assert_sentences(NAME, texts, cut="Le XIe Congrès avait mis l’accent")


def test_tree_parity(made):
    assert_parity(*made)
