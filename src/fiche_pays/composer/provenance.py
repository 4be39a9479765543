"""Provenance on the tree: which data each piece of text was composed from.

``fiche-pays apply`` reads a reviewed DOCX back into the data file. For that, every run
the composer makes says where its text comes from (:class:`~fiche_pays.tree.Source`),
and the DOCX writer records it. How a section module sets it:

- Build a value from *pieces*, ``(text, source or None)``, and turn them into runs with
  :func:`typeset` (it applies French typography to the whole, exactly as
  ``typography("".join(texts))`` would, and splits the result back into runs, one per
  piece)::

      typeset([(f"{french.number(c.count)}", at(path + ("nombre",), "nombre")),
                (" ", None), (c.unit, at(path + ("unite",)))])

- A piece made from a single field: ``at(path, form)``; ``form`` says how an edited text
  reads back (see :class:`~fiche_pays.tree.Source`: "texte", "nombre", "date"…). Give
  the path in the file's keys with 0-based list indexes, even when the field is absent
  from the file (a visit's default place): an edit then adds the key.
- A computed piece (a balance, a change, a count of list items): ``computed(note)``, where
  the note tells the reviewer what to edit instead ("le solde est calculé : modifiez
  exportations ou importations").
- Wording of the fiche itself (labels, "signature ", separators): source ``None``.
- Prose with ``{références}``: :meth:`Context.prose <fiche_pays.composer.context.Context.prose>`
  does it (each literal stretch knows its place in the text; each reference carries the
  source of its value, see :class:`fiche_pays.composer.references.Names`).
- Fact labels, table cells, captions, section titles: the ``label_runs``, ``cell_runs``,
  ``caption_runs``, ``source_runs`` and ``title_runs`` twins of the plain strings.

Anything left without a source is read back as the fiche's own wording: an edit to it is
reported, never written into the data.
"""

from __future__ import annotations

import contextlib
import difflib
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace
from itertools import accumulate
from pathlib import Path
from typing import Any

from ..french import typography
from ..tree import DataPath, Document, Origin, Run, Runs, Source, sourced_fields

Piece = tuple[str, Source | None]


def at(path: DataPath, form: str = "texte", *params: str) -> Source:
    """The source of a piece worded from the field at ``path``."""
    return Source((tuple(path),), form, tuple(params))


def computed(note: str, *inputs: DataPath) -> Source:
    """The source of a computed piece: ``note`` says what to edit instead."""
    return Source(tuple(tuple(p) for p in inputs), "calcule", (), note)


def typeset(pieces: Iterable[Piece], typo: bool = True, **style: bool) -> Runs:
    """Runs from pieces: French typography over the whole text, then split per piece.

    ``style`` (``bold``, ``italic``) applies to every run. The text is exactly
    ``typography("".join(texts))``.
    """
    pieces = [(text, source) for text, source in pieces if text]
    joined = "".join(text for text, _ in pieces)
    rendered = typography(joined) if typo else joined
    return split_runs(pieces, joined, rendered, **style)


def split_runs(pieces: list[Piece], joined: str, rendered: str, **style: bool) -> Runs:
    """Cut ``rendered`` (``joined`` after a transformation such as typography) into one
    run per piece, following the transformation character by character."""
    if not pieces:
        return ()
    if len(pieces) == 1:
        return (Run(rendered, source=pieces[0][1], **style),)
    bounds = list(accumulate(len(text) for text, _ in pieces))[:-1]
    origin = align(joined, rendered)
    if origin is not None:  # a piece starts where its first character landed
        bounds = [bisect_left(origin, bound) for bound in bounds]
    runs = []
    for (_, source), start, end in zip(pieces, [0, *bounds], [*bounds, len(rendered)], strict=True):
        if end > start:
            runs.append(Run(rendered[start:end], source=source, **style))
    return tuple(runs)


# Characters typography or whitespace folding puts in place of one another, one for one.
# (a hyphen-minus before a figure becomes the minus sign)
_SAME_PLACE = tuple(zip("\u2019«»\n\t\u00a0\u202f\u2212", '\'""    -', strict=True))


def _same_place(text: str) -> str:
    """``text`` with each character of _SAME_PLACE made the one it stands for: one
    str.replace each, as no replacement is a character replaced (str.translate looks
    every character of a non-ASCII text up in its table: ten times slower)."""
    for old, new in _SAME_PLACE:
        text = text.replace(old, new)
    return text


def align(before: str, after: str) -> list[int] | None:
    """For each character of ``after``, the index of the character of ``before`` it
    comes from (an inserted character belongs to its left neighbour); ``None`` when they
    correspond one for one.

    Typography changes a text locally (a space inserted before « : », « ... » made « … »),
    so the two texts are walked side by side, resynchronising within a few characters
    after each change: time linear in the text, whatever its length (a general diff is
    quadratic, and a paragraph of 100 000 characters never finished)."""
    same_before, same_after = _same_place(before), _same_place(after)
    if len(before) == len(after) and same_before == same_after:
        return None
    origin = _walk(same_before, same_after)
    if origin is None and len(before) + len(after) <= _DIFF_LIMIT:
        origin = _diff(before, after)
    if origin is None:  # unrelated texts: runs cut in proportion, the text itself exact
        origin = [min(len(before) - 1, j * len(before) // len(after)) for j in range(len(after))]
    return origin


_WINDOW = 8  # characters a local change may span
_CONTEXT = 3  # characters that must agree after it
_DIFF_LIMIT = 4000


def _walk(before: str, after: str) -> list[int] | None:
    """The alignment of two texts that differ by local changes, or None."""
    n, m = len(before), len(after)
    origin = [0] * m
    i = j = 0
    while j < m:
        if i < n and before[i] == after[j]:
            origin[j] = i
            i, j = i + 1, j + 1
            continue
        step = _resync(before, after, i, j)
        if step is None:
            return None
        skip_before, skip_after = step
        for k in range(skip_after):  # replaced or inserted characters
            origin[j + k] = min(i + k, i + skip_before - 1) if skip_before else max(i - 1, 0)
        i, j = i + skip_before, j + skip_after
    return origin


def _resync(before: str, after: str, i: int, j: int) -> tuple[int, int] | None:
    """The smallest (characters skipped in ``before``, in ``after``) after which the two
    texts agree again for a few characters, or to both their ends."""
    n, m = len(before), len(after)
    for total in range(1, 2 * _WINDOW + 1):
        for skip_before in range(max(0, total - _WINDOW), min(total, _WINDOW) + 1):
            a, b = i + skip_before, j + total - skip_before
            if a > n or b > m:
                continue
            tail_before, tail_after = before[a : a + _CONTEXT], after[b : b + _CONTEXT]
            if tail_before == tail_after and (
                len(tail_before) == _CONTEXT
                or (a + len(tail_before) == n and b + len(tail_after) == m)
            ):
                return skip_before, total - skip_before
    return None


def _diff(before: str, after: str) -> list[int]:
    """The alignment by a general diff (short texts only: quadratic)."""
    origin = [0] * len(after)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for offset, j in enumerate(range(j1, j2)):
            if tag == "equal":
                origin[j] = i1 + offset
            elif tag == "replace":  # a longer replacement: the rest from its last character
                origin[j] = min(i1 + offset, i2 - 1)
            else:  # inserted
                origin[j] = max(i1 - 1, 0)
    return origin


def attach_origin(
    document: Document, data: Any, data_file: str, data_hash: str, kind: str = "relations"
) -> Document:
    """The document with its :class:`~fiche_pays.tree.Origin`: the data file, its hash,
    and the value each sourced field has in ``data`` (the file as parsed)."""
    values = tuple((path, value_at(data, path)) for path in sourced_fields(document))
    origin = Origin(_portable(data_file), data_hash, kind, values)
    return replace(document, meta=replace(document.meta, origin=origin))


def value_at(data: Any, path: DataPath) -> Any:
    """The value at ``path`` in parsed data, or ``None`` where the file has none."""
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _portable(name: str) -> str:
    """The data file as recorded in a document: relative to the current folder when it is
    inside it (no user's home folder in a document sent around)."""
    path = Path(name)
    if path.is_absolute():
        with contextlib.suppress(ValueError):
            return path.relative_to(Path.cwd()).as_posix()
        return path.name
    return path.as_posix()
