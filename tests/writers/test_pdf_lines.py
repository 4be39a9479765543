"""The fast line breaking of one-fragment paragraphs, and of several-fragment ones that
fit on a line, gives ReportLab's own lines, to the last bit of every width (see
writers/pdf/lines.py). These tests fail if ReportLab changes
its line breaking: the fast path must then follow it."""

from __future__ import annotations

import random

import pytest
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.paragraph import Paragraph

from fiche_pays import load_theme
from fiche_pays.writers.pdf import breaking, fonts
from fiche_pays.writers.pdf.fragments import Fragments
from fiche_pays.writers.pdf.lines import break_lines, one_line
from fiche_pays.writers.pdf.styles import paragraph_styles

WORDS = [
    "la", "de", "coopération", "intergouvernementale", "franco-kazakhstanaise", "2\u202f000",
    "18\u00a0000\u00a0€", "République", "d\u2019affaires", "Noursoultan-Nazarbaïev", "1er",
    "https://www.diplomatie.gouv.fr/fr/dossiers-pays/asie-oceanie/kazakhstan/",
    "anticonstitutionnellement", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "et", "—",
    "(UE)", "«\u00a0visite\u00a0»", "ministre", "l\u2019Économie", "hydrocarbures", "Astana",
    "(intergouvernementale).", "«\u00a0anticonstitutionnellement\u00a0»,", "www.exemple.org/a/b",
    "ftp://exemple.org/chemin/vers/un/document/assez/long.pdf", "«\u00a0https://a.fr/b/c\u00a0»",
    "sous-préfecture-de-la-région", "Nour-Soultan", "l\u2019approvisionnement,",
]  # fmt: skip
WIDTHS = [18.0, 40.0, 61.5, 97.3, 150.0, 233.3, 451.0]


@pytest.fixture(scope="module")
def styles():
    theme = load_theme()
    breaking.install()
    return paragraph_styles(theme, fonts.register_theme(theme))


def _texts(count: int = 30) -> list[str]:
    rng = random.Random(16)
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40))) for _ in range(count)]
    return [*texts, "", "Astana", "a  b\tc\nd", " bords ", WORDS[11], WORDS[13]]


def _both(text: str, style, widths: list[float]):
    """(fast result, its paragraph), (ReportLab's result, its paragraph) for ``text``."""
    made = Fragments().plain(text, style)
    ours = Paragraph(text, style, frags=made) if made else Paragraph(text, style)
    theirs = Paragraph(text, style, frags=Fragments().plain(text, style)) if made else None
    theirs = theirs or Paragraph(text, style)
    return (break_lines(ours, list(widths)), ours), (
        Paragraph.breakLines(theirs, list(widths)),
        theirs,
    )


def _same(fast, ours, slow, theirs) -> None:
    assert fast.__class__ is slow.__class__
    assert list(vars(fast)) == list(vars(slow))  # same attributes, in the same order
    for name, value in vars(slow).items():
        if name != "lines":
            assert vars(fast)[name] == value, name
    assert len(fast.lines) == len(slow.lines)
    for (space, words), (their_space, their_words) in zip(fast.lines, slow.lines, strict=True):
        assert space == their_space  # exactly: right-aligned and justified lines use it
        assert words == their_words
        assert [type(w) for w in words] == [type(w) for w in their_words]
    for name in ("_width_max", "_hyphenations", "_splitLongWordCount", "height"):
        assert getattr(ours, name) == getattr(theirs, name), name


@pytest.mark.parametrize("name", ["cell", "cell_number", "body", "bullet", "note", "heading1"])
def test_fast_lines_are_reportlabs(name, styles):
    style = styles[name]
    used = 0
    for text in _texts():
        for width in WIDTHS:
            for widths in ([width, width], [width - 12, width]):
                (fast, ours), (slow, theirs) = _both(text, style, widths)
                if fast is None:
                    continue
                used += 1
                _same(fast, ours, slow, theirs)
    assert used > 300  # the fast path was taken, not left to ReportLab


def test_hyphenation_and_long_words_went_through_the_fast_path(styles):
    style = styles["body"]
    counts = {"_hyphenations": 0, "_splitLongWordCount": 0}
    for text in _texts():
        for width in WIDTHS:
            (fast, ours), _ = _both(text, style, [width, width])
            if fast is not None:
                for name in counts:
                    counts[name] += getattr(ours, name)
    assert all(counts.values()), counts


def test_other_paragraphs_are_left_to_reportlab(styles):
    style = styles["body"]
    assert break_lines(Paragraph("<b>gras</b> et maigre", style), [100.0, 100.0]) is None
    assert break_lines(Paragraph("anti\xadconstitution", style), [100.0, 100.0]) is None
    assert break_lines(Paragraph("puce", style, bulletText="•"), [100.0, 100.0]) is None


def test_the_splitter_shortcut_needs_the_breaking_splitter(styles, monkeypatch):
    """With another word splitter than .breaking's (one that also splits at no-break
    spaces, as ReportLab's own), the fast path splits as that one does."""
    monkeypatch.setattr(rl_paragraph, "split", lambda text, delim=None: text.split(delim))
    style = styles["cell"]
    text = "18\u00a0000 € et 2\u202f000 habitants"
    (fast, ours), (slow, theirs) = _both(text, style, [40.0, 40.0])
    _same(fast, ours, slow, theirs)


LABELS = ["Capitale", "Ambassadeur de France", "Lycée français Anne Robert (Mïtè)", "1er"]
VALUES = [
    "Astana",
    "321 élèves (2023-2024)",
    "739\u00a0M\u00a0EUR (+42,4\u00a0%)",
    "dans les domaines de l\u2019énergie, des transports et de la santé " * 3,
    "<i>italique</i> puis <b>gras</b> et <super>e</super>",
    '<a href="https://a.fr/">un lien</a> dans le texte',
]


def _frag_line(line) -> dict:
    """A FragLine's attributes, its words as their attributes."""
    values = dict(vars(line))
    values["words"] = [vars(word) for word in line.words]
    return values


def _frag_word(word) -> list:
    """A frag word of Paragraph.frags after breaking: its width, then (frag, text) pairs."""
    return [type(word), word[0], *[(vars(f), t) for f, t in word[1:]]]


@pytest.mark.parametrize("name", ["fact", "body", "cell"])
def test_one_line_fragments_are_reportlabs(name, styles):
    style = styles[name]
    used = 0
    for label in LABELS:
        for value in VALUES:
            text = f"<b>{label}</b>\u00a0: {value}"
            for width in [*WIDTHS, 700.0]:
                ours, theirs = Paragraph(text, style), Paragraph(text, style)
                fast = one_line(ours, [width, width - 12])
                if fast is None:
                    continue
                used += 1
                slow = Paragraph.breakLines(theirs, [width, width - 12])
                assert list(vars(fast)) == list(vars(slow))
                assert fast.kind == slow.kind == 1
                assert [_frag_line(line) for line in fast.lines] == [
                    _frag_line(line) for line in slow.lines
                ]
                assert [_frag_word(w) for w in ours.frags] == [_frag_word(w) for w in theirs.frags]
                for attribute in ("_width_max", "_hyphenations", "_splitLongWordCount", "height"):
                    assert getattr(ours, attribute) == getattr(theirs, attribute), attribute
    assert used > 20  # the fast path was taken


def test_one_line_leaves_longer_paragraphs_to_reportlab(styles):
    text = "<b>Présence</b> : " + "une coopération étroite " * 20
    assert one_line(Paragraph(text, styles["fact"]), [300.0, 300.0]) is None
    assert one_line(Paragraph("seul fragment", styles["fact"]), [300.0, 300.0]) is None
