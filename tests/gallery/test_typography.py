"""French typography on every gallery fiche, in every template, in the tree and in both
documents (issue 13, items 1–5): no break inside a number, between a figure and its
unit, inside a date or inside « »; the minus sign; raised ordinals; typographic
apostrophes. The PDF is read back from its pages' characters (pypdfium2), the DOCX from
its XML: what a reader sees, not what the writers were asked to do."""

from __future__ import annotations

import ctypes
import itertools
import re
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from fiche_pays import tree
from fiche_pays.french import ordinal_endings

from conftest import GALLERY_CASES, GALLERY_IDS, shown_texts

NO_BREAK = "\u00a0\u202f"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
# Breaking spaces where French typography wants none (a plain space or a line end).
FORBIDDEN_BREAKS = {
    "inside a number": re.compile(r"(?<![\d,])\d{1,3} \d{3}(?!\d)"),
    "between a figure and its unit": re.compile(
        r"\d (?:%|€|\$|EUR|USD|M|Md|millions?|milliards?|km²|km2|km|m²|ha|kg|t)(?![\w²])"
    ),
    "inside an amount": re.compile(r"\b(?:M|Md) (?:EUR|USD|€)"),
    "inside a date": re.compile(rf"\b(?:\d{{1,2}}|1er) (?:{MONTHS})\b|\b(?:{MONTHS}) \d{{4}}\b"),
    "after «": re.compile(r"«[ \n]"),
    "before »": re.compile(r"[ \n]»"),
}
HYPHEN_MINUS = re.compile(r"(?<![\w\-./:=#&?])-\d")


@pytest.fixture(scope="module", params=GALLERY_CASES, ids=GALLERY_IDS)
def case(request, gallery_documents):
    """A gallery fiche in a template: its tree, its PDF and its DOCX."""
    path, template = request.param
    files = {fmt: gallery_documents(path, template, fmt)[2] for fmt in ("pdf", "docx")}
    return gallery_documents(path, template, "pdf")[0], files


# --- the tree -------------------------------------------------------------------------


def test_no_breaking_space_where_french_forbids_a_break(case):
    document, _ = case
    for runs in shown_texts(document):
        text = tree.plain(runs)
        for what, pattern in FORBIDDEN_BREAKS.items():
            assert not pattern.search(text), f"breakable space {what}: {text!r}"


def test_negative_figures_have_the_minus_sign(case):
    document, _ = case
    for runs in shown_texts(document):
        assert not HYPHEN_MINUS.search(tree.plain(runs)), tree.plain(runs)


def test_apostrophes_and_quotes_are_typographic(case):
    document, _ = case
    meta = document.meta
    texts = [tree.plain(runs) for runs in shown_texts(document)]
    texts += [meta.title, meta.author, meta.subject, *meta.keywords]
    for text in texts:
        assert "'" not in text and '"' not in text, text


def test_every_ordinal_ending_is_raised(case):
    document, _ = case
    for runs in shown_texts(document):
        text = tree.plain(runs)
        raised = {i for i, c in enumerate(_flags(runs)) if c}
        for start, end in ordinal_endings(text):
            assert set(range(start, end)) <= raised, f"flat ordinal in {text!r}"
        # and nothing else is raised
        endings = {i for start, end in ordinal_endings(text) for i in range(start, end)}
        assert raised <= endings, text


def _flags(runs: tree.Runs) -> list[bool]:
    return [run.superscript for run in runs for _ in run.text]


# --- the PDF, read from its pages -----------------------------------------------------


Char = tuple[str, float, float, float, float]  # text, font size, baseline, left, right


def _pdf_chars(path: Path) -> list[list[Char]]:
    """Per page: every drawn character with its font size, baseline and left and right
    edges, in the order of the page's content."""
    pages = []
    for page in pdfium.PdfDocument(path):
        text = page.get_textpage()
        chars = []
        for index in range(text.count_chars()):
            char = text.get_text_range(index, 1)
            if not char or char in "\r\n":
                continue
            if char == "\ufffe":  # pdfium's mark for a hyphen that ends a line
                char = "-"
            if abs(pdfium_c.FPDFText_GetCharAngle(text.raw, index)) > 0.01:
                continue  # the chart's turned axis title: not running text
            left, _, right, _ = text.get_charbox(index)
            size = pdfium_c.FPDFText_GetFontSize(text.raw, index)
            origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
            pdfium_c.FPDFText_GetCharOrigin(text.raw, index, origin_x, origin_y)
            chars.append((char, size, origin_y.value, left, right))
        pages.append(chars)
    return pages


Line = tuple[str, float, float, float]  # text, font size, baseline, left edge


def _lines(chars: list[Char]) -> list[Line]:
    """The page's text cut into lines where the baseline jumps or the pen goes back; a
    wide gap on a line (a table-of-contents number) reads as a space."""
    lines: list[Line] = []
    current: list[str] = []
    first = last = None
    for char in chars:
        text, size, y, left, _ = char
        if last is not None:
            jump = abs(y - last[2]) > max(0.6 * last[1], 4)
            if jump or left < last[3] - 1:
                lines.append(("".join(current), first[1], first[2], first[3]))
                current, first = [], None
            elif left - last[4] > 0.5 * size:
                current.append(" ")
        current.append(text)
        first = first or char
        if text.strip():
            last = char
    if current and first:
        lines.append(("".join(current), first[1], first[2], first[3]))
    return lines


@pytest.fixture(scope="module")
def pdf_pages(case):
    _, files = case
    return _pdf_chars(files["pdf"])


def test_pdf_draws_every_narrow_no_break_space_between_neighbours_on_one_line(case, pdf_pages):
    """ReportLab broke lines at U+202F and drew a plain space: every narrow no-break space
    of the tree ("2 000", "Kazakhstan ;") is drawn as itself, its neighbours on its line.
    (A U+00A0 is drawn with the font's space glyph, so it reads back as a space: the
    next test checks where it forbids a break.)"""
    document, _ = case
    drawn = 0
    for chars in pdf_pages:
        for index, (char, size, y, *_) in enumerate(chars):
            if char != "\u202f":
                continue
            drawn += 1
            before, after = chars[index - 1], chars[index + 1]
            assert abs(before[2] - y) < size and abs(after[2] - y) < size, (
                "a line ends at a no-break space: "
                + "".join(c for c, *_ in chars[max(0, index - 20) : index + 20])
            )
    body = sum(tree.plain(runs).count("\u202f") for runs in shown_texts(document))
    assert drawn >= body  # the running header and footer may repeat some on every page


def test_pdf_lines_never_end_where_french_forbids_a_break(pdf_pages):
    """No line of the PDF ends inside a number, between a figure and its unit, inside a
    date, after « or before »: each line end is tried against the patterns with the next
    line's start."""
    checked = 0
    for chars in pdf_pages:
        lines = _lines(chars)
        for (first, size, y, x), (second, size2, y2, x2) in itertools.pairwise(lines):
            # the next line of the same paragraph or cell: same size, just below
            if size2 != size or not 0.8 * size < y - y2 < 1.8 * size or abs(x2 - x) > 20:
                continue
            first, second = (re.sub(r"[\s\u00a0\u202f]+", " ", t).strip() for t in (first, second))
            joined = f"{first} {second}"
            junction = len(first)
            checked += 1
            for what, pattern in FORBIDDEN_BREAKS.items():
                for match in pattern.finditer(joined):
                    assert not (match.start() <= junction < match.end()), (
                        f"line break {what}: {first!r} / {second!r}"
                    )
    assert checked


def test_pdf_has_no_hyphen_minus_before_a_figure_and_no_straight_apostrophe(pdf_pages):
    for chars in pdf_pages:
        for line, *_ in _lines(chars):
            assert not HYPHEN_MINUS.search(line), line
            assert "'" not in line, line


def test_pdf_ordinal_endings_are_set_smaller_and_higher(pdf_pages):
    seen = 0
    for chars in pdf_pages:
        text = "".join(c for c, *_ in chars)
        for start, end in ordinal_endings(text):
            base = chars[start - 1]
            for char, size, y, *_ in chars[start:end]:
                assert size < 0.8 * base[1], f"ordinal ending not smaller: {text[start - 5 : end]}"
                assert y > base[2] + 0.2 * base[1], f"ordinal ending not raised: {char}"
            seen += 1
    assert seen or not any(ordinal_endings("".join(c for c, *_ in p)) for p in pdf_pages)


def _vocabulary(document: tree.Document) -> set[str]:
    words = set()
    for runs in shown_texts(document):
        for word in re.split(r"[\s\u00a0\u202f/]+", tree.plain(runs)):
            word = word.strip(".,;:!?()«»[]…—–\u2019'\"")
            words.add(word)
            words.update(part for part in word.split("-"))
    return {w for w in words if w}


def test_pdf_cuts_words_only_at_french_hyphenation_points(case, pdf_pages):
    """A word split over two lines shows a hyphen, at a point of the French dictionary;
    a fragment without one ("Nouvelle-Caléd / onie") fails."""
    from fiche_pays.writers.pdf.styles import french_hyphenator

    document, _ = case
    vocabulary = _vocabulary(document)
    hyphenate = french_hyphenator()
    heads = {h for w in vocabulary for h, _ in hyphenate(w)}
    tails = {t for w in vocabulary for _, t in hyphenate(w)}
    for chars in pdf_pages:
        for line, *_ in _lines(chars):
            for token in re.split(r"[\s\u00a0\u202f/]+", line):
                token = token.strip(".,;:!?()«»[]…—–\u2019'\"")
                for part in re.split(r"(?<=-)", token):
                    part_word = part.rstrip("-")
                    if not part_word or part_word in vocabulary or not part_word[0].isalpha():
                        continue
                    if part.endswith("-"):
                        assert part_word in heads, f"cut without a hyphenation point: {line}"
                    else:
                        assert part_word in tails, f"word cut without a hyphen: {line}"


# --- the DOCX, read from its XML ------------------------------------------------------


def _docx_paragraph_runs(path: Path) -> list[list[tuple[str, bool]]]:
    """Per paragraph of the body, headers and footers: (text, raised) of each run."""
    from lxml import etree

    result = []
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if not re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                continue
            root = etree.fromstring(package.read(name))
            for paragraph in root.iter(f"{W}p"):
                runs = []
                for run in paragraph.iter(f"{W}r"):
                    text = "".join(t.text or "" for t in run.iter(f"{W}t"))
                    align = run.find(f"{W}rPr/{W}vertAlign")
                    runs.append((text, align is not None and align.get(f"{W}val") == "superscript"))
                result.append(runs)
    return result


def test_docx_ordinal_endings_are_superscript_and_text_is_french(case):
    document, files = case
    paragraphs = _docx_paragraph_runs(files["docx"])
    every = ""
    for runs in paragraphs:
        text = "".join(t for t, _ in runs)
        every += text + "\n"
        raised = [flag for t, flag in runs for _ in t]
        for start, end in ordinal_endings(text):
            assert all(raised[start:end]), f"flat ordinal in the DOCX: {text!r}"
        assert not HYPHEN_MINUS.search(text) and "'" not in text, text
    for what, pattern in FORBIDDEN_BREAKS.items():
        assert not pattern.search(every), what
    body = sum(tree.plain(r).count(c) for r in shown_texts(document) for c in NO_BREAK)
    assert sum(every.count(c) for c in NO_BREAK) >= body
