"""A country's two fiches agree on its name and code: one slug for the four documents."""

import shutil

import pytest

from fiche_pays.loader.load import load_source

from conftest import DATA


def _pair(tmp_path):
    relations = tmp_path / "kazakhstan.yaml"
    presentation = tmp_path / "kazakhstan.presentation.yaml"
    shutil.copy(DATA / "kazakhstan.yaml", relations)
    shutil.copy(DATA / "kazakhstan.presentation.yaml", presentation)
    return relations, presentation


def test_the_bundled_pair_agrees(tmp_path):
    for path in _pair(tmp_path):
        assert load_source(path).problems == []


def test_a_different_name_is_an_error_in_both_files(tmp_path):
    relations, presentation = _pair(tmp_path)
    text = presentation.read_text(encoding="utf-8").replace("nom: Kazakhstan", "nom: Kazakstan")
    presentation.write_text(text, encoding="utf-8")
    (problem,) = load_source(presentation).problems
    line = text.splitlines().index("  nom: Kazakstan") + 1
    assert (problem.line, problem.field, problem.severity) == (line, "pays.nom", "error")
    assert problem.message == (
        f"pays.nom « Kazakstan » ici, mais « Kazakhstan » dans {relations} : les deux fiches "
        "d'un pays (relations et présentation) portent le même nom et le même code ; corrigez "
        "l'une des deux"
    )
    (other,) = load_source(relations).problems
    assert f"« Kazakstan » dans {presentation}" in other.message


def test_a_different_code_is_an_error(tmp_path):
    relations, _ = _pair(tmp_path)
    text = relations.read_text(encoding="utf-8").replace("code: KZ", "code: KA")
    relations.write_text(text, encoding="utf-8")
    (problem,) = load_source(relations).problems
    assert problem.field == "pays.code" and "« KA » ici, mais « KZ »" in problem.message


def test_a_broken_sibling_is_its_own_problem(tmp_path):
    relations, presentation = _pair(tmp_path)
    relations.write_text("pays: [\n", encoding="utf-8")
    assert load_source(presentation).problems == []


@pytest.mark.parametrize(
    "presentation", sorted(DATA.glob("*.presentation.yaml")), ids=lambda p: p.name
)
def test_every_bundled_pair_agrees_and_shares_its_document_names(presentation):
    # Kazakhstan today; every gallery country once its relations fiche is in data/.
    loaded = load_source(presentation)
    assert loaded.ok and loaded.problems == []
    relations = DATA / presentation.name.replace(".presentation.yaml", ".yaml")
    if relations.exists():
        other = load_source(relations)
        assert other.ok, [str(p) for p in other.problems]
        assert loaded.fiche.slug == f"{other.fiche.slug}-presentation"
