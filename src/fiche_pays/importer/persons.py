"""Persons and groups as pages name them: "le secrétaire d'État Jean-Baptiste Lemoyne",
"M. Phankham VIPHAVANH", "la Ministre de l'Europe et des Affaires étrangères", "une
délégation arménienne conduite par le MAE Ararat Mirzoïan".

The data format writes a function with its determiner ("le président de la
République"); after "de", pages contract it ("du président"), so the contraction is
undone here.
"""

from __future__ import annotations

import re

CIVILITIES = ("M.", "Mme", "Mlle", "Dr", "Pr", "MM.", "Mmes")
_DETERMINERS = (
    "le ",
    "la ",
    "l’",
    "l'",
    "les ",
    "un ",
    "une ",
    "son ",
    "sa ",
    "ses ",
    "leur ",
    "leurs ",
)
_UNCONTRACT = (
    (r"^du ", "le "), (r"^des ", "les "), (r"^de la ", "la "), (r"^de l[’']", "l'"),
    (r"^d[’']une ", "une "), (r"^d[’']un ", "un "), (r"^de son ", "son "), (r"^de sa ", "sa "),
    (r"^au ", "le "), (r"^aux ", "les "), (r"^à la ", "la "), (r"^à l[’']", "l'"),
    (r"^par le ", "le "), (r"^par la ", "la "), (r"^par l[’']", "l'"), (r"^par les ", "les "),
)  # fmt: skip
_GROUP_WORDS = (
    "délégation",
    "groupe",
    "sénateurs",
    "députés",
    "ministres",
    "capitaines",
    "mission",
)
_NAME_STOP = {"de", "des", "du", "d", "la", "le", "l", "les", "et", "à", "au", "aux", "en"}


def uncontract(text: str) -> str:
    """« du président de la République » → « le président de la République »."""
    for pattern, replacement in _UNCONTRACT:
        if re.match(pattern, text, re.I):
            return re.sub(pattern, replacement, text, count=1, flags=re.I)
    return text


def has_determiner(text: str) -> bool:
    """Whether a function starts with its determiner, as the data format asks."""
    return text.casefold().startswith(_DETERMINERS)


def person(text: str) -> dict | None:
    """A Person or Group record from a noun phrase; None when it does not read as one."""
    text = uncontract(text.strip().strip(",").strip())
    if not text:
        return None
    led = re.match(r"^(?P<group>.+?),? (?:conduite?s? par|menée?s? par) (?P<chef>.+)$", text)
    if led and _is_group(led.group("group")):
        chef = person(led.group("chef"))
        record: dict = {"groupe": led.group("group").strip()}
        if chef:
            record["chef"] = chef
        return record
    if _is_group(text):
        return {"groupe": text}
    civility = re.match(r"^(?P<civ>M\.|Mme|Mlle|Dr|Pr)\s+(?P<rest>.+)$", text)
    if civility:
        name, _, function = civility.group("rest").partition(", ")
        record = {"civilite": civility.group("civ"), "nom": name.strip()}
        if function.strip():
            function = uncontract(function.strip())
            article = "la" if civility.group("civ") in ("Mme", "Mlle") else "le"
            record["fonction"] = function if has_determiner(function) else f"{article} {function}"
        return record if _name_like(name) else None
    function, comma, name = text.rpartition(", ")
    if comma and re.search(r", (?:M\.|Mme )?[A-ZÀ-Ý][\w-]+ [A-ZÀ-Ý]{2,}", function):
        return None  # several persons: "le président, Emmanuel MACRON, de la ministre…"
    if comma:
        civ = re.match(r"^(M\.|Mme|Dr|Pr)\s+(.+)$", name.strip())
        record = {}
        if civ:
            record["civilite"], name = civ.group(1), civ.group(2)
        if _name_like(name.strip()) and has_determiner(function):
            return {"fonction": function.strip(), **record, "nom": name.strip()}
        return None
    if not has_determiner(text):
        return None
    function, name = _split_name(text)
    record = {"fonction": function}
    if name:
        record["nom"] = name
    return record


def _is_group(text: str) -> bool:
    words = text.casefold().split()
    return (
        len(words) >= 2
        and words[0] in ("une", "un", "les", "des", "plusieurs", "deux", "trois")
        and any(w.startswith(_GROUP_WORDS) for w in words[1:3])
    )


def _name_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 5 and all(
        w[:1].isupper() or w in ("de", "van", "von", "Le") for w in words
    )


def _split_name(text: str) -> tuple[str, str | None]:
    """« le secrétaire d'État Jean-Baptiste Lemoyne » → (« le secrétaire d'État »,
    « Jean-Baptiste Lemoyne »)."""
    words = text.split()
    index = len(words)
    while index > 1:
        word = words[index - 1]
        before = words[index - 2].casefold().rstrip("’'")
        if not word[:1].isupper() or before in _NAME_STOP or before.endswith(("’", "'")):
            break
        if words[index - 2].endswith(("’", "'")):
            break
        index -= 1
    if index >= len(words) or index <= 1:
        return text, None
    function, name = " ".join(words[:index]), " ".join(words[index:])
    # "Premier ministre": a capital inside a function, not a name
    if name.casefold().startswith(("premier", "vice")) or len(function.split()) < 2:
        return text, None
    return function, name
