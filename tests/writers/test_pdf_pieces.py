"""Very long paragraphs: laid out in pieces, in time linear in their length, every word
kept in order, one paragraph for a screen reader."""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import random
import sys
import time
from pathlib import Path

import pikepdf
import pytest

from fiche_pays import compose, load_theme, render, tree
from fiche_pays.loader.load import load
from fiche_pays.writers.pdf.pieces import PIECE, cut_points, pieces

from conftest import KAZAKHSTAN

WORDS = ["coopération", "bilatérale", "économique", "le", "de", "la", "relations", "2021"]


def _tagging():
    """The structure-walking helpers of test_pdf_tagging, imported by path."""
    path = Path(__file__).with_name("test_pdf_tagging.py")
    spec = importlib.util.spec_from_file_location("pdf_tagging_helpers", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def _words(count: int, seed: int = 1, sentences: bool = False) -> str:
    rng = random.Random(seed)
    words = [rng.choice(WORDS) for _ in range(count)]
    if sentences:
        for index in range(11, count, 12):
            words[index] += "."
    return " ".join(words)


def test_short_texts_are_one_piece():
    assert cut_points("un texte court") == []
    runs = (tree.Run("un texte "), tree.Run("court", bold=True))
    assert pieces(runs) == [runs]


@pytest.mark.parametrize("sentences", [True, False], ids=["phrases", "sans ponctuation"])
def test_pieces_keep_every_character_and_stay_under_the_size(sentences):
    text = _words(20_000, sentences=sentences)
    cuts = cut_points(text, 5_000)
    assert cuts and all(text[c] == " " for c in cuts)
    runs = (tree.Run(text[:30_000]), tree.Run(text[30_000:], italic=True, href="https://a.b/"))
    parts = pieces(runs, 5_000)
    assert all(len(tree.plain(p)) <= 5_000 for p in parts)
    assert " ".join(tree.plain(p) for p in parts) == text  # only the cut spaces dropped
    assert parts[-1][-1].href == "https://a.b/" and parts[0][0].href is None
    if sentences:  # cut after a sentence, not inside one
        assert all(tree.plain(p).endswith(".") for p in parts[:-1])


def test_pieces_keep_each_runs_formatting_raised_endings_and_source():
    source = tree.Source(fields=(("relations_politiques", 0, "texte"),))
    filler = tree.Run("Une phrase de remplissage. " * 40, source=source)
    runs = (
        filler,
        tree.Run("le 8"),
        tree.Run("e", superscript=True),
        tree.Run(" sommet", bold=True, italic=True, href="#visites"),
        filler,
    )
    cut = pieces(runs, size=600)
    assert len(cut) > 1
    kept = [run for piece in cut for run in piece]
    raised = [run for run in kept if run.superscript]
    assert [run.text for run in raised] == ["e"]
    assert any(run.bold and run.italic and run.href == "#visites" for run in kept)
    assert all(run.source == source for run in kept if run.text.startswith(("Une", "phrase")))


def test_a_word_longer_than_a_piece_is_cut_inside():
    text = "x" * 12_500 + " fin"
    assert [len(tree.plain(p)) for p in pieces((tree.Run(text),), 5_000)] == [5_000, 5_000, 2_504]


def _fiche_with(text: tree.Runs) -> tree.Document:
    theme = load_theme()
    document = compose(load(KAZAKHSTAN), theme.wording())
    section = document.sections[0]
    paragraph = tree.Paragraph(text)
    first = dataclasses.replace(section, children=(paragraph, *section.children))
    return dataclasses.replace(document, sections=(first, *document.sections[1:])), theme


def test_a_long_paragraph_is_one_element_with_every_word_in_order(tmp_path):
    body = _words(3 * PIECE // 8, sentences=True)  # about three pieces
    runs = (
        tree.Run(body[: len(body) // 2]),
        tree.Run(" lien au milieu ", href="https://www.diplomatie.gouv.fr/"),
        tree.Run(body[len(body) // 2 :], bold=True),
    )
    assert len(pieces(tree.merged(runs))) >= 3
    document, theme = _fiche_with(runs)
    path = tmp_path / "long.pdf"
    render(document, "pdf", path, theme)
    helpers = _tagging()
    pdf = pikepdf.open(path)
    case = helpers.Tagged(
        document,
        theme,
        path,
        pdf,
        helpers.read_tree(pdf),
        [helpers.read_page(page, n) for n, page in enumerate(pdf.pages)],
    )
    expected = [(r, helpers.squeeze(t)) for r, t in helpers.expected_blocks(document, theme)]
    actual = [(r, helpers.squeeze(t)) for r, t in helpers.actual_blocks(case)]
    assert actual == expected  # one P holding the whole paragraph, in order
    links = [e for e in helpers.elements(case.root) if e.role == "Link"]
    assert any(helpers.squeeze(case.text(e)) == "lienaumilieu" for e in links)


def _pdf_seconds(words: int) -> float:
    document, theme = _fiche_with((tree.Run(_words(words, sentences=True)),))
    start = time.process_time()
    render(document, "pdf", io.BytesIO(), theme)
    return time.process_time() - start


@pytest.mark.slow
def test_time_is_linear_in_the_length_of_a_paragraph():
    _pdf_seconds(1_000)  # warm up: imports, fonts
    small, large = _pdf_seconds(10_000), _pdf_seconds(40_000)
    # Four times the words: about four times the time (sixteen before, and 22 s for
    # 100 000 words; a 5 MB paragraph never finished).
    assert large < 6 * small, (small, large)
