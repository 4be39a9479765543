"""The PDF saved by :class:`FastDocument` is byte for byte the one ReportLab saves."""

from __future__ import annotations

import io

import pikepdf
from reportlab.pdfbase.pdfdoc import PDFDocument

from fiche_pays import render
from fiche_pays.writers.pdf import saving, tagging
from fiche_pays.writers.pdf.pdfops import FastStateCanvas


def _pdf(document, theme) -> bytes:
    out = io.BytesIO()
    render(document, "pdf", out, theme)
    return out.getvalue()


def test_saved_as_reportlab_saves(document, theme, monkeypatch):
    ours = _pdf(document, theme)
    monkeypatch.setattr(tagging, "FastDocument", PDFDocument)
    assert _pdf(document, theme) == ours
    with pikepdf.open(io.BytesIO(ours)) as pdf:  # its cross-reference offsets hold
        assert len(pdf.pages) > 1
        assert pdf.Root.StructTreeRoot.K[0].S == "/Document"


def test_a_document_with_no_raw_object_is_saved_as_reportlab_saves():
    def build(cls: type) -> bytes:
        out = io.BytesIO()
        canvas = FastStateCanvas(out, invariant=1)
        canvas._doc.__class__ = cls
        canvas.drawString(72, 72, "Bonjour")
        canvas.showPage()
        canvas.save()
        return out.getvalue()

    assert build(saving.FastDocument) == build(PDFDocument)
