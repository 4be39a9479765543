"""The PDF saved by :class:`FastDocument` is byte for byte the one ReportLab saves."""

from __future__ import annotations

import io

import pikepdf
import pytest
from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFDocument, PDFStream

from fiche_pays import render
from fiche_pays.writers.pdf import saving, tagging
from fiche_pays.writers.pdf.pdfops import FastStateCanvas


def _pdf(document, theme) -> bytes:
    out = io.BytesIO()
    render(document, "pdf", out, theme)
    return out.getvalue()


class _ReportLabDocument(saving.FastDocument):
    """Saved by ReportLab's own ``PDFDocument.format`` (FastDocument for ``identify``)."""

    format = PDFDocument.format


def _reportlab_archival_streams(monkeypatch) -> None:
    """ReportLab's streams with PDF/A's end-of-line marker before ``endstream``, as the
    global patch that FastDocument replaced wrote them (for ``_ReportLabDocument``)."""
    reportlab_format = PDFStream.format

    def format_stream(self, document):
        data = reportlab_format(self, document)
        if getattr(document, "archival", False):
            assert data.endswith(b"endstream\n")
            data = data[: -len(b"endstream\n")] + b"\nendstream\n"
        return data

    monkeypatch.setattr(PDFStream, "format", format_stream)


def test_saved_as_reportlab_saves(document, theme, monkeypatch):
    ours = _pdf(document, theme)
    monkeypatch.setattr(tagging, "FastDocument", _ReportLabDocument)
    _reportlab_archival_streams(monkeypatch)
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


def test_reportlab_streams_are_left_as_they_are(document, theme):
    """PDF/A's end-of-line marker is written by FastDocument, not by a ReportLab method
    replaced for the whole process (other canvases in the process keep ReportLab's)."""
    _pdf(document, theme)
    assert PDFStream.format.__module__ == "reportlab.pdfbase.pdfdoc"
    out = io.BytesIO()
    canvas = FastStateCanvas(out, invariant=1)
    canvas.drawString(72, 72, "Bonjour")
    canvas.save()
    assert b"\nendstream" not in out.getvalue()


def test_a_document_with_comments_is_saved_as_reportlab_saves(monkeypatch):
    """ReportLab's comments between objects (rl_config.pdfComments, never in a build)."""
    monkeypatch.setattr(rl_config, "invariant", 0)
    monkeypatch.setattr(rl_config, "pdfComments", 1)

    def build(cls: type) -> bytes:
        out = io.BytesIO()
        canvas = FastStateCanvas(out, invariant=1)  # the document's own dates pinned
        canvas._doc.__class__ = cls
        canvas.drawString(72, 72, "Bonjour")
        canvas.bookmarkPage("p1")
        canvas.addOutlineEntry("Début", "p1")
        canvas.showPage()
        canvas.save()
        return out.getvalue()

    ours = build(saving.FastDocument)
    assert b"% 'R" in ours and b"% page stream" in ours
    assert ours == build(PDFDocument)


def test_raw_objects_registered_as_reportlab_registers_them():
    ours, theirs = PDFDocument(invariant=1), PDFDocument(invariant=1)
    raws = [saving.Raw() for _ in range(3)]
    references = saving.register(ours, raws)
    expected = [theirs.Reference(saving.Raw()).format(theirs).decode() for _ in range(3)]
    assert references == expected
    assert ours.idToObjectNumberAndVersion == theirs.idToObjectNumberAndVersion
    assert ours.numberToId == theirs.numberToId and ours.objectcounter == theirs.objectcounter
    assert ours.Reference(raws[1]).format(ours).decode() == references[1]  # known object
    ours.objectcounter -= 1
    with pytest.raises(ValueError, match="déjà enregistré"):
        saving.register(ours, [saving.Raw()])
