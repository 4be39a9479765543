"""One file → one imported fiche: reading, kind of page, country, update date, sections."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .country import Country, find_country
from .dates import find_dates, update_date
from .pieces import Imported
from .source import ImportProblem, Source, read_source
from .titles import key_of, presentation_section

_ENGLISH = re.compile(r"\b(the|and|of|with|has|have|been|which|was|were)\b")


def import_file(path: Path) -> Imported:
    """Read a page (text, HTML or DOCX) and turn it into a fiche that validates."""
    from .settle import settle

    imported = _import(path)
    imported.unsettled = settle(imported)
    return imported


def _import(path: Path) -> Imported:
    source = read_source(path)
    if not any(b.kind not in ("heading", "title") for b in source.blocks):
        raise ImportProblem(str(path), "aucun texte à importer dans ce fichier")
    kind = page_kind(source)
    text = " ".join(b.text for b in source.blocks)
    titles = [b.text for b in source.blocks if b.kind in ("heading", "title")]
    if "titre" in source.meta:
        titles.insert(0, source.meta["titre"])
    alone = [b.text for b in source.blocks if b.kind == "title"]
    country = find_country(source.url, titles, text, alone) or _country_from_text(path, text)
    if country is None:
        raise ImportProblem(
            str(path),
            "pays introuvable : ni l'adresse de la page, ni son titre, ni le nom du fichier ne "
            "le nomment ; renommez le fichier d'après le pays (ex. page-benin.txt)",
        )
    language = "en" if len(_ENGLISH.findall(text)) > 0.03 * len(text.split()) else "fr"
    if kind == "presentation":
        from .presentation import build_presentation

        return build_presentation(source, country, language)
    return _relations(source, country, language)


def page_kind(source: Source) -> str:
    """« presentation » for a "Présentation du pays" page, else « relations »."""
    url = (source.url or "").casefold()
    if "presentation" in url and "relations" not in url:
        return "presentation"
    kind_meta = key_of(source.meta.get("type", ""))
    if kind_meta.startswith("presentation"):
        return "presentation"
    data_titles = {
        "donnees_generales",
        "donnees_geographiques",
        "donnees_demographiques",
        "donnees_economiques",
    }
    found = {presentation_section(b.text) for b in source.blocks if b.kind == "heading"}
    return "presentation" if found & data_titles else "relations"


def _country_from_text(path: Path, text: str) -> Country | None:
    from .country import find_country as find

    stem = re.split(r"[_.\s]", path.stem.replace("page-", "").replace("fiche-", ""))[0]
    return find(f"/dossiers-pays/{stem}/", [], text)


def update(source: Source, dates_text: str) -> tuple[str, list[str]]:
    """The fiche's update date and what to check about it."""
    stated = source.meta.get("mise_a_jour")
    if stated:
        date = update_date(stated)
        if date:
            return date, []
    latest: dt.date | None = None
    words = ""
    for found in find_dates(dates_text):
        try:
            day = found.latest
        except ValueError:
            continue
        if latest is None or day > latest:
            latest, words = day, found.text
    if latest is None:
        return "2000-01-01", [
            "la page ne donne ni date de mise à jour ni date d'un fait : corrigez"
        ]
    return latest.isoformat(), [
        "la page ne donne pas sa date de mise à jour ; date retenue : la plus récente qu'elle "
        f"cite (« {words} »)"
    ]


def header(source: Source, country: Country, kind_label: str, language: str) -> list[str]:
    """Comment lines at the top of the data file."""
    lines = [
        f"Fiche « {kind_label} » : {country.name}, importée par « fiche-pays import ».",
        f"Source : {source.url or source.path} ({source.form}).",
    ]
    if source.cut is not None:
        lines.append(
            f"Non reprise : la phrase que l'extrait coupe ({source.where(source.cut)}) : "
            f"« {source.cut.text[:120]} »."
        )
    if language == "en":
        lines.append(
            "Page en anglais : ses phrases sont gardées telles quelles, sous les titres "
            "français de la fiche."
        )
    lines += [
        "",
        "Les commentaires « à vérifier » signalent ce qu'une personne doit relire ; « page : »",
        "donne la ligne d'origine de chaque bloc.",
    ]
    return lines


def _relations(source: Source, country: Country, language: str) -> Imported:
    from .relations import walk

    state = walk(source, country.names, country.fields.get("au"), country.fields)
    all_text = " ".join(b.text for b in source.blocks if b.kind not in ("heading", "title"))
    if state.updated:
        date, checks = state.updated[0], []
    else:
        date, checks = update(source, all_text)
    document: dict = {"titre": "Relations bilatérales", "mise_a_jour": date}
    if source.meta.get("service"):
        document["service"] = source.meta["service"]
    if source.meta.get("auteur") and source.meta["auteur"] != source.meta.get("service"):
        document["auteur"] = source.meta["auteur"]
    document["mots_cles"] = source.meta.get("mots_cles") or [country.name, "relations bilatérales"]
    imported = Imported(
        "relations",
        header(source, country, "Relations bilatérales", language),
        {"pays": country.fields, "document": document},
        {"pays": country.checks, "document": checks},
        state.sections,
        consumed=state.consumed,
        language=language,
    )
    if state.links:
        imported.tail["informations_complementaires"] = state.links
    for title in state.page_titles:
        imported.consumed.append((source.where(title), title.text, "titre de la page"))
    finish(imported, source)
    return imported


def finish(imported: Imported, source: Source) -> None:
    """Where each block comes from, for its comment; the size of the page's text; the
    sentence a truncated excerpt stops in, among what could not be placed."""
    if source.cut is not None:
        imported.not_placed.append(
            (source.where(source.cut), f"{source.cut.text} (phrase coupée par l'extrait)")
        )
    imported.page_chars = sum(
        len(b.text) + sum(len(" ".join(r)) for r in b.rows)
        for b in source.blocks
        if b.kind not in ("heading", "title")
    )
    for section in imported.sections:
        if section.line:
            section.where = f"{'paragraphe' if source.form == 'DOCX' else 'ligne'} {section.line}"
        for piece in section.pieces:
            lines = sorted({b.line for b in piece.origin})
            if not lines:
                continue
            unit = "paragraphe" if source.form == "DOCX" else "ligne"
            if len(lines) == 1:
                piece.where = f"{unit} {lines[0]}"
            else:
                piece.where = f"{unit}s {lines[0]} à {lines[-1]}"
