"""The labels of a « Présentation du pays » page and the readers of their values: a
figure with its year and source, a population, an amount, a person, the national day, the
HDI, share lists, sectors, trade with France, ministers, the French presence."""

from __future__ import annotations

import re

from .. import grammar
from .dates import find_dates
from .numbers import parse_number

_SOURCES = ("Banque mondiale", "Banque Mondiale", "FMI", "PNUD", "OMC", "ITC", "DG Trésor", "DGT",
            "DG Tresor", "DGTrésor", "BIT", "OCDE", "INSEE", "Nations unies", "ONU")  # fmt: skip
SOURCE = re.compile(r"\b(" + "|".join(re.escape(s) for s in _SOURCES) + r")\b")


def label_line(line: str) -> tuple[str, str | None, str] | None:
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


def value_details(value: str) -> tuple[str, str | None, str | None]:
    """The value without its trailing « (2014, Banque mondiale) »: (value, date, source)."""
    date = source = None
    match = re.search(r"\s*\(([^()]*)\)\s*\.?$", value)
    if match and (re.search(r"(19|20)\d\d", match.group(1)) or SOURCE.search(match.group(1))):
        inside = match.group(1)
        year = re.search(r"\b((?:19|20)\d\d)\b", inside)
        if year:
            date = year.group(1)
        src = SOURCE.search(inside)
        if src:
            source = src.group(1).replace("Banque Mondiale", "Banque mondiale")
        rest = re.sub(r"\b(?:19|20)\d\d\b|" + SOURCE.pattern + r"|[,\s]", "", inside)
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


def population(value: str) -> dict | None:
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


def person(value: str) -> dict | None:
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


def national_day(value: str) -> dict | None:
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


def hdi(value: str) -> dict | None:
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
    source = SOURCE.search(rest)
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


def share_list(value: str) -> dict | None:
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


def sector(line: str) -> dict | None:
    """An item of the sectors list: « secteur primaire : 25% », « industrie : 23,2% ; »."""
    name, colon, share = line.partition(" : ")
    match = re.fullmatch(r"(\d+(?:[,.]\d+)?)\s*%\s*[;.]?", share.strip())
    if not colon or not match or len(name.split()) > 6:
        return None
    value = float(match.group(1).replace(",", "."))
    return {"nom": name.strip(), "part": int(value) if value == int(value) else value}


SECTORS = re.compile(
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


def france_trade(line: str) -> tuple[str, dict] | None:
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


def minister(line: str) -> dict | None:
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


def presence_line(line: str) -> tuple[str, object] | None:
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
    "chef de l etat": ("donnees_generales", "chef_de_l_etat", person),
    "chef du gouvernement": ("donnees_generales", "chef_du_gouvernement", person),
    "premier ministre": ("donnees_generales", "chef_du_gouvernement", person),
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
    "population": ("donnees_demographiques", "population", population),
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
    "fete nationale": ("donnees_geographiques", "fete_nationale", national_day),
    "indice de developpement humain": ("donnees_demographiques", "idh", hdi),
    "idh": ("donnees_demographiques", "idh", hdi),
    "religions": ("donnees_demographiques", "religions", share_list),
    "religion s": ("donnees_demographiques", "religions", share_list),
    "principaux clients": ("donnees_economiques", "principaux_clients", share_list),
    "principaux fournisseurs": ("donnees_economiques", "principaux_fournisseurs", share_list),
}
FIGURE_FIELDS = {
    "superficie", "zee", "population", "croissance_demographique", "esperance_de_vie",
    "alphabetisation", "pib", "pib_par_habitant", "croissance", "inflation", "chomage",
}  # fmt: skip
DATED_FIELDS = {"idh", "religions", "principaux_clients", "principaux_fournisseurs"}
CURRENT = {"politique_interieure", "politique_etrangere", "situation_economique"}
