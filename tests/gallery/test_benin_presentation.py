"""The published « Présentation du Bénin » page (../shared/pages/benin_presentation.txt):
every figure in both documents.

The page has no current affairs in the excerpt; its list of ministers is cut in the middle
of the fifth, who is left out.
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

NAME = "benin"

PAGE = {
    "Nom officiel : République du Bénin": "Nom officiel : République du Bénin",
    "Nature du régime : République": "Nature du régime : République",
    "Chef de l’Etat et du Gouvernement : Patrice Talon (élu le 20 mars 2016)": (
        "Chef de l’État et du gouvernement : Patrice Talon (élu le 20 mars 2016)"
    ),
    "Superficie : 112 622 km²": "Superficie : 112 622 km²",
    "Capitale officielle : Porto-Novo": "Capitale officielle : Porto-Novo",
    "Villes principales : Cotonou, Djougou, Parakou, Abomey": (
        "Villes principales : Cotonou, Djougou, Parakou, Abomey"
    ),
    "Langue officielle : français": "Langue officielle : français",
    "Langue(s) courante(s) : français, fon, yoruba": "Langues courantes : français, fon, yoruba",
    "Monnaie : Franc CFA": "Monnaie : Franc CFA",
    "Fête nationale : 1er août (proclamation de l’indépendance en 1960)": (
        "Fête nationale : 1er août (proclamation de l’indépendance en 1960)"
    ),
    "Population (2017) : 11,5 millions": "Population (2017) : 11,5 millions d’habitants",
    "Densité (2017) : 100 hab/km²": "Densité (2017) : 100 hab./km²",
    "Taux de croissance démographique (2017) : 2,8% par an": (
        "Croissance démographique (2017) : 2,8 %"
    ),
    "Espérance de vie (2016) : 60,7 ans": "Espérance de vie (2016) : 60,7 ans",
    "Taux d’alphabétisation (2016) : 51%": "Taux d’alphabétisation (2016) : 51 %",
    "Religion(s) : vaudou, christianisme, islam, autres": (
        "Religions : vaudou, christianisme, islam, autres"
    ),
    "Indice de développement humain (2016) : 167ème sur 188 pays": (
        "Indice de développement humain (2016) : 167e sur 188 pays"
    ),
    "PIB (2017) : 9,4 Mds $ (FMI)": "PIB (2017) : 9,4 Md USD (FMI)",
    "PIB par habitant (2017) : 842 $": "PIB par habitant (2017) : 842 USD",
    "Taux de croissance (2017) : 5,6% (FMI)": "Taux de croissance (2017) : 5,6 % (FMI)",
    "Taux d’inflation (2017) : 2% (FMI)": "Taux d’inflation (2017) : 2 % (FMI)",
    "Principaux clients : Inde (15%), Malaisie (13%), Bangladesh (10%), Union européenne (8%) "
    "(2016, OMC)": (
        "Principaux clients (2016) : Inde (15 %), Malaisie (13 %), Bangladesh (10 %), Union "
        "européenne (8 %) (source : OMC)"
    ),
    "Principaux fournisseurs : Union européenne (28%), Inde (15%), Thaïlande (12%), Chine (8%), "
    "Togo (7%) (2016, OMC)": (
        "Principaux fournisseurs (2016) : Union européenne (28 %), Inde (15 %), Thaïlande "
        "(12 %), Chine (8 %), Togo (7 %) (source : OMC)"
    ),
    "Part des secteurs d’activités dans le PIB (2017) : • secteur primaire : 25% • secteur "
    "secondaire : 25% • secteur tertiaire : 50%": (
        "Part des secteurs d’activité dans le PIB (2017) : secteur primaire (25 %), secteur "
        "secondaire (25 %), secteur tertiaire (50 %)"
    ),
    "Exportations de la France vers le Bénin (2017) : 183 M€": (
        "Exportations de la France vers le Bénin (2017) : 183 M EUR"
    ),
    "Importations françaises depuis le Bénin (2017) : 3 M€": (
        "Importations françaises depuis le Bénin (2017) : 3 M EUR"
    ),
    "http://www.tresor.economie.gouv.fr/Pays/benin": "http://www.tresor.economie.gouv.fr/Pays/benin",
    "M. Abdoulaye BIO TCHANE, Ministre d’Etat chargé du plan et du développement": (
        "M. Abdoulaye BIO TCHANE, Ministre d’État chargé du plan et du développement"
    ),
    "M. Séverin Maxime QUENUM, Garde des sceaux, Ministre de la Justice et de la Législation": (
        "M. Séverin Maxime QUENUM, Garde des sceaux, Ministre de la Justice et de la Législation"
    ),
    "M. Aurélien AGBENONCI, Ministre des Affaires étrangères et de la Coopération": (
        "M. Aurélien AGBENONCI, Ministre des Affaires étrangères et de la Coopération"
    ),
    "M. Romuald WADAGNI, Ministre de l’Economie et des Finances": (
        "M. Romuald WADAGNI, Ministre de l’Économie et des Finances"
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
    assert_sentences(NAME, texts, cut=None)


def test_tree_parity(made):
    assert_parity(*made)
