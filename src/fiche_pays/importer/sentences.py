"""Sentences of a paragraph, and the form in which two texts are compared.

``comparable`` reduces a text to its words and figures (accents, case, apostrophes,
quotes, dashes, spaces and digit grouping do not count): the importer uses it to decide
whether a generated line says what the page said, and the tests to find every page
sentence in the built documents.
"""

from __future__ import annotations

import re
import unicodedata

# A full stop ends a sentence unless it follows an initial ("L.") or a title ("M.").
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"“A-ZÀ-ÝÉ0-9])")
_NOT_AN_END = re.compile(r"(?:\b[A-Z]|\bM|\bMM|\bMme|\bDr|\bPr|\bSt|\bS\.M|\bMr|\bMrs|\bMs)\.$")


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph, in order, each with its final punctuation."""
    parts: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        if parts and _NOT_AN_END.search(parts[-1]):
            parts[-1] += " " + piece
        else:
            parts.append(piece)
    return [p.strip() for p in parts if p.strip()]


def comparable(text: str) -> str:
    """Text reduced to what a reader compares: words and figures."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("€", " eur ").replace("mds ", "md ")
    text = re.sub(r"[’'`´ʼ]", "'", text)
    text = re.sub(r"[«»“”\"]", " ", text)
    text = re.sub(r"[‐‑‒–—−]", "-", text)
    text = re.sub(r"(?<=\d)\.(?=\d{3}\b)", "", text)  # "80.500" -> "80500"
    text = re.sub(r"(?<=\d)[\s\u00a0\u202f\u2009](?=\d{3}\b)", "", text)  # "2 150" -> "2150"
    text = re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text)
    text = re.sub(r" ?([%:;,.!?()]) ?", r"\1", text)
    return text.strip(" .;")
