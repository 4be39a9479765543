"""Recognisers of the French presence: posts, the embassy's site, communities,
ambassadors. Each is a small function of one line or sentence of the page, driven by
the tables below, and tested on the pages' own lines.
"""

from __future__ import annotations

import re

from .dates import find_dates
from .numbers import approx_count, count
from .recognition import Recognised

# Label of a "Poste : ville" line → the post type of the data format.
POST_LABELS = {
    "consulat": "consulat",
    "consulats": "consulat",
    "consulat de france": "consulat",
    "consulat general": "consulat général",
    "consulat general de france": "consulat général",
    "consulats generaux": "consulat général",
    "section consulaire": "section consulaire",
    "section consulaire de l ambassade de france": "section consulaire",
    "agence consulaire": "agence consulaire",
    "agences consulaires": "agence consulaire",
    "consul honoraire": "consul honoraire",
    "consuls honoraires": "consul honoraire",
    "institut francais": "institut français",
    "instituts francais": "institut français",
    "ambassade de france": "ambassade",
    "poste de presence diplomatique": "poste de présence diplomatique",
}
_SITE = re.compile(
    r"^site (?:internet )?de l[’']ambassade(?: de france)?(?: (?:en|au|aux|à) [^:]+)?\s*:\s*"
    r"(?P<url>https?://\S+?)\s*$",
    re.I,
)
_URL_IN = re.compile(r"\s*\((?P<url>https?://[^)\s]+)\)\s*$")


def _key(label: str) -> str:
    from .titles import key_of

    return key_of(label)


def post(line: str) -> Recognised | None:
    """« Consulat : Erevan », « Institut français : Cotonou et Parakou (https://…) »,
    « Site internet de l'ambassade : https://am.ambafrance.org/ »."""
    site = _SITE.match(line.strip())
    if site:
        url = site.group("url")
        same = (
            line.strip()
            .casefold()
            .startswith(("site internet de l’ambassade :", "site internet de l'ambassade :"))
        )
        return Recognised(
            "postes",
            {"type": "ambassade", "site": url},
            f"site de l'ambassade ({url})",
            generated=f"Site internet de l'ambassade : {url}" if same else None,
        )
    if " : " not in line:
        return None
    label, value = (part.strip() for part in line.split(" : ", 1))
    kind = POST_LABELS.get(_key(label))
    if kind is None or not value or (value.endswith(".") and " " in value.rstrip(".")):
        return None
    record: dict = {"type": kind}
    url = _URL_IN.search(value)
    if url:
        record["site"] = url.group("url")
        value = value[: url.start()].strip()
    cities = [c.strip() for c in re.split(r",\s*|\s+et\s+", value) if c.strip()]
    if not cities or any(len(c.split()) > 4 or not c[:1].isupper() for c in cities):
        return None
    if len(cities) == 1:
        record["ville"] = cities[0]
    else:
        record["villes"] = cities
    # The fiche's own line (issue 9, §5.2): singular or plural label, « A, B et C ».
    label = _LABELS.get(kind, kind.capitalize())
    if len(cities) > 1 and kind != "institut français":
        label = _PLURALS.get(kind, label + "s")
    listed = ", ".join(cities[:-1]) + " et " + cities[-1] if len(cities) > 1 else cities[0]
    generated = f"{label} : {listed}" + (f" ({record['site']})" if "site" in record else "")
    return Recognised("postes", record, f"{kind} : {', '.join(cities)}", generated=generated)


_LABELS = {"institut français": "Institut français", "ambassade": "Ambassade de France"}
_PLURALS = {
    "consulat général": "Consulats généraux",
    "consul honoraire": "Consuls honoraires",
    "agence consulaire": "Agences consulaires",
    "section consulaire": "Sections consulaires",
}


# --- communities -----------------------------------------------------------------------

_APPROX = r"(?:environ |près de |plus de |moins de )?"
_COUNT = r"(?P<count>" + _APPROX + r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+|" + _APPROX + r"\d+)"
_FRENCH_LABEL = re.compile(
    r"^(?:importante )?communauté française(?P<label_unit> inscrite au registre)?"
    r"(?: (?:au|en|aux|à|du|de la|des) [^:]+)?\s*:\s*(?P<value>.+)$",
    re.I,
)
_FOREIGN_LABEL = re.compile(r"^communauté (?P<adj>[a-zà-ÿ-]+) en France\s*:\s*(?P<value>.+)$", re.I)
_VALUE = re.compile(
    r"^" + _COUNT + r"(?:\s+(?!dont\b)(?P<unit>[^(,.;]+?))?"
    r"(?:\s*\((?P<date>[^)]+)\))?"
    r"(?:,?\s+dont\s+(?P<part>(?:environ |près de )?[\d  ]+)\s+"
    r"(?P<part_unit>binationaux|enregistrés|inscrits(?: au registre)?))?"
    r"\.?$",
    re.I,
)
_UNREGISTERED = re.compile(
    r"^le nombre des non-inscrits est estimé à (?P<n>(?:environ )?[\d  ]+)\.?$", re.I
)
_REGISTERED_WORDS = {"enregistrés": "inscrits au registre", "inscrits": "inscrits au registre"}


def community(line: str, place: str | None = None) -> Recognised | None:
    """A "Communauté française : …" or "Communauté arménienne en France : …" line;
    ``place`` is the country with its preposition (« au Laos »), for the fiche's line."""
    text = line.strip()
    french = _FRENCH_LABEL.match(text)
    foreign = None if french else _FOREIGN_LABEL.match(text)
    match = french or foreign
    if not match:
        return None
    value = match.group("value").strip()
    records, extra = _figures(value, french is not None and bool(french.group("label_unit")))
    if not records:
        return None
    kind = "communaute" if french else "communaute_en_france"
    record = records[0] if len(records) == 1 else records
    if extra is not None:
        record["non_inscrits"] = extra  # type: ignore[index]
    adjective = foreign.group("adj") if foreign else ""
    who = "communauté française" if french else f"communauté {adjective} en France"
    label = f"Communauté française {place}" if french and place else None
    if foreign:
        label = f"Communauté {adjective} en France"
    generated = f"{label} : {worded(records)}" if label and worded(records) else None
    return Recognised(kind, record, f"{who} : {value.rstrip('.')}", generated=generated)


def worded(records: list[dict]) -> str | None:
    """The value of the fiche's community line (issue 9, §5.1), when it can be foreseen."""
    from .. import french

    parts = []
    for record in records:
        number = record["nombre"]
        if isinstance(number, str):
            approx, _, digits = number.rpartition(" ")
            text = f"{approx} {french.count(int(digits))}"
        else:
            text = french.count(number)
        if record.get("unite"):
            text += f" {record['unite']}"
        date = record.get("date")
        if date:
            if len(date) == 10:
                return None  # « au 31 décembre 2020 » or « (31 décembre 2020) »: not foreseen
            year, _, month = date.partition("-")
            when = french.month_year(int(month), int(year)) if month else year
            text += f" ({when})"
        for field, words in (("binationaux", "binationaux"), ("inscrits", "inscrits au registre")):
            if field in record:
                text += f", dont {record[field]} {words}"
        if "non_inscrits" in record:
            text += f" ; non-inscrits estimés à {record['non_inscrits']}"
        parts.append(text)
    return ", ".join(parts)


def _figures(value: str, registered: bool) -> tuple[list[dict], int | str | None]:
    """The figures of a community line: one or several, and an unregistered estimate."""
    sentences = re.split(r"(?<=\.)\s+", value)
    extra = None
    if len(sentences) == 2:
        unregistered = _UNREGISTERED.match(sentences[1])
        if not unregistered:
            return [], None
        parsed = count(unregistered.group("n"))
        if parsed is None:
            return [], None
        extra = approx_count(*parsed)
        value = sentences[0]
    elif len(sentences) > 2:
        return [], None
    records = []
    for part in re.split(r",\s+(?=(?:environ |près de )?\d)", value):
        match = _VALUE.match(part.strip())
        if not match:
            return [], None
        parsed = count(match.group("count"))
        if parsed is None:
            return [], None
        record: dict = {"nombre": approx_count(*parsed)}
        unit = (match.group("unit") or "").strip()
        if (registered and not unit) or (registered and unit == "personnes"):
            unit = "personnes inscrites au registre"
        if unit:
            record["unite"] = _REGISTERED_WORDS.get(unit.casefold(), unit)
        if match.group("date"):
            dates = find_dates(match.group("date"))
            if len(dates) != 1 or dates[0].end:
                return [], None
            record["date"] = dates[0].start
        if match.group("part"):
            part_count = count(match.group("part").strip())
            if part_count is None:
                return [], None
            field = "binationaux" if match.group("part_unit") == "binationaux" else "inscrits"
            record[field] = approx_count(*part_count)
        records.append(record)
    return records, extra


_SENTENCES = [
    # Au 31 décembre 2020, 81 Français sont inscrits sur les registres consulaires en Mongolie.
    re.compile(
        r"^(?:au|en) (?P<date>[^,]+), "
        + _COUNT
        + r" (?P<unit>Français (?:sont )?inscrits [^.]*?|Français [^.]*?résidents)"
        r"(?: (?:en|au|aux|à) [A-ZÀ-Ý][^.,]*)?\.$",
        re.I,
    ),
    # La communauté française du Vanuatu compte environ 2150 ressortissants, dont près de
    # 900 binationaux.
    re.compile(
        r"^la communauté française (?:du|de la|de l[’']|des|au|en|aux) ?[^,]+? compte "
        + _COUNT
        + r" (?P<unit>[a-zé ]+?)(?:, dont (?P<part>(?:environ |près de )?[\d  ]+) binationaux)?\.$",
        re.I,
    ),
]


def community_sentence(sentence: str) -> Recognised | None:
    """A sentence that gives the French community's size ("… 81 Français sont inscrits …")."""
    for pattern in _SENTENCES:
        match = pattern.match(sentence.strip())
        if not match:
            continue
        parsed = count(match.group("count"))
        if parsed is None:
            return None
        unit = re.sub(r"\bsont ", "", match.group("unit").strip())
        record: dict = {"nombre": approx_count(*parsed), "unite": unit}
        groups = match.groupdict()
        if groups.get("date"):
            dates = find_dates(groups["date"])
            if len(dates) != 1 or dates[0].end:
                return None
            record["date"] = dates[0].start
        if groups.get("part"):
            part = count(groups["part"].strip())
            if part:
                record["binationaux"] = approx_count(*part)
        return Recognised("communaute", record, f"communauté française : {match.group('count')}")
    return None


# --- ambassadors -----------------------------------------------------------------------

_AMBASSADOR = re.compile(
    r"^(?P<title>ambassad(?:eur|rice)) (?P<side>de France(?: (?:au|en|aux|à) [^:]+)?|"
    r"(?:du|de la|de l[’']|des|d[’'])\s?[^:]+? en France)\s*:\s*"
    r"(?P<civ>M\.|Mme|Dr|Pr)?\s*(?P<name>[^(]+?)\s*(?:\((?P<detail>[^)]*)\))?\.?$",
    re.I,
)


def ambassador(line: str) -> Recognised | None:
    """« Ambassadeur de France au Laos : M. X (depuis septembre 2020) »."""
    match = _AMBASSADOR.match(line.strip())
    if not match:
        return None
    name = match.group("name").strip()
    if not name or len(name.split()) > 6 or not name[:1].isupper():
        return None
    record: dict = {}
    civ = match.group("civ") or (
        "Mme" if match.group("title").casefold() == "ambassadrice" else None
    )
    if civ:
        record["civilite"] = civ
    record["nom"] = name
    checks = []
    detail = match.group("detail")
    if detail:
        dates = find_dates(detail)
        if detail.casefold().startswith("depuis") and len(dates) == 1:
            record["depuis"] = dates[0].start
        else:
            return None
    kind = (
        "ambassadeur_de_france"
        if match.group("side").casefold().startswith("de france")
        else "ambassadeur_en_france"
    )
    # The fiche's line (issue 9, §5.3): « Ambassadeur de France au Laos : M. X (depuis …) ».
    title = "Ambassadrice" if record.get("civilite") == "Mme" else "Ambassadeur"
    who = " ".join(p for p in (record.get("civilite"), name) if p)
    since = f" (depuis {detail})" if detail else ""
    generated = f"{title} {match.group('side')} : {who}{since}"
    return Recognised(kind, record, f"{match.group('title').lower()} : {name}", checks, generated)
