"""The data format: the Kazakhstan file is accepted; mistakes are named by file, line, field."""

import textwrap

from fiche_pays.loader.load import load_source

from conftest import KAZAKHSTAN

MINIMAL = """\
pays:
  nom: Kazakhstan
  code: KZ
  au: au Kazakhstan
  du: du Kazakhstan
  le: le Kazakhstan
  adjectif: kazakhstanais
document:
  mise_a_jour: 2021-05-05
"""


def _write(tmp_path, text, name="fiche.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_kazakhstan_is_valid_with_no_warning():
    loaded = load_source(KAZAKHSTAN)
    assert loaded.ok
    assert loaded.problems == []
    assert loaded.fiche.slug == "kazakhstan"
    assert str(loaded.fiche.document.updated) == "2021-05-05"


def test_minimal_fiche_is_valid(tmp_path):
    assert load_source(_write(tmp_path, MINIMAL)).ok


def test_wrong_type_names_file_line_and_field(tmp_path):
    path = _write(
        tmp_path, MINIMAL + "presence_francaise:\n  - communaute:\n      nombre: beaucoup\n"
    )
    (problem,) = load_source(path).problems
    assert (problem.file, problem.line) == (str(path), 12)
    assert problem.field == "presence_francaise[1].communaute.nombre"
    assert "nombre « beaucoup » illisible" in problem.message
    assert "« environ 30000 »" in problem.message


def test_unknown_key_suggests_the_right_one(tmp_path):
    path = _write(tmp_path, MINIMAL.replace("  adjectif:", "  adjectf:"))
    (problem,) = [p for p in load_source(path).problems if p.field == "pays.adjectf"]
    assert problem.line == 7
    assert "champ inconnu « adjectf »" in problem.message
    assert "vouliez-vous dire « adjectif » ?" in problem.message


def test_missing_field_points_at_its_parent(tmp_path):
    path = _write(tmp_path, MINIMAL.replace("  code: KZ\n", ""))
    (problem,) = load_source(path).problems
    assert problem.line == 1 and problem.field == "pays.code"
    assert "champ obligatoire « code » manquant" in problem.message


def test_list_items_are_numbered_from_one(tmp_path):
    path = _write(
        tmp_path,
        MINIMAL
        + textwrap.dedent("""\
        visites:
          - visites:
              - date: 2014-12-04
                sens: vers_le_pays
                visiteurs: {nom: A}
              - date: 2015-11-04
                sens: vers_paris
                visiteurs: {nom: B}
        """),
    )
    (problem,) = load_source(path).problems
    assert problem.field == "visites[1].visites[2].sens" and problem.line == 16
    assert "« vers_la_france »" in problem.message


def test_limits_that_keep_the_documents_sane(tmp_path):
    extra = textwrap.dedent(f"""\
        sections_supplementaires:
          - cle: {"k" * 41}
            titre: {"T" * 201}
            contenu:
              - tableau:
                  entetes: [{", ".join(f"c{i}" for i in range(13))}]
                  lignes: []
        """)
    problems = {p.field: p.message for p in load_source(_write(tmp_path, MINIMAL + extra)).problems}
    assert "40 caractères au plus" in problems["sections_supplementaires[1].cle"]
    assert "200 caractères au plus" in problems["sections_supplementaires[1].titre"]
    assert (
        "12 éléments au plus (il y en a 13)"
        in problems["sections_supplementaires[1].contenu[1].tableau.entetes"]
    )
