"""The share of each fiche's text that is free prose (issue 9's closing figure).

Measured on the document tree with its provenance: the characters of the runs that are
literal stretches of a desk officer's ``texte`` (source form "prose"), over all the
characters of the body (paragraphs, fact lines, list items, table cells, captions;
section titles and the title block left out). A value a text cites counts as data, not
prose.

    python tools/prose_share.py data/*.yaml
"""

from __future__ import annotations

import sys
from pathlib import Path

from fiche_pays import compose, load, tree
from fiche_pays.kinds import RELATIONS, kind_of


def _runs(section: tree.Section):
    for child in section.children:
        match child:
            case tree.Section():
                yield from _runs(child)
            case tree.Paragraph() | tree.Note():
                yield from child.runs
            case tree.Facts():
                for row in child.rows:
                    yield from row.label_runs or (tree.Run(row.label),)
                    yield from row.value
            case tree.BulletList():
                for item in child.items:
                    yield from item
            case tree.Table():
                for row in child.cell_runs:
                    for cell in row:
                        yield from cell


def share(path: Path) -> tuple[int, int]:
    """(prose characters, all characters) of a fiche's body."""
    document = compose(load(path))
    prose = total = 0
    for section in document.sections:
        for run in _runs(section):
            length = len(run.text.strip())
            total += length
            if run.source is not None and run.source.form == "prose":
                prose += length
    return prose, total


def main(paths: list[str]) -> None:
    for name in paths:
        if kind_of(name) != RELATIONS:
            continue
        prose, total = share(Path(name))
        print(
            f"{Path(name).stem:<14} {prose * 100 / total:5.1f} % de prose libre ({prose} / {total})"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
