"""Templates carry the look: every style the writers name exists; themes inherit."""

import shutil
import zipfile

import docx
import pytest

from fiche_pays.cli import main
from fiche_pays.problems import DataError
from fiche_pays.theme.load import load_theme
from fiche_pays.writers.docx import names as docx_styles

from conftest import KAZAKHSTAN, ROOT

TEMPLATES = sorted(p.name for p in (ROOT / "templates").iterdir() if p.is_dir())


def test_two_templates_are_shipped():
    assert {"officiel", "sobre"} <= set(TEMPLATES)


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_style_the_docx_writer_names_exists(name):
    theme = load_theme(name)
    styles = docx.Document(str(theme.reference_docx)).styles
    from docx.enum.style import WD_STYLE_TYPE

    for names, kind in (
        (docx_styles.PARAGRAPH_STYLES, WD_STYLE_TYPE.PARAGRAPH),
        (docx_styles.CHARACTER_STYLES, WD_STYLE_TYPE.CHARACTER),
        (docx_styles.TABLE_STYLES, WD_STYLE_TYPE.TABLE),
    ):
        for style in names:
            assert styles[style].type == kind, f"{name}: {style}"


@pytest.mark.parametrize("name", TEMPLATES)
def test_theme_resolves_its_files(name):
    theme = load_theme(name)
    assert all(path.is_file() for path in theme.font_files.values())
    assert theme.reference_docx.is_file()
    assert theme.colors.primary.startswith("#")


@pytest.mark.parametrize("name", TEMPLATES)
def test_reference_docx_is_slim(name):
    archive = zipfile.ZipFile(load_theme(name).reference_docx)
    names = set(archive.namelist())
    assert "word/stylesWithEffects.xml" not in names
    assert "docProps/thumbnail.jpeg" not in names
    assert archive.getinfo("word/styles.xml").file_size < 40_000
    assert b"latentStyles" not in archive.read("word/styles.xml")


def test_sobre_inherits_what_it_does_not_change():
    officiel, sobre = load_theme("officiel"), load_theme("sobre")
    assert sobre.page.margin_top == officiel.page.margin_top
    assert sobre.page.margin_left != officiel.page.margin_left
    assert sobre.family != officiel.family
    assert sobre.folders[1].name == "officiel"


def test_template_by_path_and_inheritance(tmp_path):
    folder = tmp_path / "maison"
    folder.mkdir()
    (folder / "theme.yaml").write_text(
        f"name: maison\ninherit: {ROOT / 'templates' / 'officiel'}\n"
        "colors:\n  primary: '#123456'\n",
        encoding="utf-8",
    )
    theme = load_theme(str(folder))
    assert theme.colors.primary == "#123456"
    assert theme.colors.accent == "#E1000F"
    assert theme.reference_docx.parent.name == "officiel"


def test_invalid_theme_is_reported_with_its_file(tmp_path):
    folder = tmp_path / "casse"
    folder.mkdir()
    (folder / "theme.yaml").write_text("name: casse\ncolors:\n  primary: bleu\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_theme(str(folder))
    (problem,) = error.value.problems
    assert problem.file.endswith("theme.yaml") and problem.field == "colors.primary"
    assert "#RRVVBB" in problem.message


def test_unknown_template_lists_the_known_ones(capsys, tmp_path):
    code = main(["build", str(KAZAKHSTAN), "--out", str(tmp_path), "--template", "inconnu"])
    assert code == 2  # wrong usage, as the README promises
    err = capsys.readouterr().err
    assert "modèle introuvable" in err and "officiel" in err and "sobre" in err


def test_reference_docx_can_be_regenerated_from_the_theme(tmp_path):
    folder = tmp_path / "copie"
    folder.mkdir()
    (folder / "theme.yaml").write_text("name: copie\ninherit: sobre\n", encoding="utf-8")
    assert main(["reference-docx", str(folder)]) == 0
    styles = docx.Document(str(folder / "reference.docx")).styles
    assert styles["Normal"].font.name == "Times New Roman"


def test_an_emblem_needs_its_description(tmp_path):
    (tmp_path / "embleme.png").write_bytes((ROOT / "docs" / "graphique-pdf.png").read_bytes())
    (tmp_path / "theme.yaml").write_text(
        "name: t\ninherit: officiel\nidentity:\n  emblem: embleme.png\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as error:
        load_theme(str(tmp_path))
    message = str(error.value)
    assert "emblem_alt manquant" in message and "lecteurs d'écran" in message


def test_a_bidi_control_in_a_template_text_is_refused(tmp_path):
    template = tmp_path / "modele"
    shutil.copytree(ROOT / "templates" / "officiel", template)
    theme_file = template / "theme.yaml"
    text = theme_file.read_text(encoding="utf-8")
    theme_file.write_text(text.replace("Liberté", "Lib\u202eerté", 1), encoding="utf-8")
    with pytest.raises(DataError) as refused:
        load_theme(str(template))
    message = str(refused.value)
    assert "caractère de contrôle invisible U+202E (forçage droite-à-gauche)" in message
