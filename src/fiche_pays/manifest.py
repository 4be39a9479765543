"""The build manifest: what each document was built from, kept beside the outputs.

A fiche is rebuilt only when the hash of its data file, of its template's files, of the
program or of ``SOURCE_DATE_EPOCH`` changed, or when one of its documents went missing.
The manifest also remembers each fiche's country and update date, so that a run with
nothing changed reads no YAML at all.

Entries are keyed by the data file's real path relative to the output folder, so that
``data/x.yaml``, ``./data/x.yaml``, ``data//x.yaml`` and an absolute path are one file,
whatever the working folder. A manifest that is not exactly what this program writes
(edited by hand, cut short, of another version) is ignored with a warning and rebuilt;
entries whose documents are gone are dropped.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .figure_dates import FigureDate

MANIFEST_NAME = ".fiche-pays-manifest.json"
_FORMAT = 2  # 2: the dates of a presentation's figures ("figures")
_MAX_BYTES = 512 * 1024 * 1024  # ~2 million fiches: beyond, it is not ours
_TEXT_FIELDS = ("data_hash", "inputs", "slug", "country", "updated")
_KEYS = {*_TEXT_FIELDS, "outputs", "figures"}
_REDO = " ; la prochaine construction refait les documents et le réécrit"
_UMASK = os.umask(0o022)
os.umask(_UMASK)


@dataclass(slots=True)
class Entry:
    """What one data file was last built into."""

    data_hash: str
    inputs: str  # hash of data + template + program + SOURCE_DATE_EPOCH: the build key
    slug: str
    country: str
    updated: str  # ISO date of the fiche's update
    outputs: dict[str, int] = field(default_factory=dict)  # format -> size in bytes
    # A presentation's figures and their dates, for stale-figure warnings and ``status``.
    figures: list[FigureDate] = field(default_factory=list)


def _raw(entry: Entry) -> dict[str, object]:
    # Not dataclasses.asdict(): it deep-copies, 30 times slower on a large manifest.
    raw: dict[str, object] = {k: getattr(entry, k) for k in _TEXT_FIELDS}
    raw["outputs"] = entry.outputs
    raw["figures"] = [f.as_list() for f in entry.figures]
    return raw


class _BadShape(ValueError):
    pass


def _entry(raw: object) -> Entry:
    # Spelt out with type(): a manifest may hold hundreds of thousands of entries.
    if type(raw) is not dict or raw.keys() != _KEYS:
        raise _BadShape
    data_hash, inputs, slug = raw["data_hash"], raw["inputs"], raw["slug"]
    country, updated, outputs = raw["country"], raw["updated"], raw["outputs"]
    if not (
        type(data_hash) is str
        and type(inputs) is str
        and type(slug) is str
        and type(country) is str
        and type(updated) is str
        and type(outputs) is dict
        and type(raw["figures"]) is list
    ):
        raise _BadShape
    for size in outputs.values():
        if type(size) is not int or size < 0:
            raise _BadShape
    try:
        figures = [FigureDate.from_list(f) for f in raw["figures"]]
    except ValueError:
        raise _BadShape from None
    return Entry(data_hash, inputs, slug, country, updated, outputs, figures)


@dataclass
class Manifest:
    """Entries by data file key (see :func:`data_key`)."""

    entries: dict[str, Entry] = field(default_factory=dict)
    problem: str | None = None  # why the manifest on disk was ignored, in French
    stamp: tuple[int, ...] | None = None  # the file on disk as last read or written

    @classmethod
    def read(cls, out_dir: Path) -> Manifest:
        """The manifest in ``out_dir``; empty if absent, empty with ``problem`` set if it
        is not what this program writes."""
        path = out_dir / MANIFEST_NAME
        try:
            stamp = _stamp(path)
            if path.stat().st_size > _MAX_BYTES:
                raise _BadShape
            raw = json.loads(path.read_bytes())
            if not isinstance(raw, dict) or raw.get("format") != _FORMAT:
                raise _BadShape
            entries = raw.get("entries")
            if not isinstance(entries, dict) or not isinstance(raw.get("version"), str):
                raise _BadShape
            return cls({str(k): _entry(v) for k, v in entries.items()}, stamp=stamp)
        except FileNotFoundError:
            return cls()
        except OSError as error:
            from .problems import os_error_text

            return cls(problem=f"manifeste illisible ({os_error_text(error)}) : ignoré" + _REDO)
        except (ValueError, RecursionError, MemoryError):
            return cls(
                problem="manifeste inattendu (modifié à la main, tronqué ou d'une autre "
                "version) : ignoré" + _REDO
            )

    def changed_on_disk(self, out_dir: Path) -> bool:
        """True when another build wrote the manifest since this one read or wrote it."""
        return _stamp(out_dir / MANIFEST_NAME) != self.stamp

    def prune(self, out_dir: Path) -> bool:
        """Forget documents no longer on disk (and entries left with none); True if any."""
        try:
            names = {e.name for e in os.scandir(out_dir) if not e.name.startswith(".")}
        except OSError:
            return False
        changed = False
        for key in list(self.entries):
            entry = self.entries[key]
            kept = {
                fmt: size
                for fmt, size in entry.outputs.items()
                if f"{entry.slug}.{fmt}" in names and _size(out_dir / f"{entry.slug}.{fmt}") == size
            }
            if kept != entry.outputs:
                changed = True
                if kept:
                    entry.outputs = kept
                else:
                    del self.entries[key]
        return changed

    def write(self, out_dir: Path) -> None:
        """Write atomically through an exclusive new file: a crash leaves the previous
        manifest, and a link planted in the folder is never followed."""
        data = {
            "format": _FORMAT,
            "version": __version__,
            "entries": {k: _raw(v) for k, v in sorted(self.entries.items())},
        }
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        handle, temporary = tempfile.mkstemp(
            prefix=f".{MANIFEST_NAME}.", suffix=".tmp", dir=out_dir
        )
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.chmod(temporary, 0o666 & ~_UMASK)  # readable by colleagues, like the documents
            os.replace(temporary, out_dir / MANIFEST_NAME)
        except BaseException as error:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            if isinstance(error, OSError):  # named by the manifest, not its temporary file
                raise OSError(error.errno, error.strerror, str(out_dir / MANIFEST_NAME)) from None
            raise
        self.stamp = _stamp(out_dir / MANIFEST_NAME)
        self.problem = None


def _stamp(path: Path) -> tuple[int, ...] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def data_key(path: str | os.PathLike[str], out_dir: Path) -> str:
    """The manifest key of a data file: its real path relative to the output folder
    (absolute when there is no relative path, as across Windows drives)."""
    real = os.path.realpath(path)
    try:
        return Path(os.path.relpath(real, os.path.realpath(out_dir))).as_posix()
    except ValueError:  # pragma: no cover - another drive
        return Path(real).as_posix()


def key_path(key: str, out_dir: Path) -> Path:
    """The data file a manifest key stands for."""
    return Path(out_dir) / key


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def bytes_hash(raw: bytes) -> str:
    """SHA-256 of bytes."""
    return hashlib.sha256(raw).hexdigest()


def combined_hash(parts: list[str]) -> str:
    """One hash standing for several."""
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


_program: str | None = None


def program_hash() -> str:
    """The program's version and the hash of its source, so code changes rebuild too."""
    global _program
    if _program is None:
        package = Path(__file__).resolve().parent
        sources = sorted(package.rglob("*.py"))
        _program = combined_hash([__version__, *(file_hash(p) for p in sources)])
    return _program
