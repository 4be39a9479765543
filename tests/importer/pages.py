"""Shared helpers of the importer tests: the published pages and their sentences."""

from __future__ import annotations

import os
import re
from pathlib import Path

from fiche_pays.importer.sentences import comparable, split_sentences
from fiche_pays.importer.source import read_source

PAGES = Path(os.environ.get("FICHE_PAYS_PAGES", Path(__file__).resolve().parents[3] / "shared" / "pages"))
if not PAGES.is_dir():
    PAGES = Path("/work/shared/pages")


def page_files() -> list[Path]:
    """Every published page of ../shared/pages/ (29)."""
    return sorted(PAGES.glob("*.txt"))


def page_sentences(path: Path) -> list[str]:
    """The sentences and lines of a page that a fiche must hold: body text, not titles,
    not the furniture, not the sentence the excerpt cuts."""
    source = read_source(path)
    sentences = []
    for block in source.blocks:
        if block.kind == "heading":
            continue
        if block.kind == "table":
            sentences += [" ".join(row) for row in block.rows]
            continue
        sentences += split_sentences(block.text)
    return sentences


def data_texts(data: object) -> list[str]:
    """Every string of a data tree (texts, list items, fact lines, fields)."""
    if isinstance(data, dict):
        if set(data) == {"libelle", "valeur"}:
            return [f"{data['libelle']} : {data['valeur']}"]
        return [t for v in data.values() for t in data_texts(v)]
    if isinstance(data, list):
        return [t for v in data for t in data_texts(v)]
    return [str(data)] if isinstance(data, str) else []


def unescape(text: str, words: dict[str, str]) -> str:
    """A `texte` read back as the page's words: citations replaced by what they stand for."""
    for citation, original in words.items():
        text = text.replace(citation, original)
    return re.sub(r"\{\{|\}\}", lambda m: m.group(0)[0], text)


__all__ = ["comparable", "data_texts", "page_files", "page_sentences", "unescape"]
