"""What the fiche prints for a record that has no text of its own, composed by the
project's own composer: the importer's « the generated line says the same » is then the
fiche's, not a guess, and a line fiche-pays wrote comes back as its record."""

from __future__ import annotations

from functools import lru_cache

from .. import tree


@lru_cache(maxsize=1)
def theme_wording():  # noqa: ANN201 - the theme's Wording
    """The default template's wording (the importer composes with it)."""
    from ..theme.load import load_theme

    return load_theme("officiel").wording()


def printed(
    country: dict, kind: str, value: object, options: dict | None = None
) -> list[str] | None:
    """The lines the fiche prints for one block ``{kind: value}`` (with ``options`` beside
    the kind key) alone in a section, or None if the block does not validate (then the
    page's words stay)."""
    from pydantic import ValidationError

    from ..composer import compose
    from ..model.relations import Fiche

    data = {
        "pays": country,
        "document": {"titre": "Relations bilatérales", "mise_a_jour": "2100-12-31"},
        "visites": [{**(options or {}), kind: value}],
    }
    try:
        fiche = Fiche.model_validate(data)
        document = compose(fiche, theme_wording())
    except (ValidationError, ValueError, KeyError, TypeError):
        return None
    lines: list[str] = []
    for section in tree.iter_sections(document.sections):
        if section.key != "visites":
            continue
        for node in section.children:
            lines += node_texts(node)
    return lines


def node_texts(node: object) -> list[str]:
    """The lines a reader sees in one node of the tree."""
    match node:
        case tree.Paragraph():
            return [tree.plain(node.runs)]
        case tree.BulletList():
            return [tree.plain(item) for item in node.items]
        case tree.Facts():
            return [f"{row.label} : {tree.plain(row.value)}" for row in node.rows]
        case tree.Table():
            rows = [" ".join(tree.plain(c) for c in row) for row in tree.cells(node)]
            caption = (
                tree.plain(tree.shown(node.caption, node.caption_runs)) if node.caption else ""
            )
            source = tree.plain(tree.shown(node.source, node.source_runs)) if node.source else ""
            return [t for t in (caption, *rows, source) if t]
        case tree.Chart():
            return [t for t in (node.title, node.source) if t]
        case tree.Note():
            return [tree.plain(node.runs)]
    return []
