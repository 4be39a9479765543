"""Fragments made without ReportLab's markup parser are the parser's own: same text, same
attributes, so the paragraphs break and draw the same. These tests fail if ReportLab's
parser or cleaner changes what it makes of plain text."""

from __future__ import annotations

import pytest
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.paraparser import ParaParser

from fiche_pays import load_theme
from fiche_pays.writers.pdf import breaking, fonts
from fiche_pays.writers.pdf.fragments import Fragments, clean
from fiche_pays.writers.pdf.styles import paragraph_styles

TEXTS = [
    "Astana",
    "1 234,5",
    "18\u00a0000\u00a0€",
    "Visite d\u2019État du président de la République\u202f!",
    "  deux espaces  au milieu et aux bords  ",
    "un\tretour\nà la ligne\r\net une tabulation",
    "\u00a0espace insécable au bord\u00a0",
    "\u202fespace fine au bord",
    "mot\u2007chiffre\u2060joint",
    "ligne\n\n\nvide",
    "a \u00a0 b",
    " ",
    "\n",
    "x",
    "8e et 1er",
    "",
    " \n\t ",
]


@pytest.fixture(scope="module")
def styles():
    theme = load_theme()
    breaking.install()
    return paragraph_styles(theme, fonts.register_theme(theme))


def _parsed(text: str, style):
    """What ReportLab's Paragraph makes of markup ``text``."""
    parser = ParaParser()
    parser.caseSensitive = 1
    _, frags, _ = parser.parse(rl_paragraph.cleanBlockQuotedText(text), style)
    rl_paragraph.textTransformFrags(frags, style)
    return frags


@pytest.mark.parametrize("text", TEXTS)
def test_clean_is_reportlabs_cleaner(text, styles):
    assert clean(text) == rl_paragraph.cleanBlockQuotedText(text)


@pytest.mark.parametrize("text", TEXTS)
def test_plain_fragments_are_the_parsers(text, styles):
    made = Fragments()
    for name in ("cell", "cell_number", "body", "heading1", "caption", "note"):
        style = styles[name]
        frags = made.plain(text, style)
        parsed = _parsed(text, style)
        assert frags is not None, name  # plain text: never sent to the parser
        if not parsed:  # blank: the parser makes no fragment either
            assert frags == []
            continue
        assert [vars(f) for f in frags] == [vars(f) for f in parsed], name
        # Each paragraph gets its own lists: the parser's are never shared.
        again = made.plain(text, style)
        assert again[0].link is not frags[0].link and again[0].us_lines is not frags[0].us_lines


def test_markup_characters_go_to_the_parser(styles):
    assert Fragments().plain("R&D <b>", styles["cell"]) is None


def test_plain_paragraph_lays_out_as_the_parsed_one(styles):
    style = styles["body"]
    text = "Les relations bilatérales\u202f: une coopération étroite et ancienne " * 6
    ours = rl_paragraph.Paragraph(text, style, frags=Fragments().plain(text, style))
    theirs = rl_paragraph.Paragraph(text, style)
    assert ours.wrap(300, 1e6) == theirs.wrap(300, 1e6)
    assert [line[1] for line in ours.blPara.lines] == [line[1] for line in theirs.blPara.lines]


LABELS = ["Capitale", "Ambassadeur de France", " bord ", "a  b", "x\ny", "8e"]
RESTS = ["\u00a0: Astana", " : 321 élèves (2023-2024)", "\u00a0:  deux  espaces ", ": \n", "x"]


@pytest.mark.parametrize("label", LABELS)
def test_labelled_fragments_are_the_parsers(label, styles):
    made = Fragments()
    for name in ("fact", "body"):
        style = styles[name]
        for rest in RESTS:
            frags = made.labelled(label, rest, style)
            parsed = _parsed(f"<b>{label}</b>{rest}", style)
            if frags is None:
                continue
            assert [vars(f) for f in frags] == [vars(f) for f in parsed], (label, rest)
            # Shared between the two fragments, as the parser's are, never between paragraphs.
            assert frags[0].link is frags[1].link and frags[0].us_lines is frags[1].us_lines
            other = made.labelled(label, rest, style)
            assert other[0].link is not frags[0].link
    assert made.labelled("Capitale", "\u00a0: Astana", styles["fact"]) is not None


def test_labelled_with_markup_characters_goes_to_the_parser(styles):
    assert Fragments().labelled("R&D", " : oui", styles["fact"]) is None
    assert Fragments().labelled("Capitale", " : <b>", styles["fact"]) is None
