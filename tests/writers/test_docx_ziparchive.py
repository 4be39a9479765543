"""The zip writer gives zipfile's bytes (writers/docx/ziparchive.py)."""

import datetime as dt
import io
import random
import zipfile

import pytest

from fiche_pays.writers.docx import ziparchive
from fiche_pays.writers.docx.package import write_zip


def _zipfile_bytes(entries, moment):
    """What write_zip wrote before ziparchive: zipfile itself."""
    stamp = (
        max(moment.year, 1980),
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second - moment.second % 2,
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, blob)
    return out.getvalue()


def _blob(rng):
    kind = rng.randrange(5)
    size = rng.choice([0, 1, 7, 300, 5000, 40000, 70000])
    if kind == 0:
        return rng.randbytes(size)
    if kind == 1:
        return b"<w:p/>" * (size // 6)
    if kind == 2:  # a reference .docx's part: the same bytes in every document
        return b"<w:style w:styleId='Titre'/>" * 40
    words = [rng.choice(["la", "fiche", "pays", "Kazakhstan", "1 500", "é"]) for _ in range(size)]
    return " ".join(words).encode("utf-8")[:size]


def _entries(rng):
    names = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
             "customXml/item1.xml", "word/media/image1.png", "docProps/coeur-été.xml",
             "word/embeddings/Feuille_de_données_1.xlsx", "a" * 200]  # fmt: skip
    chosen = rng.sample(names, rng.randrange(0, len(names) + 1))
    return [(name, _blob(rng)) for name in chosen]


def _moment(rng):
    return dt.datetime(rng.choice([1970, 1980, 2023, 2107]), rng.randint(1, 12),
                       rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59),
                       rng.randint(0, 59))  # fmt: skip


def test_archives_are_zipfiles_bytes():
    rng = random.Random(16)
    for _ in range(300):
        entries, moment = _entries(rng), _moment(rng)
        out = io.BytesIO()
        write_zip(out, entries, moment)
        assert out.getvalue() == _zipfile_bytes(entries, moment)


def test_a_path_is_written_as_zipfile_writes_it(tmp_path):
    entries, moment = [("a.xml", b"<a/>" * 100), ("b/c.xml", b"")], dt.datetime(2021, 5, 5)
    write_zip(str(tmp_path / "x.zip"), entries, moment)
    assert (tmp_path / "x.zip").read_bytes() == _zipfile_bytes(entries, moment)


def test_what_zipfile_writes_otherwise_goes_through_zipfile():
    moment = dt.datetime(2021, 5, 5, 10, 30, 17)
    twice = [("a.xml", b"1"), ("a.xml", b"2")]
    assert ziparchive.archive_bytes(twice, (2021, 5, 5, 10, 30, 16)) is None
    with pytest.warns(UserWarning, match="Duplicate name"):
        out = io.BytesIO()
        write_zip(out, twice, moment)
    with pytest.warns(UserWarning, match="Duplicate name"):
        assert out.getvalue() == _zipfile_bytes(twice, moment)
    # not at the start of the stream: zipfile's offsets count from the stream's start
    out = io.BytesIO()
    out.write(b"prefix")
    write_zip(out, [("a.xml", b"<a/>")], moment)
    reference = io.BytesIO()
    reference.write(b"prefix")
    with zipfile.ZipFile(reference, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("a.xml", date_time=(2021, 5, 5, 10, 30, 16))
        info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
        archive.writestr(info, b"<a/>")
    assert out.getvalue() == reference.getvalue()
    assert zipfile.ZipFile(io.BytesIO(out.getvalue()[6:])).read("a.xml") == b"<a/>"


def test_small_entries_are_deflated_once_and_the_cache_stays_small():
    blob = b"<w:styles/>" * 300
    first = ziparchive.deflated(blob)
    assert ziparchive.deflated(blob) is first
    for number in range(100):
        ziparchive.deflated(b"%d" % number)
    assert len(ziparchive._DEFLATED_CACHE) <= ziparchive._CACHE_ENTRIES
    large = b"x" * (ziparchive._CACHED_SIZE + 1)
    ziparchive.deflated(large)
    assert large not in ziparchive._DEFLATED_CACHE
