"""The fast paths of text folding give what the regular expressions give: the line
check's blank folding (:func:`fiche_pays.model.types._line`) and the example check's
comparable form (:func:`fiche_pays.examples._comparable`), which skip the substitution
when it would change nothing."""

from __future__ import annotations

import random
import re
import sys

from fiche_pays import examples
from fiche_pays.model import types

# Every character \s matches, braces, letters that case-fold to several, and plain text.
_SPACES = [c for c in map(chr, range(sys.maxunicode + 1)) if re.fullmatch(r"\s", c)]
_ALPHABET = [*_SPACES, "{", "}", "a", "B", "é", "ß", "ﬁ", "İ", "x", " ", " ", " ", "-", "."]


def _texts(count: int) -> list[str]:
    rng = random.Random(16)
    texts = [rng.choice(_ALPHABET) for _ in range(200)]  # every single character
    texts += ["".join(rng.choices(_ALPHABET, k=rng.randint(0, 12))) for _ in range(count)]
    texts += [*examples._VALUES, *examples.TEXTS, examples.PERSON, " Prénom  Nom ", "a {b} c"]
    return texts


def test_comparable_as_the_regular_expression() -> None:
    for text in _texts(20000):
        expected = examples._FOLDED.sub(" ", text).strip().casefold()
        assert examples._comparable(text) == expected, repr(text)


def _old_line(text: str) -> str:
    text = types._check_characters(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = types._BLANKS.sub(" ", text).strip()
    if not text:
        raise ValueError(types._EMPTY)
    return examples.check(text)


def _outcome(function, text: str) -> tuple[str, str]:
    try:
        return "ok", function(text)
    except ValueError as error:
        return "error", str(error)


def test_line_as_the_regular_expression() -> None:
    for text in _texts(20000):
        assert _outcome(types._line, text) == _outcome(_old_line, text), repr(text)
