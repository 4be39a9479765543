"""Characters no text of a fiche or a template may hold, with a French message.

Control characters are invisible and break documents; bidirectional controls (U+202A to
U+202E, U+2066 to U+2069) reverse or reorder what follows them in Word and LibreOffice,
so that "Mise à jour" could read backwards in a footer, or a link show another address.
Both come from copy-paste; both are refused, in the data and in the templates alike.
"""

from __future__ import annotations

import re

_ALLOWED_CONTROLS = {"\n", "\t"}
_BIDI = {
    "\u202a": "début d'enchâssement gauche-à-droite",
    "\u202b": "début d'enchâssement droite-à-gauche",
    "\u202c": "fin d'enchâssement",
    "\u202d": "forçage gauche-à-droite",
    "\u202e": "forçage droite-à-gauche",
    "\u2066": "isolat gauche-à-droite",
    "\u2067": "isolat droite-à-gauche",
    "\u2068": "isolat de direction détectée",
    "\u2069": "fin d'isolat",
}
_SUSPECT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)


def check_characters(text: str) -> str:
    """``text`` unchanged, or a French ValueError naming the first invisible control
    character (its code, its position) and what to do."""
    match = _SUSPECT.search(text)  # a regular expression: fast on 5 MB of text
    if match is None:
        return text
    char = match.group()
    position = match.start() + 1
    if char in _BIDI:
        raise ValueError(
            f"caractère de contrôle invisible U+{ord(char):04X} ({_BIDI[char]}) en position "
            f"{position} du texte : supprimez-le (il inverse ou réordonne l'affichage du "
            "texte qui le suit ; il vient souvent d'un copier-coller)"
        )
    raise ValueError(
        f"caractère de contrôle invisible U+{ord(char):04X} en position {position} du"
        " texte : supprimez-le (il vient souvent d'un copier-coller)"
    )
