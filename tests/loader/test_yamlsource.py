"""YAML text -> data: a key written twice is reported beside every other error (its first
value kept); a syntax error says the rest of the file is unread; values YAML misreads for
want of quotes get the fix; a « # » that would silently cut a text is an error."""

import shutil
import textwrap

import pytest

from fiche_pays.cli import main
from fiche_pays.loader.load import load_source
from fiche_pays.loader.yamlsource import parse

from conftest import DATA, KAZAKHSTAN

BAD = KAZAKHSTAN.parent.parent / "tests" / "bad_input"


def _errors(tmp_path, text, name="fiche.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    loaded = load_source(path)
    assert not loaded.ok
    return [p for p in loaded.problems if p.severity == "error"]


def _with_block(lines):
    """Kazakhstan's data with ``lines`` as the first blocks of a section; and the line
    number of the first of them."""
    text = KAZAKHSTAN.read_text("utf-8")
    head, tail = text.split("autres_cooperations:\n")
    return f"{head}autres_cooperations:\n{lines}\n{tail}", len(head.splitlines()) + 2


def _kazakhstan(edits):
    text = KAZAKHSTAN.read_text("utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def test_a_key_written_twice_keeps_its_first_value_and_hides_no_other_error(tmp_path):
    text = _kazakhstan(
        [
            ("exportations: 594", "exportations: 594\n        exportations: 600"),
            ("mise_a_jour: 2021-05-05", "mise_a_jour: 5 mai 2021"),
            ("nombre: 289", "nombre: beaucoup"),
        ]
    )
    errors = _errors(tmp_path, text)
    by_field = {p.field: p.message for p in errors}
    assert len(errors) == 3, [str(p) for p in errors]
    twice = by_field["relations_economiques[3].echanges[2].exportations"]
    assert twice.startswith("champ « exportations » écrit deux fois (déjà présent ligne ")
    assert "seule la première valeur est lue" in twice
    assert "illisible" in by_field["document.mise_a_jour"]
    assert "presence_francaise[1].communaute.nombre" in by_field
    data, source = parse(text)
    assert data["relations_economiques"][2]["echanges"][1]["exportations"] == 594
    line = text.splitlines().index("        exportations: 600") + 1
    assert [p.line for p in source.problems] == [line]


def test_a_duplicated_block_of_fields_leaves_the_first_one_in_place(tmp_path):
    text = "pays:\n  nom: Kazakhstan\n  code: KZ\npays:\n  nom: Autre\n  code: XX\n"
    data, source = parse(text)
    assert data == {"pays": {"nom": "Kazakhstan", "code": "KZ"}}
    assert source.keys[("pays", "nom")] == (2, 3)  # the second block moves no position
    assert [(p.line, p.field) for p in source.problems] == [(4, "pays")]
    errors = _errors(tmp_path, text)
    assert "champ « pays » écrit deux fois (déjà présent ligne 1)" in errors[-1].message
    assert any(p.field == "document" for p in errors)  # the rest is still checked


def test_a_syntax_error_says_the_rest_is_unread_and_other_files_are_reported(tmp_path, capsys):
    broken = tmp_path / "a.yaml"
    broken.write_text(
        _kazakhstan(
            [
                ("nombre: 289", "nombre: 289\n      nombre: 290"),
                ("Depuis 2009,", "Priorités : défense. Depuis 2009,"),
            ]
        ).replace("  - texte: |\n      Priorités", "  - texte: Priorités"),
        encoding="utf-8",
    )
    other = tmp_path / "b.yaml"
    other.write_text(_kazakhstan([("code: KZ", "code: kz")]), encoding="utf-8")
    assert main(["validate", str(broken), str(other)]) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if ": erreur" in line]
    assert len(lines) == 3, err
    assert "« nombre » écrit deux fois" in lines[0]  # found before the syntax error
    assert lines[1].endswith("; le reste du fichier n'a pas pu être vérifié")
    assert str(other) in lines[2]


QUOTING = [
    (
        "  - texte: {pays.le} coopère avec la France.",
        "une valeur qui commence par { doit être entre guillemets",
        'écrivez texte: "{pays.le} coopère avec la France."',
    ),
    (
        "  - texte: {pays.le}",
        "une valeur qui commence par { doit être entre guillemets",
        'écrivez texte: "{pays.le}"',
    ),
    (
        "  - texte: Priorités : défense, sécurité",
        "la valeur de « texte » contient « : »",
        'écrivez texte: "Priorités : défense, sécurité"',
    ),
    (
        "  - liste:\n      - Juillet 2023 : visite du président\n      - un autre point",
        "la ligne contient « : »",
        '- "Juillet 2023 : visite du président"',
    ),
    (
        "  - liste:\n      -agroalimentaire\n      -énergie",
        "mettez une espace après",
        "« - agroalimentaire »",
    ),
]


@pytest.mark.parametrize(("lines", "words", "fix"), QUOTING, ids=[q[1][:30] for q in QUOTING])
def test_a_value_that_needs_quotes_gets_the_fix(tmp_path, lines, words, fix):
    text, line = _with_block(lines)
    errors = _errors(tmp_path, text)
    assert len(errors) == 1, [str(p) for p in errors]
    assert errors[0].line in (line, line + 1)
    assert words in errors[0].message and fix in errors[0].message


def test_a_decimal_comma_between_braces_gets_the_fix(tmp_path):
    name = "kazakhstan.presentation.yaml"
    text = (DATA / name).read_text("utf-8")
    old = "croissance_demographique: {valeur: 1.37, date: 2021}"
    assert old in text
    text = text.replace(old, "croissance_demographique: {valeur: 1,37 %, date: 2021}")
    (error,) = _errors(tmp_path, text, name)
    assert error.field == "donnees_demographiques.croissance_demographique.37 %"
    assert "entre accolades, la virgule sépare les champs" in error.message
    assert "écrivez valeur: 1.37 (sans le signe %)" in error.message


@pytest.mark.parametrize(
    ("line", "lead"),
    [
        ("  - texte: Le projet n° 5 #santé a commencé.", "texte:"),
        ("  - texte: Le projet n° 5   # et la suite", "texte:"),
        ("  - liste:\n      - Le projet n° 5 #santé a commencé.", "-"),
    ],
)
def test_a_comment_that_would_cut_a_text_is_an_error(tmp_path, line, lead):
    text, first = _with_block(line)
    (error,) = _errors(tmp_path, text)
    assert error.line == first + line.count("\n")
    assert "serait perdu" in error.message and "« Le projet n° 5 »" in error.message
    assert f'({lead} "Le projet n° 5' in error.message and f"« {lead} | »" in error.message


def test_real_comments_stay_allowed(tmp_path):
    text = _kazakhstan(
        [
            ("  nom: Kazakhstan", "  nom: Kazakhstan   # nom usuel\n# une ligne de commentaire"),
            ("exportations: 594", "exportations: 594 # en M EUR"),
        ]
    )
    text = text.replace(
        "autres_cooperations:\n",
        'autres_cooperations:\n  - texte: "Le projet #santé"   # entre guillemets\n'
        "  - texte: |\n      Le projet #santé, en bloc.\n",
    )
    path = tmp_path / "fiche.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_source(path)
    assert loaded.ok, [str(p) for p in loaded.problems]


def test_every_gallery_file_with_its_comments_validates(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(DATA, tmp_path / "data")
    assert main(["validate"]) == 0, capsys.readouterr().err
    assert any("#" in p.read_text("utf-8") for p in (tmp_path / "data").iterdir())


def test_the_bad_duplicate_key_file_reports_its_other_errors_too(capsys):
    assert main(["validate", str(BAD / "cle_en_double.yaml")]) == 1
    err = capsys.readouterr().err
    assert "[pays.nom] : champ « nom » écrit deux fois (déjà présent ligne 2)" in err
    assert "champ obligatoire « document » manquant" in err
    assert textwrap.dedent(err).count(": erreur") > 1
