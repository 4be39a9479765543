"""Parity: the PDF and the DOCX hold the tree's headings, in order, and all its text."""

from fiche_pays import tree

from conftest import (
    docx_headings,
    docx_text,
    normalize,
    pdf_outline,
    pdf_text,
    tree_texts,
    words_in,
)


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


def test_every_text_of_the_tree_is_in_both_documents(document, built):
    pdf, docx = pdf_text(built["pdf"], furniture=False), docx_text(built["docx"])
    for section in document.sections:
        running, cells = tree_texts(section)
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
