"""Writers: document tree -> PDF or DOCX. Each writer imports the tree and the theme only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:  # not imported at run time: `build` with nothing to do needs neither
    from ..theme.style import Theme
    from ..tree import Document

FORMATS = ("pdf", "docx")


def render(
    document: Document, fmt: str, target: str | Path | BinaryIO, theme: Theme | None = None
) -> None:
    """Write ``document`` as ``fmt`` ("pdf" or "docx") to a path or binary file object."""
    if theme is None:
        from ..theme.load import load_theme

        theme = load_theme()
    if isinstance(target, Path):
        target = str(target)
    if fmt == "pdf":
        from .pdf import write_pdf  # imported on use: ReportLab costs ~100 ms to import

        write_pdf(document, theme, target)
    elif fmt == "docx":
        from .docx import write_docx  # imported on use: python-docx costs ~60 ms

        write_docx(document, theme, target)
    else:
        raise ValueError(f"format inconnu : {fmt} (formats : {', '.join(FORMATS)})")


def warm(theme: Theme, formats: tuple[str, ...] = FORMATS) -> None:
    """Do once, before forking workers, what every document would otherwise redo:
    import the writers, register the fonts, read the reference .docx."""
    if "pdf" in formats:
        from .pdf.fonts import register_theme  # and ReportLab's platypus, once for all

        register_theme(theme)
    if "docx" in formats and theme.reference_docx.is_file():
        from .docx.package import template_bytes

        template_bytes(theme.reference_docx)
