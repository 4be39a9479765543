"""Text copied from a published page → source blocks.

A copy from the browser keeps one paragraph per line, bullets as "•" and headings as
short lines of their own; long lines may have been wrapped by whoever saved the copy.
Known section titles are headings wherever they stand; another short line is a heading
only when it stands alone between blank lines, as headings do in a copied page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .source import Block, Source
from .titles import is_known_title

_BULLET = re.compile(r"^\s*[•·▪◦●–*]\s+|^\s*-\s+")
CUT_MARK = "[EXCERPT TRUNCATED"
# A line ending with one of these words goes on on the next line (a wrapped copy).
_OPEN_ENDINGS = {
    "le", "la", "les", "l’", "l'", "de", "des", "du", "d’", "d'", "à", "au", "aux", "et",
    "en", "un", "une", "par", "pour", "sur", "dans", "avec", "the", "of", "and", "a", "to",
}  # fmt: skip


@dataclass
class _Line:
    first: int
    last: int
    text: str
    bullet: bool
    after_blank: bool
    before_blank: bool = True


def read_text_page(text: str, path: str) -> Source:
    """Read a page copied as plain text (first line "SOURCE: <url>" allowed)."""
    source = Source(path, "texte")
    found: list[_Line] = []
    blank = True
    cut = False
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if number == 1 and stripped.upper().startswith("SOURCE:"):
            source.url = stripped.split(":", 1)[1].strip()
            continue
        if CUT_MARK in stripped:
            stripped = stripped.split(CUT_MARK, 1)[0].strip()
            cut = True
            if stripped:
                found.append(_Line(number, number, stripped, False, blank))
            break
        if not stripped:
            if found:
                found[-1].before_blank = True
            blank = True
            continue
        bullet = bool(_BULLET.match(raw))
        body = _BULLET.sub("", raw).strip() if bullet else stripped
        if found and not bullet and _continues(found[-1].text, body, blank):
            found[-1].text += " " + body
            found[-1].last = number
            continue
        if found:
            found[-1].before_blank = False
        found.append(_Line(number, number, body, bullet, blank))
        blank = False
    for index, line in enumerate(found):
        source.blocks.append(_block(line, index + 1 < len(found), source))
    if cut and source.blocks:
        _cut_last_sentence(source)
    return source


def _block(line: _Line, more: bool, source: Source) -> Block:
    if line.bullet:
        return Block("item", line.text, line.first)
    alone = line.after_blank and line.before_blank and more
    if is_known_title(line.text) or (alone and title_like(line.text)):
        return Block("heading", line.text, line.first)
    return Block("paragraph", line.text, line.first)


def _continues(previous: str, line: str, blank_before: bool) -> bool:
    """Whether ``line`` is the wrapped end of ``previous`` (no blank line between them)."""
    if blank_before or not previous or is_known_title(line) or is_known_title(previous):
        return False
    if previous.endswith((".", "!", "?", ":", ";", "»")):
        return False
    last = previous.split()[-1].casefold()
    return line[:1].islower() or last in _OPEN_ENDINGS or previous.endswith(("’", "'", "-"))


def _cut_last_sentence(source: Source) -> None:
    """The excerpt stops inside its last sentence: keep what precedes that sentence."""
    from .sentences import split_sentences

    last = source.blocks.pop()
    sentences = split_sentences(last.text)
    kept = " ".join(sentences[:-1]).strip()
    source.cut = Block(last.kind, sentences[-1] if sentences else last.text, last.line)
    if kept:
        source.blocks.append(Block(last.kind, kept, last.line))


def title_like(text: str) -> bool:
    """A short line without a sentence's end, a label's colon or an address."""
    words = text.split()
    return (
        0 < len(words) <= 8
        and len(text) <= 70
        and text[:1].isupper()
        and not text.endswith((".", ";", ",", ":", "!", "?"))
        and " : " not in text
        and "://" not in text
        and not re.search(r"\d{3,}", text)
    )
