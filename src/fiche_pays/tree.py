"""The renderer-neutral document tree.

A closed set of frozen node types. The compose step builds it; the PDF and DOCX
writers only read it. This module imports nothing of the project so that writers
depend on the tree alone, never on the data model or on YAML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of inline text with its formatting; ``href`` makes it a link.

    An ``href`` starting with ``#`` points to a section key inside the document.
    """

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


Runs = tuple[Run, ...]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of body text."""

    runs: Runs


@dataclass(frozen=True, slots=True)
class Fact:
    """One "Label : value" line."""

    label: str
    value: Runs


@dataclass(frozen=True, slots=True)
class Facts:
    """A block of "Label : value" lines."""

    rows: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class BulletList:
    """An unordered list; each item is a sequence of runs."""

    items: tuple[Runs, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table with one header row.

    ``widths`` are relative column widths; ``numeric`` marks right-aligned columns.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None
    source: str | None = None
    widths: tuple[float, ...] = ()
    numeric: tuple[bool, ...] = ()


@dataclass(frozen=True, slots=True)
class Series:
    """One data series of a chart; ``kind`` is "bar" or "line"."""

    name: str
    values: tuple[float, ...]
    kind: str = "bar"


@dataclass(frozen=True, slots=True)
class Chart:
    """A category chart (bars and lines over shared categories, such as years)."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    y_label: str
    x_label: str
    ticks: tuple[float, ...]  # value-axis ticks; the first and last bound the axis
    tick_labels: tuple[str, ...]  # the same ticks, worded ("1 000", "-2 500")
    alt: str
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """A small-print remark such as a source line."""

    runs: Runs


Block = Paragraph | Facts | BulletList | Table | Chart | Note


@dataclass(frozen=True, slots=True)
class Section:
    """A titled section; ``key`` is stable and used for anchors and bookmarks."""

    key: str
    title: str
    level: int
    children: tuple[Block | Section, ...]


@dataclass(frozen=True, slots=True)
class Meta:
    """Document-level facts and words shared by both writers: title block, running header
    and footer, properties. The composer words all of them; writers only place them."""

    title: str
    country: str
    kind: str
    timestamp: dt.datetime  # creation/modification date written in the files' metadata
    date_label: str  # "Mise à jour : 5 mai 2021"
    short_title: str  # running header
    footer: str  # running footer, before the page number
    page_label: str  # "{page} / {pages}": the page number, with its two fields
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str
    service: str | None  # top right of page 1
    marking: str | None  # distribution marking: "Document de travail"…
    fact_separator: str  # between a fact's label and its value: " : "
    toc_title: str


@dataclass(frozen=True, slots=True)
class Document:
    """The whole document: metadata and top-level sections."""

    meta: Meta
    sections: tuple[Section, ...]


def iter_sections(sections: tuple[Section, ...]) -> Iterator[Section]:
    """Yield every section depth-first, in reading order."""
    for section in sections:
        yield section
        yield from iter_sections(tuple(c for c in section.children if isinstance(c, Section)))


def plain(runs: Runs) -> str:
    """The text of a run sequence without formatting."""
    return "".join(run.text for run in runs)
