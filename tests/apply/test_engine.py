"""`fiche-pays apply` end to end: a reviewer's edits of the Kazakhstan DOCX, made the way
Word makes them, come back into the data file, which changes on those lines only."""

import difflib
import shutil
import subprocess
from pathlib import Path

import pytest

from fiche_pays import build
from fiche_pays.apply.engine import apply_docx
from fiche_pays.apply.record import NotOurs
from fiche_pays.apply.report import lines
from fiche_pays.cli import main
from fiche_pays.loader.load import load_source

from conftest import KAZAKHSTAN, WordEdit, pdf_text

DATA = Path("data/kazakhstan.yaml")
PRESENTATION = Path("data/kazakhstan.presentation.yaml")


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    """The Kazakhstan DOCX as `fiche-pays build` writes it, from data/kazakhstan.yaml."""
    folder = tmp_path_factory.mktemp("projet")
    (folder / "data").mkdir()
    shutil.copy(KAZAKHSTAN, folder / DATA)
    shutil.copy(KAZAKHSTAN.parent / PRESENTATION.name, folder / PRESENTATION)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        build.build([str(DATA), str(PRESENTATION)], "out", ("docx",), jobs=1, force=True)
    return folder


@pytest.fixture
def project(original, tmp_path, monkeypatch):
    """A fresh copy of the project (data file and built DOCX), as the current folder."""
    shutil.copytree(original, tmp_path / "p")
    monkeypatch.chdir(tmp_path / "p")
    return tmp_path / "p"


def edit() -> WordEdit:
    return WordEdit(Path("out/kazakhstan.docx"))


def diff(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_a_reviewers_edits_come_back_into_the_data(project):
    before = DATA.read_text(encoding="utf-8")
    word = edit()
    word.retype("consultations annuelles", "annuelles", "semestrielles", author="A. Dupont")
    word.retype("Communauté française", "289", "300")
    word.retype("29\u00a0mars\u00a02017", "29\u00a0mars", "30\u00a0mars")
    word.add_paragraph_after(
        "Depuis 2009, six visites", "Une visite du président Tokaïev est prévue."
    )
    word.retype("Consulat général", "Almaty", "Almaty", comment=("B. Martin", "Adresse à vérifier"))
    word.save(Path("relu.docx"))

    outcome = apply_docx("relu.docx")
    report = lines(outcome, dry_run=False)
    assert report == [
        "relations_politiques[3].texte : « consultations annuelles » → « consultations "
        "semestrielles » (modification suivie, A. Dupont, 20 novembre 2026)",
        "presence_francaise[1].communaute.nombre : 289 → 300",
        "visites[1].texte : ajouté « Une visite du président Tokaïev est prévue. »",
        "visites[2].visites[3].date : 2017-03-29 → 2017-03-30",
        "commentaire de B. Martin (20 novembre 2026) sur presence_francaise[2].postes[1].ville "
        "(« Almaty ») : « Adresse à vérifier »",
    ]
    assert outcome.written and outcome.complete

    after = DATA.read_text(encoding="utf-8")
    assert diff(before, after) == [
        "-      et il a été convenu en 2021 d'établir des consultations annuelles entre les "
        "ministères",
        "+      et il a été convenu en 2021 d'établir des consultations semestrielles entre "
        "les ministères",
        "-      nombre: 289",
        "+      nombre: 300",
        "+",
        "+      Une visite du président Tokaïev est prévue.",
        "-      - date: 2017-03-29",
        "+      - date: 2017-03-30",
    ]
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert [line for line in after.splitlines() if line.lstrip().startswith("#")] == comments
    assert load_source(DATA).ok

    # the rebuilt documents keep the edits
    build.build([str(DATA)], "out", ("pdf",), jobs=1, force=True)
    text = pdf_text(Path("out/kazakhstan.pdf"))
    for shown in (
        "des consultations semestrielles entre",
        "Communauté française au Kazakhstan : 300 résidents",
        "30 mars 2017",
        "Une visite du président Tokaïev est prévue.",
    ):
        assert shown in text


def test_dry_run_writes_nothing(project):
    before = DATA.read_bytes()
    word = edit()
    word.retype("Communauté française", "289", "300")
    word.save(Path("relu.docx"))
    assert main(["apply", "relu.docx", "--dry-run"]) == 0
    assert DATA.read_bytes() == before


def test_visit_rows_edited_added_and_deleted(project, capsys):
    before = DATA.read_text(encoding="utf-8")
    word = edit()
    word.retype(word.cell("Nazarbaïev", "Nazarbaïev", 2), "Paris", "Lyon")  # the place cell
    word.add_row_after(
        "Bruno Le Maire",
        [
            # Before the fiche's update (5 May 2021): no record is dated after it.
            "2 mai 2021",
            "Jean-Yves Le Drian, ministre de l’Europe et des Affaires étrangères",
            "Nour-Soultan",
            "",
        ],
    )
    word.delete_row("Moukhtar Tleouberdi")
    word.save(Path("relu.docx"))
    assert main(["apply", "relu.docx"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "visites[2].visites[7] : ajouté (date : 2021-05-02, sens : « vers_le_pays », visiteurs : "
        "(nom : « Jean-Yves Le Drian », fonction : « le ministre de l'Europe et des Affaires "
        "étrangères »), lieu : « Nour-Soultan »)",
        "visites[2].visites[2].lieu : « Paris » → « Lyon »",
        "visites[2].visites[6] : supprimé (date : 2019-12-04, sens : « vers_la_france », visiteurs "
        ": (nom : « Moukhtar Tleouberdi », fonction : « le ministre des affaires étrangères »))",
        "3 modification(s) écrite(s) dans data/kazakhstan.yaml ; 0 non reprise(s) ; "
        "0 commentaire(s)",
    ]
    after = DATA.read_text(encoding="utf-8")
    changed = diff(before, after)
    assert "-        lieu: Paris" in changed and "+        lieu: Lyon" in changed
    assert "+      - date: 2021-05-02" in changed
    gone = "-        visiteurs: {nom: Moukhtar Tleouberdi, fonction: le ministre des affaires"
    assert gone + " étrangères}" in changed
    loaded = load_source(DATA)
    assert loaded.ok, loaded.problems
    (block,) = [b for b in loaded.fiche.visits if b.KIND == "visites"]
    people = [v.visitors[0].name for v in block.visits]
    assert "Jean-Yves Le Drian" in people and "Moukhtar Tleouberdi" not in people
    new = next(v for v in block.visits if v.visitors[0].name == "Jean-Yves Le Drian")
    assert (str(new.dates[0]), new.direction, new.place) == (
        "2021-05-02",
        "vers_le_pays",
        "Nour-Soultan",
    )
    assert new.visitors[0].function == "le ministre de l'Europe et des Affaires étrangères"


def test_typing_into_an_empty_cell_adds_the_field(project):
    word = edit()
    cell = word.cell("Bruno Le Maire", "Bruno Le Maire", 3)
    for run in word._runs("Rencontre avec le Premier ministre"):
        cell.append(run)
    word.save(Path("relu.docx"))
    outcome = apply_docx("relu.docx")
    assert [(outcome.label(p.path), p.new) for p in outcome.applied] == [
        ("visites[2].visites[5].objet", "Rencontre avec le Premier ministre")
    ]
    text = DATA.read_text(encoding="utf-8")
    assert "Finances}\n        objet: Rencontre avec le Premier ministre\n" in text


def test_computed_values_are_refused_with_the_reason(project, capsys):
    before = DATA.read_bytes()
    word = edit()
    word.retype("Ce déficit s’est réduit", "\u2212983\u00a0M\u00a0EUR", "\u2212900\u00a0M\u00a0EUR")
    word.save(Path("relu.docx"))
    assert main(["apply", "relu.docx"]) == 1
    out = capsys.readouterr().out
    assert (
        "non repris : relations_economiques[1].texte (section « Relations économiques ») : "
        "« \u2212983 M EUR » → « \u2212900 M EUR » — le solde est calculé : "
        "modifiez exportations ou importations" in out
    )
    assert DATA.read_bytes() == before


def test_a_figure_in_prose_changes_its_data(project):
    word = edit()
    word.retype("Les exportations françaises vers", "594\u00a0M\u00a0EUR", "600\u00a0M\u00a0EUR")
    word.save(Path("relu.docx"))
    outcome = apply_docx("relu.docx")
    assert [(outcome.label(p.path), p.old, p.new) for p in outcome.applied] == [
        ("relations_economiques[3].echanges[2].exportations", 594, 600)
    ]
    # the text keeps its reference
    assert "({exportations})" in DATA.read_text(encoding="utf-8")


def test_unreadable_and_invalid_values_are_reported_not_guessed(project, capsys):
    before = DATA.read_bytes()
    word = edit()
    word.retype("Communauté française", "289", "trois cents")
    word.retype("Nour-Soultan\u00a0: créée", "612", "-5")
    word.save(Path("relu.docx"))
    assert main(["apply", "relu.docx"]) == 1
    out = capsys.readouterr().out
    assert "« trois cents » n'est pas un nombre" in out
    assert "refusé : cooperation[1].alliances_francaises.liste[2].etudiants : 612 → -5" in out
    assert DATA.read_bytes() == before


def test_conflicts_with_changes_made_in_the_file_since(project, capsys):
    text = DATA.read_text(encoding="utf-8")
    DATA.write_text(text.replace("nombre: 289", "nombre: 295"), encoding="utf-8")
    word = edit()
    word.retype("Communauté française", "289", "300")
    word.retype("consultations annuelles", "annuelles", "semestrielles")
    word.save(Path("relu.docx"))
    assert main(["apply", "relu.docx"]) == 1
    out = capsys.readouterr().out
    assert "data/kazakhstan.yaml a changé depuis la production du document" in out
    assert (
        "conflit : presence_francaise[1].communaute.nombre : le document montrait 289, le "
        "relecteur propose 300, mais le fichier contient maintenant 295 — laissé tel quel" in out
    )
    after = DATA.read_text(encoding="utf-8")
    assert "nombre: 295" in after and "consultations semestrielles" in after


def test_rejected_tracked_changes_are_listed(project, capsys):
    before = DATA.read_bytes()
    word = edit()
    word.retype("consultations annuelles", "annuelles", "semestrielles", author="A. Dupont")
    word.save(Path("relu.docx"))
    assert main(["apply", "relu.docx", "--reject-tracked"]) == 1
    out = capsys.readouterr().out
    assert DATA.read_bytes() == before
    assert "« semestrielles » (ajout suivi, A. Dupont, 20 novembre 2026)" in out
    assert "laissée de côté (--reject-tracked)" in out


def test_the_fiches_own_wording_is_not_written_into_data(project, capsys):
    word = edit()
    word.retype("Visites françaises au Kazakhstan", "Visites françaises", "Déplacements français")
    word.save(Path("relu.docx"))
    assert main(["apply", "relu.docx"]) == 1
    out = capsys.readouterr().out
    assert "« Visites françaises au Kazakhstan » → « Déplacements français au Kazakhstan »" in out
    assert "texte produit par fiche-pays" in out


def test_a_deleted_prose_paragraph_leaves_the_text(project):
    word = edit()
    paragraph = word.paragraph("La part de marché de la France")
    paragraph.getparent().remove(paragraph)
    word.save(Path("relu.docx"))
    outcome = apply_docx("relu.docx")
    assert [outcome.label(p.path) for p in outcome.applied] == ["relations_economiques[1].texte"]
    text = DATA.read_text(encoding="utf-8")
    assert "La part de marché" not in text
    assert "({produits.aeronefs.evolution} à {produits.aeronefs}).\n  - secteurs:" in text
    # the figures the paragraph stated come back as fact lines
    assert load_source(DATA).ok


def test_documents_that_are_not_ours(project, tmp_path, capsys):
    import docx

    docx.Document().save(str(tmp_path / "autre.docx"))
    assert main(["apply", str(tmp_path / "autre.docx")]) == 1
    assert "fiche-pays import" in capsys.readouterr().err
    word = edit()
    word.strip_provenance()
    word.save(Path("copie.docx"))
    with pytest.raises(NotOurs, match="ne vient pas de fiche-pays"):
        apply_docx("copie.docx")
    (tmp_path / "texte.docx").write_text("pas un docx")
    assert main(["apply", str(tmp_path / "texte.docx")]) == 1
    assert "ce n'est pas un document Word" in capsys.readouterr().err


def test_the_data_file_is_found_or_named(project, tmp_path, capsys):
    word = edit()
    word.retype("Communauté française", "289", "300")
    word.save(tmp_path / "relu.docx")
    elsewhere = tmp_path / "ailleurs.yaml"
    shutil.copy(DATA, elsewhere)
    assert main(["apply", str(tmp_path / "relu.docx"), "--data", str(elsewhere)]) == 0
    assert "nombre: 300" in elsewhere.read_text(encoding="utf-8")
    assert "nombre: 289" in DATA.read_text(encoding="utf-8")
    DATA.unlink()
    assert main(["apply", str(tmp_path / "relu.docx")]) == 1
    assert "indiquez le fichier avec --data" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice absent")
def test_edits_saved_again_by_libreoffice(project, tmp_path):
    """LibreOffice rewrites every run, bookmark and revision in its own way."""
    word = edit()
    word.retype("consultations annuelles", "annuelles", "semestrielles", author="A. Dupont")
    word.retype("Communauté française", "289", "300")
    word.save(tmp_path / "relu.docx")
    saved = tmp_path / "lo"
    subprocess.run(
        [
            "libreoffice",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(saved),
            str(tmp_path / "relu.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    outcome = apply_docx(saved / "relu.docx")
    assert sorted(outcome.label(p.path) for p in outcome.applied) == [
        "presence_francaise[1].communaute.nombre",
        "relations_politiques[3].texte",
    ]
    assert outcome.complete
    assert outcome.applied[-1].revisions or outcome.applied[0].revisions


def test_the_presentation_fiche_comes_back_too(project):
    before = PRESENTATION.read_text(encoding="utf-8")
    word = WordEdit(Path("out/kazakhstan-presentation.docx"))
    word.retype(
        "Le président Tokaïev a débuté",
        "Le président Tokaïev",
        "Le chef de l’État",
        author="C. Durand",
    )
    word.save(Path("relu.docx"))
    outcome = apply_docx("relu.docx")
    assert outcome.data_file == str(PRESENTATION)
    assert lines(outcome, dry_run=False) == [
        "elements_d_actualite.politique_interieure.texte : « Le président Tokaïev » → « Le chef "
        "de l’État » (modification suivie, C. Durand, 20 novembre 2026)"
    ]
    changed = diff(before, PRESENTATION.read_text(encoding="utf-8"))
    assert len(changed) == 2
    assert changed[0].startswith("-      Le président Tokaïev a débuté un vaste programme")
    assert changed[1].startswith("+      Le chef de l'État a débuté un vaste programme")


def test_a_new_heading_becomes_a_section_of_its_own(project):
    word = edit()
    word.add_paragraph_after(
        "Ambassadeur du Kazakhstan en France", "Sécurité et défense", style="Heading1"
    )
    word.add_paragraph_after("Sécurité et défense", "Un dialogue stratégique existe depuis 2019.")
    word.save(Path("relu.docx"))
    outcome = apply_docx("relu.docx")
    assert lines(outcome, dry_run=False) == [
        "sections_supplementaires : ajouté (cle : « securite_et_defense », titre : « Sécurité et "
        "défense », apres : « ambassadeurs », texte : « Un dialogue stratégique existe depuis "
        "2019. »)"
    ]
    assert (
        "    2021-2022.\n"
        "\n"
        "sections_supplementaires:\n"
        "  - cle: securite_et_defense\n"
        "    titre: Sécurité et défense\n"
        "    apres: ambassadeurs\n"
        "    texte: |\n"
        "      Un dialogue stratégique existe depuis 2019.\n"
        "\n"
        "informations_complementaires:\n"
    ) in DATA.read_text(encoding="utf-8")
    build.build([str(DATA)], "out", ("pdf",), jobs=1, force=True)
    text = pdf_text(Path("out/kazakhstan.pdf"))
    assert "Sécurité et défense Un dialogue stratégique existe depuis 2019." in text


def test_bullets_of_a_list_typed_by_hand(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("data").mkdir()
    DATA.write_text(
        KAZAKHSTAN.read_text(encoding="utf-8")
        + "\nsections_supplementaires:\n  - cle: defense\n    titre: Coopération de défense\n"
        "    contenu:\n      - liste:\n          - formation d'officiers\n"
        "          - exercices conjoints\n",
        encoding="utf-8",
    )
    build.build([str(DATA)], "out", ("docx",), jobs=1, force=True)
    before = DATA.read_text(encoding="utf-8")
    word = edit()
    word.add_paragraph_after("exercices conjoints", "échanges d’instructeurs", style="ListBullet")
    paragraph = word.paragraph("formation d’officiers")
    paragraph.getparent().remove(paragraph)
    word.save(Path("relu.docx"))
    outcome = apply_docx("relu.docx")
    assert outcome.complete
    assert diff(before, DATA.read_text(encoding="utf-8")) == [
        "-          - formation d'officiers",
        "+          - échanges d'instructeurs",
    ]


def test_a_cell_retyped_whole_keeps_its_field(project):
    """Selecting a cell's text and typing over it may take its bookmark away."""
    word = edit()
    cell = word.cell("Nazarbaïev", "Nazarbaïev", 2)
    for child in list(cell):
        if child.tag != f"{{{cell.nsmap['w']}}}pPr":
            cell.remove(child)
    for run in word._runs("Lyon"):
        cell.append(run)
    word.save(Path("relu.docx"))
    outcome = apply_docx("relu.docx")
    assert [(outcome.label(p.path), p.old, p.new) for p in outcome.applied] == [
        ("visites[2].visites[2].lieu", "Paris", "Lyon")
    ]
    assert outcome.complete


def test_a_list_item_moved_in_the_file_since_is_a_conflict(project, capsys):
    """A visit inserted in the list since the build, where Nazarbaïev's was: the
    reviewer's edit of his row must not land on the visit now at that place, even when
    the value it changes is the same there ("Paris")."""
    text = DATA.read_text(encoding="utf-8")
    DATA.write_text(
        text.replace(
            "      - date: 2015-11-04",
            "      - date: 2013-04-02\n        sens: vers_la_france\n"
            "        visiteurs: {nom: Karim Massimov}\n        lieu: Paris\n"
            "      - date: 2015-11-04",
        ),
        encoding="utf-8",
    )
    before = DATA.read_bytes()
    word = edit()
    word.retype(word.cell("Nazarbaïev", "Nazarbaïev", 2), "Paris", "Lyon")
    word.save(Path("relu.docx"))
    assert main(["apply", "relu.docx"]) == 1
    out = capsys.readouterr().out
    assert "conflit : visites[2].visites[2].lieu : le document montrait « Paris »" in out
    assert "l'élément de liste qui la contient a changé dans le fichier" in out
    assert DATA.read_bytes() == before


def test_a_raised_ordinal_reads_back_as_one_value(project):
    """ "8e" is typeset as "8" and a raised "e": one rank for apply."""
    word = edit()
    word.retype("La France est le 8", "8e fournisseur", "7e fournisseur")
    word.save(Path("relu.docx"))
    outcome = apply_docx("relu.docx")
    assert [(outcome.label(p.path), p.old, p.new) for p in outcome.applied] == [
        ("relations_economiques[3].echanges[2].rang_fournisseur", 8, 7)
    ]


def test_a_data_file_of_another_country_is_refused(project, capsys):
    """The Kazakhstan DOCX with --data pointing at the Tonga file: refused before anything
    is read into it, naming the file and country the document came from."""
    shutil.copy(KAZAKHSTAN.parent / "tonga.yaml", "data/tonga.yaml")
    before = Path("data/tonga.yaml").read_bytes()
    word = edit()
    word.retype("Communauté française", "289", "300")
    word.save(Path("relu.docx"))
    assert main(["apply", "relu.docx", "--data", "data/tonga.yaml", "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert (
        "relu.docx : ce document (fiche « Relations bilatérales » du Kazakhstan) a été produit "
        "depuis data/kazakhstan.yaml (Kazakhstan), pas depuis data/tonga.yaml (Tonga)" in err
    )
    assert "(--data data/kazakhstan.yaml)" in err
    assert main(["apply", "relu.docx", "--data", "data/tonga.yaml"]) == 1
    assert Path("data/tonga.yaml").read_bytes() == before
    # Same country, another file name (a copy): accepted.
    shutil.copy(DATA, "data/copie.yaml")
    assert main(["apply", "relu.docx", "--data", "data/copie.yaml"]) == 0


def test_a_conflict_in_a_long_text_shows_where_each_side_differs(project, capsys):
    """Both sides changed the same paragraph far from its start: each excerpt is cut around
    its change, so that the three texts shown do not read the same."""
    text = DATA.read_text(encoding="utf-8")
    DATA.write_text(
        text.replace("des affaires étrangères.", "des Affaires étrangères."), encoding="utf-8"
    )
    word = edit()
    word.retype("consultations annuelles", "annuelles", "semestrielles")
    word.save(Path("relu.docx"))
    assert main(["apply", "relu.docx"]) == 1
    (line,) = [x for x in capsys.readouterr().out.splitlines() if x.startswith("conflit")]
    shown, rest = line.split("le document montrait ", 1)[1].split(", le relecteur propose ", 1)
    proposed, now = rest.split(", mais le fichier contient maintenant ", 1)
    assert "consultations annuelles" in shown and shown.startswith("« …")
    assert "consultations semestrielles" in proposed and proposed.startswith("« …")
    assert "des Affaires étrangères" in now
    assert len({shown, proposed, now.split(" — ")[0]}) == 3
