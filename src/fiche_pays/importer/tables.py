"""Tables the fiche generates, read back into records: visits by direction (Date,
Personnalité, Lieu, Objet) and trade by year (Année, Exportations, Importations…).

A table becomes records only when the fiche, composing those records, prints the same
rows (see :mod:`.wording`); otherwise it stays a `tableau`, word for word.
"""

from __future__ import annotations

import re

from .dates import find_dates
from .numbers import parse_number
from .persons import CIVILITIES, has_determiner
from .pieces import Piece, Section
from .recognition import Recognised
from .sentences import comparable
from .wording import printed

_FEMININE = re.compile(r"^(ministre déléguée|secrétaire générale|présidente|ambassadrice|\w+rice\b"
                       r"|\w+ée\b|directrice|députée|sénatrice)", re.I)  # fmt: skip


def _direction(caption: str, place: str) -> str:
    lowered = caption.casefold()
    if "pays tiers" in lowered:
        return "pays_tiers"
    if "en france" in lowered or place in ("France", "Paris"):
        return "vers_la_france"
    return "vers_le_pays"


def _party(cell: str) -> dict | None:
    """« François Hollande, président de la République » (name first, the function without
    its determiner) → a Person."""
    name, comma, function = cell.partition(", ")
    record: dict = {}
    civility = next((c for c in CIVILITIES if name.startswith(c + " ")), None)
    if civility:
        record["civilite"], name = civility, name[len(civility) + 1 :]
    if not comma:
        return {**record, "nom": name.strip()} if name.strip() else None
    function = function.strip()
    if function and not has_determiner(function):
        function = function[:1].lower() + function[1:]
        feminine = civility in ("Mme", "Mlle") or bool(_FEMININE.match(function))
        article = "l'" if function[:1] in "aeéèêiîoôuhAEÉÈÊIÎOÔUH" else "la " if feminine else "le "
        function = article + function
    return {**record, "nom": name.strip(), "fonction": function}


def visit_table(
    rows: list[list[str]], caption: str, country: dict
) -> tuple[list[dict], list[Recognised]] | None:
    """A table of visits as the fiche prints it, or None."""
    header = [comparable(h) for h in rows[0]]
    if header[:3] != ["date", "personnalite", "lieu"] or len(header) > 4:
        return None
    records, found = [], []
    defaults = {"vers_le_pays": country.get("nom"), "vers_la_france": "France"}
    for row in rows[1:]:
        dates = find_dates(row[0])
        if len(dates) != 1:
            return None
        party = _party(row[1])
        if party is None:
            return None
        place = row[2].strip(" –")
        record: dict = {"date": dates[0].start}
        if dates[0].end:
            record["fin"] = dates[0].end
        record["sens"] = _direction(caption, place)
        record["visiteurs"] = party
        if place and place != defaults.get(record["sens"]):
            record["lieu"] = place
        purpose = row[3].strip(" –") if len(row) > 3 else ""
        if purpose:
            record["objet"] = (
                purpose[:1].lower() + purpose[1:] if purpose[1:2].islower() else purpose
            )
        records.append(record)
        found.append(Recognised("visites", record, f"visite : {row[0]}"))
    lines = printed(country, "visites", records, {"presentation": "tableau"})
    shown = comparable(" ¶ ".join(lines or []))
    if not lines or any(comparable(" ".join(r).replace(" –", "")) not in shown for r in rows[1:]):
        return None
    return records, found


def _figure(cell: str) -> float | None:
    cell = cell.replace("\u2212", "-").strip()
    return parse_number(cell.removesuffix("%").strip()) if cell not in ("", "—", "–") else None


def trade_table(
    rows: list[list[str]], caption: str, source: str | None, country: dict
) -> tuple[dict, list[dict], list[str]] | None:
    """A table of trade by year as the fiche prints it: (options, entries, the lines the
    fiche prints for them), or None."""
    header = [comparable(h) for h in rows[0]]
    if not header or header[0] != "annee" or not {"exportations", "importations"} <= set(header):
        return None
    if not re.search(r"millions\W+d\W+euros", comparable(caption)):
        return None
    columns = {"exportations": "exportations", "importations": "importations",
               "part de marche": "part_de_marche"}  # fmt: skip
    entries = []
    for row in rows[1:]:
        if not row[0].strip().isdigit():
            return None
        entry: dict = {"annee": int(row[0])}
        for index, name in enumerate(header):
            if name in columns and index < len(row):
                value = _figure(row[index])
                if value is not None:
                    entry[columns[name]] = int(value) if value == int(value) else value
        entries.append(entry)
    options = {"devise": "EUR", **({"source": source} if source else {})}
    lines = printed(country, "echanges", entries, options)
    shown = comparable(" ¶ ".join(lines or []))
    if not lines or any(comparable(" ".join(r)) not in shown for r in rows):
        return None
    return options, entries, lines


_FACT_NAMES = {
    "exportations françaises": "exportations",
    "importations françaises": "importations",
    "solde commercial": "solde",
    "part de marché de la france": "part_de_marche",
}


def read_back(section: Section, country: dict, singletons: set[str]) -> None:
    """Replace the section's visit and trade tables by their records when the fiche
    prints them the same; a trade figure the section's text states is cited there, so
    that the fiche does not state it twice."""
    for index, piece in enumerate(section.pieces):
        if piece.kind != "tableau" or not isinstance(piece.value, dict):
            continue
        rows = [list(piece.value["entetes"]), *map(list, piece.value["lignes"])]
        caption = piece.value.get("titre", "")
        visits = visit_table(rows, caption, country)
        if visits:
            records, found = visits
            found[0].generated = " ¶ ".join(
                printed(country, "visites", records, {"presentation": "tableau"}) or []
            )
            section.pieces[index] = Piece(
                "visites", records, piece.origin, found, piece.checks,
                where=piece.where, options={"presentation": "tableau"},
            )  # fmt: skip
            continue
        # Figures a sentence of this section gave already (cited there) give way to the
        # table's, which hold them and more; elsewhere, the fiche has its series.
        earlier = [p for p in section.pieces if p.kind == "echanges"]
        trade = None if "echanges" in singletons and not earlier else trade_table(
            rows, caption, piece.value.get("source"), country
        )  # fmt: skip
        if trade and earlier and not _holds(trade[1], earlier):
            trade = None
        if trade:
            options, entries, lines = trade
            singletons.add("echanges")
            for old in earlier:
                old.kind, old.value = "_merged", None
            words = _cite_trade(section, lines)
            found = Recognised("echanges", entries[-1], f"échanges par année : {caption}")
            found.generated = " ¶ ".join(lines)
            section.pieces[index] = Piece(
                "echanges", entries, piece.origin, [found], piece.checks,
                where=piece.where, words=words, options=options,
            )  # fmt: skip
    section.pieces = [p for p in section.pieces if p.kind != "_merged"]


def _holds(entries: list[dict], pieces: list[Piece]) -> bool:
    """Whether the table's entries hold every figure the earlier trade records give."""
    by_year = {e["annee"]: e for e in entries}
    for piece in pieces:
        for record in piece.value:  # type: ignore[union-attr]
            entry = by_year.get(record.get("annee"), {})
            if any(
                k != "annee" and abs(entry.get(k, float("nan")) - v) > 0.05 * abs(v) + 0.01
                for k, v in record.items()
            ):
                return False
    return True


def _cite_trade(section: Section, lines: list[str]) -> dict[str, str]:
    """Cite in the section's texts the figures of the trade fact lines; drop the page's
    fact lines that say the same as one."""
    words: dict[str, str] = {}
    for line in lines:
        label, colon, value = line.partition(" : ")
        name = _FACT_NAMES.get(re.sub(r"\s*\(\d{4}\)$", "", label).casefold())
        if not colon or name is None:
            continue
        figure = value.split(" (")[0]
        pattern = re.compile(
            "".join(
                r"[\s\u00a0\u202f]" if c.isspace() else "[−-]" if c in "−-" else re.escape(c)
                for c in figure
            )
            + r"(?![\d,])"
        )
        if _cite_in_texts(section, pattern, name, words):
            continue
        for piece in section.pieces:
            if piece.kind == "faits" and isinstance(piece.value, list):
                piece.value = [
                    row for row in piece.value
                    if comparable(f"{row['libelle']} : {row['valeur']}") != comparable(line)
                ]  # fmt: skip
            if piece.kind == "faits" and not piece.value:
                piece.kind = "_merged"  # taken out once the walk over the section is done
    return words


def _cite_in_texts(section: Section, pattern: re.Pattern, name: str, words: dict) -> bool:
    for piece in section.pieces:
        if piece.kind != "texte" or not isinstance(piece.value, str):
            continue
        match = pattern.search(piece.value)
        if match:
            citation = "{" + name + "}"
            piece.value = piece.value[: match.start()] + citation + piece.value[match.end() :]
            piece.words[citation] = match.group(0)
            words[citation] = match.group(0)
            return True
    return False
