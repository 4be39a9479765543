"""Zip packages with fixed dates (same inputs, same bytes), and the reference .docx."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.pkgwriter import _ContentTypesItem

from .ziparchive import archive_bytes, at_start

_EPOCH = dt.datetime(1980, 1, 1)  # the earliest date a zip entry can carry


@lru_cache(maxsize=8)
def template_bytes(path: Path) -> bytes:
    """The reference .docx, read once per process."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FileNotFoundError(
            f"{path} introuvable : créez-le avec « fiche-pays reference-docx {path.parent} »"
        ) from None


def open_template(template: bytes) -> DocxDocument:
    """A new python-docx document on the reference .docx ``template``: what
    ``docx.Document(io.BytesIO(template))`` returns, without reading the package again.

    Opening a package is reading its zip and relationships (an immutable description of
    its parts), then making the part objects; the first is most of the cost and the same
    for every fiche, so it is done once per template. This uses python-docx's
    ``PackageReader`` and ``Unmarshaller`` (what ``Package.open`` calls): without them,
    the public way. tests/writers/test_docx_package.py checks both give the same
    document and that documents from one reader are independent."""
    try:
        from docx.opc.package import Unmarshaller
        from docx.opc.part import PartFactory
        from docx.package import Package
    except ImportError:  # pragma: no cover - another python-docx: the public way
        return docx.Document(io.BytesIO(template))
    package = Package()
    Unmarshaller.unmarshal(_template_reader(template), package, PartFactory)
    part = package.main_document_part
    if part.content_type != CT.WML_DOCUMENT_MAIN:
        return docx.Document(io.BytesIO(template))  # python-docx's own error
    return part.document


_READERS: dict[bytes, Any] = {}  # by template content: a few templates at most


def _template_reader(template: bytes) -> Any:
    from docx.opc.pkgreader import PackageReader

    reader = _READERS.get(template)
    if reader is None:
        if len(_READERS) >= 8:
            _READERS.clear()
        reader = _READERS[template] = PackageReader.from_file(io.BytesIO(template))
    return reader


def write_zip(
    target: str | BinaryIO, entries: Iterable[tuple[str, bytes]], moment: dt.datetime = _EPOCH
) -> None:
    """Write ``entries`` (name, content) deflated, every entry dated ``moment``."""
    stamp = (
        max(moment.year, 1980),
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second - moment.second % 2,  # zip stores even seconds
    )
    entries = list(entries)
    if at_start(target):
        made = archive_bytes(entries, stamp)  # zipfile's bytes, without zipfile's machinery
        if made is not None:
            if isinstance(target, str):
                with open(target, "wb") as stream:
                    stream.write(made)
            else:
                target.write(made)
                target.flush()
            return
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, blob)


def save(document: DocxDocument, target: str | BinaryIO, moment: dt.datetime) -> None:
    """Save a python-docx document, parts in a stable order, dated ``moment``."""
    package = document.part.package
    parts = sorted(package.iter_parts(), key=lambda p: str(p.partname))

    def entries() -> Iterable[tuple[str, bytes]]:
        yield "[Content_Types].xml", _ContentTypesItem.from_parts(parts).blob
        yield "_rels/.rels", package.rels.xml
        for part in parts:
            yield part.partname.membername, part.blob
            if len(part.rels):
                yield part.partname.rels_uri.membername, part.rels.xml

    write_zip(target, entries(), moment)
