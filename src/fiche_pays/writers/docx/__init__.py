"""The DOCX writer (python-docx): writer, style names, reference .docx builder, chart,
package."""

from .writer import write_docx

__all__ = ["write_docx"]
