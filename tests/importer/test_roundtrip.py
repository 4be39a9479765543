"""Round trip: the DOCX that fiche-pays writes, imported back.

What the Word file says comes back: the update date and service of the first-page
header, the keywords of the document properties, the sections under their data keys,
and every paragraph, fact line, list item and table cell of the tree (the chart is left
out: the fiche draws it from its figures). For every bundled relations fiche, the
imported data file composes the same tree as the original: generated visit lines,
visit and trade tables, institutes and fact lines are read back into their records.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fiche_pays import compose, load, render, tree
from fiche_pays.dump import dump
from fiche_pays.importer.page import import_file
from fiche_pays.importer.sentences import comparable
from fiche_pays.importer.titles import RELATIONS
from fiche_pays.importer.yamlout import write

from conftest import DATA, tree_texts
from import_pages import data_texts, page_files, unescape


@pytest.fixture(scope="module")
def imported(built):
    return import_file(built["docx"])


def test_document_facts_come_back(imported, fiche):
    document = imported.top["document"]
    assert document["mise_a_jour"] == str(fiche.document.updated)
    assert comparable(document["service"]) == comparable(fiche.document.service)
    assert document["mots_cles"] == list(fiche.document.keywords)
    assert imported.top["pays"]["code"] == fiche.country.code


def test_sections_come_back_under_their_keys(imported, document):
    keys = [s.key for s in imported.sections if not s.extra]
    composed = [s.key for s in document.sections if s.key != "informations_complementaires"]
    assert keys == composed


def test_every_text_of_the_tree_comes_back(imported, document):
    held = [*(t for _, t, _ in imported.consumed)]
    for section in imported.sections:
        held += [section.title or RELATIONS[section.key][0]]
        for piece in section.pieces:
            if not piece.kind.startswith("_"):
                held += [unescape(t, piece.words) for t in data_texts(piece.as_data())]
            held += [f.generated for f in piece.found if f.generated and piece.note is None]
    held += data_texts(imported.tail)
    if imported.tail.get("informations_complementaires"):
        held.append(RELATIONS["informations_complementaires"][0])
    haystack = comparable(" ¶ ".join(held))
    lost = []
    for section in document.sections:
        running, cells = tree_texts(section)
        for text in [*running, *cells]:
            if comparable(text) in haystack:
                continue
            lost.append(text)
    chart_words = [
        child
        for s in tree.iter_sections(document.sections)
        for child in s.children
        if isinstance(child, tree.Chart)
    ]
    dropped = {c.title for c in chart_words} | {c.source for c in chart_words}
    assert [t for t in lost if t not in dropped] == []


def test_import_of_the_docx_validates(imported, tmp_path):
    from fiche_pays.loader.load import load_source

    path = tmp_path / "kazakhstan.yaml"
    path.write_text(write(imported), encoding="utf-8")
    loaded = load_source(path)
    assert loaded.ok, [str(p) for p in loaded.problems]


RELATIONS_FILES = sorted(p for p in DATA.glob("*.yaml") if ".presentation" not in p.name)


def test_every_relations_fiche_of_the_gallery_is_tried():
    assert {p.stem for p in RELATIONS_FILES} >= {"armenie", "benin", "kazakhstan", "vanuatu"}


@pytest.mark.parametrize("data_file", RELATIONS_FILES, ids=[p.stem for p in RELATIONS_FILES])
def test_the_imported_docx_composes_the_same_tree(data_file: Path, theme, tmp_path):
    original = compose(load(data_file), theme.wording())
    docx = tmp_path / f"{data_file.stem}.docx"
    render(original, "docx", docx, theme)
    imported = import_file(docx)
    assert imported.restored == [] and imported.unsettled == []
    back = tmp_path / f"{data_file.stem}.yaml"
    back.write_text(write(imported), encoding="utf-8")
    assert dump(compose(load(back), theme.wording())) == dump(original)
    # The facts are records again, not text.
    kinds = {p.kind for s in imported.sections for p in s.pieces}
    expected = {
        "armenie": {"visites", "postes", "communaute", "communaute_en_france"},
        "kazakhstan": {"visites", "echanges", "instituts"},
        "vanuatu": {"visites"},
    }
    assert expected.get(data_file.stem, set()) <= kinds


RELATIONS_PAGES = [p for p in page_files() if "relations" in p.stem]


@pytest.mark.slow
@pytest.mark.parametrize("page", RELATIONS_PAGES, ids=[p.stem for p in RELATIONS_PAGES])
def test_a_page_imported_built_and_imported_again_gives_the_same_fiche(page, theme, tmp_path):
    """Page → data file → the DOCX fiche-pays writes → data file again: the same tree
    (the imported page's records, texts and citations all survive Word)."""
    first = tmp_path / f"{page.stem}.yaml"
    first.write_text(write(import_file(page)), encoding="utf-8")
    document = compose(load(first), theme.wording())
    docx = tmp_path / f"{page.stem}.docx"
    render(document, "docx", docx, theme)
    again = import_file(docx)
    assert again.restored == [] and again.unsettled == []
    second = tmp_path / f"{page.stem}.again.yaml"
    second.write_text(write(again), encoding="utf-8")
    assert dump(compose(load(second), theme.wording())) == dump(document)
