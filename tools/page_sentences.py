"""The sentences and fact lines of a published page, for the gallery tests (issue 9).

Reads a page excerpt of ../shared/pages/ as a reader copied it, drops the page
furniture ("SOURCE:", "Partager", section headings) and the sentence the excerpt cuts
in the middle, and splits the rest into sentences; a bullet or a "Label : value" line
is one unit. ``comparable`` is the normaliser both sides of a test go through: accents,
case, apostrophes, quotes, dashes, spaces and digit grouping do not count, so that only
words and figures do.

    python tools/page_sentences.py ../shared/pages/laos_relations.txt
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

HEADINGS = {
    "Relations bilatérales",
    "Relations politiques",
    "Présence française",
    "Visites",
    "Ambassadeurs",
    "Relations économiques",
    "Coopération culturelle, scientifique et technique",
    "Autres types de coopérations",
    "Informations complémentaires",
    "Présentation",
    "Introduction",
    "Partager",
}
_CUT = "[EXCERPT TRUNCATED"
# A full stop ends a sentence unless it follows an initial ("L.") or a title ("M.").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[«\"A-ZÀ-Ý])")
_NOT_AN_END = re.compile(r"(?:\b[A-Z]|\bM|\bMM|\bDr|\bPr|\bSt)\.$")


def units(page: str) -> tuple[list[str], list[str]]:
    """(headings, sentences) of a page excerpt, in page order, the cut sentence dropped."""
    headings: list[str] = []
    sentences: list[str] = []
    lines = page.splitlines()
    if lines and lines[0].startswith("SOURCE:"):
        lines = lines[1:]
    cut = False
    for raw in lines:
        line = raw.strip().lstrip("•").strip()
        if not line:
            continue
        if _CUT in line:
            cut = True
            break
        if line in HEADINGS or (not sentences and not headings and line.startswith("La France et")):
            headings.append(line)
            continue
        sentences += _split(line)
    if cut and sentences:
        # The excerpt stops inside the last sentence: it is not the page's.
        sentences.pop()
    return headings, _unique(sentences)


def _split(line: str) -> list[str]:
    parts: list[str] = []
    for piece in _SENTENCE_END.split(line):
        if parts and _NOT_AN_END.search(parts[-1]):
            parts[-1] += " " + piece
        else:
            parts.append(piece)
    return [p.strip() for p in parts if p.strip()]


def _unique(sentences: list[str]) -> list[str]:
    # A copied page may repeat a line (Arménie: the embassy site, once plain, once bulleted).
    seen: set[str] = set()
    return [s for s in sentences if not (comparable(s) in seen or seen.add(comparable(s)))]


def comparable(text: str) -> str:
    """Text reduced to what a reader compares: words and figures."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("€", " eur ").replace("mds ", "md ")
    text = re.sub(r"[’'`´]", "'", text)
    text = re.sub(r"[«»“”\"]", " ", text)
    text = re.sub(r"[‐‑‒–—−]", "-", text)
    text = re.sub(r"(?<=\d)\.(?=\d{3}\b)", "", text)  # "80.500" -> "80500"
    text = re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", text)  # "2 150" -> "2150"
    text = re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text)
    text = re.sub(r" ?([%:;,.!?()]) ?", r"\1", text)
    return text.strip(" .;")


def main(paths: list[str]) -> None:
    for path in paths:
        headings, sentences = units(Path(path).read_text(encoding="utf-8"))
        print(f"# {Path(path).stem}")
        for heading in headings:
            print(f"## {heading}")
        for number, sentence in enumerate(sentences, start=1):
            print(f"{number:3}. {sentence}")
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
