"""The build manifest: what each document was built from, kept beside the outputs.

A fiche is rebuilt only when the hash of its data file, of its template's files or of
the program changed, or when one of its documents went missing. The manifest also
remembers each fiche's country and update date, so that a run with nothing changed
reads no YAML at all.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import __version__

MANIFEST_NAME = ".fiche-pays-manifest.json"
_FORMAT = 1


@dataclass
class Entry:
    """What one data file was last built into."""

    data_hash: str
    inputs: str  # hash of data + template + program: the build key
    slug: str
    country: str
    updated: str  # ISO date of the fiche's update
    outputs: dict[str, int] = field(default_factory=dict)  # format -> size in bytes


@dataclass
class Manifest:
    """Entries by data file path (as given, relative to the working folder)."""

    entries: dict[str, Entry] = field(default_factory=dict)

    @classmethod
    def read(cls, out_dir: Path) -> Manifest:
        """The manifest in ``out_dir``, or an empty one if absent or unreadable."""
        try:
            raw = json.loads((out_dir / MANIFEST_NAME).read_text("utf-8"))
            if raw.get("format") != _FORMAT:
                return cls()
            return cls({k: Entry(**v) for k, v in raw["entries"].items()})
        except (OSError, ValueError, TypeError, KeyError):
            return cls()

    def write(self, out_dir: Path) -> None:
        """Write atomically: a crash leaves the previous manifest."""
        data = {
            "format": _FORMAT,
            "version": __version__,
            "entries": {k: asdict(v) for k, v in sorted(self.entries.items())},
        }
        target = out_dir / MANIFEST_NAME
        temporary = out_dir / f".{MANIFEST_NAME}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
        os.replace(temporary, target)


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


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
