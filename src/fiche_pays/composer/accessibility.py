"""What assistive technology is told beside the visible text: a summary of every table.

A screen reader announces a table's description before its cells (Word's
``tblDescription``, the PDF's /Summary attribute); it says how big the table is and
what its columns are, so that the reader knows what is coming.
"""

from __future__ import annotations

import dataclasses

from ..french import count, join
from ..tree import Block, Document, Section, Table


def describe_tables(document: Document) -> Document:
    """The document with a description given to every table that has none."""
    return dataclasses.replace(document, sections=tuple(_section(s) for s in document.sections))


def _section(section: Section) -> Section:
    return dataclasses.replace(section, children=tuple(_node(c) for c in section.children))


def _node(node: Block | Section) -> Block | Section:
    if isinstance(node, Section):
        return _section(node)
    if isinstance(node, Table) and node.description is None:
        return dataclasses.replace(node, description=table_description(node))
    return node


def table_description(table: Table) -> str:
    """ "Tableau de 3 lignes et 4 colonnes : Date, Personnalité, Lieu et Objet."."""
    rows = len(table.rows)
    columns = len(table.header)
    if rows == 0:
        size = "Tableau sans ligne"
    elif rows == 1:
        size = "Tableau d’une ligne"
    else:
        size = f"Tableau de {count(rows)} lignes"
    size += " et d’une colonne" if columns == 1 else f" et {count(columns)} colonnes"
    return f"{size}\u00a0: {join(list(table.header))}."
