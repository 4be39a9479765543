"""Issue 12's "done when", end to end through the command line: a reviewer's edits to
prose, a figure, a visit row and a tracked change in the Kazakhstan DOCX, the document
saved again by LibreOffice, come back into the data file with its comments intact; the
rebuilt PDF shows them; nothing typed is lost without being reported."""

import difflib
import shutil
import subprocess
from pathlib import Path

import pytest

from fiche_pays.cli import main

from conftest import KAZAKHSTAN, WordEdit, pdf_text

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice absent"),
]

DATA = Path("data/kazakhstan.yaml")


def _comments(text: str) -> list[str]:
    return [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]


def _reviewed(source: Path, target: Path) -> None:
    """The edits a reviewer makes in Word, then the file saved again by LibreOffice."""
    word = WordEdit(source)
    # prose, as a tracked change, commented
    word.retype(
        "consultations annuelles",
        "annuelles",
        "semestrielles",
        author="A. Dupont",
        comment=("A. Dupont", "Décidé en 2023"),
    )
    word.retype("Communauté française", "289", "300")  # a figure
    word.retype("29\u00a0mars\u00a02017", "29\u00a0mars", "30\u00a0mars")  # a visit row's date
    # the same row's place, tracked, and its empty "Objet" cell typed into
    word.retype(word.cell("Personnalité", "Bruno Le Maire", 2), "Kazakhstan", "Almaty", "A. Dupont")
    cell = word.cell("Personnalité", "Bruno Le Maire", 3)
    for run in word._runs("Forum d'affaires franco-kazakhstanais"):
        cell.append(run)
    word.add_paragraph_after(  # a paragraph typed outside any field, tracked
        "Depuis 2009, six visites", "Une visite du président Tokaïev est prévue.", "B. Martin"
    )
    word.retype("Consulat général", "Almaty", "Almaty", comment=("B. Martin", "Adresse à vérifier"))
    edited = target.parent.parent / "word" / target.name  # as Word saved it
    edited.parent.mkdir()
    word.save(edited)
    outdir = str(target.parent)
    subprocess.run(
        ["libreoffice", "--headless", "--convert-to", "docx", "--outdir", outdir, str(edited)],
        check=True,
        capture_output=True,
        timeout=180,
    )


def test_the_reviewed_kazakhstan_docx_comes_back_through_the_cli(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    shutil.copy(KAZAKHSTAN, DATA)
    before = DATA.read_text(encoding="utf-8")
    assert main(["build", str(DATA), "--format", "docx"]) == 0
    (tmp_path / "relu").mkdir()
    _reviewed(Path("output/kazakhstan.docx"), tmp_path / "relu" / "word.docx")
    capsys.readouterr()

    assert main(["apply", "relu/word.docx", "--dry-run"]) == 0
    dry = capsys.readouterr().out
    assert DATA.read_text(encoding="utf-8") == before  # --dry-run writes nothing

    assert main(["apply", "relu/word.docx"]) == 0
    report = capsys.readouterr().out.splitlines()
    assert dry.splitlines()[:-1] == report[:-1]
    assert report == [
        "relations_politiques[3].texte : « consultations annuelles » → « consultations "
        "semestrielles » (modification suivie, A. Dupont, 20 novembre 2026)",
        "presence_francaise[1].communaute.nombre : 289 → 300",
        "visites[1].texte : ajouté « Une visite du président Tokaïev est prévue. » (ajout "
        "suivi, B. Martin, 20 novembre 2026)",
        "visites[2].visites[5].lieu : (aucune valeur) → « Almaty » (modification suivie, "
        "A. Dupont, 20 novembre 2026)",
        "visites[2].visites[5].objet : (aucune valeur) → « Forum d'affaires franco-kazakhstanais »",
        "visites[2].visites[3].date : 2017-03-29 → 2017-03-30",
        "commentaire de A. Dupont (20 novembre 2026) sur relations_politiques[3].texte "
        "(« semestrielles ») : « Décidé en 2023 »",
        "commentaire de B. Martin (20 novembre 2026) sur presence_francaise[2].postes[1].ville "
        "(« Almaty ») : « Adresse à vérifier »",
        "6 modification(s) écrite(s) dans data/kazakhstan.yaml ; 0 non reprise(s) ; "
        "2 commentaire(s)",
    ]
    after = DATA.read_text(encoding="utf-8")
    assert _comments(after) == _comments(before)  # every comment, in its place
    changed = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert len(changed) == 10

    assert main(["validate", str(DATA)]) == 0
    assert main(["build", str(DATA), "--format", "pdf"]) == 0
    text = pdf_text(Path("output/kazakhstan.pdf"))
    for shown in (
        "des consultations semestrielles entre",
        "Communauté française au Kazakhstan : 300 résidents (2019)",
        "Une visite du président Tokaïev est prévue.",
        "30 mars 2017",
        "Forum d’affaires franco-",  # the cell is hyphenated further on
    ):
        assert shown in text, shown


def test_what_cannot_be_taken_is_reported(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    shutil.copy(KAZAKHSTAN, DATA)
    assert main(["build", str(DATA), "--format", "docx"]) == 0
    word = WordEdit(Path("output/kazakhstan.docx"))
    word.retype("−983", "−983", "−990")  # the balance: computed
    word.retype("Communauté française", "Communauté", "Colonie")  # the fiche's own label
    word.add_paragraph_after("Ambassadeur de France", "Le nouvel ambassadeur est attendu.")
    word.save(tmp_path / "word.docx")
    subprocess.run(
        ["libreoffice", "--headless", "--convert-to", "docx", "--outdir", "relu", "word.docx"],
        check=True,
        capture_output=True,
        timeout=180,
    )
    capsys.readouterr()
    assert main(["apply", "relu/word.docx"]) == 1
    report = capsys.readouterr().out
    assert "« −983 M EUR » → « −990 M EUR » — le solde est calculé" in report
    assert (
        "« Communauté française au Kazakhstan » → « Colonie française au Kazakhstan » — texte "
        "produit par fiche-pays (libellé, liaison)"
    ) in report
    assert (
        "non repris : section « Ambassadeurs » (après « Ambassadeur de France au Kazakhstan : "
        "D… ») : « Le nouvel ambassadeur est attendu. » — paragraphe ajouté là où la fiche n'a "
        "pas de texte libre"
    ) in report
    assert "aucune modification à écrire dans data/kazakhstan.yaml ; 3 non reprise(s)" in report
