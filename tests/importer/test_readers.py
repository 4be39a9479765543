"""The three readers: copied text, saved HTML, Word; the same page gives the same blocks."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from fiche_pays.importer.source import ImportProblem, read_source

from import_pages import PAGES, to_docx, to_html


def _blocks(source):
    return [(b.kind, b.text, b.rows) for b in source.blocks]


def test_text_page_headings_items_and_cut():
    source = read_source(PAGES / "armenie_relations.txt")
    kinds = {b.text: b.kind for b in source.blocks}
    assert kinds["Relations politiques"] == "heading"
    assert kinds["Consulat : Erevan"] == "item"
    assert source.url.endswith("/armenie/relations-bilaterales/")
    assert "Partager" not in kinds  # page furniture
    assert source.cut.text.startswith("Un accord intergouvernemental")
    # A sentence that starts like a title ("La France et l'Arménie …") stays a paragraph.
    assert any(
        b.kind == "paragraph" and b.text.startswith("La France et l’Arménie") for b in source.blocks
    )


def test_text_page_wrapped_lines_are_joined():
    source = read_source(PAGES / "kazakhstan_presentation.txt")
    cities = next(b for b in source.blocks if b.text.startswith("Villes principales"))
    assert cities.text.endswith("Pavlodar, Chymkent)")
    assert cities.line == 13


def test_text_cut_keeps_the_complete_sentences(tmp_path):
    page = tmp_path / "x.txt"
    page.write_text(
        "Relations politiques\n\nPremière phrase. Deuxième phrase coup\n"
        "[EXCERPT TRUNCATED BY SOURCE STORE]\n",
        encoding="utf-8",
    )
    source = read_source(page)
    assert source.blocks[-1].text == "Première phrase."
    assert source.cut.text == "Deuxième phrase coup"


@pytest.mark.parametrize(
    "name",
    ["benin_relations.txt", "benin_presentation.txt", "tonga_relations_en_2017_COMPLETE.txt"],
)
def test_html_gives_the_text_blocks(tmp_path, name):
    html = tmp_path / (Path(name).stem + ".html")
    html.write_text(to_html(PAGES / name), encoding="utf-8")
    from_html, from_text = read_source(html), read_source(PAGES / name)
    assert _blocks(from_html) == _blocks(from_text)
    assert from_html.url == from_text.url
    assert all("Accueil" not in b.text and "Ministère" not in b.text for b in from_html.blocks)


def test_html_line_breaks_and_tables(tmp_path):
    html = tmp_path / "p.html"
    html.write_text(
        "<html><body><article><h2>Données générales</h2><p>Nom officiel : X<br>Capitale : Y</p>"
        "<table><tr><th>Date</th><th>Objet</th></tr><tr><td>2020</td><td>Accord</td></tr></table>"
        "<div class='partage'>Partager</div></article><aside>Voir aussi</aside></body></html>",
        encoding="utf-8",
    )
    blocks = _blocks(read_source(html))
    assert blocks == [
        ("heading", "Données générales", ()),
        ("paragraph", "Nom officiel : X", ()),
        ("paragraph", "Capitale : Y", ()),
        ("table", "", (("Date", "Objet"), ("2020", "Accord"))),
    ]


@pytest.mark.parametrize("bold", [False, True])
def test_docx_gives_the_text_blocks(tmp_path, bold):
    target = to_docx(
        PAGES / "laos_relations.txt", tmp_path / "laos_relations.docx", bold_titles=bold
    )
    from_docx, from_text = read_source(target), read_source(PAGES / "laos_relations.txt")
    assert [(k, t) for k, t, _ in _blocks(from_docx)] == [(k, t) for k, t, _ in _blocks(from_text)]
    assert from_docx.where(from_docx.blocks[1]) == "paragraphe 2"


def test_docx_tables(tmp_path):
    document = docx.Document()
    document.add_heading("Accords", 1)
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ["Date", "Accord", "1993", "Traité"], strict=True):
        cell.text = text
    document.save(str(tmp_path / "t.docx"))
    blocks = _blocks(read_source(tmp_path / "t.docx"))
    assert blocks[-1] == ("table", "", (("Date", "Accord"), ("1993", "Traité")))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.7\n", "document PDF"),
        ("Relations politiques\n".encode("utf-16"), "UTF-16"),
        ("Présence française\n".encode("cp1252"), "UTF-8"),
        (b"PK\x03\x04broken", "document Word illisible"),
    ],
)
def test_unreadable_files_say_why_in_french(tmp_path, content, message):
    path = tmp_path / "page.txt"
    path.write_bytes(content)
    with pytest.raises(ImportProblem) as error:
        read_source(path)
    assert message in error.value.message


def test_a_word_fiche_is_recognised_by_its_title_whatever_its_file_name(built, tmp_path):
    from fiche_pays.importer.page import import_file

    renamed = tmp_path / "fiche.docx"
    renamed.write_bytes(built["docx"].read_bytes())
    assert import_file(renamed).top["pays"]["code"] == "KZ"
