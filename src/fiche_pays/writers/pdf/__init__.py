"""The PDF writer (ReportLab): styles, page furniture, flowables, chart, fonts."""

from .writer import write_pdf

__all__ = ["write_pdf"]
