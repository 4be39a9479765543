"""The last step of composing: French typography on every string that reaches a document.

Section builders already word their strings with :func:`~fiche_pays.french.typography`;
this pass makes it a property of the whole tree rather than a habit of each builder: any
string, from the data, the wording or the template (identity block, table of contents
title), gets the same spacing, quotes, apostrophes and minus signs, and ordinal endings
("8e", "1er", "XIXe") become raised runs. Writers only render the ``superscript`` flag.

A plain string with a raised part gets its runs twin (``title_runs``, ``label_runs``,
``cell_runs``, ``caption_runs``, ``source_runs``, ``Meta.sources``); runs keep their
formatting and provenance, cut where typography or an ordinal ending requires.
"""

from __future__ import annotations

from dataclasses import replace

from ..french import ordinal_endings, typography
from ..tree import (
    Block,
    BulletList,
    Chart,
    Document,
    Fact,
    Facts,
    Meta,
    Note,
    Paragraph,
    Run,
    Runs,
    Section,
    Table,
    plain,
)
from .provenance import align


def typeset_runs(runs: Runs) -> Runs:
    """Runs with French typography applied to their whole text (a quote or a number may
    span runs), cut back into runs that keep each piece's formatting and source, each
    ordinal ending a raised run of its own."""
    joined = "".join(run.text for run in runs)
    rendered = typography(joined)
    endings = ordinal_endings(rendered)
    if rendered == joined and not endings:
        return runs  # as they are: an empty run keeps the source of a field to fill
    runs = tuple(run for run in runs if run.text)
    owner = [index for index, run in enumerate(runs) for _ in run.text]
    origin = align(joined, rendered) or list(range(len(rendered)))
    raised = [False] * len(rendered)
    for start, end in endings:
        raised[start:end] = [True] * (end - start)

    def look(position: int) -> tuple[int, bool]:
        index = owner[origin[position]]
        return index, raised[position] or runs[index].superscript

    result: list[Run] = []
    start = 0
    for position in range(1, len(rendered) + 1):
        if position == len(rendered) or look(position) != look(start):
            index, superscript = look(start)
            result.append(
                replace(runs[index], text=rendered[start:position], superscript=superscript)
            )
            start = position
    return tuple(result)


def typeset_text(text: str | None, twin: Runs = ()) -> tuple[str | None, Runs]:
    """A plain string and its runs twin, typeset: the twin is kept (typeset) when it was
    set, and made when part of the text is raised; else it stays empty."""
    if text is None:
        return None, ()
    runs = typeset_runs(twin or (Run(text),))
    if twin or any(run.superscript for run in runs):
        return plain(runs), runs
    return plain(runs), ()


def _table(node: Table) -> Table:
    texts = (node.header, *node.rows)
    twins = node.cell_runs or tuple(tuple(() for _ in row) for row in texts)
    cells = [
        [typeset_text(text, twin) for text, twin in zip(row, twin_row, strict=True)]
        for row, twin_row in zip(texts, twins, strict=True)
    ]
    any_twin = any(runs for row in cells for _, runs in row)
    caption, caption_runs = typeset_text(node.caption, node.caption_runs)
    source, source_runs = typeset_text(node.source, node.source_runs)
    return replace(
        node,
        header=tuple(text for text, _ in cells[0]),
        rows=tuple(tuple(text for text, _ in row) for row in cells[1:]),
        # The twin covers every cell or none.
        cell_runs=tuple(
            tuple(runs or ((Run(text),) if text else ()) for text, runs in row) for row in cells
        )
        if any_twin
        else (),
        caption=caption,
        caption_runs=caption_runs,
        source=source,
        source_runs=source_runs,
    )


def _block(node: Block | Section) -> Block | Section:
    match node:
        case Section():
            title, title_runs = typeset_text(node.title, node.title_runs)
            return replace(
                node,
                title=title,
                title_runs=title_runs,
                children=tuple(_block(child) for child in node.children),
            )
        case Paragraph() | Note():
            return replace(node, runs=typeset_runs(node.runs))
        case Facts():
            rows = []
            for row in node.rows:
                label, label_runs = typeset_text(row.label, row.label_runs)
                rows.append(Fact(label, typeset_runs(row.value), label_runs))
            return replace(node, rows=tuple(rows))
        case BulletList():
            return replace(node, items=tuple(typeset_runs(item) for item in node.items))
        case Table():
            return _table(node)
        case Chart():
            return replace(
                node,
                title=typography(node.title),
                categories=tuple(typography(c) for c in node.categories),
                series=tuple(replace(s, name=typography(s.name)) for s in node.series),
                y_label=typography(node.y_label),
                x_label=typography(node.x_label),
                tick_labels=tuple(typography(t) for t in node.tick_labels),
                alt=typography(node.alt),
                source=typography(node.source) if node.source else None,
            )
    raise TypeError(f"composition : nœud inconnu {type(node).__name__}")


# The Meta attributes a writer lays out as text (their runs may be raised in part).
_SHOWN = (
    "country",
    "kind",
    "date_label",
    "short_title",
    "footer",
    "service",
    "marking",
    "toc_title",
)


def _meta(meta: Meta) -> Meta:
    twins = dict(meta.sources)
    values: dict[str, str | None] = {}
    for name in _SHOWN:
        text, runs = typeset_text(getattr(meta, name), twins.get(name, ()))
        values[name] = text
        if runs:
            twins[name] = runs
    return replace(
        meta,
        **values,
        title=typography(meta.title),
        author=typography(meta.author),
        subject=typography(meta.subject),
        keywords=tuple(typography(k) for k in meta.keywords),
        identity=tuple(typography(line) for line in meta.identity),
        motto=tuple(typography(line) for line in meta.motto),
        sources=tuple(twins.items()),
    )


def typeset_document(document: Document) -> Document:
    """The document with French typography on every string that reaches the page."""
    sections = tuple(_block(section) for section in document.sections)
    return replace(document, meta=_meta(document.meta), sections=sections)  # type: ignore[arg-type]
