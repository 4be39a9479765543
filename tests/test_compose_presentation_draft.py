"""Presentation tree (draft): sections in the pages' order, every line worded as
documented in the format note, prose word for word from the published pages."""

import re
from pathlib import Path

import pytest

from fiche_pays import tree
from fiche_pays.compose import Wording
from fiche_pays.compose_presentation_draft import compose, reference_names
from fiche_pays.french import Units
from fiche_pays.model_presentation_draft import Presentation
from test_model_presentation_draft import COUNTRIES, load, presentation

from conftest import normalize

PAGES = Path(__file__).resolve().parents[2] / "shared" / "pages"
if not PAGES.is_dir():  # a worktree sits two levels below /work, the main checkout one
    PAGES = Path("/work/shared/pages")


def lines(document: tree.Document) -> dict[str, list[str]]:
    """Every fact line and paragraph of each section, normalised, by section key."""
    found: dict[str, list[str]] = {}
    for section in tree.iter_sections(document.sections):
        texts = found.setdefault(section.key, [])
        for child in section.children:
            match child:
                case tree.Facts():
                    texts += [normalize(f"{r.label} : {tree.plain(r.value)}") for r in child.rows]
                case tree.Paragraph():
                    texts.append(normalize(tree.plain(child.runs)))
                case tree.BulletList():
                    texts += [normalize(tree.plain(item)) for item in child.items]
    return found


def all_lines(name: str) -> list[str]:
    return [line for texts in lines(compose(load(name))).values() for line in texts]


def test_sections_follow_the_pages_order():
    keys = [s.key for s in compose(load("benin")).sections]
    assert keys == [
        "donnees_generales",
        "donnees_geographiques",
        "donnees_demographiques",
        "donnees_economiques",
        "gouvernement",
    ]
    kazakhstan = compose(load("kazakhstan"))
    assert [s.key for s in tree.iter_sections(kazakhstan.sections)][-2:] == [
        "elements_d_actualite",
        "politique_interieure",
    ]
    assert [s.level for s in tree.iter_sections(kazakhstan.sections)][-2:] == [1, 2]


def test_meta_names_the_kind_and_the_update():
    meta = compose(load("tonga")).meta
    assert (meta.title, meta.kind, meta.subject) == (
        "Tonga — Présentation du pays",
        "Présentation du pays",
        "Présentation des Tonga",
    )
    assert normalize(meta.date_label) == "Mise à jour : 1er juillet 2017"


# The lines the format note (issue11-format.md) shows, for each gallery country.
EXPECTED = {
    "kazakhstan": [
        "Chef de l’État : M. Kassym-Jomart Tokaïev (né le 17 mai 1953)",
        "Capitale : Astana (1,14 million d’habitants)",
        "Villes principales : Almaty (1,92 million d’habitants ; l’ancienne capitale demeure un "
        "pôle économique et culturel), Karaganda, Atyraou, Aktaou, Pavlodar, Chymkent",
        "Langues officielles : kazakh (langue d’État), russe (langue officielle)",
        "Monnaie : Tengué (1 euro = 516 Tengués en avril 2021)",
        "Fête nationale : 16 décembre (Fête de l’Indépendance)",
        "Population (2021) : 18,9 millions d’habitants (population urbaine : 59 %)",
        "Densité (2021) : 6,9 hab./km²",
        "Espérance de vie (2019) : 73,18 ans (femmes : 77,3 ans ; hommes : 68,82 ans)",
        "Taux d’alphabétisation : 99,5 %",
        "Religions : islam sunnite de rite hanafite (70,2 %), orthodoxie (26 %), minorités "
        "catholiques et protestantes",
    ],
    "benin": [
        "Chef de l’État et du gouvernement : Patrice Talon (élu le 20 mars 2016)",
        "Capitale officielle : Porto-Novo",
        "Fête nationale : 1er août (proclamation de l’indépendance en 1960)",
        "Densité (2017) : 100 hab./km²",
        "Indice de développement humain (2016) : 167e sur 188 pays",
        "PIB (2017) : 9,4 Md USD (FMI)",
        "PIB par habitant (2017) : 842 USD",
        "Principaux clients (2016) : Inde (15 %), Malaisie (13 %), Bangladesh (10 %), Union "
        "européenne (8 %) (source : OMC)",
        "Part des secteurs d’activité dans le PIB (2017) : secteur primaire (25 %), secteur "
        "secondaire (25 %), secteur tertiaire (50 %)",
        "Exportations de la France vers le Bénin (2017) : 183 M EUR",
        "M. Abdoulaye BIO TCHANE, Ministre d’État chargé du plan et du développement",
    ],
    "laos": [
        "Chef de l’État : M. Thongloun SISOULITH, Président de la République depuis mars 2021, "
        "Secrétaire général du Parti révolutionnaire populaire lao depuis janvier 2021 (réélu en "
        "janvier 2026)",
        "Premier ministre : Dr Sonexay SIPHANDONE (depuis décembre 2022)",
        "Villes principales : Savannakhet (126 000 habitants), Luang Prabang (90 000 habitants), "
        "Paksé (88 000 habitants)",
        "Population (2024) : 7,8 millions d’habitants (Banque mondiale)",
        "Densité (2024) : 32,9 hab./km²",
        "Indice de développement humain (2022) : 0,62 (140e sur 189 pays ; source : Banque "
        "mondiale)",
    ],
    "mongolie": [
        "Chef de l’État : Président Khaltmaa BATTULGA (depuis 2017)",
        "Fête nationale : du 10 au 12 juillet (« Naadam »)",
        "Population : 3,20 millions d’habitants",
        "Densité : 2,1 hab./km²",
        "Indice de développement humain (2019) : 0,737 (99e rang mondial ; source : PNUD)",
    ],
    "tonga": [
        "Chef de l’État : S.M. le Roi Tupou VI",
        "Premier ministre : M. Akilisi POHIVA",
        "Superficie : 749 km² répartis sur plus de 170 îles",
        "Zone économique exclusive : 666 591 km²",
        "Capitale : Nuku’Alofa (environ 25 000 habitants ; sur l’île Tongatapu)",
        "Monnaie : pa’anga (1 pa’anga = 0,40 euro)",
        "Densité (2016) : 143,02 hab./km² (Banque mondiale)",
        "Religions : Méthodistes (53 %), Catholiques (16 %), Mormons (17 % ; taux le plus élevé "
        "dans le monde), autres groupes (14 %)",
        "PIB (2016) : 395,16 M USD (Banque mondiale)",
        "PIB par habitant (2015) : 3 688 USD (FMI)",
        "Taux de chômage (2010) : 13 % (FMI)",
        "Principaux fournisseurs (2014) : Nouvelle-Zélande (4,38 M USD), Chine – Hong-Kong "
        "(3,35 M USD), États-Unis (2,48 M USD), Japon (2,05 M USD), Australie (1,66 M USD) "
        "(source : ITC)",
        "Site internet de l’ambassade de France : https://fj.ambafrance.org/",
    ],
    "vanuatu": [
        "Chef du gouvernement : Jotham NAPAT (depuis février 2025)",
        "Population (2024) : 327 777 habitants (Banque mondiale)",
        "Densité (2024) : 26,9 hab./km²",
        "Religions : chrétiens (83 %, dont presbytériens 32 %, catholiques 13 %, anglicans 13 %, "
        "adventistes du septième jour 11 %)",
        "Indice de développement humain (2025) : 0,621 (146e sur 191 pays)",
    ],
}


@pytest.mark.parametrize("name", COUNTRIES)
def test_lines_are_worded_as_documented(name):
    found = all_lines(name)
    for line in EXPECTED[name]:
        assert normalize(line) in found


def _page_text(name: str) -> str:
    text = (PAGES / f"{name}_presentation.txt").read_text(encoding="utf-8")
    return normalize(text.split("[EXCERPT TRUNCATED")[0])


@pytest.mark.parametrize("name", COUNTRIES)
def test_prose_is_the_pages_word_for_word(name):
    document = compose(load(name))
    page = _page_text(name)
    current = [s for s in document.sections if s.key == "elements_d_actualite"]
    paragraphs = [
        normalize(tree.plain(p.runs))
        for section in tree.iter_sections(tuple(current))
        for p in section.children
        if isinstance(p, tree.Paragraph)
    ]
    assert paragraphs or name in ("benin", "tonga")  # their prose is cut mid-sentence
    for paragraph in paragraphs:
        # Typography only: the page's "80%" is "80 %" here.
        assert re.sub(r"(\d) %", r"\1%", paragraph) in re.sub(r"(\d) %", r"\1%", page)


def test_prose_cites_the_data():
    laos = compose(load("laos"))
    text = " ".join(all_lines("laos"))
    assert "réélu Thongloun SISOULITH Secrétaire général" in text
    assert "{" not in text and laos.sections


def test_reference_names_word_figures_like_the_lines():
    names = reference_names(load("kazakhstan"), Units())
    assert normalize(names["population"]) == "18,9 millions d’habitants"
    assert names["population.date"] == "2021"
    assert names["chef_de_l_etat"] == "M. Kassym-Jomart Tokaïev"
    assert names["pays.du"] == "du Kazakhstan"
    benin = reference_names(load("benin"), Units())
    assert normalize(benin["pib"]) == "9,4 Md USD" and benin["pib.source"] == "FMI"
    assert normalize(benin["idh.rang"]) == "167e sur 188 pays"


def test_gdp_per_capita_is_derived_when_not_typed():
    document = compose(
        Presentation.model_validate(
            presentation(
                donnees_demographiques={
                    "population": {"valeur": 11.5, "unite": "millions", "date": 2017}
                },
                donnees_economiques={
                    "pib": {"valeur": 9.4, "unite": "Md", "devise": "USD", "date": 2017}
                },
            )
        )
    )
    assert "PIB par habitant (2017) : 817 USD" in lines(document)["donnees_economiques"]


def test_template_units_word_the_amounts():
    units = Units(currency={"EUR": "€", "USD": "$"})
    document = compose(load("benin"), Wording(units=units))
    economy = lines(document)["donnees_economiques"]
    assert "PIB (2017) : 9,4 Md $ (FMI)" in economy
    assert "Exportations de la France vers le Bénin (2017) : 183 M €" in economy
