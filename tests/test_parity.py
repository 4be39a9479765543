"""Parity: the PDF and the DOCX hold the tree's headings, in order, and all its text."""

from fiche_pays import tree

from conftest import docx_headings, docx_text, normalize, pdf_outline, pdf_text, words_in


def _tree_headings(document: tree.Document) -> list[tuple[int, str]]:
    return [(s.level, s.title) for s in tree.iter_sections(document.sections)]


def test_pdf_outline_equals_tree_headings(document, built):
    expected = [(level - 1, title) for level, title in _tree_headings(document)]
    assert pdf_outline(built["pdf"]) == expected


def test_docx_headings_equal_tree_headings(document, built):
    assert docx_headings(built["docx"]) == _tree_headings(document)


def test_kazakhstan_has_the_seed_sections_in_order(document):
    assert [title for _, title in _tree_headings(document)] == [
        "Relations politiques",
        "Présence française",
        "Visites",
        "Ambassadeurs",
        "Relations économiques",
        "Coopération culturelle, scientifique et technique",
        "Autres types de coopérations",
        "Informations complémentaires",
    ]


def _texts(node) -> tuple[list[str], list[str]]:
    """(running texts, table cells) of a section, recursively."""
    running: list[str] = []
    cells: list[str] = []
    for child in node.children:
        match child:
            case tree.Section():
                running.append(child.title)
                more_running, more_cells = _texts(child)
                running += more_running
                cells += more_cells
            case tree.Paragraph() | tree.Note():
                running.append(tree.plain(child.runs))
            case tree.Facts():
                running += [f"{row.label} : {tree.plain(row.value)}" for row in child.rows]
            case tree.BulletList():
                running += [tree.plain(item) for item in child.items]
            case tree.Table():
                running += [t for t in (child.caption, child.source) if t]
                cells += [c for c in (*child.header, *(c for r in child.rows for c in r)) if c]
            case tree.Chart():
                running += [child.title] + ([child.source] if child.source else [])
    return running, cells


def test_every_text_of_the_tree_is_in_both_documents(document, built):
    pdf, docx = pdf_text(built["pdf"]), docx_text(built["docx"])
    for section in document.sections:
        running, cells = _texts(section)
        running.insert(0, section.title)
        for text in running:
            assert normalize(text) in pdf, f"PDF lacks: {text}"
            assert normalize(text) in docx, f"DOCX lacks: {text}"
        for cell in cells:
            assert words_in(pdf, cell), f"PDF lacks cell: {cell}"
            assert normalize(cell) in docx, f"DOCX lacks cell: {cell}"


def test_title_block_in_both(document, built):
    meta = document.meta
    for text in (pdf_text(built["pdf"]), docx_text(built["docx"])):
        for expected in (meta.country, meta.kind, meta.date_label):
            assert normalize(expected) in text
