"""Zip archives written as Python's ``zipfile`` writes them, byte for byte, faster.

What :func:`fiche_pays.writers.docx.package.write_zip` asks of ``zipfile.ZipFile`` ("w",
``ZIP_DEFLATED``, each entry a ``ZipInfo`` with a fixed date and ``external_attr``
0o644 << 16, given to ``writestr``) is a local header, the deflated bytes, then the
central directory. This module writes those records itself, with zipfile's field values
(versions 20, the creating system, the UTF-8 flag for a non-ASCII name) and its
compressor (``zlib.compressobj(Z_DEFAULT_COMPRESSION, DEFLATED, -15)``: the same deflate
stream), and skips zipfile's per-entry machinery: headers written then rewritten, locks,
seeks. It also keeps the deflated bytes of small entries already seen: the parts a
reference .docx gives every document (styles, theme, fonts, numbering, relationships)
are compressed once per worker, not once per fiche.

Anything zipfile would write differently (an output not at the start of a seekable
stream, ZIP64 sizes or counts, names it would rewrite, a name given twice) goes through
zipfile itself. tests/writers/test_docx_ziparchive.py checks the bytes against
zipfile's on many archives.
"""

from __future__ import annotations

import os
import struct
import sys
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from typing import BinaryIO

_LOCAL = struct.Struct("<4s2B4HL2L2H")  # zipfile.structFileHeader
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # zipfile.structCentralDir
_END = struct.Struct("<4s4H2LH")  # zipfile.structEndArchive
_VERSION = 20  # zipfile.DEFAULT_VERSION: what it writes for a deflated entry
_SYSTEM = 0 if sys.platform == "win32" else 3  # ZipInfo.create_system
_DEFLATED = 8
_UTF8_NAME = 0x800
_ATTRIBUTES = 0o644 << 16
_LIMIT = (1 << 31) - 1  # zipfile.ZIP64_LIMIT: beyond, it writes ZIP64 records
_MAX_ENTRIES = 0xFFFF  # zipfile.ZIP_FILECOUNT_LIMIT

# Deflated small entries by content: a reference .docx's parts recur in every document.
_CACHED_SIZE = 32 * 1024
_CACHE_ENTRIES = 32
_DEFLATED_CACHE: OrderedDict[bytes, tuple[int, bytes]] = OrderedDict()


def deflated(blob: bytes) -> tuple[int, bytes]:
    """The CRC-32 of ``blob`` and its raw deflate stream, as zipfile makes them."""
    small = len(blob) <= _CACHED_SIZE
    if small:
        known = _DEFLATED_CACHE.get(blob)
        if known is not None:
            _DEFLATED_CACHE.move_to_end(blob)
            return known
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    made = zlib.crc32(blob), compressor.compress(blob) + compressor.flush()
    if small:
        _DEFLATED_CACHE[blob] = made
        if len(_DEFLATED_CACHE) > _CACHE_ENTRIES:
            _DEFLATED_CACHE.popitem(last=False)
    return made


def archive_bytes(
    entries: Iterable[tuple[str, bytes]], stamp: tuple[int, int, int, int, int, int]
) -> bytes | None:
    """The archive of ``entries`` (name, content), each dated ``stamp`` (a ZipInfo
    date_time), as zipfile writes it at the start of a file; None where zipfile would
    write something else (see the module's docstring)."""
    year, month, day, hour, minute, second = stamp
    date = (year - 1980) << 9 | month << 5 | day
    time = hour << 11 | minute << 5 | (second // 2)
    pieces: list[bytes] = []
    directory: list[bytes] = []
    names: set[str] = set()
    offset = 0
    for name, blob in entries:
        if name in names or "\0" in name or (os.sep != "/" and os.sep in name):
            return None  # zipfile warns, cuts or rewrites the name
        names.add(name)
        try:
            raw, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            raw, flags = name.encode("utf-8"), _UTF8_NAME
        if len(blob) * 1.05 > _LIMIT:
            return None
        crc, data = deflated(blob)
        sizes = (crc, len(data), len(blob), len(raw))
        header = _LOCAL.pack(b"PK\003\004", _VERSION, 0, flags, _DEFLATED, time, date, *sizes, 0)
        # version made by, system, version needed, reserved, flags, method, time, date,
        # sizes, extra, comment, disk, internal and external attributes, header offset
        fields = (_VERSION, _SYSTEM, _VERSION, 0, flags, _DEFLATED, time, date, *sizes)
        record = _CENTRAL.pack(b"PK\001\002", *fields, 0, 0, 0, 0, _ATTRIBUTES, offset)
        directory.append(record + raw)
        pieces += (header, raw, data)
        offset += len(header) + len(raw) + len(data)
        if offset > _LIMIT:
            return None
    central = b"".join(directory)
    if len(directory) > _MAX_ENTRIES or len(central) > _LIMIT:
        return None
    count = len(directory)
    pieces += (central, _END.pack(b"PK\005\006", 0, 0, count, count, len(central), offset, 0))
    return b"".join(pieces)


def at_start(target: str | BinaryIO) -> bool:
    """True when zipfile would write ``target`` from its first byte, with sizes in the
    local headers (a path, or a seekable stream at position 0)."""
    if isinstance(target, str):
        return True
    try:
        return bool(target.seekable()) and target.tell() == 0
    except (AttributeError, OSError, ValueError):
        return False
