"""The importer checks its own "Relations bilatérales" fiche before writing it.

It validates the data file it would write with the project's loader, then composes it
with the project's composer. A block the checks refuse (a date after the update, a
function without its determiner…), or one whose page sentence the composed tree does
not hold, goes back to the page's words: its lines become `texte`, `liste` or `faits`
blocks again, with an « à vérifier » comment and a line in the report. The fields are
lost for that block; no sentence is.
"""

from __future__ import annotations

import re

from ..problems import Problem
from .pieces import Imported, Piece, Section, merge, table_value
from .relations import escape, label_like
from .sentences import comparable, split_sentences
from .source import Block
from .wording import node_texts
from .yamlout import ORDER

_PAGE_WORDS = ("texte", "liste", "faits", "tableau")


def settle_relations(imported: Imported, load) -> list[Problem]:  # noqa: ANN001 - settle.load
    """Restore to the page's words every block the checks refuse or the tree lacks; the
    errors left (none, unless a page line itself is refused)."""
    loaded = load(imported)
    for _ in range(12):
        culprits: dict[int, tuple[Piece, str]] = {}
        paths = block_paths(imported)
        for problem in _errors(loaded):
            found = piece_at(problem.field, paths)
            if found is None or _page_words(found[0]):
                continue
            piece = one_record(imported, *found)
            why = f"refusé par les vérifications : {problem.message}"
            culprits.setdefault(id(piece), (piece, why))
        if not culprits:
            break
        for piece, why in culprits.values():
            restore(imported, piece, why)
        loaded = load(imported)
    if _errors(loaded) or loaded.fiche is None:
        return _errors(loaded)
    lacking = missing(imported, loaded.fiche)
    for piece, block, sentence in lacking:
        index = next(i for i, b in enumerate(piece.origin) if b is block)
        piece = one_record(imported, piece, f"[{index + 1}]")
        restore(imported, piece, f"la fiche ne disait plus « {sentence[:80]} »")
    if lacking:
        loaded = load(imported)
    return _errors(loaded)


def _errors(loaded) -> list[Problem]:  # noqa: ANN001 - a Loaded
    return [p for p in loaded.problems if p.severity == "error"]


def _page_words(piece: Piece) -> bool:
    return piece.kind in _PAGE_WORDS and not piece.found and not piece.words


def block_paths(imported: Imported) -> dict[str, Piece]:
    """Each written block's path as the loader names it (« visites[2] »,
    « sections_supplementaires[1].contenu[3] », 1-based) → its piece."""
    paths: dict[str, Piece] = {}
    standard = {s.key: s for s in imported.sections if not s.extra}
    for key in ORDER:
        section = standard.get(key)
        if section is not None:
            for index, piece in enumerate(_written(section), start=1):
                paths[f"{key}[{index}]"] = piece
    extras = [s for s in imported.sections if s.extra and _written(s)]
    for number, section in enumerate(extras, start=1):
        for index, piece in enumerate(_written(section), start=1):
            paths[f"sections_supplementaires[{number}].contenu[{index}]"] = piece
    return paths


def _written(section: Section) -> list[Piece]:
    return [p for p in section.pieces if not p.kind.startswith("_")]


def piece_at(field: str | None, paths: dict[str, Piece]) -> tuple[Piece, str] | None:
    """The block a problem's field lies in, and the rest of the field."""
    if not field:
        return None
    for path in sorted(paths, key=len, reverse=True):
        if field == path or re.match(re.escape(path) + r"[.\[]", field):
            return paths[path], field[len(path) :]
    return None


def one_record(imported: Imported, piece: Piece, rest: str) -> Piece:
    """The record ``rest`` names (« .visites[2].date », « [2] ») split out of a list block
    made of one record per page line, so that only its line goes back to the words."""
    match = re.match(r"^(?:\.\w+)?\[(\d+)\]", rest)
    values = piece.value
    if (
        match is None
        or not isinstance(values, list)
        or len(values) < 2
        or len(values) != len(piece.origin)
        or len(piece.found) != len(values)
    ):
        return piece
    index = int(match.group(1)) - 1
    if not 0 <= index < len(values):
        return piece
    section = next(s for s in imported.sections if any(p is piece for p in s.pieces))
    parts = []
    for start, end in ((0, index), (index, index + 1), (index + 1, len(values))):
        if start < end:
            parts.append(
                Piece(
                    piece.kind,
                    values[start:end],
                    piece.origin[start:end],
                    piece.found[start:end],
                    piece.checks if not parts else [],
                    piece.note,
                    piece.where,
                    piece.words,
                    piece.options,
                )
            )
    position = next(i for i, p in enumerate(section.pieces) if p is piece)
    section.pieces[position : position + 1] = parts
    return parts[1 if index > 0 else 0]


def missing(imported: Imported, fiche) -> list[tuple[Piece, Block, str]]:  # noqa: ANN001
    """(piece, page line, sentence) for the first sentence of each block that the
    composed fiche (a Fiche) does not hold."""
    from .. import tree
    from ..composer import compose
    from .wording import theme_wording

    document = compose(fiche, theme_wording())
    texts = []
    for section in tree.iter_sections(document.sections):
        texts += [node for child in section.children for node in node_texts(child)]
    held = comparable(" ¶ ".join(texts))
    lacking = []
    for section in imported.sections:
        for piece in _written(section):
            for block in piece.origin:
                for sentence in _sentences(block):
                    if comparable(sentence) not in held:
                        lacking.append((piece, block, sentence))
                        break
                else:
                    continue
                break
    return lacking


def _sentences(block: Block) -> list[str]:
    if block.kind == "table":
        return [" ".join(row) for row in block.rows]
    if block.kind in ("heading", "title", "caption"):
        return []
    return split_sentences(block.text)


def restore(imported: Imported, piece: Piece, why: str) -> None:
    """Put the page's lines of ``piece`` (and of every block made from the same lines)
    back in place of them, word for word."""
    section = next(s for s in imported.sections if any(p is piece for p in s.pieces))
    origin = {id(b) for b in piece.origin}
    group = [p for p in section.pieces if p is piece or origin & {id(b) for b in p.origin}]
    blocks: list[Block] = []
    for member in group:
        blocks += [b for b in member.origin if all(b is not o for o in blocks)]
    blocks.sort(key=lambda b: b.line)
    unit = (piece.where.split() or ["ligne"])[0].removesuffix("s")
    restored = [page_words(b, unit) for b in blocks if b.kind not in ("heading", "title")]
    if restored:
        restored[0].checks.append(f"remis en texte tel que la page l'écrit : {why}")
    first = next(i for i, p in enumerate(section.pieces) if any(p is m for m in group))
    kept = [p for p in section.pieces if all(p is not m for m in group)]
    section.pieces = [*kept[:first], *restored, *kept[first:]]
    for block in blocks:
        imported.restored.append((f"{unit} {block.line}", block.text, why))
    merge(section)


def page_words(block: Block, unit: str) -> Piece:
    """One line of the page as a block of its own words."""
    if block.kind == "table":
        piece = Piece("tableau", table_value(block), [block])
    elif block.kind == "item":
        piece = Piece("liste", [block.text], [block])
    elif block.kind == "fact" or label_like(block.text):
        label, _, value = block.text.partition(" : ")
        piece = Piece("faits", [{"libelle": label.strip(), "valeur": value.strip()}], [block])
    else:
        piece = Piece("texte", escape(block.text), [block])
    piece.where = f"{unit} {block.line}"
    return piece
