"""The imported fiche as a commented YAML data file.

Written by hand rather than by a YAML library so that comments sit where a person
reads them: above the block they are about, « # à vérifier : … » for what should be
checked, and the source line of every block. Scalars are quoted by PyYAML's own rules,
and every long text is folded only when folding reads back to the same text.
"""

from __future__ import annotations

import re
import textwrap

import yaml

from .pieces import Imported, Piece, Section
from .titles import RELATIONS

WIDTH = 92
ORDER = (
    "relations_politiques", "presence_francaise", "visites", "ambassadeurs",
    "relations_economiques", "cooperation", "autres_cooperations",
)  # fmt: skip


def scalar(value: object) -> str:
    """A YAML scalar on one line, quoted only when YAML needs it."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value):
        return value  # a date, written as the data format's examples write it
    text = yaml.safe_dump(value, allow_unicode=True, width=10**9, default_flow_style=True)
    text = text.rstrip("\n")
    if text.endswith("\n..."):
        text = text[: -len("\n...")]
    elif text.endswith("..."):
        text = text[:-3].rstrip()
    return text


def _folded(text: str, indent: int) -> list[str] | None:
    """A `>-` block for a long text, if it reads back identical."""
    if "\n" in text or "  " in text or text != text.strip() or "\t" in text:
        return None
    width = max(40, WIDTH - indent)
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    pad = " " * indent
    block = [">-", *(pad + line for line in lines)]
    try:
        if yaml.safe_load("k: " + "\n".join(block)) != {"k": text}:
            return None
    except yaml.YAMLError:
        return None
    return block


def _comment(lines: list[str], indent: int, text: str, check: bool = False) -> None:
    prefix = "# à vérifier : " if check else "# "
    width = max(40, WIDTH - indent - len(prefix))
    wrapped = textwrap.wrap(text, width, break_on_hyphens=False) or [""]
    lines.append(" " * indent + prefix + wrapped[0])
    lines.extend(" " * indent + "#   " + more for more in wrapped[1:])


def _value(
    lines: list[str], indent: int, key: str | None, value: object, dash: bool = False
) -> None:
    """Emit ``key: value`` (or ``- value`` when ``dash``) at ``indent``."""
    pad = " " * indent
    lead = pad + ("- " if dash else "") + (f"{key}:" if key is not None else "")
    inner = indent + (2 if dash else 0) + (2 if key is not None else 0)
    if isinstance(value, dict):
        if not value:
            lines.append(lead + " {}")
            return
        items = list(value.items())
        if key is None and dash:
            inner_lines: list[str] = []
            for k, v in items:
                _value(inner_lines, indent + 2, k, v)
            inner_lines[0] = pad + "- " + inner_lines[0][indent + 2 :]
            lines.extend(inner_lines)
            return
        lines.append(lead)
        for k, v in items:
            _value(lines, inner, k, v)
        return
    if isinstance(value, list):
        if not value:
            lines.append(lead + " []")
            return
        if (
            all(not isinstance(v, (dict, list)) for v in value)
            and len(scalar(value)) + len(lead) < WIDTH
        ):
            lines.append(lead + " " + scalar(value))
            return
        if key is None and dash:
            inner_lines: list[str] = []
            for item in value:
                _value(inner_lines, indent + 2, None, item, dash=True)
            inner_lines[0] = pad + "- " + inner_lines[0][indent + 2 :]
            lines.extend(inner_lines)
            return
        lines.append(lead)
        for item in value:
            _value(lines, inner, None, item, dash=True)
        return
    if isinstance(value, str) and len(lead) + len(scalar(value)) > WIDTH:
        block = _folded(value, inner if key is not None else indent + 2)
        if block:
            lines.append(lead.rstrip() + " " + block[0])
            lines.extend(block[1:])
            return
    lines.append(lead.rstrip() + " " + scalar(value))


def write(imported: Imported) -> str:
    """The data file's text."""
    lines: list[str] = [f"# {h}" if h else "#" for h in imported.header]
    lines.append("")
    for key, value in imported.top.items():
        for check in imported.top_checks.get(key, []):
            _comment(lines, 0, check, check=True)
        _value(lines, 0, key, value)
        lines.append("")
    standard = {s.key: s for s in imported.sections if not s.extra}
    for key in ORDER:
        section = standard.get(key)
        if section and _blocks(section):
            _section(lines, key, section)
    extras = [s for s in imported.sections if s.extra and _blocks(s)]
    if extras:
        lines.append("sections_supplementaires:")
        for section in extras:
            if section.where:
                _comment(lines, 2, f"page : {section.where}")
            lines.append(f"  - cle: {section.key}")
            lines.append(f"    titre: {scalar(section.title)}")
            if section.after:
                lines.append(f"    apres: {section.after}")
            lines.append("    contenu:")
            for piece in _blocks(section):
                _piece(lines, 6, piece)
        lines.append("")
    for key, value in imported.tail.items():
        _value(lines, 0, key, value)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _blocks(section: Section) -> list[Piece]:
    return [p for p in section.pieces if not p.kind.startswith("_") or p.checks]


def _section(lines: list[str], key: str, section: Section) -> None:
    if section.page_title:
        _comment(
            lines,
            0,
            f"titre de la page : « {section.page_title} » ; la fiche écrit « {RELATIONS[key][0]} »",
        )
    lines.append(f"{key}:")
    for piece in _blocks(section):
        _piece(lines, 2, piece)
    lines.append("")


def _piece(lines: list[str], indent: int, piece: Piece) -> None:
    if piece.where:
        _comment(lines, indent, f"page : {piece.where}")
    for check in piece.checks:
        _comment(lines, indent, check, check=True)
    if piece.note == "proposed":
        for found in piece.found:
            _comment(
                lines, indent, "champ proposé, à mettre à la place de la ligne une fois vérifié :"
            )
            proposal: list[str] = []
            _value(
                proposal,
                0,
                None,
                {found.kind: [found.record] if found.kind == "visites" else found.record},
                dash=True,
            )
            for line in proposal:
                lines.append(" " * indent + "#   " + line)
    if piece.kind.startswith("_"):
        return
    _value(lines, indent, None, piece.as_data(), dash=True)
