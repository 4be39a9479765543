"""The published « Présentation du Vanuatu » page (../shared/pages/
vanuatu_presentation.txt): every figure and sentence in both documents.

« Densité : 24 hab/ km² » contradicts 327 777 inhabitants on 12 189 km² (26,9), so the
density is derived.
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

NAME = "vanuatu"

PAGE = {
    "Nom officiel : République du Vanuatu": "Nom officiel : République du Vanuatu",
    "Nature du régime : République parlementaire": "Nature du régime : République parlementaire",
    "Chef de l’Etat : M. Nikenike VUROBARAVU (juillet 2022)": (
        "Chef de l’État : M. Nikenike VUROBARAVU (depuis juillet 2022)"
    ),
    "Chef du gouvernement : Jotham NAPAT (février 2025)": (
        "Chef du gouvernement : Jotham NAPAT (depuis février 2025)"
    ),
    "Superficie : 12 189 km²": "Superficie : 12 189 km²",
    "ZEE : 680 000 km2": "Zone économique exclusive : 680 000 km²",
    "Capitale : Port-Vila": "Capitale : Port-Vila",
    "Villes principales : Port-Vila, Luganville.": "Villes principales : Port-Vila, Luganville",
    "Langues officielles : bichelamar, anglais, français.": (
        "Langues officielles : bichelamar, anglais, français"
    ),
    "Monnaie : Vatu.": "Monnaie : Vatu",
    "Population : 327 777 habitants (Banque mondiale 2024).": (
        "Population (2024) : 327 777 habitants (Banque mondiale)"
    ),
    "Densité : 24 hab/ km².": "Densité (2024) : 26,9 hab./km²",
    "Croissance démographique : 2.3 % (Banque mondiale 2024).": (
        "Croissance démographique (2024) : 2,3 % (Banque mondiale)"
    ),
    "Espérance de vie : 71 ans (Banque mondiale 2023).": (
        "Espérance de vie (2023) : 71 ans (Banque mondiale)"
    ),
    "Taux d’alphabétisation : 89 % (Banque mondiale 2021).": (
        "Taux d’alphabétisation (2021) : 89 % (Banque mondiale)"
    ),
    "Religions : 83% de la population est chrétienne, dont 32% presbytérienne, 13% catholique, "
    "13% anglicane, et 11% adventistes du septième jour.": (
        "Religions : chrétiens (83 %, dont presbytériens 32 %, catholiques 13 %, anglicans "
        "13 %, adventistes du septième jour 11 %)"
    ),
    "IDH : 0,621 (146ème sur 191 en 2025)": (
        "Indice de développement humain (2025) : 0,621 (146e sur 191 pays)"
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
    assert_sentences(NAME, texts, cut="Après trois changements de gouvernements")


def test_tree_parity(made):
    assert_parity(*made)
