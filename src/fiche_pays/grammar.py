"""French grammar the data format relies on: determiners and the gender of head nouns.

A desk officer writes a function or a group with its determiner, as pages write it ("la
ministre des Sports", "les deux capitaines-régents", "son homologue"): the determiner
carries gender and number, which generated wording needs for agreement ("accompagnée",
"conduits"). An agreement's or an institute's title starts with a noun whose gender the
participles agree with ("déclaration … adoptée", "accords … signés"). Both the model
(which refuses what it cannot agree) and the composer read this module; it holds data and
tiny lookups only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FEMININE, MASCULINE = "féminin", "masculin"
Gender = str  # FEMININE or MASCULINE


@dataclass(frozen=True, slots=True)
class Agreement:
    """Gender and number a participle agrees with."""

    feminine: bool = False
    plural: bool = False

    def ending(self) -> str:
        """The ending a past participle takes: "", "e", "s" or "es"."""
        return ("e" if self.feminine else "") + ("s" if self.plural else "")


_NUMERALS = {
    *("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze"),
    *("douze", "treize", "quatorze", "quinze", "seize", "vingt", "trente", "quarante"),
    *("cinquante", "cent", "mille"),
}
_SINGULAR_FEMININE = {"la", "une", "sa", "cette", "ma", "ta", "notre", "votre", "leur"}
_SINGULAR = {"le", "un", "son", "ce", "cet", "mon", "ton", *_SINGULAR_FEMININE} - {"leur"}
_PLURAL = {"les", "des", "ses", "ces", "leurs", "nos", "vos", "plusieurs", "quelques"}
_ELIDED = re.compile(r"^[lL][’']\s*")  # l'ambassadeur: the gender does not show
DETERMINERS = (*sorted(_SINGULAR | _PLURAL), "leur", "l'", "deux…")

_FIRST_WORD = re.compile(r"^([^\s’']+)")


def determiner(phrase: str) -> str | None:
    """The determiner a phrase starts with ("la", "l'", "les", "deux"), or None."""
    if _ELIDED.match(phrase):
        return "l'"
    match = _FIRST_WORD.match(phrase)
    if not match:
        return None
    word = match.group(1).lower()
    if word in _SINGULAR or word in _PLURAL or word == "leur":
        return word
    if word in _NUMERALS or word.isdigit():
        return word
    return None


def with_determiner(phrase: str, feminine: bool = False) -> str:
    """A function given without its determiner, with the definite one: "Ministre de la
    Justice" -> "le Ministre de la Justice", "Ambassadrice" (``feminine``) -> "l'Ambassadrice";
    a phrase that has one is returned as it is."""
    if determiner(phrase) is not None:
        return phrase
    if re.match(r"[aeiouyéèêàâîôh]", phrase, re.IGNORECASE):
        return f"l'{phrase}"
    return f"{'la' if feminine else 'le'} {phrase}"


def without_determiner(phrase: str) -> str:
    """ "la ministre des Sports" -> "ministre des Sports"; "l'ambassadeur" -> "ambassadeur"."""
    if _ELIDED.match(phrase):
        return _ELIDED.sub("", phrase, count=1)
    word = determiner(phrase)
    if word is None:
        return phrase
    return phrase[len(word) :].lstrip()


def agreement_of(phrase: str, gender: Gender | None = None) -> Agreement:
    """Gender and number of a phrase written with its determiner; ``gender`` decides where
    the determiner does not show it ("l'", "les", "son")."""
    word = determiner(phrase) or ""
    plural = word in _PLURAL or word in _NUMERALS or (word.isdigit() and word != "1")
    if gender is not None:
        return Agreement(gender == FEMININE, plural)
    return Agreement(word in _SINGULAR_FEMININE and word != "leur", plural)


# Head nouns of agreements and institutes: their gender (participles agree with it).
HEAD_NOUNS: dict[str, Gender] = {
    # agreements
    "accord": MASCULINE,
    "traité": MASCULINE,
    "protocole": MASCULINE,
    "mémorandum": MASCULINE,
    "arrangement": MASCULINE,
    "avenant": MASCULINE,
    "échange": MASCULINE,  # échange de lettres
    "programme": MASCULINE,
    "plan": MASCULINE,
    "pacte": MASCULINE,
    "partenariat": MASCULINE,
    "contrat": MASCULINE,
    "document": MASCULINE,
    "communiqué": MASCULINE,
    "convention": FEMININE,
    "déclaration": FEMININE,
    "feuille": FEMININE,  # feuille de route
    "lettre": FEMININE,  # lettre d'intention
    "charte": FEMININE,
    "résolution": FEMININE,
    "entente": FEMININE,
    "stratégie": FEMININE,
    # institutes
    "institut": MASCULINE,
    "centre": MASCULINE,
    "campus": MASCULINE,
    "collège": MASCULINE,
    "lycée": MASCULINE,
    "laboratoire": MASCULINE,
    "observatoire": MASCULINE,
    "pôle": MASCULINE,
    "réseau": MASCULINE,
    "université": FEMININE,
    "école": FEMININE,
    "maison": FEMININE,
    "académie": FEMININE,
    "chaire": FEMININE,
    "faculté": FEMININE,
    "fondation": FEMININE,
    "alliance": FEMININE,
}


def head_agreement(title: str, gender: Gender | None = None) -> Agreement | None:
    """Agreement of a title by its first noun ("accords fondateurs …" -> masculine
    plural); None when the noun is not in :data:`HEAD_NOUNS` and no ``gender`` is given."""
    match = re.match(r"[^\s’',]+", without_determiner(title))
    word = match.group(0).lower() if match else ""
    plural = word.endswith(("s", "x")) and word[:-1] in HEAD_NOUNS
    noun = word[:-1] if plural else word
    if gender is not None:
        return Agreement(gender == FEMININE, plural)
    if noun not in HEAD_NOUNS:
        return None
    return Agreement(HEAD_NOUNS[noun] == FEMININE, plural)


def pluralize_head(phrase: str) -> str:
    """ "visite officielle" -> "visites officielles"; "visite de travail" -> "visites de
    travail": the words before the first "de", "d'", "du" or "à" take an s."""
    words = phrase.split(" ")
    for index, word in enumerate(words):
        if word in ("de", "du", "des", "à", "au", "aux") or word.startswith(("d'", "d’")):
            break
        if not word.endswith(("s", "x", "z")):
            words[index] = word + "s"
    return " ".join(words)
