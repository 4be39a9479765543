"""The short French report printed after an import: what became fields, what stayed
prose, what could not be placed, each with its line in the source."""

from __future__ import annotations

from .pieces import Imported
from .titles import RELATIONS

_PROSE = {"texte", "liste", "faits", "tableau"}
_CITED = {"accords", "relations_diplomatiques", "echanges"}


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def share(imported: Imported) -> tuple[int, int]:
    """(characters of the page whose facts are now in fields, characters of the page).

    A line the fiche now generates (a post, the update date) counts whole; so does a
    sentence kept as a record's text, since its facts are in that record's fields; a
    line only proposed in a comment, or plain text, does not."""
    counted: dict[tuple[str, str], int] = {}
    for where, text, _ in imported.consumed:
        counted[(where, text)] = len(text)
    for section in imported.sections:
        for piece in section.pieces:
            if piece.kind in _CITED:
                continue  # counted by the words its text cites, below
            if piece.found and piece.note != "proposed":
                for block in piece.origin:
                    counted[(str(block.line), block.text)] = len(block.text)
            for citation, words in piece.words.items():
                counted[(citation, words)] = len(words)
    return min(sum(counted.values()), imported.page_chars), imported.page_chars


def report(imported: Imported, target: str) -> list[str]:
    """The report's lines."""
    kind = "Présentation du pays" if imported.kind == "presentation" else "Relations bilatérales"
    lines = [f"{target} : fiche « {kind} »"]
    titles = []
    for section in imported.sections:
        title = section.title if section.extra else RELATIONS.get(section.key, (section.key,))[0]
        if section.page_title:
            title += f" (page : « {section.page_title} »)"
        titles.append(title)
    if titles:
        lines.append("  sections : " + " ; ".join(titles))
    fields = []
    prose = []
    checks = 0
    for section in imported.sections:
        for piece in section.pieces:
            checks += len(piece.checks)
            if piece.kind.startswith("_"):
                continue
            if piece.found and piece.note != "proposed":
                fields += [f"{f.where or piece.where} : {f.facts}" for f in piece.found]
            if piece.kind in _PROSE or piece.note == "proposed":
                prose.append(piece.where)
    for where, text, field in imported.consumed:
        fields.append(f"{where} : {field} ({text[:60]})")
    if fields:
        lines.append(f"  faits en champs ({len(fields)}) :")
        lines += [f"    {f}" for f in fields]
    if prose:
        lines.append(f"  restés en texte ({len(prose)} blocs) : " + ", ".join(prose))
    for where, text, why in imported.restored:
        lines.append(f"  remis en texte : {where} : « {text[:80]} » ({why})")
    if imported.not_placed:
        lines.append(f"  non placés ({len(imported.not_placed)}) :")
        lines += [f"    {where} : « {_short(text)} »" for where, text in imported.not_placed]
    if imported.language == "en":
        lines.append("  page en anglais : ses phrases sont gardées telles quelles")
    checks += sum(len(c) for c in imported.top_checks.values())
    done, total = share(imported)
    percent = round(100 * done / total) if total else 0
    lines.append(f"  part du texte devenue champs : {percent} % ; « à vérifier » : {checks}")
    return lines
