"""The example values `fiche-pays new` writes, and the check that none is ever printed.

`new` writes its example blocks commented out. A desk officer who uncomments one and
forgets a value would publish « Mme Prénom Nom » or an invented date: so each example
block ends with a line ``exemple: …`` that the data format refuses until it is deleted,
and the placeholder texts below are refused wherever they stand, even once that line is
gone. Numbers and dates cannot be told from real ones: the ``exemple`` line is what
guards them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

PERSON = "Prénom Nom"
CITY = "Nom de la ville"
WEBSITE = "https://www.ambafrance-xx.org"
TO_COMPLETE = "à compléter"

MARKER_KEY = "exemple"
MARKER = "remplacez les valeurs de l'exemple, puis supprimez cette ligne"
MARKER_MESSAGE = (
    "exemple écrit par « fiche-pays new » : remplacez chacune de ses valeurs par "
    "celles de la page, puis supprimez la ligne « exemple »"
)

# The example texts of `new`, as written there; compared without case, spacing and
# braces so that a reflowed copy is still caught.
TEXTS = (
    "Un paragraphe de la page, qui peut citer les données de la fiche : {pays.le}. "
    "Une ligne vide commence un nouveau paragraphe.",
    "Un paragraphe qui commente les échanges de {annee} (citer {{solde}} ici ôterait la "
    "ligne du solde : une donnée n'est dite qu'une fois).",
    "Un paragraphe sur la coopération de défense, de sécurité, décentralisée…",
    "Une section propre au pays, placée après la section « apres ».",
    "un premier point",
    "un second point",
    # fiche-pays new --type presentation
    "République de …",
    "Deuxième ville",
    "Troisième ville",
    "langue du pays",
    "Un paragraphe de la page, qui peut citer les données de la fiche : {pays.le} est "
    "dirigé par {chef_de_l_etat}. Une ligne vide commence un nouveau paragraphe.",
    "Un paragraphe sur la politique étrangère.",
    # the links of both: the site's index pages, not the country's
    "https://www.diplomatie.gouv.fr/fr/dossiers-pays/",
    "https://www.tresor.economie.gouv.fr/Pays/",
)


_FOLDED = re.compile(r"[\s{}]+")


def _comparable(text: str) -> str:
    # Most texts have only single ASCII spaces between words and no braces: then the
    # substitution would copy them unchanged (isprintable() is False for every other
    # character that \s matches).
    if (
        text.isprintable()
        and "  " not in text
        and "{" not in text
        and "}" not in text
        and text[:1] != " "
        and text[-1:] != " "
    ):
        return text.casefold()
    return _FOLDED.sub(" ", text).strip().casefold()


_VALUES = {_comparable(v) for v in (PERSON, CITY, WEBSITE, TO_COMPLETE, *TEXTS)}
_PERSON = _comparable(PERSON)  # every text of a fiche is checked: worked out once


def is_example(text: str) -> bool:
    """True for a value `fiche-pays new` wrote as an example, or one that still holds
    its placeholder person, city or web site."""
    plain = _comparable(text)
    return plain in _VALUES or _PERSON in plain or "ambafrance-xx" in plain


# Set while `new` composes its own examples, to show what each prints.
_ALLOWED: ContextVar[bool] = ContextVar("examples_allowed", default=False)


@contextmanager
def allowed() -> Iterator[None]:
    """Within this block, example values validate (for `new`'s previews only)."""
    token = _ALLOWED.set(True)
    try:
        yield
    finally:
        _ALLOWED.reset(token)


def check_marker(value: object) -> None:
    """A French error for a block that still has its ``exemple`` line."""
    if value is not None and not _ALLOWED.get():
        raise ValueError(MARKER_MESSAGE)


def check(text: str) -> str:
    """``text``, or a French error when it is one of `new`'s example values."""
    if not _ALLOWED.get() and is_example(text):
        shown = text if len(text) <= 60 else text[:59] + "…"
        raise ValueError(
            f"valeur d'exemple « {shown} » à remplacer (écrite par « fiche-pays new ») : "
            "écrivez celle de la page, ou supprimez le champ"
        )
    return text
