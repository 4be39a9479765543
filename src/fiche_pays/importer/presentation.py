"""A "Présentation du pays" page → the presentation data file (issue 11's format).

The data part of these pages is "Libellé (année) : valeur (source)" lines. A table maps
each label, as pages have written it over the years, to its field and to the parser of
its value; a value the parser understands becomes the field, with its unit, date and
source. A line no parser understands stays word for word in « Autres données » (faits),
with its source line and a note to check it. The current-affairs sections keep their
paragraphs as texts.
"""

from __future__ import annotations

import re

from .. import grammar
from .dates import find_dates, update_date
from .numbers import parse_number
from .pieces import Imported, Section
from .source import Block, Source
from .titles import key_of, presentation_section

_SOURCES = ("Banque mondiale", "Banque Mondiale", "FMI", "PNUD", "OMC", "ITC", "DG Trésor", "DGT",
            "DG Tresor", "DGTrésor", "BIT", "OCDE", "INSEE", "Nations unies", "ONU")  # fmt: skip
_SOURCE = re.compile(r"\b(" + "|".join(re.escape(s) for s in _SOURCES) + r")\b")


def _label(line: str) -> tuple[str, str | None, str] | None:
    """(label, year in the label, value) of « Population (2017) : 11,5 millions »."""
    label, colon, value = line.partition(" : ")
    if not colon or len(label) > 80:
        return None
    year = None
    found = re.search(r"\s*\((?:[^()]*?)((?:19|20)\d\d)\)\s*$", label)
    if found:
        year = found.group(1)
        label = label[: found.start()]
    return label.strip(), year, value.strip()


def _details(value: str) -> tuple[str, str | None, str | None]:
    """The value without its trailing « (2014, Banque mondiale) »: (value, date, source)."""
    date = source = None
    match = re.search(r"\s*\(([^()]*)\)\s*\.?$", value)
    if match and (re.search(r"(19|20)\d\d", match.group(1)) or _SOURCE.search(match.group(1))):
        inside = match.group(1)
        year = re.search(r"\b((?:19|20)\d\d)\b", inside)
        if year:
            date = year.group(1)
        src = _SOURCE.search(inside)
        if src:
            source = src.group(1).replace("Banque Mondiale", "Banque mondiale")
        rest = re.sub(r"\b(?:19|20)\d\d\b|" + _SOURCE.pattern + r"|[,\s]", "", inside)
        if rest:
            return value, None, None
        value = value[: match.start()]
    return value.strip().rstrip("."), date, source


def _figure(value: str, unit: str, allow: tuple[str, ...] = ()) -> dict | None:
    """{valeur: …} for « 1,37 % », « 73,18 ans », « 112 622 km² »."""
    approx = None
    found = re.match(r"^(environ|près de|plus de|moins de)\s+", value)
    if found:
        approx, value = found.group(1), value[found.end() :]
    match = re.fullmatch(r"\+?(-?[\d \u00a0.,]+?)\s*" + unit + r"\.?", value.strip())
    if not match:
        return None
    number = parse_number(match.group(1).replace(" ", ""), "fr")
    if number is None:
        return None
    figure: dict = {
        "valeur": int(number) if number == int(number) and "," not in match.group(1) else number
    }
    if approx:
        figure["approximation"] = approx
    return figure


def _population(value: str) -> dict | None:
    match = re.fullmatch(
        r"(?:environ\s+)?([\d \u00a0.,]+?)\s*(millions?|milliers)?(?: d[’']habitants| habitants)?",
        value,
    )
    if not match:
        return None
    number = parse_number(match.group(1).replace(" ", ""))
    if number is None:
        return None
    figure: dict = {"valeur": int(number) if number == int(number) else number}
    if match.group(2):
        figure["unite"] = "millions" if match.group(2).startswith("million") else "milliers"
        if figure["valeur"] > 2000:
            return None  # « 18 917 200 millions » : more people than any country
    if "," in match.group(1):
        decimals = len(match.group(1).split(",")[1].strip())
        if (
            decimals
            and str(figure["valeur"]).split(".")[-1] != match.group(1).split(",")[1].strip()
        ):
            figure["decimales"] = decimals
    return figure


def _money(value: str) -> dict | None:
    match = re.fullmatch(
        r"\+?\s?(-?[\d \u00a0.,]+?)\s*(M|Mds?|Md|milliards? de|millions? de)\s*"
        r"(\$|USD|€|EUR|dollars|euros)",
        value.strip(),
    )
    if not match:
        return None
    number = parse_number(match.group(1).replace(" ", ""))
    if number is None:
        return None
    scale = "Md" if match.group(2).startswith(("Md", "milliard")) else "M"
    currency = "EUR" if match.group(3) in ("€", "EUR", "euros") else "USD"
    return {
        "valeur": number if number != int(number) else int(number),
        "unite": scale,
        "devise": currency,
    }


def _per_capita(value: str) -> dict | None:
    match = re.fullmatch(
        r"(?:environ\s+)?([\d \u00a0.,]+?)\s*(\$|USD|€|EUR|dollars)", value.strip()
    )
    if not match:
        return None
    number = parse_number(match.group(1).replace(" ", ""))
    if number is None:
        return None
    return {
        "valeur": int(number) if number == int(number) else number,
        "devise": "EUR" if match.group(2) in ("€", "EUR") else "USD",
    }


def _names(value: str) -> list[dict] | None:
    names = [n.strip() for n in re.split(r",\s+|\s+et\s+", value.rstrip(".")) if n.strip()]
    if not names or any("(" in n or ")" in n or len(n.split()) > 4 for n in names):
        return None
    return [{"nom": n} for n in names]


_PERSON_DATES = {
    "depuis le": "depuis", "depuis": "depuis", "": "depuis", "élu le": "elu", "élu en": "elu",
    "née le": "naissance", "né le": "naissance",
}  # fmt: skip


def _person(value: str) -> dict | None:
    match = re.fullmatch(
        r"(?:(?P<civ>M\.|Mme|Dr|Pr|S\.M\.|S\.A\.R\.|S\.A\.)\s+)?"
        # a sovereign's function after S.M. or S.A.: « S.M. le Roi Tupou VI »
        r"(?:(?P<fn>(?:le|la)\s+(?:Roi|Reine|Prince|Princesse|Émir|Sultan|Grand-Duc))\s+)?"
        r"(?P<nom>[^(,;]+?)(?:\s*\((?P<d>[^)]*)\))?",
        value.strip(),
    )
    if not match or len(match.group("nom").split()) > 5:
        return None
    honorific = match.group("civ") in ("S.M.", "S.A.R.", "S.A.")
    if honorific != bool(match.group("fn")):
        return None  # « S.M. » without a function, or a function without « S.M. »
    record: dict = {}
    if match.group("civ"):
        record["civilite"] = match.group("civ")
    if match.group("fn"):
        record["fonction"] = match.group("fn")
    record["nom"] = match.group("nom").strip()
    detail = match.group("d")
    if detail:
        dates = find_dates(detail)
        if len(dates) != 1 or dates[0].end:
            return None
        word = detail[: dates[0].position].strip().casefold()
        field = _PERSON_DATES.get(word)
        if field is None or detail[dates[0].position + len(dates[0].text) :].strip():
            return None
        record[field] = dates[0].start
    return record


def _national_day(value: str) -> dict | None:
    """« 1er août (proclamation de l'indépendance en 1960) », « 10-12 juillet (« Naadam ») »."""
    match = re.fullmatch(
        r"(?P<d>\d{1,2})(?:er)?(?:\s*-\s*(?P<d2>\d{1,2}))?\s+(?P<m>[a-zéû]+)(?:\s*\((?P<o>[^()]+)\))?",
        value.strip().rstrip("."),
    )
    if not match:
        return None
    from .dates import month_number

    month = month_number(match.group("m"))
    if month is None:
        return None
    record: dict = {"jour": int(match.group("d")), "mois": month}
    if match.group("d2"):
        record["jour_fin"] = int(match.group("d2"))
    if match.group("o"):
        record["objet"] = match.group("o").strip()
    return record


def _hdi(value: str) -> dict | None:
    """« 167ème sur 188 pays », « 0,717 (100e rang mondial) », « 0,727 (PNUD) »,
    « 0,621 (146ème sur 191 en 2025) »."""
    text = value.strip().rstrip(".")
    record: dict = {}
    number = re.match(r"^(0[,.]\d+)\b", text)
    if number:
        record["valeur"] = float(number.group(1).replace(",", "."))
        text = text[number.end() :].strip(" ,")
    rank = re.search(
        r"(\d+)\s*(?:e|ème|eme)\b(?:\s*(?:sur|/)\s*(\d+)(?: pays)?| rang mondial)?", text
    )
    if rank:
        record["rang"] = int(rank.group(1))
        if rank.group(2):
            record["sur"] = int(rank.group(2))
        rest = (text[: rank.start()] + text[rank.end() :]).strip(" ()")
    else:
        rest = text.strip(" ()")
    year = re.search(r"\b((?:19|20)\d\d)\b", rest)
    if year:
        record["date"] = int(year.group(1))
        rest = rest.replace(year.group(0), "")
    source = _SOURCE.search(rest)
    if source:
        record["source"] = source.group(1)
        rest = rest.replace(source.group(0), "")
    if re.sub(r"\b(en|soit|classement)\b|[\s,()]", "", rest):
        return None  # words the figure does not hold
    if "rang" not in record and "valeur" not in record:
        return None
    if "valeur" in record and "rang" not in record:
        return None  # the model needs a rank with the index
    return record


def _share_list(value: str) -> dict | None:
    """« Inde (15%), Malaisie (13%), … », « vaudou, christianisme, islam, autres »."""
    items = []
    for part in re.split(r",\s+|\s+et\s+|\s*;\s*", value.strip().rstrip(".,")):
        part = part.strip()
        if not part:
            continue
        match = re.fullmatch(r"(?P<nom>[^()%\d]+?)(?:\s*\((?P<p>\d+(?:[,.]\d+)?)\s*%\))?", part)
        if not match:
            return None
        item: dict = {"nom": match.group("nom").strip()}
        if match.group("p"):
            item["part"] = float(match.group("p").replace(",", "."))
            if item["part"] == int(item["part"]):
                item["part"] = int(item["part"])
        items.append(item)
    if not items or sum(i.get("part", 0) for i in items) > 100:
        return None
    return {"liste": items}


def _sector(line: str) -> dict | None:
    """An item of the sectors list: « secteur primaire : 25% », « industrie : 23,2% ; »."""
    name, colon, share = line.partition(" : ")
    match = re.fullmatch(r"(\d+(?:[,.]\d+)?)\s*%\s*[;.]?", share.strip())
    if not colon or not match or len(name.split()) > 6:
        return None
    value = float(match.group(1).replace(",", "."))
    return {"nom": name.strip(), "part": int(value) if value == int(value) else value}


_SECTORS = re.compile(
    r"^Part des (?:principaux )?secteurs d[’']activités? dans le PIB"
    r"(?: \((?P<d>[^)]*)\)| en (?P<y>\d{4}))?\s*:$",
    re.I,
)
_TRADE = re.compile(
    r"^(?P<flow>Exportations|Importations)(?: (?P<y1>(?:19|20)\d\d))? "
    r"(?:de la France|françaises|France) (?:vers|depuis) (?:le |la |l[’']|les )?[^:(]+?"
    r"(?: \((?P<y2>(?:19|20)\d\d)\))?\s*:\s*(?P<v>.+)$",
    re.I,
)


def _france_trade(line: str) -> tuple[str, dict] | None:
    """« Exportations de la France vers le Bénin (2017) : 183 M€ »,
    « Importations françaises depuis le Bénin : 7,1 M€ en 2015 (DGT) »."""
    match = _TRADE.match(line.strip())
    if not match:
        return None
    value = match.group("v").strip().rstrip(".")
    source = None
    found = re.search(r"\s*\((?P<s>[^()]+)\)$", value)
    if found and not re.search(r"\d", found.group("s")):
        source = found.group("s").strip()
        value = value[: found.start()]
    year = match.group("y1") or match.group("y2")
    inline = re.search(r"\s+en ((?:19|20)\d\d)$", value)
    if inline:
        year = year or inline.group(1)
        value = value[: inline.start()]
    money = _money(value.replace("millions d’euros", "M€").replace("millions d'euros", "M€"))
    if money is None:
        return None
    if year:
        money["date"] = int(year)
    if source:
        money["source"] = {"DGT": "DG Trésor"}.get(source, source)
    return (
        "exportations" if match.group("flow").casefold() == "exportations" else "importations"
    ), money


def _minister(line: str) -> dict | None:
    """« M. Abdoulaye BIO TCHANE, Ministre d'Etat chargé du plan et du développement ; »."""
    match = re.fullmatch(
        r"(?P<civ>M\.|Mme)\s+(?P<nom>[^,]+?),\s+(?P<fonction>.+?)\s*[;.]?", line.strip()
    )
    if not match or len(match.group("nom").split()) > 5:
        return None
    return {
        "civilite": match.group("civ"),
        "nom": match.group("nom"),
        # written with its determiner, as every person's function (the list prints it without)
        "fonction": grammar.with_determiner(match.group("fonction"), match.group("civ") == "Mme"),
    }


def _presence(line: str) -> tuple[str, object] | None:
    """The embassy's site, a consular post or the French community, as a presentation
    page gives them (the relations recognisers, in the presentation's fields)."""
    from .presence import community, post

    found = post(line)
    if found is not None:
        record = found.record
        if record["type"] == "ambassade" and set(record) == {"type", "site"}:
            return "ambassade", {"site": record["site"]}
        if "ville" in record and "site" not in record and record["type"] != "ambassade":
            return "postes", {"type": record["type"], "ville": record["ville"]}
        return None
    found = community(line)
    if found is None or found.kind != "communaute" or isinstance(found.record, list):
        return None
    record = dict(found.record)
    number = record.pop("nombre")
    if isinstance(number, str):  # « près de 150 »: the presentation's community is the
        approx, _, digits = number.rpartition(" ")  # relations' first form
        record = {"nombre": int(digits), "approximation": approx, **record}
    else:
        record = {"nombre": number, **record}
    if "unite" not in record or set(record) - {
        "nombre",
        "approximation",
        "unite",
        "date",
        "binationaux",
    }:
        return None
    return "communaute", record


def _text(value: str) -> str | None:
    return value.rstrip(".") if value and "(" not in value else None


# label key → (section, field, parser, unit of the figure)
FIELDS = {
    "nom officiel": ("donnees_generales", "nom_officiel", _text),
    "nature du regime": ("donnees_generales", "regime", _text),
    "chef de l etat": ("donnees_generales", "chef_de_l_etat", _person),
    "chef du gouvernement": ("donnees_generales", "chef_du_gouvernement", _person),
    "premier ministre": ("donnees_generales", "chef_du_gouvernement", _person),
    "superficie": ("donnees_geographiques", "superficie", lambda v: _figure(v, r"km(?:²|2)")),
    "zee": ("donnees_geographiques", "zee", lambda v: _figure(v, r"km(?:²|2)")),
    "capitale": (
        "donnees_geographiques",
        "capitale",
        lambda v: {"nom": v.rstrip(".")} if _text(v) and len(v.split()) <= 3 else None,
    ),
    "villes principales": ("donnees_geographiques", "villes_principales", _names),
    "langue officielle": ("donnees_geographiques", "langues_officielles", _names),
    "langues officielles": ("donnees_geographiques", "langues_officielles", _names),
    "langue s officielle s": ("donnees_geographiques", "langues_officielles", _names),
    "langue courante": ("donnees_geographiques", "langues_courantes", _names),
    "langues courantes": ("donnees_geographiques", "langues_courantes", _names),
    "langue s courante s": ("donnees_geographiques", "langues_courantes", _names),
    "monnaie": (
        "donnees_geographiques",
        "monnaie",
        lambda v: {"nom": v.rstrip(".")} if _text(v) and len(v.split()) <= 3 else None,
    ),
    "population": ("donnees_demographiques", "population", _population),
    "croissance demographique": (
        "donnees_demographiques",
        "croissance_demographique",
        lambda v: _figure(v, "%"),
    ),
    "taux de croissance demographique": (
        "donnees_demographiques",
        "croissance_demographique",
        lambda v: _figure(v, "%"),
    ),
    "esperance de vie": ("donnees_demographiques", "esperance_de_vie", lambda v: _figure(v, "ans")),
    "taux d alphabetisation": (
        "donnees_demographiques",
        "alphabetisation",
        lambda v: _figure(v, "%"),
    ),
    "pib": ("donnees_economiques", "pib", _money),
    "pib par habitant": ("donnees_economiques", "pib_par_habitant", _per_capita),
    "taux de croissance": ("donnees_economiques", "croissance", lambda v: _figure(v, "%")),
    "croissance": ("donnees_economiques", "croissance", lambda v: _figure(v, "%")),
    "taux d inflation": ("donnees_economiques", "inflation", lambda v: _figure(v, "%")),
    "inflation": ("donnees_economiques", "inflation", lambda v: _figure(v, "%")),
    "taux de chomage": ("donnees_economiques", "chomage", lambda v: _figure(v, "%")),
    "fete nationale": ("donnees_geographiques", "fete_nationale", _national_day),
    "indice de developpement humain": ("donnees_demographiques", "idh", _hdi),
    "idh": ("donnees_demographiques", "idh", _hdi),
    "religions": ("donnees_demographiques", "religions", _share_list),
    "religion s": ("donnees_demographiques", "religions", _share_list),
    "principaux clients": ("donnees_economiques", "principaux_clients", _share_list),
    "principaux fournisseurs": ("donnees_economiques", "principaux_fournisseurs", _share_list),
}
_FIGURE_FIELDS = {
    "superficie", "zee", "population", "croissance_demographique", "esperance_de_vie",
    "alphabetisation", "pib", "pib_par_habitant", "croissance", "inflation", "chomage",
}  # fmt: skip
_DATED_FIELDS = {"idh", "religions", "principaux_clients", "principaux_fournisseurs"}
_CURRENT = {"politique_interieure", "politique_etrangere", "situation_economique"}


def build_presentation(source: Source, country: object, language: str) -> Imported:
    """The presentation fiche of a page."""
    from .page import finish, header, update

    data: dict[str, dict] = {}
    facts: list[tuple[Block, str, str]] = []  # lines kept word for word
    current_text: dict[str, list[str]] = {}
    consumed: list[tuple[str, str, str]] = []
    checks: dict[str, list[str]] = {}
    extra: list[Section] = []
    section_key = "donnees_generales"
    updated = None
    sectors: dict | None = None
    sections_seen: list[Section] = []
    for block in source.blocks:
        where = source.where(block)
        if block.kind in ("heading", "title"):
            key = presentation_section(block.text)
            if key:
                section_key = key
            continue
        date = update_date(block.text)
        if date:
            updated = date
            consumed.append((where, block.text, "document.mise_a_jour"))
            continue
        if section_key == "gouvernement":
            member = _minister(block.text)
            if member is not None:
                data.setdefault("gouvernement", {"membres": []})["membres"].append(member)
                consumed.append((where, block.text, "gouvernement.membres"))
                continue
        if (
            section_key in _CURRENT
            or section_key == "elements_d_actualite"
            or (block.kind == "paragraph" and " : " not in block.text[:80])
        ):
            target = section_key if section_key in _CURRENT else "politique_interieure"
            current_text.setdefault(target, []).append(block.text)
            continue
        if sectors is not None and block.kind == "item":
            item = _sector(block.text)
            if item is not None:
                sectors["liste"].append(item)
                consumed.append((where, block.text, "donnees_economiques.secteurs"))
                continue
        sectors = None
        heading = _SECTORS.match(block.text.strip())
        if heading and "secteurs" not in data.get("donnees_economiques", {}):
            sectors = {"liste": []}
            inside = heading.group("d") or heading.group("y") or ""
            year = re.search(r"(?:19|20)\d\d", inside)
            if year:
                sectors["date"] = int(year.group(0))
            source = _SOURCE.search(inside)
            if source:
                sectors["source"] = source.group(1)
            data.setdefault("donnees_economiques", {})["secteurs"] = sectors
            consumed.append((where, block.text, "donnees_economiques.secteurs"))
            continue
        trade = _france_trade(block.text)
        if trade and trade[0] not in data.get("donnees_economiques", {}).get(
            "echanges_avec_la_france", {}
        ):
            flows = data.setdefault("donnees_economiques", {}).setdefault(
                "echanges_avec_la_france", {}
            )
            flows[trade[0]] = trade[1]
            consumed.append(
                (where, block.text, f"donnees_economiques.echanges_avec_la_france.{trade[0]}")
            )
            continue
        presence = _presence(block.text)
        if presence is not None:
            field, value = presence
            target = data.setdefault("presence_francaise", {})
            if field == "postes":
                target.setdefault("postes", []).append(value)
            elif field not in target:
                target[field] = value
            else:
                presence = None
            if presence is not None:
                consumed.append((where, block.text, f"presence_francaise.{field}"))
                continue
        parsed = _label(block.text)
        placed = False
        if parsed:
            label, year, value = parsed
            entry = FIELDS.get(key_of(label))
            if entry:
                section, field, parser = entry
                value, date, src = _details(value)
                result = parser(value)
                if result is not None and field not in data.get(section, {}):
                    if isinstance(result, dict) and field in _DATED_FIELDS:
                        if (year or date) and "date" not in result:
                            result["date"] = int(year or date)  # type: ignore[arg-type]
                        if src and "source" not in result:
                            result["source"] = src
                    if isinstance(result, dict) and field in _FIGURE_FIELDS:
                        if year or date:
                            result["date"] = int(year or date)  # type: ignore[arg-type]
                        if src:
                            result["source"] = src
                    data.setdefault(section, {})[field] = result
                    consumed.append((where, block.text, f"{section}.{field}"))
                    placed = True
        if not placed:
            facts.append((block, *(_split(block.text))))
    top: dict = {}
    document: dict = {"titre": "Présentation du pays"}
    date, date_checks = (
        (updated, []) if updated else update(source, " ".join(b.text for b in source.blocks))
    )
    document["mise_a_jour"] = date
    document["mots_cles"] = [country.name, "présentation du pays"]  # type: ignore[attr-defined]
    top["pays"] = country.fields  # type: ignore[attr-defined]
    top["document"] = document
    checks["pays"] = list(country.checks)  # type: ignore[attr-defined]
    checks["document"] = date_checks
    for section in (
        "donnees_generales",
        "donnees_geographiques",
        "donnees_demographiques",
        "donnees_economiques",
    ):
        if section in data:
            top[section] = data[section]
    for section in ("gouvernement", "presence_francaise"):
        if section in data:
            top[section] = data[section]
    if facts:
        top["autres_donnees"] = {
            "faits": [{"libelle": label, "valeur": value} for _, label, value in facts]
        }
        checks["autres_donnees"] = [
            "lignes gardées telles quelles, faute d'un champ qui les reprenne : "
            + ", ".join(f"{source.where(b)}" for b, _, _ in facts)
        ]
    if current_text:
        top["elements_d_actualite"] = {
            k: {"texte": "\n\n".join(v)} for k, v in current_text.items()
        }
    imported = Imported(
        "presentation",
        header(source, country, "Présentation du pays", language),  # type: ignore[arg-type]
        top,
        checks,
        extra,
        consumed=consumed,
        language=language,
    )
    imported.presentation_facts = [(source.where(b), b.text) for b, _, _ in facts]  # type: ignore[attr-defined]
    finish(imported, source)
    del sections_seen
    return imported


def _split(text: str) -> tuple[str, str]:
    label, colon, value = text.partition(" : ")
    if colon and label.strip() and value.strip():
        return label.strip(), value.strip()
    return "Note", text.strip()
