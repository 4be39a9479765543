"""The renderer-neutral document tree.

A closed set of frozen node types. The compose step builds it; the PDF and DOCX
writers only read it. This module imports nothing of the project so that writers
depend on the tree alone, never on the data model or on YAML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

DataPath = tuple[str | int, ...]
"""A place in a data file, in its own keys; list indexes count from 0:
``("visites", "liste", 3, "date")``."""


@dataclass(frozen=True, slots=True)
class ProseSpot:
    """Where a piece of a paragraph stands in the desk officer's text it was resolved
    from: characters ``start`` to ``end`` of the text at ``field`` (a literal stretch, or
    the ``{name}`` of a reference)."""

    field: DataPath
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Source:
    """Provenance of a run: the data it was composed from, so that an edit made in Word
    can be read back into the data file (``fiche-pays apply``).

    The composer sets it (see :mod:`fiche_pays.composer.provenance`); the DOCX writer
    records it in the file, the PDF writer ignores it. ``form`` says how the text reads
    back into ``fields``: "texte" (a line as typed), "capitale" (a line printed with a
    capital), "sans_article" (a function printed without its determiner), "prose"
    (a literal stretch of ``prose``), "nombre", "echelle" (a number shown in another
    unit: ``params`` = the factor, "18,9" millions for a field in inhabitants), "pourcentage",
    "montant" (millions; ``params`` = million and billion labels), "rang" ("8e"),
    "annee", "date" ("5 mai 2021"), "quand" ("le 5 mai 2021"), "periode" (``fields`` =
    start, end: "4 et 5 décembre 2014"), "liste" ("a, b et c"), or "calcule": computed
    from other data, which ``note`` names ("le solde est calculé : modifiez exportations
    ou importations"). A run without a source is fiche-pays's own wording.
    """

    fields: tuple[DataPath, ...] = ()
    form: str = "texte"
    params: tuple[str, ...] = ()
    note: str | None = None
    prose: ProseSpot | None = None


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of inline text with its formatting; ``href`` makes it a link.

    An ``href`` starting with ``#`` points to a section key inside the document.
    ``source`` is its provenance (see :class:`Source`): a function that splits or
    rewrites runs keeps each piece's source.
    """

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    source: Source | None = None
    superscript: bool = False  # a raised ending: the "e" of "8e", the "er" of "1er"


Runs = tuple[Run, ...]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of body text."""

    runs: Runs


@dataclass(frozen=True, slots=True)
class Fact:
    """One "Label : value" line; ``label_runs``, when set, is the label with its
    provenance (same text)."""

    label: str
    value: Runs
    label_runs: Runs = ()


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
    ``cell_runs`` (the header row, then the rows), ``caption_runs`` and ``source_runs``,
    when set, hold the same texts as runs with their provenance.
    ``description`` summarises the table for assistive technology (DOCX tblDescription,
    PDF /Summary).
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None
    source: str | None = None
    widths: tuple[float, ...] = ()
    numeric: tuple[bool, ...] = ()
    cell_runs: tuple[tuple[Runs, ...], ...] = ()
    caption_runs: Runs = ()
    source_runs: Runs = ()
    description: str | None = None


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
    """A titled section; ``key`` is stable and used for anchors and bookmarks;
    ``title_runs``, when set, is the title with its provenance."""

    key: str
    title: str
    level: int
    children: tuple[Block | Section, ...]
    title_runs: Runs = ()


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
    marking: str | None  # the fiche's distribution marking: "Document de travail"…
    fact_separator: str  # between a fact's label and its value: " : "
    toc_title: str
    # Provenance of the title block and page furniture: (attribute, the same text as runs
    # with sources), e.g. ("date_label", (Run("Mise à jour : "), Run("5 mai 2021", …))).
    # Also the runs of an attribute that has a raised part ("1er mai 2021").
    sources: tuple[tuple[str, Runs], ...] = ()
    origin: Origin | None = None
    identity: tuple[str, ...] = ()  # the issuing authority's block, top left of page 1
    motto: tuple[str, ...] = ()  # under it: "Liberté", "Égalité", "Fraternité"

    def runs(self, attribute: str) -> Runs:
        """What a writer lays out for a text attribute ("date_label"…): its runs when the
        composer set them in ``sources`` (raised ordinal endings), else its plain text."""
        for name, runs in self.sources:
            if name == attribute:
                return runs
        text = getattr(self, attribute)
        return (Run(text),) if text else ()


@dataclass(frozen=True, slots=True)
class Origin:
    """The data file a document was built from, for the Word round trip: its path as
    given to the build, its SHA-256, and the value each sourced field had then (as read
    from the file; ``None`` for a field the file leaves out)."""

    data_file: str
    data_hash: str
    kind: str  # the fiche kind: "relations", "presentation"
    values: tuple[tuple[DataPath, Any], ...] = ()


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


def toc_entries(sections: tuple[Section, ...], min_sections: int) -> list[Section]:
    """The sections a table of contents lists (levels 1 and 2), or none when the document
    has fewer than ``min_sections`` top-level sections: both writers apply this one rule."""
    if len(sections) < min_sections:
        return []
    return [s for s in iter_sections(sections) if s.level <= 2]


def plain(runs: Runs) -> str:
    """The text of a run sequence without formatting."""
    return "".join(run.text for run in runs)


def shown(text: str | None, twin: Runs = ()) -> Runs:
    """What a writer lays out for a plain string and its runs twin (``title_runs``,
    ``label_runs``, ``cell_runs``…): the twin when the composer set it (it carries raised
    ordinal endings and provenance), else the string as one run."""
    if twin:
        return twin
    return (Run(text),) if text else ()


def cells(table: Table) -> tuple[tuple[Runs, ...], ...]:
    """The header row then the rows of a table, each cell as the runs to lay out."""
    if table.cell_runs:
        return table.cell_runs
    return tuple(tuple(shown(c) for c in row) for row in (table.header, *table.rows))


def merged(runs: Runs) -> Runs:
    """The runs with neighbours of the same formatting joined, sources dropped: what a
    writer that ignores provenance lays out."""
    result: list[Run] = []
    for run in runs:
        last = result[-1] if result else None
        look = (run.bold, run.italic, run.href, run.superscript)
        if last and (last.bold, last.italic, last.href, last.superscript) == look:
            result[-1] = Run(last.text + run.text, *look[:3], superscript=run.superscript)
        else:
            result.append(Run(run.text, *look[:3], superscript=run.superscript))
    return tuple(result)


def sourced_fields(document: Document) -> list[DataPath]:
    """Every data path the document's runs were composed from, once, in reading order."""
    seen: dict[DataPath, None] = {}

    def runs(items: Runs) -> None:
        for run in items:
            if run.source:
                for path in run.source.fields:
                    seen.setdefault(path)
                if run.source.prose:
                    seen.setdefault(run.source.prose.field)

    for _, items in document.meta.sources:
        runs(items)
    for section in iter_sections(document.sections):
        runs(section.title_runs)
        for child in section.children:
            match child:
                case Paragraph() | Note():
                    runs(child.runs)
                case Facts():
                    for row in child.rows:
                        runs(row.label_runs)
                        runs(row.value)
                case BulletList():
                    for item in child.items:
                        runs(item)
                case Table():
                    runs(child.caption_runs)
                    runs(child.source_runs)
                    for row in child.cell_runs:
                        for cell in row:
                            runs(cell)
    return list(seen)
