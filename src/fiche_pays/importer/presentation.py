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

from .dates import update_date
from .pieces import Imported, Section
from .presentation_fields import (
    CURRENT,
    DATED_FIELDS,
    FIELDS,
    FIGURE_FIELDS,
    SECTORS,
    SOURCE,
    france_trade,
    label_line,
    minister,
    presence_line,
    sector,
    value_details,
)
from .source import Block, Source
from .titles import key_of, presentation_section


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
            member = minister(block.text)
            if member is not None:
                data.setdefault("gouvernement", {"membres": []})["membres"].append(member)
                consumed.append((where, block.text, "gouvernement.membres"))
                continue
        if (
            section_key in CURRENT
            or section_key == "elements_d_actualite"
            or (block.kind == "paragraph" and " : " not in block.text[:80])
        ):
            target = section_key if section_key in CURRENT else "politique_interieure"
            current_text.setdefault(target, []).append(block.text)
            continue
        if sectors is not None and block.kind == "item":
            item = sector(block.text)
            if item is not None:
                sectors["liste"].append(item)
                consumed.append((where, block.text, "donnees_economiques.secteurs"))
                continue
        sectors = None
        heading = SECTORS.match(block.text.strip())
        if heading and "secteurs" not in data.get("donnees_economiques", {}):
            sectors = {"liste": []}
            inside = heading.group("d") or heading.group("y") or ""
            year = re.search(r"(?:19|20)\d\d", inside)
            if year:
                sectors["date"] = int(year.group(0))
            source = SOURCE.search(inside)
            if source:
                sectors["source"] = source.group(1)
            data.setdefault("donnees_economiques", {})["secteurs"] = sectors
            consumed.append((where, block.text, "donnees_economiques.secteurs"))
            continue
        trade = france_trade(block.text)
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
        presence = presence_line(block.text)
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
        parsed = label_line(block.text)
        placed = False
        if parsed:
            label, year, value = parsed
            entry = FIELDS.get(key_of(label))
            if entry:
                section, field, parser = entry
                value, date, src = value_details(value)
                result = parser(value)
                if result is not None and field not in data.get(section, {}):
                    if isinstance(result, dict) and field in DATED_FIELDS:
                        if (year or date) and "date" not in result:
                            result["date"] = int(year or date)  # type: ignore[arg-type]
                        if src and "source" not in result:
                            result["source"] = src
                    if isinstance(result, dict) and field in FIGURE_FIELDS:
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
