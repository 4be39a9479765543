"""The DOCX for assistive technology, read from its XML, for every gallery fiche in both
templates: title and language, headings without gaps, announced table headers with a
title and a description, alternative text on every drawing, no empty paragraph used as
a spacer."""

from __future__ import annotations

import itertools
import zipfile
from xml.etree import ElementTree as etree

import pytest

from fiche_pays import compose, load_theme, render, tree

from conftest import GALLERY_CASES, GALLERY_IDS

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
W = f"{{{NS['w']}}}"


class Docx:
    """A written DOCX's parts, parsed."""

    def __init__(self, path):
        with zipfile.ZipFile(path) as archive:
            self.parts = {
                name: etree.fromstring(archive.read(name))
                for name in archive.namelist()
                if name.endswith(".xml") and name.startswith(("word/", "docProps/"))
            }
        self.body = self.parts["word/document.xml"].find("w:body", NS)

    def stories(self):
        """The body, headers and footers."""
        return [
            root
            for name, root in sorted(self.parts.items())
            if name == "word/document.xml" or name.startswith(("word/header", "word/footer"))
        ]


def style_of(paragraph) -> str | None:
    style = paragraph.find("w:pPr/w:pStyle", NS)
    return None if style is None else style.get(f"{W}val")


def text_of(element) -> str:
    return "".join(element.itertext())


@pytest.fixture(params=GALLERY_CASES, ids=GALLERY_IDS)
def case(request, gallery_documents):
    document, theme, path = gallery_documents(*request.param, "docx")
    return document, theme, Docx(path)


def _nodes(sections, kind):
    found = []
    for section in sections:
        for child in section.children:
            if isinstance(child, tree.Section):
                found += _nodes((child,), kind)
            elif isinstance(child, kind):
                found.append(child)
    return found


def test_title_and_language_in_properties_and_styles(case):
    document, _, docx = case
    core = docx.parts["docProps/core.xml"]
    assert core.findtext("dc:title", namespaces=NS) == document.meta.title
    assert core.findtext("dc:language", namespaces=NS) == document.meta.language
    styles = docx.parts["word/styles.xml"]
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{W}val") == document.meta.language
    first = docx.body.find("w:p", NS)
    assert style_of(first) == "Title" and text_of(first) == document.meta.country


def test_heading_levels_follow_the_tree_without_gaps(case):
    document, _, docx = case
    levels = [
        int(style[len("Heading") :])
        for p in docx.body.iter(f"{W}p")
        if (style := style_of(p) or "").startswith("Heading")
    ]
    expected = [min(s.level, 3) for s in tree.iter_sections(document.sections)]
    assert levels == expected
    assert levels[:1] == [1]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


def test_heading_styles_are_words_built_in_headings(case):
    """Word, its navigation pane and screen readers know a heading by the built-in style
    name "heading N" and its outline level, not by the look."""
    _, _, docx = case
    styles = {s.get(f"{W}styleId"): s for s in docx.parts["word/styles.xml"].findall("w:style", NS)}
    used = {style_of(p) for p in docx.body.iter(f"{W}p")}
    headings = sorted(s for s in used if s and s.startswith("Heading"))
    assert headings
    for style_id in headings:
        level = int(style_id[len("Heading") :])
        style = styles[style_id]
        assert style.find("w:name", NS).get(f"{W}val") == f"heading {level}"
        assert style.find("w:pPr/w:outlineLvl", NS).get(f"{W}val") == str(level - 1)


def test_every_language_declared_is_the_documents(case):
    document, _, docx = case
    declared = {
        value
        for root in docx.parts.values()
        for lang in root.iter(f"{W}lang")
        for key, value in lang.attrib.items()
        if key in (f"{W}val", f"{W}eastAsia")
    }
    assert declared == {document.meta.language}


def test_tables_announce_their_header_row_title_and_description(case):
    document, _, docx = case
    tables = _nodes(document.sections, tree.Table)
    found = docx.body.findall("w:tbl", NS)
    assert len(found) == len(tables)
    for table, xml in zip(tables, found, strict=True):
        rows = xml.findall("w:tr", NS)
        assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
        assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rows[1:])
        caption = xml.find("w:tblPr/w:tblCaption", NS)
        description = xml.find("w:tblPr/w:tblDescription", NS)
        assert (caption.get(f"{W}val") if caption is not None else None) == table.caption
        assert description.get(f"{W}val") == table.description
        assert table.description  # the composer describes every table


def test_every_drawing_has_alternative_text(case):
    document, _, docx = case
    drawings = [d for story in docx.stories() for d in story.iter(f"{{{NS['wp']}}}docPr")]
    charts = _nodes(document.sections, tree.Chart)
    assert len(drawings) >= len(charts)
    # every drawing is described, or marked decorative (the title's rule)
    decorative = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
    assert all(d.get("descr") or d.find(f".//{decorative}") is not None for d in drawings)
    chart_alts = [d.get("descr") for d in drawings if d.get("name", "").startswith("Graphique")]
    assert chart_alts == [c.alt for c in charts]


def test_no_empty_paragraph_is_used_for_spacing(case):
    _, _, docx = case
    for story in docx.stories():
        parents = {child: parent for parent in story.iter() for child in parent}
        for paragraph in story.iter(f"{W}p"):
            parent = parents[paragraph]
            if parent.tag == f"{W}tc" and len(parent.findall("w:p", NS)) == 1:
                continue  # an empty table cell holds one paragraph: the schema wants it
            has_content = (
                text_of(paragraph).strip()
                or paragraph.find(".//w:drawing", NS) is not None
                or paragraph.find(".//w:fldSimple", NS) is not None
                or paragraph.find(".//w:fldChar", NS) is not None
            )
            assert has_content, etree.tostring(paragraph)[:300]


def test_emblem_has_its_description_in_the_docx(emblem_template, fiche, tmp_path):
    theme = load_theme(str(emblem_template))
    path = tmp_path / "embleme.docx"
    render(compose(fiche, theme.wording()), "docx", path, theme)
    docx = Docx(path)
    pictures = [
        d
        for name, root in docx.parts.items()
        if name.startswith("word/header")
        for d in root.iter(f"{{{NS['wp']}}}docPr")
    ]
    assert [p.get("descr") for p in pictures] == ["Marianne, République française"]


def test_page_one_header_has_no_layout_table(case):
    _, _, docx = case
    for name, root in docx.parts.items():
        if name.startswith("word/header"):
            assert root.find(".//w:tbl", NS) is None, name
