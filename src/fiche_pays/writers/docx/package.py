"""Zip packages with fixed dates (same inputs, same bytes), and the reference .docx."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from docx.document import Document as DocxDocument
from docx.opc.pkgwriter import _ContentTypesItem

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
