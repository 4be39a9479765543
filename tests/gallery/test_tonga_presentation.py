"""The published « Présentation du Royaume des Tonga » page (../shared/pages/
tonga_presentation.txt): every figure in both documents.

Its only sentence of current affairs is cut by the excerpt. The clients' and suppliers'
amounts look swapped on the page; they are kept as published (commented in the data).
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

NAME = "tonga"

PAGE = {
    "Nom officiel : Royaume des Tonga": "Nom officiel : Royaume des Tonga",
    "Nature du régime : monarchie constitutionnelle": (
        "Nature du régime : monarchie constitutionnelle"
    ),
    "Chef de l’Etat : S.M. le Roi Tupou VI ; Premier ministre : M. Akilisi POHIVA": (
        "Chef de l’État : S.M. le Roi Tupou VI",
        "Premier ministre : M. Akilisi POHIVA",
    ),
    "Superficie : 749 km² répartis sur plus de 170 îles (ZEE 666 591 km2)": (
        "Superficie : 749 km² répartis sur plus de 170 îles",
        "Zone économique exclusive : 666 591 km²",
    ),
    "Capitale : Nuku’Alofa (environ 25 000 habitants) sur l’île Tongatapu": (
        "Capitale : Nuku’Alofa (environ 25 000 habitants ; sur l’île Tongatapu)"
    ),
    "Langue(s) officielle(s) : tongien, anglais": "Langues officielles : tongien, anglais",
    "Langue(s) courante(s) : tongien, anglais": "Langues courantes : tongien, anglais",
    "Monnaie : pa’anga (1 pa’anga = 0,40 euro)": "Monnaie : pa’anga (1 pa’anga = 0,40 euro)",
    "Fête nationale : 4 novembre": "Fête nationale : 4 novembre",
    "Population : 107 122 (Banque mondiale, 2016)": (
        "Population (2016) : 107 122 habitants (Banque mondiale)"
    ),
    "Densité : 143,02 h / km² (Banque mondiale, 2016)": (
        "Densité (2016) : 143,02 hab./km² (Banque mondiale)"
    ),
    "Croissance démographique : 0,9% (Banque mondiale, 2016)": (
        "Croissance démographique (2016) : 0,9 % (Banque mondiale)"
    ),
    "Espérance de vie : 73 ans (Banque mondiale, 2015)": (
        "Espérance de vie (2015) : 73 ans (Banque mondiale)"
    ),
    "Taux d’alphabétisation : 99 % (Banque mondiale)": (
        "Taux d’alphabétisation : 99 % (Banque mondiale)"
    ),
    "Religion(s) : Méthodistes (53 %), Catholiques (16%), Mormons (17% - taux le plus élevé "
    "dans le monde), autres groupes (14 %).": (
        "Religions : Méthodistes (53 %), Catholiques (16 %), Mormons (17 % ; taux le plus "
        "élevé dans le monde), autres groupes (14 %)"
    ),
    "Indice de développement humain (2015) : 0,717 (100e rang mondial)": (
        "Indice de développement humain (2015) : 0,717 (100e rang mondial)"
    ),
    "PIB : 395,16 M USD (Banque mondiale, 2016)": "PIB (2016) : 395,16 M USD (Banque mondiale)",
    "PIB par habitant : 3 688 USD (FMI, 2015)": "PIB par habitant (2015) : 3 688 USD (FMI)",
    "Taux de croissance : 3,7 %(Banque mondiale 2015)": (
        "Taux de croissance (2015) : 3,7 % (Banque mondiale)"
    ),
    "Taux de chômage : 13% (FMI, 2010)": "Taux de chômage (2010) : 13 % (FMI)",
    "Taux d’inflation : 1,5% (Banque mondiale, 2015)": (
        "Taux d’inflation (2015) : 1,5 % (Banque mondiale)"
    ),
    "Principaux fournisseurs : Nouvelle-Zélande (4,38 M USD) ; Chine (Hong-Kong – 3,35 M USD) ; "
    "Etats-Unis (2,48 MUSD) ; Japon (2,05 M USD) ; Australie (1,66 M USD) – Source ITC 2014": (
        "Principaux fournisseurs (2014) : Nouvelle-Zélande (4,38 M USD), Chine – Hong-Kong "
        "(3,35 M USD), États-Unis (2,48 M USD), Japon (2,05 M USD), Australie (1,66 M USD) "
        "(source : ITC)"
    ),
    "Principaux clients : Nouvelle-Zélande (62,42 M USD) ; Etats-Unis (23,68 M USD) ; Japon "
    "(17,46 M USD) ; Chine (16,4 M USD) ; Australis (11,76 MUSD) – Source ITC 2014": (
        "Principaux clients (2014) : Nouvelle-Zélande (62,42 M USD), États-Unis (23,68 M USD), "
        "Japon (17,46 M USD), Chine (16,4 M USD), Australie (11,76 M USD) (source : ITC)"
    ),
    "Site internet de l’ambassade : https://fj.ambafrance.org/": (
        "Site internet de l’ambassade de France : https://fj.ambafrance.org/"
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
    assert_sentences(
        NAME, texts, cut="Monarchie constitutionnelle où le roi détient le pouvoir exécutif"
    )


def test_tree_parity(made):
    assert_parity(*made)
