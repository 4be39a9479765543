"""What makes the documents official and navigable: fonts, metadata, page numbers,
table of contents, links, French typography, in both formats."""

import re
import zipfile

import docx
import pytest
from pypdf import PdfReader

from fiche_pays import compose, render
from fiche_pays.theme.load import load_theme

from conftest import docx_paragraphs, normalize, pdf_page_texts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _pdf_fonts(path):
    fonts = {}
    for page in PdfReader(path).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font.get("/FontDescriptor")
            )
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


def test_every_pdf_font_is_embedded_and_subset(built):
    fonts = _pdf_fonts(built["pdf"])
    assert fonts, "no font found"
    assert all(fonts.values()), fonts
    assert all(re.match(r"/[A-Z]{6}\+Liberation", name) for name in fonts), fonts


def test_pdf_metadata_and_language(built, document):
    reader = PdfReader(built["pdf"])
    meta = reader.metadata
    assert meta.title == document.meta.title == "Kazakhstan — Relations bilatérales"
    assert meta.author == document.meta.author
    assert meta.subject == "Relations bilatérales entre la France et le Kazakhstan"
    assert "Asie centrale" in meta["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"
    # The update date, not the build time: the document is dated by its content.
    assert meta["/CreationDate"].startswith("D:20210505")


def test_docx_metadata_and_language(built, document):
    props = docx.Document(str(built["docx"])).core_properties
    assert props.title == document.meta.title
    assert props.subject == document.meta.subject
    assert props.author == document.meta.author
    assert "Asie centrale" in props.keywords
    assert props.language == "fr-FR"
    assert props.created.date().isoformat() == "2021-05-05"
    styles = zipfile.ZipFile(built["docx"]).read("word/styles.xml").decode()
    assert 'w:lang w:val="fr-FR"' in styles


def test_pdf_page_numbering_on_every_page(built):
    pages = pdf_page_texts(built["pdf"])
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert f"{number} / {len(pages)}" in text
        assert "Kazakhstan — Relations bilatérales" in text
        assert "Mise à jour : 5 mai 2021" in text


def test_docx_footer_has_page_and_numpages_fields(built):
    section = docx.Document(str(built["docx"])).sections[0]
    assert section.different_first_page_header_footer
    for footer in (section.footer, section.first_page_footer):
        xml = footer._element.xml
        assert 'w:instr=" PAGE "' in xml and 'w:instr=" NUMPAGES "' in xml
        assert "Mise à jour : 5 mai 2021" in normalize(" ".join(p.text for p in footer.paragraphs))
    assert "Kazakhstan — Relations bilatérales" in section.header.paragraphs[0].text


def test_pdf_toc_lists_every_heading_with_its_page(built, document):
    first = pdf_page_texts(built["pdf"])[0]
    assert "Sommaire" in first
    for section in document.sections:
        assert section.title in first


def test_pdf_outline_and_links(built):
    reader = PdfReader(built["pdf"])
    uris, internal = [], 0
    for page in reader.pages:
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            action = annotation.get("/A", {})
            if action.get("/S") == "/URI":
                uris.append(action["/URI"])
            elif "/Dest" in annotation or action.get("/S") == "/GoTo":
                internal += 1
    assert "https://kz.ambafrance.org/" in uris
    assert internal >= 8  # one per table-of-contents entry


def test_docx_toc_lists_linked_headings_with_their_page_fields(built, document):
    body = docx.Document(str(built["docx"])).element.body
    instructions = [t.text.split() for t in body.iter(f"{W}instrText")]
    pagerefs = [words[1] for words in instructions if words[0] == "PAGEREF"]
    assert pagerefs == [s.key for s in document.sections]
    entries = [p for style, p in docx_paragraphs(built["docx"]) if style.startswith("toc")]
    assert entries == [s.title + "\t" for s in document.sections]
    anchors = [h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink") if h.get(f"{W}anchor")]
    assert anchors[: len(document.sections)] == [s.key for s in document.sections]
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    assert {s.key for s in document.sections} <= bookmarks


def test_docx_headings_use_word_heading_styles(built):
    styles = {style for style, _ in docx_paragraphs(built["docx"])}
    assert {"Title", "Subtitle", "Heading 1", "Fait", "Tableau - texte"} <= styles


def test_docx_external_links_are_hyperlinks(built):
    document = docx.Document(str(built["docx"]))
    targets = {rel.target_ref for rel in document.part.rels.values() if rel.is_external}
    assert "https://kz.ambafrance.org/" in targets


def test_french_typography_reaches_the_docx(built):
    texts = [text for _, text in docx_paragraphs(built["docx"])]
    assert "Consulat général\u00a0: Almaty" in texts
    joined = " ".join(texts)
    assert "24\u202f000 étudiants" in joined
    assert "«\u00a0Astana 2017\u00a0»" in joined
    assert "−983\u00a0M\u00a0EUR" in joined
    assert "l’Allemagne" in joined and "l'Allemagne" not in joined


def test_docx_tables_repeat_header_rows_and_rows_do_not_split(built):
    body = docx.Document(str(built["docx"])).element.body
    # The data tables (the fiche's table style); the title's rule is a layout table.
    tables = [t for t in body.iter(f"{W}tbl") if t.find(f"{W}tblPr/{W}tblStyle") is not None]
    assert len(tables) == 3
    for table in tables:
        rows = table.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)


@pytest.fixture(scope="module")
def sobre(fiche, tmp_path_factory):
    theme = load_theme("sobre")
    folder = tmp_path_factory.mktemp("sobre")
    paths = {fmt: folder / f"kazakhstan.{fmt}" for fmt in ("pdf", "docx")}
    for fmt, path in paths.items():
        render(compose(fiche, theme.wording()), fmt, path, theme)
    return paths


def test_second_template_changes_fonts(built, sobre):
    assert all("LiberationSans" in name for name in _pdf_fonts(built["pdf"]))
    assert all("LiberationSerif" in name for name in _pdf_fonts(sobre["pdf"]))
    normal = {
        name: docx.Document(str(paths["docx"])).styles["Normal"].font.name
        for name, paths in (("officiel", built), ("sobre", sobre))
    }
    assert normal == {"officiel": "Arial", "sobre": "Times New Roman"}


def test_second_template_changes_colours(built, sobre):
    colours = {
        name: str(docx.Document(str(paths["docx"])).styles["Heading 1"].font.color.rgb)
        for name, paths in (("officiel", built), ("sobre", sobre))
    }
    assert colours == {"officiel": "000091", "sobre": "2F3E46"}

    def first_page_operators(path):
        return PdfReader(path).pages[0].get_contents().get_data()

    # The fill colour operator of bleu France (#000091) in the page content.
    assert b"0 0 .568627 rg" in first_page_operators(built["pdf"])
    assert b"0 0 .568627 rg" not in first_page_operators(sobre["pdf"])


def test_second_template_has_no_identity_block(sobre):
    first = pdf_page_texts(sobre["pdf"])[0]
    assert "MINISTÈRE" not in first
    assert "Liberté" not in first
