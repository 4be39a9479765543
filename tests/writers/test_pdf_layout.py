"""Layout quality on a long, awkward fiche: no heading ends a page, table headers repeat
on every page, nothing runs outside the margins, long words and URLs wrap."""

import pypdfium2 as pdfium
import pytest
import yaml
from pypdf import PdfReader

from fiche_pays import compose, render
from fiche_pays.loader.load import load_source
from fiche_pays.theme.load import load_theme

from conftest import pdf_outline

MM = 72 / 25.4
LONG_WORD = "Anticonstitutionnellement" * 12  # 300 characters, no break opportunity
LONG_URL = "https://www.diplomatie.gouv.fr/" + "a-tres-long-chemin/" * 100


def _stress_fiche(tmp_path):
    paragraphs = [(f"Texte de la section numéro {i}. ") * (3 + (i * 7) % 40) for i in range(40)]
    data = {
        "pays": {
            "nom": "Kazakhstan",
            "code": "KZ",
            "au": "au Kazakhstan",
            "du": "du Kazakhstan",
            "le": "le Kazakhstan",
            "adjectif": "kazakhstanais",
        },
        "document": {"mise_a_jour": "2021-05-05"},
        "autres_cooperations": {
            "texte": f"Un mot très long : {LONG_WORD} et la suite.",
            "tableau": {
                "titre": "Accords bilatéraux",
                "entetes": ["Date", "Accord", "Statut"],
                "lignes": [
                    [
                        f"{1990 + i % 30}-01-01",
                        f"Accord numéro {i} " + ("sur la coopération " * (i % 5)),
                        LONG_WORD[: 40 + i % 30] if i % 17 == 0 else "en vigueur",
                    ]
                    for i in range(150)
                ],
            },
        },
        "sections_supplementaires": [
            {"cle": f"section_{i}", "titre": f"Section supplémentaire {i}", "texte": paragraphs[i]}
            for i in range(40)
        ],
        "informations_complementaires": [{"titre": "Lien très long", "url": LONG_URL}],
    }
    path = tmp_path / "stress.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def stress_pdf(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stress")
    loaded = load_source(_stress_fiche(folder))
    assert loaded.ok, loaded.problems
    theme = load_theme("officiel")
    path = folder / "stress.pdf"
    render(compose(loaded.fiche, theme.wording()), "pdf", path, theme)
    docx_path = folder / "stress.docx"
    render(compose(loaded.fiche, theme.wording()), "docx", docx_path, theme)
    return path


def _chars(page):
    text = page.get_textpage()
    return [(text.get_text_range(i, 1), text.get_charbox(i)) for i in range(text.count_chars())]


def test_nothing_outside_the_margins(stress_pdf):
    theme = load_theme("officiel").page
    document = pdfium.PdfDocument(stress_pdf)
    for number, page in enumerate(document, start=1):
        width, _ = page.get_size()
        left, right = theme.margin_left * MM - 1, width - theme.margin_right * MM + 1
        for char, (x0, _, x1, _) in _chars(page):
            if char.strip():
                assert left <= x0 and x1 <= right, f"page {number}: {char!r} at {x0}-{x1}"


def test_no_heading_ends_a_page(stress_pdf):
    reader = PdfReader(stress_pdf)
    document = pdfium.PdfDocument(stress_pdf)
    bottom = load_theme("officiel").page.margin_bottom * MM
    pages = {}
    for item in reader.outline:
        pages[item.title] = reader.get_destination_page_number(item)
    assert len(pages) == len(pdf_outline(stress_pdf))
    for title, index in pages.items():
        page = document[index]
        text = page.get_textpage()
        searcher = text.search(title)
        found, last = searcher.get_next(), None
        while found:
            last, found = found, searcher.get_next()
        start, count = last
        heading_bottom = min(text.get_charbox(i)[1] for i in range(start, start + count))
        below = [
            box
            for char, box in _chars(page)
            if char.strip() and box[3] < heading_bottom - 1 and box[1] > bottom
        ]
        assert below, f"« {title} » ends page {index + 1}"


def test_table_header_repeats_on_every_page_of_the_table(stress_pdf):
    document = pdfium.PdfDocument(stress_pdf)
    pages_with_rows = []
    for index, page in enumerate(document):
        text = page.get_textpage().get_text_range()
        if "Accord numéro" in text:
            pages_with_rows.append(index)
            assert "Date" in text and "Statut" in text, f"page {index + 1} lacks the header"
    assert len(pages_with_rows) >= 3


def _two_sections(fillers: int):
    """A first section of ``fillers`` one-line paragraphs, then a one-line section."""
    import datetime as dt

    from fiche_pays import tree

    def line(text):
        return tree.Paragraph((tree.Run(text),))

    meta = tree.Meta(
        title="Pays — Essai",
        country="Pays",
        kind="Essai",
        timestamp=dt.datetime(2021, 5, 5, tzinfo=dt.UTC),
        date_label="Mise à jour : 5 mai 2021",
        short_title="Pays — Essai",
        footer="Pays — Essai · Mise à jour : 5 mai 2021",
        page_label="{page} / {pages}",
        author="Auteur",
        subject="Sujet",
        keywords=("Pays",),
        language="fr-FR",
        service="Service",
        marking=None,
        fact_separator="\u00a0: ",
        toc_title="Sommaire",
    )
    first = tree.Section("a", "Première", 1, tuple(line(f"Ligne {i}.") for i in range(fillers)))
    last = tree.Section("b", "Dernière", 1, (line("Une seule ligne de texte."),))
    return tree.Document(meta, (first, last))


def test_a_heading_keeps_a_short_section_on_the_page_where_both_fit(tmp_path):
    """A heading is kept with four lines of what follows, or with the whole of a shorter
    section: a one-line section fits where a four-line allowance would have sent it, with
    its heading, to a page of its own (the Laos fiche's last page)."""
    theme = load_theme("officiel")
    s = theme.styles
    four_lines = s["heading1"].space_before + s["heading1"].leading + 4 * s["body"].leading
    frame_bottom = theme.page.margin_bottom * MM
    for fillers in range(20, 80):
        path = tmp_path / f"{fillers}.pdf"
        render(_two_sections(fillers), "pdf", path, theme)
        pdf = pdfium.PdfDocument(path)
        if len(pdf) > 1:
            break
        page = pdf[0]
        text = page.get_textpage()
        start, _ = text.search("Dernière").get_next()
        top = text.get_charbox(start)[3]
        room = top + s["heading1"].space_before - frame_bottom
        if room < four_lines:
            break  # kept where the four-line rule would have moved it
    else:
        raise AssertionError("no filling reached the bottom of the page")
    assert len(pdf) == 1 and room < four_lines, (fillers, len(pdf))
