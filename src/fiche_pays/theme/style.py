"""What a template decides, as plain frozen data the composer and the writers read.

This module imports no validation library and no YAML reader: a writer that imports it
stays beside the pipeline, not on top of it. :mod:`.load` builds these objects from a
template folder and checks them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..french import Units

# The named styles of the stylesheet, shared by both writers (and the reference .docx).
STYLE_NAMES = (
    "body",
    "fact",
    "bullet",
    "heading1",
    "heading2",
    "heading3",
    "title",
    "subtitle",
    "caption",
    "note",
    "cell",
    "cell_number",
    "cell_header",
    "cell_header_number",
    "toc_title",
    "toc1",
    "toc2",
    "header",
    "header_marking",
    "footer",
    "identity",
    "motto",
    "service",
    "update",
    "marking",
    "figure",
    "chart",
)

FACES = ("regular", "bold", "italic", "bold_italic")


@dataclass(frozen=True)
class Wording:
    """Wording settings a template gives the composer: amount units, defaults, and the
    identity block's lines (the composer words them like any text that reaches a page)."""

    units: Units = field(default_factory=Units)
    default_author: str = "Ministère de l'Europe et des affaires étrangères"
    toc_title: str = "Sommaire"
    service: str | None = None  # the issuing service when the fiche names none
    identity: tuple[str, ...] = ()  # the issuing authority's block (bloc-marque)
    motto: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Style:
    """A paragraph style: sizes and spacing in points, colour as #RRGGBB."""

    face: str  # one of FACES
    size: float
    leading: float  # baseline to baseline
    color: str
    space_before: float = 0.0
    space_after: float = 0.0
    indent: float = 0.0  # left indent of every line
    first_line_indent: float = 0.0  # negative: a hanging first line
    bullet_indent: float = 0.0  # where a list's bullet sits
    align: str = "left"  # left, right, center, justify
    caps: bool = False  # shown in capitals (the text itself keeps its case)
    keep_with_next: bool = False
    hyphenate: bool = False  # French hyphenation at line ends (narrow table cells)
    base: str | None = None  # the style it derives from (its own values aside)

    @property
    def bold(self) -> bool:
        """True for the bold faces."""
        return self.face in ("bold", "bold_italic")

    @property
    def italic(self) -> bool:
        """True for the italic faces."""
        return self.face in ("italic", "bold_italic")


@dataclass(frozen=True, slots=True)
class Page:
    """Paper and margins, in millimetres."""

    size: str  # "A4" or "Letter"
    margin_top: float
    margin_bottom: float
    margin_left: float
    margin_right: float

    @property
    def width(self) -> float:
        """Paper width in millimetres."""
        return 210.0 if self.size == "A4" else 215.9

    @property
    def height(self) -> float:
        """Paper height in millimetres."""
        return 297.0 if self.size == "A4" else 279.4


@dataclass(frozen=True, slots=True)
class Colors:
    """Colours as #RRGGBB that are not part of a paragraph style."""

    primary: str
    accent: str
    text: str
    muted: str
    rule: str
    link: str
    table_header_background: str
    table_stripe: str
    chart: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TableLook:
    """Cell padding and rules of tables, in points."""

    padding_top: float
    padding_bottom: float
    padding_left: float
    padding_right: float
    rule: float  # under each row
    header_rule: float  # under the header row


@dataclass(frozen=True, slots=True)
class Identity:
    """The look of the issuing authority's block (bloc-marque), top left of page 1; its
    lines are words, which the composer puts in the tree (``Meta.identity``)."""

    emblem: Path | None  # image file, only for organisations entitled to one
    emblem_alt: str | None = None  # what the emblem shows, for screen readers


@dataclass(frozen=True)
class Theme:
    """A loaded template: the stylesheet both writers read, and the files it uses."""

    name: str
    page: Page
    family: str  # font family name of the PDF
    word_family: str  # font family Word is told to use
    font_files: dict[str, Path]  # face -> TrueType file
    colors: Colors
    styles: dict[str, Style]
    table: TableLook
    identity: Identity
    toc: bool
    toc_min_sections: int  # fewer top-level sections: no table of contents
    first_page_marking: bool
    wording_settings: Wording
    folders: tuple[Path, ...]  # the template's folder first, then its ancestors'
    reference_docx: Path

    @property
    def emblem(self) -> Path | None:
        """The emblem image, if the template has one."""
        return self.identity.emblem

    def wording(self) -> Wording:
        """The compose settings this template asks for."""
        return self.wording_settings

    def files(self) -> list[Path]:
        """Every file the look depends on (for incremental builds)."""
        files = [folder / "theme.yaml" for folder in self.folders]
        files += [*self.font_files.values(), self.reference_docx]
        return files + ([self.emblem] if self.emblem else [])
