"""Every published page of ../shared/pages/, in its three forms (text as given, HTML and
DOCX made from it here): the import loses no sentence, the three forms give the same
data, the written YAML reads back as that data; the share of each page's text that
became fields is printed (pytest -s)."""

from __future__ import annotations

import pytest
import yaml

from fiche_pays.importer.page import import_file
from fiche_pays.importer.report import share
from fiche_pays.importer.yamlout import write

from import_pages import (
    comparable,
    data_texts,
    page_files,
    page_sentences,
    to_docx,
    to_html,
    unescape,
)

PAGES = page_files()


def _data(imported) -> dict:
    """The data file's content as the importer holds it (sections as block lists)."""
    return yaml.safe_load(write(imported))


def _held_text(imported) -> str:
    texts, words = [], {}
    for section in imported.sections:
        if section.extra:
            texts.append(section.title)
        for piece in section.pieces:
            words.update(piece.words)
            if not piece.kind.startswith("_"):
                texts += data_texts(piece.as_data())
            # A record without a text of its own prints the line the fiche generates.
            texts += [f.generated for f in piece.found if f.generated and piece.note is None]
    texts += [text for _, text, _ in imported.consumed]
    texts += data_texts({k: v for k, v in imported.top.items() if k not in ("pays", "document")})
    return comparable(" ¶ ".join(unescape(t, words) for t in texts))


def _forms(page, tmp_path):
    html = tmp_path / f"{page.stem}.html"
    html.write_text(to_html(page), encoding="utf-8")
    return {"texte": page, "HTML": html, "DOCX": to_docx(page, tmp_path / f"{page.stem}.docx")}


def test_there_are_29_pages():
    assert len(PAGES) == 29


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_no_sentence_lost_in_any_form(page, tmp_path):
    sentences = page_sentences(page)
    datas = {}
    for form, path in _forms(page, tmp_path).items():
        imported = import_file(path)
        held = _held_text(imported)
        missing = [s for s in sentences if comparable(s) not in held]
        assert missing == [], f"{form} : phrases perdues"
        datas[form] = _data(imported)
    # The three forms of one page give one data file.
    assert datas["HTML"] == datas["texte"]
    assert datas["DOCX"] == datas["texte"]


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_written_yaml_reads_back(page):
    imported = import_file(page)
    data = _data(imported)
    assert data["pays"] == imported.top["pays"]
    assert data["document"]["mise_a_jour"]
    blocks = [
        piece.as_data()
        for section in imported.sections
        if not section.extra
        for piece in section.pieces
        if not piece.kind.startswith("_")
    ]
    written = [
        b
        for key in data
        if isinstance(data[key], list)
        and key not in ("informations_complementaires", "sections_supplementaires")
        for b in data[key]
    ]
    assert _plain(written) == _plain(blocks)


def _plain(value):
    # YAML reads a date as a date, a year as an int: compare as text
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value)


def test_share_of_each_page_that_became_fields(capsys):
    rows = []
    for page in PAGES:
        imported = import_file(page)
        done, total = share(imported)
        rows.append((page.stem, imported.kind, round(100 * done / total)))
        assert total > 0
    with capsys.disabled():
        print("\npart du texte devenue champs, par page :")
        for name, kind, percent in rows:
            print(f"  {name:42} {kind:12} {percent:3} %")
    # The pages whose facts are lists and labelled lines are mostly fields.
    shares = dict((name, percent) for name, _, percent in rows)
    assert shares["benin_relations"] >= 50
    assert shares["laos_relations"] >= 50
