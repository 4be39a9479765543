"""What a reader of both formats sees besides typography (issue 13, items 6–10 and 16), on
every gallery fiche in every template: a DOCX that validates against ISO/IEC 29500, the
chart's axis worded as the tree words it whatever the reader's locale, the fiche's own
marking, the title rule with its accent, space after fact blocks, a linked table of
contents with page fields, hyphenation settings, the trade table's change columns; and
once, the DOCX as LibreOffice lays it out under an English locale."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from lxml import etree
from openxml_audit import OpenXmlValidator

from fiche_pays import compose, load, render, tree
from fiche_pays.theme.load import load_theme
from fiche_pays.writers.docx.chart import axis_format

from conftest import GALLERY_CASES, GALLERY_IDS, KAZAKHSTAN, ROOT, TEMPLATES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
NS = {
    "w": W[1:-1],
    "c": C[1:-1],
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}


@pytest.fixture(scope="module", params=GALLERY_CASES, ids=GALLERY_IDS)
def case(request, gallery_documents):
    """A gallery fiche in a template: its tree, its theme and its DOCX's parts."""
    path, template = request.param
    document, theme, docx = gallery_documents(path, template, "docx")
    with zipfile.ZipFile(docx) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    return document, theme, docx, parts


def _xml(parts: dict[str, bytes], name: str) -> etree._Element:
    return etree.fromstring(parts[name])


# --- item 16: the package validates ----------------------------------------------------


def _audit(path: Path) -> None:
    result = OpenXmlValidator().validate(str(path))
    assert result.is_valid, [str(e) for e in result.errors][:5]


def test_every_docx_validates_against_the_schemas(case):
    _, _, docx, parts = case
    _audit(docx)
    zoom = _xml(parts, "word/settings.xml").find(f"{W}zoom")
    assert zoom is None or zoom.get(f"{W}percent")  # required, the validator misses it


@pytest.mark.parametrize("template", TEMPLATES)
def test_reference_docx_validates_against_the_schemas(template):
    path = ROOT / "templates" / template / "reference.docx"
    _audit(path)
    with zipfile.ZipFile(path) as package:
        settings = etree.fromstring(package.read("word/settings.xml"))
    assert settings.find(f"{W}zoom").get(f"{W}percent")
    assert settings.find(f"{W}autoHyphenation").get(f"{W}val") == "true"


def test_the_validator_sees_a_schema_error(tmp_path):
    """The audit can fail: a table style's borders out of schema order are reported."""
    source = ROOT / "templates" / "officiel" / "reference.docx"
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(broken, "w") as new:
        for name in old.namelist():
            data = old.read(name)
            if name == "word/styles.xml":  # insideH before top: out of schema order
                old_borders = b"<w:tblBorders>"
                new_borders = b'<w:tblBorders><w:insideH w:val="single"/><w:top w:val="single"/>'
                assert old_borders in data
                data = data.replace(old_borders, new_borders, 1)
            new.writestr(name, data)
    assert not OpenXmlValidator().validate(str(broken)).is_valid


# --- item 2: hyphenation as in a French document -------------------------------------------


def test_docx_hyphenates_by_french_rules_where_the_stylesheet_does(case):
    _document, theme, _, parts = case
    settings = _xml(parts, "word/settings.xml")
    assert settings.find(f"{W}autoHyphenation").get(f"{W}val") == "true"
    styles = _xml(parts, "word/styles.xml")
    language = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert language.get(f"{W}val") == "fr-FR"
    by_name = {s.find(f"{W}name").get(f"{W}val"): s for s in styles.iter(f"{W}style")}
    suppressed = {
        name: style.find(f"{W}pPr/{W}suppressAutoHyphens").get(f"{W}val")
        for name, style in by_name.items()
        if style.find(f"{W}pPr/{W}suppressAutoHyphens") is not None
    }
    assert suppressed["Tableau - texte"] == "0" and suppressed["Normal"] == "1"
    assert theme.styles["cell"].hyphenate and not theme.styles["body"].hyphenate


# --- item 6: the chart's axis, whatever the locale ------------------------------------------


def _formatted(code: str, value: float) -> str:
    """A number shown by an Excel number format of the kind the writer makes (sections
    positive;negative;zero, digit placeholders and quoted literals); literals are always
    shown, as Excel and Word do."""
    positive, negative, zero = code.split(";")
    section = zero if value == 0 else positive if value > 0 else negative
    tokens = re.findall(r'"[^"]*"|[#0]|\.', section)
    if "." in tokens:
        decimals = len(tokens) - tokens.index(".") - 1
        whole, fraction = f"{abs(value):.{decimals}f}".split(".")
        tokens = tokens[: tokens.index(".")]
    else:
        whole, fraction = str(round(abs(value))), None
    digits = list(whole.lstrip("0") or ("0" if "0" in tokens else ""))
    out: list[str] = []
    placeholders = [i for i, t in enumerate(tokens) if t in "#0"]
    for index in reversed(range(len(tokens))):
        token = tokens[index]
        if token.startswith('"'):
            out.append(token[1:-1])
        elif index == placeholders[0]:
            out.append("".join(digits))
            digits = []
        elif digits:
            out.append(digits.pop())
        elif token == "0":
            out.append("0")
    text = "".join(reversed(out))
    return text + ("," + fraction if fraction is not None else "")


def test_chart_axis_shows_the_trees_tick_labels_in_any_locale(case):
    document, _, _, parts = case
    charts = [
        c
        for s in tree.iter_sections(document.sections)
        for c in s.children
        if isinstance(c, tree.Chart)
    ]
    names = sorted(n for n in parts if re.fullmatch(r"word/charts/chart\d+\.xml", n))
    assert len(names) == len(charts)
    for chart, name in zip(charts, names, strict=True):
        root = _xml(parts, name)
        code = root.find(f".//{C}valAx/{C}numFmt").get("formatCode")
        assert code == axis_format(chart.ticks)
        assert "," not in code.split(";")[0]  # no locale-dependent grouping
        for tick, label in zip(chart.ticks, chart.tick_labels, strict=True):
            if float(tick).is_integer():
                assert _formatted(code, tick) == label, (code, tick, label)


# --- item 7: the fiche's marking ------------------------------------------------------------


def test_no_marking_unless_the_fiche_sets_one(case):
    document, _, _, parts = case
    text = " ".join(
        t.text or ""
        for name, blob in parts.items()
        if name.startswith("word/header")
        for t in etree.fromstring(blob).iter(f"{W}t")
    )
    assert (document.meta.marking is None) == ("travail" not in text.lower())


@pytest.mark.parametrize("template", TEMPLATES)
def test_the_fiches_marking_is_shown_on_every_page_in_the_templates_look(template, tmp_path):
    fiche = load(KAZAKHSTAN)
    info = fiche.document.model_copy(update={"diffusion": "Diffusion restreinte"})
    theme = load_theme(template)
    document = compose(fiche.model_copy(update={"document": info}), theme.wording())
    assert document.meta.marking == "Diffusion restreinte"
    pdf, docx = tmp_path / "f.pdf", tmp_path / "f.docx"
    render(document, "pdf", pdf, theme)
    render(document, "docx", docx, theme)
    pages = [p.get_textpage().get_text_range() for p in pdfium.PdfDocument(pdf)]
    assert all("DIFFUSION RESTREINTE" in page for page in pages)  # caps: the look
    with zipfile.ZipFile(docx) as package:
        headers = [n for n in package.namelist() if n.startswith("word/header")]
        texts = ["".join(etree.fromstring(package.read(n)).itertext()) for n in headers]
    assert all("Diffusion restreinte" in t for t in texts)


def test_an_old_theme_with_a_default_marking_gets_a_french_message(tmp_path):
    from fiche_pays.problems import DataError

    folder = tmp_path / "ancien"
    folder.mkdir()
    (folder / "theme.yaml").write_text(
        "name: ancien\ninherit: officiel\nheader:\n  marking: Document de travail\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as error:
        load_theme(str(folder))
    message = str(error.value.problems[0].message)
    assert "document.diffusion" in message and "header.marking" in message


# --- item 8: the DOCX looks like the PDF ---------------------------------------------------


def test_docx_title_has_the_rule_with_its_accent(case):
    from PIL import Image

    _, theme, _, parts = case
    body = _xml(parts, "word/document.xml").find(f"{W}body")
    paragraphs = body.findall(f"{W}p")
    styles = [p.find(f"{W}pPr/{W}pStyle") for p in paragraphs[:3]]
    assert [s.get(f"{W}val") if s is not None else None for s in styles[:2]] == [
        "Title",
        "Subtitle",
    ]
    doc_pr = paragraphs[2].find(".//wp:docPr", NS)
    assert doc_pr.get("name") == "Filet du titre"
    rels = _xml(parts, "word/_rels/document.xml.rels")
    blip = paragraphs[2].find(".//a:blip", NS)
    embed = blip.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
    target = next(r.get("Target") for r in rels if r.get("Id") == embed)
    image = Image.open(BytesIO(parts["word/" + target])).convert("RGB")
    middle = image.height // 2
    accent = tuple(int(theme.colors.accent[i : i + 2], 16) for i in (1, 3, 5))
    primary = tuple(int(theme.colors.primary[i : i + 2], 16) for i in (1, 3, 5))
    assert image.getpixel((5, middle)) == accent
    assert image.getpixel((image.width - 5, middle)) == primary


def test_docx_fact_blocks_and_lists_end_with_space(case):
    _, theme, _, parts = case
    body = _xml(parts, "word/document.xml").find(f"{W}body")
    paragraphs = body.findall(f"{W}p")
    after = {
        "Fait": theme.styles["fact"].space_after + theme.styles["body"].space_after * 0.5,
        "ListBullet": theme.styles["bullet"].space_after + theme.styles["body"].space_after * 0.5,
    }

    def style(p):
        element = p.find(f"{W}pPr/{W}pStyle")
        return element.get(f"{W}val") if element is not None else "Normal"

    ends = [
        here
        for here, following in itertools.pairwise(paragraphs)
        if style(here) in after and style(following) != style(here)
    ]
    for here in ends:
        spacing = here.find(f"{W}pPr/{W}spacing")
        assert spacing is not None, etree.tostring(here)[:200]
        assert int(spacing.get(f"{W}after")) == round(after[style(here)] * 20)
    # A fiche whose only list ends the document has no block end to space.
    assert ends or style(paragraphs[-1]) in after or not any(style(p) in after for p in paragraphs)


def test_docx_table_of_contents_links_each_heading_with_its_page_field(case):
    document, theme, _, parts = case
    if not theme.toc:
        return
    body = _xml(parts, "word/document.xml").find(f"{W}body")
    entries = [
        p
        for p in body.findall(f"{W}p")
        if (s := p.find(f"{W}pPr/{W}pStyle")) is not None
        and re.fullmatch(r"toc\d", s.get(f"{W}val"))
    ]
    sections = tree.toc_entries(document.sections, theme.toc_min_sections)
    assert len(entries) == len(sections)
    for entry, section in zip(entries, sections, strict=True):
        assert entry.find(f"{W}hyperlink").get(f"{W}anchor") == section.key
        # In the entry's own look, as in the PDF: not the blue, underlined link style.
        runs = entry.find(f"{W}hyperlink").iter(f"{W}r")
        assert all(r.find(f"{W}rPr/{W}rStyle") is None for r in runs)
        instruction = "".join(t.text for t in entry.iter(f"{W}instrText"))
        assert instruction.split() == ["PAGEREF", section.key, "\\h"]


@pytest.mark.parametrize(("path", "template"), GALLERY_CASES, ids=GALLERY_IDS)
def test_a_table_of_contents_only_where_the_fiche_has_enough_sections(
    path, template, gallery_documents
):
    """Both documents apply the template's one rule: a one-page fiche of three sections
    (Bénin, Tadjikistan) has no « Sommaire », Kazakhstan's eight sections have one."""
    document, theme, pdf = gallery_documents(path, template, "pdf")
    _, _, docx = gallery_documents(path, template, "docx")
    expected = bool(theme.toc and len(document.sections) >= theme.toc_min_sections)
    if path.stem == "kazakhstan":
        assert expected
    if path.stem in ("benin", "tadjikistan"):
        assert not expected
    first_page = pdfium.PdfDocument(pdf)[0].get_textpage().get_text_range()
    assert (document.meta.toc_title in first_page) == expected
    with zipfile.ZipFile(docx) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    styles = {s.get(f"{W}val") for s in body.iter(f"{W}pStyle")}
    assert any(re.fullmatch(r"toc\d|TOCHeading", s) for s in styles) == expected


# --- item 10: the trade table says which flow each change belongs to -----------------------


def test_change_columns_name_their_flow(case):
    document, *_ = case
    for section in tree.iter_sections(document.sections):
        for child in section.children:
            if isinstance(child, tree.Table):
                changes = [h for h in child.header if h.startswith("Évolution")]
                assert len(set(changes)) == len(changes), child.header
                assert all(h != "Évolution" for h in changes), child.header


# --- the DOCX as LibreOffice lays it out, under an English locale --------------------------


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice absent")
def test_docx_in_libreoffice_with_an_english_locale(gallery_documents, tmp_path):
    """Axis labels "4 000" and "−3 000" (not "4,000", "-3,000"), page numbers in the table
    of contents, the top-right block ending at the right margin."""
    _, theme, docx = gallery_documents(KAZAKHSTAN, "officiel", "docx")
    profile = tmp_path / "profil"
    environment = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        env=environment,
        timeout=180,
    )
    pdf = pdfium.PdfDocument(tmp_path / f"{docx.stem}.pdf")
    texts = [page.get_textpage().get_text_range() for page in pdf]
    every = "\n".join(texts)
    assert "4\u202f000" in every and "\u22123\u202f000" in every
    assert "4,000" not in every and "-3,000" not in every
    first = texts[0]
    for title in ("Relations politiques", "Relations économiques"):
        assert re.search(rf"{title}\.*\s*\d\s*$", first, re.M), first[:800]
    page = pdf[0]
    textpage = page.get_textpage()
    width = page.get_size()[0]
    right_margin = width - theme.page.margin_right * 72 / 25.4
    found = textpage.search("Mise à jour").get_next()
    assert found
    start, _count = found
    line_end = start
    while line_end < textpage.count_chars() and textpage.get_text_range(line_end, 1) not in "\r\n":
        line_end += 1
    right = max(textpage.get_charbox(i)[2] for i in range(start, line_end))
    assert abs(right - right_margin) < 1.5 * 72 / 25.4, (right, right_margin)


# --- item 9: no blank left where a chart did not fit ----------------------------------------

MM = 72 / 25.4


def _blank_at_page_bottoms(pdf_path: Path, theme) -> list[float]:
    """For every page, the height in mm left blank above the bottom of the text frame,
    read from the rendered page (the footer sits lower, in the margin)."""
    blanks = []
    for page in pdfium.PdfDocument(pdf_path):
        image = page.render(scale=1).to_pil().convert("L")
        bottom = image.height - round(theme.page.margin_bottom * MM)
        y = bottom
        while y > 0 and min(image.crop((0, y - 1, image.width, y)).get_flattened_data()) > 250:
            y -= 1
        blanks.append((bottom - y) / MM)
    return blanks


def _keep_allowance(theme) -> float:
    """The largest blank the other keep rules may leave, in mm: a heading kept with four
    lines, or a table's caption with its header and first rows (writers/pdf/writer.py),
    and a line of the paragraph that could not be cut there."""
    s = theme.styles
    heading = s["heading1"].space_before + s["heading1"].leading + 4 * s["body"].leading
    table = s["caption"].leading + 5 * s["cell"].leading + 30
    return (max(heading, table) + s["body"].leading + s["body"].space_after) / MM


@pytest.mark.parametrize(("path", "template"), GALLERY_CASES, ids=GALLERY_IDS)
def test_no_page_but_the_last_ends_with_a_large_blank(gallery_documents, path, template):
    """A chart that does not fit where it is read floats to the top of the next page and
    the text after it fills the page (writers/pdf/floats.py): no page but the last ends
    with more blank than the keep rules allow (a quarter page was left before)."""
    _document, theme, pdf = gallery_documents(path, template, "pdf")
    blanks = _blank_at_page_bottoms(pdf, theme)
    allowance = _keep_allowance(theme)
    assert all(blank <= allowance for blank in blanks[:-1]), (blanks, allowance)


def test_the_kazakhstan_chart_left_a_blank_before_it_floated(gallery_documents, tmp_path):
    """The measure sees the blank the old rule left: the same fiche with the chart kept in
    place (moved whole, never floating) ends page 2 with more than the allowance."""
    from fiche_pays.writers.pdf import flowables

    document, theme, _ = gallery_documents(KAZAKHSTAN, "officiel", "pdf")
    pdf = tmp_path / "sans-flottant.pdf"
    try:
        flowables.ChartBlock.floats = False
        render(document, "pdf", pdf, theme)
    finally:
        flowables.ChartBlock.floats = True
    assert max(_blank_at_page_bottoms(pdf, theme)[:-1]) > _keep_allowance(theme)


def test_docx_chart_moves_whole_with_its_caption_and_source(case):
    """The DOCX's rule (README, « Typographie et mise en page »): Word has no float for a
    caption, a chart and a source together, so the three stay together and move whole
    (keep with next on the caption and the chart's paragraph); the chart is inline, never
    an anchored drawing that Word and LibreOffice would place differently."""
    document, _, _, parts = case
    charts = [
        c
        for s in tree.iter_sections(document.sections)
        for c in s.children
        if isinstance(c, tree.Chart)
    ]
    styles = _xml(parts, "word/styles.xml")
    by_id = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}

    def keeps_with_next(paragraph) -> bool:
        direct = paragraph.find(f"{W}pPr/{W}keepNext")
        if direct is not None:
            return direct.get(f"{W}val") in (None, "1", "true")
        style = by_id[paragraph.find(f"{W}pPr/{W}pStyle").get(f"{W}val")]
        return style.find(f"{W}pPr/{W}keepNext") is not None

    paragraphs = _xml(parts, "word/document.xml").find(f"{W}body").findall(f"{W}p")
    holders = [i for i, p in enumerate(paragraphs) if p.find(f".//{C}chart") is not None]
    assert len(holders) == len(charts)
    for index, chart in zip(holders, charts, strict=True):
        caption, figure = paragraphs[index - 1], paragraphs[index]
        assert "".join(caption.itertext()) == chart.title
        assert keeps_with_next(caption) and keeps_with_next(figure)
        assert figure.find(".//wp:inline", NS) is not None
        assert figure.find(".//wp:anchor", NS) is None
        if chart.source:
            assert "".join(paragraphs[index + 1].itertext()) == chart.source


def test_docx_bullets_sit_where_the_pdf_draws_them(case):
    """The List Bullet style and its numbering level: bullet at the stylesheet's
    ``bullet_indent``, text at its ``indent`` (Word's default put the bullet at the
    margin), items spaced by ``space_after`` (no contextual spacing)."""
    _, theme, _, parts = case
    look = theme.styles["bullet"]
    left, hanging = round(look.indent * 20), round((look.indent - look.bullet_indent) * 20)
    styles = _xml(parts, "word/styles.xml")
    style = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "ListBullet")
    indent = style.find(f"{W}pPr/{W}ind")
    assert (int(indent.get(f"{W}left")), int(indent.get(f"{W}hanging"))) == (left, hanging)
    assert style.find(f"{W}pPr/{W}contextualSpacing") is None
    num_id = style.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
    numbering = _xml(parts, "word/numbering.xml")
    num = next(n for n in numbering.iter(f"{W}num") if n.get(f"{W}numId") == num_id)
    abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
    abstract = next(
        a for a in numbering.iter(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == abstract_id
    )
    level = next(lv for lv in abstract.iter(f"{W}lvl") if lv.get(f"{W}ilvl") == "0")
    indent = level.find(f"{W}pPr/{W}ind")
    assert (int(indent.get(f"{W}left")), int(indent.get(f"{W}hanging"))) == (left, hanging)


def test_docx_running_header_and_footer_have_the_pdfs_rules(case):
    """The PDF draws a thin rule under the running header and over the footer; the DOCX's
    Header and Footer styles carry the same rules, as paragraph borders."""
    _, theme, _, parts = case
    styles = _xml(parts, "word/styles.xml")
    by_id = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    for style_id, side in (("Header", "bottom"), ("Footer", "top")):
        border = by_id[style_id].find(f"{W}pPr/{W}pBdr/{W}{side}")
        assert border is not None, style_id
        assert border.get(f"{W}val") == "single"
        assert border.get(f"{W}color") == theme.colors.rule.lstrip("#").upper()
    for name, blob in parts.items():
        if re.fullmatch(r"word/(header|footer)\d+\.xml", name):
            for paragraph in etree.fromstring(blob).iter(f"{W}p"):
                style = paragraph.find(f"{W}pPr/{W}pStyle")
                assert style is not None  # every line styled, so the rule is there
