"""The tagged PDF (PDF/UA-1): its structure tree, walked with pikepdf, against the document
tree, for every gallery fiche in both templates.

The PDF is read by :mod:`tagged_pdf` (every page's marked content and its text, the
structure tree in /K order). Texts are compared without spaces, hyphens and case, so that
line breaks and hyphenation do not count, while every word and its order do; then word by
word, so that no two words run together.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import unicodedata

import pikepdf
import pytest
from pikepdf import Name

from fiche_pays import compose, load_theme, render, tree
from tagged_pdf import STANDARD, Tagged, content, elements, read, read_page, read_tree

from conftest import GALLERY_CASES, GALLERY_IDS


def squeeze(text: str) -> str:
    """Text for comparison: no spaces, hyphens, invisible characters or case."""
    kept = (
        c
        for c in text
        if not c.isspace()
        and c not in "-\u00ad\u2010\u2011"
        and unicodedata.category(c) not in ("Cf", "Zs")
    )
    return "".join(kept).casefold()


def words(text: str) -> str:
    """Text for comparison word by word: spaces of any kind as one space, soft hyphens
    left out. A word cut by French hyphenation ends its line with a soft hyphen (drawn as
    a hyphen) and no space, a compound cut after its own hyphen keeps the hyphen and no
    space: both read as the tree has them ("République", "Nour-Soultan")."""
    return " ".join(text.replace("\u00ad", "").split())


@pytest.fixture
def tagged(gallery_documents):
    """``get(path, template)``: a gallery fiche's PDF, read once for the session."""
    return lambda path, template: read(*gallery_documents(path, template, "pdf"))


@pytest.fixture(params=GALLERY_CASES, ids=GALLERY_IDS)
def case(request, tagged) -> Tagged:
    return tagged(*request.param)


# --- what the document tree says the structure must be ----------------------------------


def expected_blocks(document: tree.Document, theme) -> list[tuple[str, str]]:
    """(role, text) of every element that carries text, in reading order: the identity
    block, the title block, the table of contents, then the sections."""
    meta, identity = document.meta, theme.identity
    found: list[tuple[str, str]] = []
    if identity.emblem:
        found.append(("Figure", identity.emblem_alt))
    if meta.identity:
        found.append(("P", " ".join(meta.identity)))
    if meta.motto:
        found.append(("P", " ".join(meta.motto)))
    if meta.marking and theme.first_page_marking:
        found.append(("P", meta.marking))
    found += [("P", text) for text in (meta.service, meta.date_label) if text]
    found += [("P", meta.country), ("P", meta.kind)]
    toc = tree.toc_entries(document.sections, theme.toc_min_sections) if theme.toc else []
    if toc:
        found.append(("P", meta.toc_title))
        found += [("TOCI", s.title) for s in toc]

    def node(item: tree.Block | tree.Section) -> None:
        match item:
            case tree.Section():
                found.append((f"H{min(item.level, 6)}", item.title))
                for child in item.children:
                    node(child)
            case tree.Paragraph() | tree.Note():
                found.append(("P", tree.plain(item.runs)))
            case tree.Facts():
                found.extend(
                    ("P", row.label + meta.fact_separator + tree.plain(row.value))
                    for row in item.rows
                )
            case tree.BulletList():
                found.extend(("LBody", tree.plain(runs)) for runs in item.items)
            case tree.Table():
                if item.caption:
                    found.append(("Caption", item.caption))
                found.extend(("TH", text) for text in item.header)
                found.extend(("TD", text) for row in item.rows for text in row)
                if item.source:
                    found.append(("P", item.source))
            case tree.Chart():
                found.extend([("Caption", item.title), ("Figure", item.alt)])
                if item.source:
                    found.append(("P", item.source))

    for section in document.sections:
        node(section)
    return found


BLOCKS = {"P", "H1", "H2", "H3", "H4", "H5", "H6", "Caption", "TH", "TD", "LBody", "TOCI"}


def actual_blocks(case: Tagged) -> list[tuple[str, str]]:
    return [
        (e.role, str(e.obj.Alt) if e.role == "Figure" else case.text(e))
        for e in elements(case.root)
        if e.role in BLOCKS or e.role == "Figure"
    ]


def expected_links(document: tree.Document, theme) -> list[str]:
    """The text of every link, in reading order: TOC entries, then links in the text."""
    links = []
    if theme.toc:
        links += [s.title for s in tree.toc_entries(document.sections, theme.toc_min_sections)]

    def runs(items: tree.Runs) -> None:
        links.extend(r.text for r in items if r.href)

    def node(item: tree.Block | tree.Section) -> None:
        match item:
            case tree.Section():
                for child in item.children:
                    node(child)
            case tree.Paragraph() | tree.Note():
                runs(item.runs)
            case tree.Facts():
                for row in item.rows:
                    runs(row.value)
            case tree.BulletList():
                for items in item.items:
                    runs(items)

    for section in document.sections:
        node(section)
    return links


# --- the tests ----------------------------------------------------------------------------


def test_structure_follows_the_document_tree_in_reading_order(case):
    expected = [(role, squeeze(text)) for role, text in expected_blocks(case.document, case.theme)]
    actual = [(role, squeeze(text)) for role, text in actual_blocks(case)]
    assert actual == expected


def test_words_are_read_apart_and_whole(case):
    """Every line ends with a space in the extracted text: a screen reader does not run
    the last word of a line into the first of the next ("MINISTÈRE DE L'EUROPEET"), nor
    reads a hyphenated word as two ("Répu- blique")."""
    expected = [(role, words(text)) for role, text in expected_blocks(case.document, case.theme)]
    actual = [(role, words(text)) for role, text in actual_blocks(case)]
    assert actual == expected


def _chart_blocks(case) -> list[list[tuple[int, int]]]:
    """The content of each chart block, in reading order: its Caption, its Figure and
    its source (the P after the Figure, when the chart has one)."""
    charts = [n for s in case.document.sections for n in _blocks(s) if isinstance(n, tree.Chart)]
    figures = [e for e in elements(case.root) if e.role == "Figure"]
    if case.theme.identity.emblem:
        figures = figures[1:]
    parents = {id(kid): e for e in elements(case.root) for kid in e.kids}
    blocks = []
    for chart, figure in zip(charts, figures, strict=True):
        siblings = parents[id(figure)].kids
        index = next(i for i, kid in enumerate(siblings) if kid is figure)
        members = [figure]
        if index > 0 and getattr(siblings[index - 1], "role", None) == "Caption":
            members.insert(0, siblings[index - 1])
        if chart.source and index + 1 < len(siblings):
            members.append(siblings[index + 1])
        blocks.append([item for member in members for item in content(member)])
    return blocks


def _floated(case, block: list[tuple[int, int]]) -> bool:
    """True when the text read after the block was drawn before it."""
    drawn = [(s.page, s.mcid) for p in case.pages for s in p.sequences if s.mcid is not None]
    reached = content(case.root)
    after = reached[reached.index(block[-1]) + 1 :]
    return bool(after) and drawn.index(after[0]) < drawn.index(block[0])


def test_drawing_order_is_reading_order_and_every_mcid_is_reached_once(case):
    """Drawn in reading order, except a chart block that floated (see writers/pdf/floats):
    drawn whole, first on the page after the one where it is read, while the structure
    keeps it in its place."""
    drawn = [(s.page, s.mcid) for p in case.pages for s in p.sequences if s.mcid is not None]
    reached = content(case.root)
    assert len(reached) == len(set(reached)), "un MCID atteint deux fois"
    assert sorted(reached) == sorted(drawn)  # every MCID drawn is reached, and no other
    blocks = _chart_blocks(case)
    floated = {item for block in blocks for item in block}
    # Without the chart blocks, drawing order is reading order.
    assert [i for i in reached if i not in floated] == [i for i in drawn if i not in floated]
    for block in blocks:
        start = drawn.index(block[0])
        assert drawn[start : start + len(block)] == block  # drawn whole, in its order
        before = reached[: reached.index(block[0])]
        if _floated(case, block):
            assert block[0][1] == 0, "un graphique déplacé commence la page suivante"
            assert block[0][0] == before[-1][0] + 1, "un graphique déplacé d'au plus une page"
        else:
            assert not before or drawn.index(before[-1]) == start - 1
    for number, page in enumerate(case.pages):
        mcids = [s.mcid for s in page.sequences if s.mcid is not None]
        assert mcids == list(range(len(mcids))), f"page {number + 1}"


@pytest.mark.parametrize("template", ["officiel", "sobre"])
def test_the_kazakhstan_chart_floats_with_its_structure_in_place(tagged, template):
    """The fiche whose chart does not fit where it is read: the chart is drawn first on
    the next page, the text after it fills the page before, and the structure tree reads
    Caption, Figure, source where the text puts them (checked by the tests above)."""
    from conftest import KAZAKHSTAN

    case = tagged(KAZAKHSTAN, template)
    (block,) = _chart_blocks(case)
    assert _floated(case, block)
    roles = [e.role for e in elements(case.root)]
    assert roles.index("Figure") < roles.index("H1", roles.index("Figure"))  # logical order


def test_parent_tree_maps_every_mcid_and_annotation_to_its_element(case):
    nums = case.pdf.Root.StructTreeRoot.ParentTree.Nums
    parent_tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    owner = {
        (kid[1], kid[2]): e.obj.objgen
        for e in elements(case.root)
        for kid in e.kids
        if isinstance(kid, tuple) and kid[0] == "mcid"
    }
    for number, page in enumerate(case.pdf.pages):
        parents = parent_tree[int(page.obj.StructParents)]
        assert [p.objgen for p in parents] == [owner[(number, m)] for m in range(len(parents))]
        assert page.obj.Tabs == Name.S
        for annotation in page.obj.get("/Annots", []):
            link = parent_tree[int(annotation.StructParent)]
            assert Name.Link == link.S
            assert int(annotation.F) & 4  # printable (PDF/A)
            assert str(annotation.Contents)
    assert int(case.pdf.Root.StructTreeRoot.ParentTreeNextKey) == max(parent_tree) + 1


def test_everything_drawn_is_tagged_or_an_artifact(case):
    for number, page in enumerate(case.pages, start=1):
        assert page.loose == 0, f"page {number} : {page.loose} tracés hors balisage"
        assert page.nesting == 0, f"page {number} : séquences imbriquées ou déséquilibrées"
        assert page.unmapped == 0, f"page {number} : glyphes sans Unicode"


def test_header_and_footer_are_pagination_artifacts(case):
    meta = case.document.meta
    tagged_text = squeeze(" ".join(s.text for p in case.pages for s in p.sequences if s.mcid))
    for number, page in enumerate(case.pages, start=1):
        kinds = {}
        for s in page.sequences:
            if s.tag == "/Artifact" and s.props is not None and "/Subtype" in s.props:
                kinds.setdefault(str(s.props.Subtype), []).append(s)
        footer = kinds["/Footer"]
        assert squeeze(meta.footer) in squeeze(" ".join(s.text for s in footer))
        assert f"/FormXob.page-{number}" in [form for s in footer for form in s.forms]
        if number > 1:
            assert squeeze(meta.short_title) in squeeze(" ".join(s.text for s in kinds["/Header"]))
    assert squeeze(meta.footer) not in tagged_text


def test_every_link_is_a_link_element_with_its_annotations(case):
    links = [e for e in elements(case.root) if e.role == "Link"]
    texts = [squeeze(case.text(link)) for link in links]
    assert texts == [squeeze(t) for t in expected_links(case.document, case.theme)]
    objrs = [
        kid[1].objgen
        for e in links
        for kid in e.kids
        if isinstance(kid, tuple) and kid[0] == "objr"
    ]
    annotations = [a.objgen for p in case.pdf.pages for a in p.obj.get("/Annots", [])]
    assert sorted(objrs) == sorted(annotations)
    assert all(any(isinstance(k, tuple) and k[0] == "objr" for k in e.kids) for e in links)


def test_column_headers_are_never_hyphenated(case):
    """A column header reads as one block (the stylesheet's cell_header does not
    hyphenate, templates/officiel/theme.yaml): its drawn text is the tree's, without a
    hyphen added at a line end ("Part de mar-ché" before)."""
    tables = [n for s in case.document.sections for n in _blocks(s) if isinstance(n, tree.Table)]
    found = [e for e in elements(case.root) if e.role == "Table"]
    for table, element in zip(tables, found, strict=True):
        heads = [e for e in elements(element) if e.role == "TH"]
        for head, text in zip(heads, table.header, strict=True):
            drawn = re.sub(r"\s+", "", case.text(head))
            assert drawn == re.sub(r"\s+", "", text), (drawn, text)


def test_tables_have_header_cells_with_scope_and_a_summary(case):
    tables = [n for s in case.document.sections for n in _blocks(s) if isinstance(n, tree.Table)]
    found = [e for e in elements(case.root) if e.role == "Table"]
    assert len(found) == len(tables)
    for table, element in zip(tables, found, strict=True):
        roles = [k.role for k in element.kids]
        assert roles == (["Caption"] if table.caption else []) + ["THead", "TBody"]
        head = [e for e in elements(element) if e.role == "TH"]
        assert len(head) == len(table.header)
        assert all(Name.Table == th.obj.A.O and th.obj.A.Scope == Name.Column for th in head)
        rows = [e for e in elements(element.kids[-1]) if e.role == "TR"]
        assert [len(r.kids) for r in rows] == [len(row) for row in table.rows]
        if table.description:
            assert str(element.obj.A.Summary) == table.description


def test_figures_have_alt_text_and_a_bounding_box(case):
    charts = [n for s in case.document.sections for n in _blocks(s) if isinstance(n, tree.Chart)]
    figures = [e for e in elements(case.root) if e.role == "Figure"]
    if case.theme.identity.emblem:
        figures = figures[1:]
    assert [str(f.obj.Alt) for f in figures] == [c.alt for c in charts]
    for figure in figures:
        x0, y0, x1, y1 = (float(v) for v in figure.obj.A.BBox)
        assert 0 <= x0 < x1 and 0 <= y0 < y1


def test_lists_are_l_li_lbl_lbody(case):
    for element in elements(case.root):
        if element.role == "L":
            assert element.obj.A.ListNumbering == Name.Disc
            assert {k.role for k in element.kids} == {"LI"}
            for item in element.kids:
                assert [k.role for k in item.kids] == ["Lbl", "LBody"]
                assert case.text(item.kids[0]).strip() == "•"


def test_structure_types_are_standard_and_headings_do_not_skip_levels(case):
    roles = [e.role for e in elements(case.root)]
    assert roles[0] == "Document" and "Document" not in roles[1:]
    assert set(roles) <= STANDARD
    levels = [int(r[1]) for r in roles if re.fullmatch(r"H[1-6]", r)]
    assert levels[:1] == [1]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


def test_catalog_declares_a_tagged_french_document(case):
    root = case.pdf.Root
    assert root.MarkInfo.Marked is True
    assert str(root.Lang) == case.document.meta.language
    assert root.ViewerPreferences.DisplayDocTitle is True
    assert case.pdf.pdf_version == "1.7"


def test_fonts_are_embedded_with_unicode_maps(case):
    fonts = {}
    for page in case.pdf.pages:
        fonts.update({f.objgen: f for f in page.Resources.get("/Font", {}).values()})
        for form in page.Resources.get("/XObject", {}).values():
            fonts.update(
                {f.objgen: f for f in form.get("/Resources", {}).get("/Font", {}).values()}
            )
    assert fonts
    for font in fonts.values():
        assert "/ToUnicode" in font
        assert "/FontFile2" in font.FontDescriptor


def _blocks(section: tree.Section) -> list:
    found = []
    for child in section.children:
        found += _blocks(child) if isinstance(child, tree.Section) else [child]
    return found


# --- poppler's view (when poppler-utils is installed) -------------------------------------

needs_poppler = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils absent")


@needs_poppler
def test_pdfinfo_says_tagged_and_shows_no_header_or_footer(case):
    # errors="replace": poppler prints attribute strings (/Summary) as raw PDF bytes.
    info = subprocess.run(
        ["pdfinfo", case.path], capture_output=True, text=True, errors="replace", check=True
    )
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.M)
    assert re.search(r"^PDF version:\s+1\.7$", info.stdout, re.M)
    struct = subprocess.run(
        ["pdfinfo", "-struct-text", case.path],
        capture_output=True,
        text=True,
        errors="replace",
        check=True,
    ).stdout
    lines = [line.strip() for line in struct.splitlines()]
    assert lines[0] == "Document"
    for section in tree.iter_sections(case.document.sections):
        assert f"H{min(section.level, 6)} (block)" in lines
    pages = len(case.pages)
    assert not any(re.search(rf"\b\d+ / {pages}\b", line) for line in lines)
    meta = case.document.meta
    assert not any(squeeze(meta.footer) in squeeze(line) for line in lines)
    assert " ".join(lines).count("TH:") == sum(
        len(n.header)
        for s in case.document.sections
        for n in _blocks(s)
        if isinstance(n, tree.Table)
    )


def test_an_untagged_pdf_fails_these_checks(tmp_path):
    """The page walk sees what an untagged PDF draws (the checks can fail)."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "nu.pdf"
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "Texte sans balisage")
    canvas.save()
    with pikepdf.open(path) as pdf:
        page = read_page(pdf.pages[0], 0)
        assert page.loose == 1 and "/StructTreeRoot" not in pdf.Root


def test_emblem_is_a_figure_with_its_description(emblem_template, fiche, tmp_path):
    theme = load_theme(str(emblem_template))
    path = tmp_path / "embleme.pdf"
    render(compose(fiche, theme.wording()), "pdf", path, theme)
    with pikepdf.open(path) as pdf:
        root = read_tree(pdf)
        first = root.kids[0]
        assert first.role == "Figure"
        assert str(first.obj.Alt) == "Marianne, République française"
        assert len(first.obj.A.BBox) == 4
        page = read_page(pdf.pages[0], 0)
        drawn = [s for s in page.sequences if s.mcid == 0]
        assert drawn[0].forms  # the image is drawn inside the Figure's content
