"""Visits as pages write them: dated list items ("26 septembre 2022 : visite de travail
du Premier Ministre arménien en France") and sentences of prose ("Le secrétaire d'État
Jean-Baptiste Lemoyne s'est rendu à Cotonou du 14 au 16 février 2018.").

The words that say a visit, its kind and its direction are data (the tables below).
"""

from __future__ import annotations

import re

from .dates import Found, find_dates
from .persons import person, uncontract
from .recognition import Recognised

# Nouns that open a visit line, as the data format's `nature`.
NATURES = (
    "visite officielle", "visite d'État", "visite d’État", "visite de travail", "visite d'Etat",
    "visite d’Etat", "visite privée", "séjour privé", "visite", "déplacement", "entretien",
    "entretiens", "rencontre", "séjour",
)  # fmt: skip
# Verbs of a sentence that tells a visit, and the direction words.
TRAVEL_VERBS = re.compile(
    r"\b(s[’']est rendue?s?|s[’']étai(?:en)?t rendue?s?|s[’']est déplacée?s?|a effectué une visite|"
    r"a effectué un séjour|a effectué (?:le \S+ \S+ \S+ )?une visite|a été reçue?|ont été reçus|"
    r"a reçu|s[’']est entretenue?|se sont entretenus|visited|made a visit|paid a visit)\b",
    re.I,
)
FRANCE_PLACES = (
    "France",
    "Paris",
    "Palais de l’Élysée",
    "Palais de l'Élysée",
    "l’Élysée",
    "l'Élysée",
)
_PLACE = re.compile(
    r"\b(?P<prep>à|au|aux|en)\s+(?P<place>(?:l[’'])?[A-ZÀ-Ý][\w’'-]*"
    r"(?: (?:de )?(?:l[’'])?[A-ZÀ-Ý][\w’'-]*)*)"
)
_TRAILING = re.compile(r"(?:\s+(?:de|du|des))+$")


def _nature(text: str) -> tuple[str, str] | None:
    lowered = text.casefold()
    for nature in NATURES:
        if lowered.startswith(nature.casefold()):
            return nature.replace("’", "'").replace("d'Etat", "d'État"), text[len(nature) :].strip()
    return None


def _direction(place: str | None, country: str, text: str) -> str | None:
    if place is None:
        if re.search(r"\ben France\b|\bà Paris\b", text):
            return "vers_la_france"
        return None
    if any(place.startswith(p) or place == p for p in FRANCE_PLACES):
        return "vers_la_france"
    return "vers_le_pays"


def _place_of(text: str, country_names: tuple[str, ...]) -> tuple[str | None, str]:
    """The place of a visit in a phrase and the phrase without it."""
    for match in _PLACE.finditer(text):
        place = _TRAILING.sub("", match.group("place"))
        end = match.start("place") + len(place)
        if place in FRANCE_PLACES or place in country_names or match.group("prep") == "à":
            rest = (text[: match.start()] + text[end:]).strip()
            return place, re.sub(r"\s+", " ", rest).strip(" ,")
    return None, text


def _date_fields(found: Found) -> dict:
    fields: dict = {"date": found.start}
    if found.end:
        fields["fin"] = found.end
    return fields


def visit_item(
    line: str, country_names: tuple[str, ...], adjectives: tuple[str, ...] = ()
) -> Recognised | None:
    """A dated list item: « 26 septembre 2022 : visite de travail du Premier Ministre … »;
    ``adjectives`` (« arménien », « arménienne »): visitors so named come to France."""
    head, colon, body = line.strip().partition(" : ")
    if not colon:
        return None
    dates = find_dates(head)
    bare = re.sub(r"^(?:le|du|les)\s+", "", head.strip(), flags=re.I)
    if len(dates) != 1 or dates[0].text.strip() not in (bare, head.strip()):
        return None
    body = body.strip().rstrip(".")
    nature = _nature(body)
    if nature is None:
        return None
    kind, rest = nature
    record: dict = _date_fields(dates[0])
    checks: list[str] = []
    occasion = re.search(r"\s+à l[’']occasion (?:du|de la|des|de l[’'])\s?(?P<o>.+)$", rest)
    if occasion:
        rest = rest[: occasion.start()]
    place, rest = _place_of(rest, country_names)
    who = person(rest)
    if who is None:
        # "du président …, Emmanuel MACRON, de la ministre …, Catherine COLONNA et de la …"
        pieces = re.split(r"(?<=[A-ZÀ-Ý]{2}),? (?:et )?(?=de la |du |des |de l[’']|d[’'])", rest)
        visitors = [person(p) for p in pieces]
        if len(visitors) > 1 and all(visitors):
            who = visitors  # type: ignore[assignment]
    if who is None:
        return None
    direction = _direction(place, country_names[0] if country_names else "", line)
    if (
        direction is None
        and adjectives
        and re.search(r"\b(?:" + "|".join(map(re.escape, adjectives)) + r")s?\b", rest, re.I)
    ):
        direction = "vers_la_france"
        checks.append("sens de la visite supposé (vers la France : les visiteurs sont du pays)")
    if direction is None:
        direction = "vers_le_pays"
        checks.append("sens de la visite supposé (vers le pays) : la ligne ne dit pas où")
    record["sens"] = direction
    if kind.casefold() != "visite":
        record["nature"] = kind
    record["visiteurs"] = who
    if place:
        record["lieu"] = place
    if occasion:
        record["occasion"] = (
            occasion.group(0).strip().removeprefix("à l’occasion ").removeprefix("à l'occasion ")
        )
        record["occasion"] = re.sub(
            r"^(du|de la|des|de l[’'])\s?",
            lambda m: {"du": "le ", "des": "les ", "de la": "la "}.get(m.group(1), "l'"),
            record["occasion"],
        )
    return Recognised("visites", record, f"visite : {dates[0].text}", checks)


def visit_sentence(sentence: str, country_names: tuple[str, ...]) -> Recognised | None:
    """A sentence telling one dated visit; the page's sentence stays as the record's text."""
    verb = TRAVEL_VERBS.search(sentence)
    if not verb:
        return None
    dates = [
        d
        for d in find_dates(sentence)
        if len(d.start) >= 7 or re.search(r"\ben\s+" + d.text, sentence)
    ]
    if len(dates) != 1:
        return None
    record: dict = _date_fields(dates[0])
    checks: list[str] = []
    subject = sentence[: verb.start()].strip()
    subject = re.sub(
        r"^(?:(?:le|en|du|les)\s+)?" + re.escape(dates[0].text) + r",?\s*", "", subject, flags=re.I
    )
    invited = re.match(
        r"^(?:À|A) l[’']invitation (?P<by>(?:du|de la|de l[’'])\s?[^,]+),\s*", subject
    )
    if invited:
        subject = subject[invited.end() :]
    subject = re.sub(r"^(?:Côté français|De son côté|Plus récemment|Par ailleurs),\s*", "", subject)
    who = person(
        subject[:1].lower() + subject[1:]
        if subject[:2] in ("Le", "La", "Un", "Un", "Le")
        else subject
    )
    after = sentence[verb.end() :]
    place, _ = _place_of(after, country_names)
    text = verb.group(0).casefold()
    if "a reçu" in text:
        received = person(re.split(r"\s+(?:au|à|le|en)\s", after.strip(), maxsplit=1)[0])
        if received and who:
            record["recu_par"], who = who, received
            place = place or None
    direction = _direction(place, "", sentence)
    if who is None:
        return None
    if direction is None:
        direction = "vers_le_pays"
        checks.append("sens de la visite supposé (vers le pays)")
    details = _details(after, text, invited.group("by") if invited else None)
    if details.get("occasion") and place is None and "avec" in details:
        direction = "pays_tiers"  # a meeting on the side of an event abroad
        checks = ["sens supposé : rencontre dans un pays tiers (en marge d'un événement)"]
    record["sens"] = direction
    if "nature" in details:
        record["nature"] = details.pop("nature")
    record["visiteurs"] = who
    if "invite_par" in details:
        record["invite_par"] = details.pop("invite_par")
    if place:
        record["lieu"] = place
    record.update(details)
    return Recognised("visites", record, f"visite : {dates[0].text}", checks)


_UNTIL = (
    r"(?=\s+(?:en marge|lors|à l[’']occasion|en \w+ \d{4}|le \d|les \d|du \d|à [A-ZÀ-Ý]"
    r"|au [A-ZÀ-Ý]|en [A-ZÀ-Ý])|[,;]|\.?$)"
)


def _details(after: str, verb: str, invited_by: str | None) -> dict:
    """What a visit sentence says besides who and where: the kind of visit (« une visite
    d'État »), the counterpart (« s'est entretenu avec … »), the inviter, the occasion."""
    details: dict = {}
    kind = re.search(
        r"une (?P<n>visite d[’']État|visite officielle|visite de travail)", verb + after
    )
    if "effectué" in verb and kind:
        details["nature"] = kind.group("n").replace("’", "'")
    if "entretenu" in verb:
        details["nature"] = "entretien"
        counterpart = re.match(r"^\s*avec (?P<who>.+?)" + _UNTIL, after)
        who = person(counterpart.group("who")) if counterpart else None
        if who:
            details["avec"] = who
    if invited_by:
        inviter = person(invited_by)
        if inviter:
            details["invite_par"] = inviter
    occasion = re.search(r"en marge (?P<o>(?:du|de la|des|de l[’'])\s?.+?)" + _UNTIL, after)
    if occasion:
        details["occasion"] = uncontract(occasion.group("o"))
    return details


_PROSE_LIST_ITEM = re.compile(r"^(?P<who>(?:M\.|Mme|Dr)\s[^,]+,\s[^()]+?),?\s*\((?P<date>[^)]+)\)$")


def visit_list_in_prose(text: str) -> list[tuple[str, Recognised]] | None:
    """« M. X, ministre de …, (mai 2013) ; Mme Y, … (juin 2014) » → one visit per person."""
    parts = [p.strip().rstrip(".") for p in re.split(r"\s*;\s*", text.strip())]
    if len(parts) < 2:
        return None
    found = []
    for part in parts:
        match = _PROSE_LIST_ITEM.match(part)
        if not match:
            return None
        dates = find_dates(match.group("date"))
        who = person(match.group("who").rstrip(", "))
        if len(dates) != 1 or who is None:
            return None
        record = {**_date_fields(dates[0]), "sens": "vers_le_pays", "visiteurs": who}
        found.append(
            (
                match.group("date"),
                Recognised(
                    "visites",
                    record,
                    f"visite : {dates[0].text}",
                    ["sens de la visite supposé (vers le pays) : la page ne le dit pas"],
                ),
            )
        )
    return found
