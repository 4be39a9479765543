"""A stable plain-text dump of a document tree: a golden file, reviewed by eye."""

from __future__ import annotations

from . import tree


def dump(document: tree.Document) -> str:
    """Every node of the tree, one per line, indented by depth."""
    meta = document.meta
    lines = [
        "Document",
        f"  title: {meta.title}",
        f"  country: {_meta(meta, 'country')}",
        f"  kind: {_meta(meta, 'kind')}",
        f"  timestamp: {meta.timestamp.isoformat()}",
        f"  date_label: {_meta(meta, 'date_label')}",
        f"  short_title: {_meta(meta, 'short_title')}",
        f"  footer: {_meta(meta, 'footer')}",
        f"  page_label: {meta.page_label}",
        f"  author: {meta.author}",
        f"  subject: {meta.subject}",
        f"  keywords: {' | '.join(meta.keywords)}",
        f"  language: {meta.language}",
        f"  service: {_meta(meta, 'service')}",
        f"  marking: {_meta(meta, 'marking')}",
        f"  fact_separator: {meta.fact_separator!r}",
        f"  toc_title: {_meta(meta, 'toc_title')}",
        f"  identity: {' | '.join(meta.identity)}",
        f"  motto: {' | '.join(meta.motto)}",
    ]
    for section in document.sections:
        _node(section, 1, lines)
    return "\n".join(lines) + "\n"


def _meta(meta: tree.Meta, name: str) -> str:
    return _runs(meta.runs(name)) if getattr(meta, name) is not None else "None"


def _text(text: str | tree.Runs | None, twin: tree.Runs = ()) -> str:
    if text is None:
        return "None"
    return _runs(tree.shown(text, twin) if isinstance(text, str) else text)


def _runs(runs: tree.Runs) -> str:
    parts = []
    for run in tree.merged(runs):
        text = run.text
        if run.superscript:  # a raised ordinal ending: 8^{e}
            text = f"^{{{text}}}"
        if run.bold:
            text = f"**{text}**"
        if run.italic:
            text = f"_{text}_"
        if run.href:
            text = f"[{text}]({run.href})"
        parts.append(text)
    return "".join(parts)


def _node(node: tree.Block | tree.Section, depth: int, lines: list[str]) -> None:
    pad = "  " * depth
    match node:
        case tree.Section():
            title = _text(node.title, node.title_runs)
            lines.append(f"{pad}Section {node.key} level={node.level}: {title}")
            for child in node.children:
                _node(child, depth + 1, lines)
        case tree.Paragraph():
            lines.append(f"{pad}Paragraph: {_runs(node.runs)}")
        case tree.Facts():
            lines.append(f"{pad}Facts")
            lines += [
                f"{pad}  - {_text(row.label, row.label_runs)} : {_runs(row.value)}"
                for row in node.rows
            ]
        case tree.BulletList():
            lines.append(f"{pad}BulletList")
            lines += [f"{pad}  - {_runs(item)}" for item in node.items]
        case tree.Table():
            lines.append(f"{pad}Table: {_text(node.caption, node.caption_runs)}")
            lines.append(f"{pad}  widths: {node.widths} numeric: {node.numeric}")
            cells = tree.cells(node)
            lines += [f"{pad}  | {' | '.join(map(_text, row))} |" for row in cells]
            lines.append(f"{pad}  source: {_text(node.source, node.source_runs)}")
        case tree.Chart():
            lines.append(f"{pad}Chart: {node.title}")
            lines.append(f"{pad}  categories: {' | '.join(node.categories)}")
            for series in node.series:
                values = " | ".join(repr(v) for v in series.values)
                lines.append(f"{pad}  {series.kind} {series.name}: {values}")
            lines.append(f"{pad}  axes: x={node.x_label} y={node.y_label}")
            lines.append(f"{pad}  ticks: {' | '.join(node.tick_labels)}")
            lines.append(f"{pad}  alt: {node.alt}")
            lines.append(f"{pad}  source: {_text(node.source)}")
        case tree.Note():
            lines.append(f"{pad}Note: {_runs(node.runs)}")
        case _:
            raise TypeError(f"dump: unknown node {type(node).__name__}")
