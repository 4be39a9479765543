"""`fiche-pays apply` on a gallery "Présentation du pays" DOCX: a figure, its date or
source, a prose paragraph, a leader's name, a minister's function edited in Word come
back into the data file (tracked changes and comments listed); computed figures are
refused with the fields they come from; the YAML keeps its comments; the rebuilt PDF
shows the edits."""

import difflib
import shutil
from pathlib import Path

import pytest

from fiche_pays import build
from fiche_pays.apply.engine import apply_docx
from fiche_pays.apply.report import lines
from fiche_pays.loader.load import load_source

from conftest import WordEdit, pdf_text

GALLERY = Path(__file__).resolve().parents[2] / "data"
LAOS = Path("data/laos.presentation.yaml")
BENIN = Path("data/benin.presentation.yaml")


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    """The Laos and Bénin presentation DOCX as `fiche-pays build` writes them."""
    folder = tmp_path_factory.mktemp("projet")
    (folder / "data").mkdir()
    for path in (LAOS, BENIN):
        shutil.copy(GALLERY / path.name, folder / path)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        build.build([str(LAOS), str(BENIN)], "out", ("docx",), jobs=1, force=True)
    return folder


@pytest.fixture
def project(original, tmp_path, monkeypatch):
    """A fresh copy of the project (data files and built DOCX), as the current folder."""
    shutil.copytree(original, tmp_path / "p")
    monkeypatch.chdir(tmp_path / "p")
    return tmp_path / "p"


def diff(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def comments(text: str) -> list[str]:
    return [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]


def test_a_reviewers_edits_of_the_laos_presentation(project):
    before = LAOS.read_text(encoding="utf-8")
    word = WordEdit(Path("out/laos-presentation.docx"))
    word.retype("Population (2024)", "7,8", "7,9", author="C. Durand")
    word.retype("Espérance de vie (2023)", "2023", "2024")
    word.retype("Croissance démographique", "Banque mondiale", "FMI")
    word.retype("Indice de développement humain", "140", "138")
    word.retype(
        "Premier ministre",
        "Sonexay SIPHANDONE",
        "Sonexay SIPHANDONE-KHAMPHOUI",
        comment=("C. Durand", "Orthographe du JO lao"),
    )
    word.retype("Villes principales", "126\u202f000", "130\u202f000")
    word.retype("parti unique au pouvoir", "est rythmée", "est marquée", author="A. Dupont")
    word.save(Path("relu.docx"))

    outcome = apply_docx("relu.docx")
    assert lines(outcome, dry_run=False) == [
        "donnees_generales.chef_du_gouvernement.nom : « Sonexay SIPHANDONE » → « Sonexay "
        "SIPHANDONE-KHAMPHOUI »",
        "donnees_geographiques.villes_principales[1].population.valeur : 126000 → 130000",
        "donnees_demographiques.population.valeur : 7.8 → 7.9 (modification suivie, C. Durand, "
        "20 novembre 2026)",
        "donnees_demographiques.croissance_demographique.source : « Banque mondiale » → « FMI »",
        "donnees_demographiques.esperance_de_vie.date : 2023 → 2024",
        "donnees_demographiques.idh.rang : 140 → 138",
        "elements_d_actualite.politique_interieure.texte : « est rythmée » → « est marquée » "
        "(modification suivie, A. Dupont, 20 novembre 2026)",
        "commentaire de C. Durand (20 novembre 2026) sur "
        "donnees_generales.chef_du_gouvernement.nom (« Sonexay SIPHANDONE-KHAMPHOUI ») : "
        "« Orthographe du JO lao »",
    ]
    assert outcome.written and outcome.complete

    after = LAOS.read_text(encoding="utf-8")
    assert comments(after) == comments(before)
    changed = diff(before, after)
    assert len(changed) == 14
    assert "+    nom: Sonexay SIPHANDONE-KHAMPHOUI" in changed
    assert (
        "+  population: {valeur: 7.9, unite: millions, date: 2024, source: Banque mondiale}"
        in changed
    )
    assert "+  esperance_de_vie: {valeur: 69, date: 2024}" in " ".join(changed)
    assert "+  idh: {valeur: 0.62, rang: 138, sur: 189, date: 2022, source: Banque mondiale}" in (
        changed
    )
    assert load_source(LAOS).ok

    build.build([str(LAOS)], "out", ("pdf",), jobs=1, force=True)
    text = pdf_text(Path("out/laos-presentation.pdf"))
    for shown in (
        "Premier ministre : Dr Sonexay SIPHANDONE-KHAMPHOUI (depuis décembre 2022)",
        "M. Sonexay SIPHANDONE-KHAMPHOUI demeure en attendant Premier ministre",
        "Population (2024) : 7,9 millions d’habitants",
        "Croissance démographique (2024) : 1,4 % (FMI)",
        "Espérance de vie (2024) : 69 ans",
        "Savannakhet (130 000 habitants)",
        "La vie politique intérieure est marquée par l’organisation",
    ):
        assert shown in text, shown
    assert "Densité (2024) : 33,4 hab./km²" in text  # computed again from the new population


def test_computed_figures_are_refused_with_their_fields(project):
    before = LAOS.read_bytes()
    word = WordEdit(Path("out/laos-presentation.docx"))
    word.retype("Densité", "32,9", "33")
    word.save(Path("relu.docx"))
    outcome = apply_docx("relu.docx", dry_run=True)
    assert lines(outcome, dry_run=True) == [
        "non repris : donnees_demographiques.population.valeur, "
        "donnees_geographiques.superficie.valeur (section « Données démographiques ») : "
        "« 32,9 hab./km² » → « 33 hab./km² » — la densité est calculée : modifiez la "
        "population ou la superficie"
    ]
    assert not outcome.complete and LAOS.read_bytes() == before


def test_the_benin_presentation_lists_functions_shares_and_checked_figures(project):
    before = BENIN.read_text(encoding="utf-8")
    word = WordEdit(Path("out/benin-presentation.docx"))
    word.retype(
        "AGBENONCI",
        "Ministre des Affaires étrangères et de la Coopération",
        "Ministre des Affaires étrangères",
    )
    word.retype("Principaux clients", "Malaisie (13", "Malaisie (14")
    word.retype("Fête nationale", "1er\u00a0août", "2\u00a0août")
    word.retype("PIB par habitant", "842", "1 500")  # typed, so checked against GDP / population
    word.save(Path("relu.docx"))
    outcome = apply_docx("relu.docx")
    report = lines(outcome, dry_run=False)
    assert report[:2] == [
        "donnees_economiques.principaux_clients.liste[2].part : 13 → 14",
        "gouvernement.membres[3].fonction : « le Ministre des Affaires étrangères et de la "
        "Coopération » → « le Ministre des Affaires étrangères »",
    ]
    assert report[2].startswith(
        "refusé : donnees_economiques.pib_par_habitant.valeur : 842 → 1500 — PIB par habitant "
        "indiqué : 1\u202f500 USD, mais PIB / population = 9,4 Md USD / 11,5 millions"
    )
    assert report[3].startswith("non repris : donnees_geographiques.fete_nationale.jour")
    assert "date écrite par fiche-pays : modifiez jour, mois" in report[3]
    after = BENIN.read_text(encoding="utf-8")
    assert diff(before, after) == [
        "-      - {nom: Malaisie, part: 13}",
        "+      - {nom: Malaisie, part: 14}",
        "-      fonction: le Ministre des Affaires étrangères et de la Coopération",
        "+      fonction: le Ministre des Affaires étrangères",
    ]
    assert comments(after) == comments(before)
