"""`fiche-pays import` through the real command line: files written, report, exit codes."""

from __future__ import annotations

import subprocess
import sys

import yaml

from import_pages import PAGES, to_docx


def _run(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "fiche_pays", "import", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_import_writes_data_files_and_reports(tmp_path):
    result = _run(PAGES / "benin_relations.txt", PAGES / "benin_presentation.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    relations = (tmp_path / "data" / "benin.yaml").read_text(encoding="utf-8")
    presentation = (tmp_path / "data" / "benin.presentation.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(relations)["pays"]["code"] == "BJ"
    general = yaml.safe_load(presentation)["donnees_generales"]
    assert general["nom_officiel"] == "République du Bénin"
    assert "# à vérifier : " in relations
    assert "# page : ligne 16" in relations
    out = result.stdout
    assert "benin_relations.txt → data/benin.yaml" in out
    assert "sections : Relations politiques ; Présence française ; Visites" in out
    assert "ligne 15 : consulat : Cotonou" in out
    assert "part du texte devenue champs :" in out
    assert "2 page(s) : 2 importée(s), 0 en échec" in out


def test_never_overwrites_without_force(tmp_path):
    target = tmp_path / "laos.yaml"
    target.write_text("# mon travail\n", encoding="utf-8")
    refused = _run(PAGES / "laos_relations.txt", "--out", target, cwd=tmp_path)
    assert refused.returncode == 1
    assert "existe déjà" in refused.stderr and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "# mon travail\n"
    forced = _run(PAGES / "laos_relations.txt", "--out", target, "--force", cwd=tmp_path)
    assert forced.returncode == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["pays"]["nom"] == "Laos"


def test_docx_import_and_errors_of_each_file(tmp_path):
    docx = to_docx(PAGES / "mongolie_relations.txt", tmp_path / "mongolie.docx")
    missing = tmp_path / "absent.txt"
    result = _run(docx, missing, "--out", tmp_path / "sortie", cwd=tmp_path)
    assert result.returncode == 1  # one page failed, the other is written
    assert (tmp_path / "sortie" / "mongolie.yaml").is_file()
    assert "absent.txt: erreur : fichier introuvable" in result.stderr
    assert "Traceback" not in result.stderr


def test_wrong_usage_exits_with_2(tmp_path):
    one_file_for_two = _run("a.txt", "b.txt", "--out", "x.yaml", cwd=tmp_path)
    assert one_file_for_two.returncode == 2
    assert "un seul fichier de sortie" in one_file_for_two.stderr
    nothing = _run(cwd=tmp_path)
    assert nothing.returncode == 2


def test_a_page_without_country_says_what_to_do(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Relations politiques\n\nDes relations anciennes.\n", encoding="utf-8")
    result = _run(page, cwd=tmp_path)
    assert result.returncode == 1
    assert "pays introuvable" in result.stderr and "renommez le fichier" in result.stderr


def test_the_summary_lists_what_could_not_be_placed(tmp_path):
    """The sentence a truncated excerpt stops in is listed with its line, not only in the
    data file's header comment; an English page is said in the summary too."""
    result = _run(
        PAGES / "laos_relations_2021.txt",
        PAGES / "tadjikistan_relations_en_2017_COMPLETE.txt",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    at = lines.index("  non placés (1) :")
    assert lines[at + 1] == (
        "    ligne 24 : « Ambassadeur de France au Laos : F (phrase coupée par l'extrait) »"
    )
    assert "  page en anglais : ses phrases sont gardées telles quelles" in lines
