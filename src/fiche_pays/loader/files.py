"""Reading a data or template file as text: size, encoding and kind checks, in French."""

from __future__ import annotations

from pathlib import Path

from .. import french
from ..problems import DataError, Problem

MAX_BYTES = 5 * 1024 * 1024  # a long fiche is ~100 KB; anything near this is a mistake


class FileProblem(Exception):
    """A file that cannot be read as a data file; ``message`` is French."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


# Files a hurried user may pass instead of a data file, by their first bytes.
_NOT_YAML = (
    (b"\xff\xfe", "le fichier est encodé en UTF-16 : réenregistrez-le en UTF-8"),
    (b"\xfe\xff", "le fichier est encodé en UTF-16 : réenregistrez-le en UTF-8"),
    (b"%PDF", "c'est un document PDF, pas un fichier de données YAML"),
    (b"PK\x03\x04", "c'est une archive ZIP ou un document Word (.docx), pas un fichier YAML"),
    (b"\xd0\xcf\x11\xe0", "c'est un ancien document Word ou Excel, pas un fichier YAML"),
)


def read_text(path: Path) -> str:
    """Read a data file as UTF-8 text, refusing what is not a reasonable text file."""
    return decode(read_bytes(path))


def read_bytes(path: Path) -> bytes:
    """Read a data file's bytes, refusing folders and oversized files."""
    try:
        if path.is_dir():
            raise FileProblem("c'est un dossier, pas un fichier de données")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FileProblem(
                f"fichier trop volumineux ({french.number(size / 1e6, 1)} Mo ; une "
                f"fiche fait au plus {MAX_BYTES // 1024 // 1024} Mo)"
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise FileProblem("fichier introuvable") from None
    except PermissionError:
        raise FileProblem("lecture refusée (droits insuffisants)") from None
    except OSError as error:
        raise FileProblem(f"lecture impossible ({error.strerror or error})") from None
    if len(raw) > MAX_BYTES:
        raise FileProblem("fichier trop volumineux")
    return raw


def decode(raw: bytes) -> str:
    """A data file's bytes as text, refusing what is not a reasonable UTF-8 text file."""
    for magic, what in _NOT_YAML:
        if raw.startswith(magic):
            raise FileProblem(what)
    if b"\x00" in raw[:8192]:
        raise FileProblem("fichier binaire : ce n'est pas un fichier texte YAML")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        byte = raw[error.start]
        hint = ""
        try:
            guess = raw[error.start : error.start + 1].decode("cp1252")
            hint = (
                f" (probablement « {guess} » en Windows-1252/Latin-1 : réenregistrez le "
                "fichier en UTF-8)"
            )
        except UnicodeDecodeError:
            pass
        raise FileProblem(
            f"le fichier n'est pas encodé en UTF-8 : octet 0x{byte:02X} illisible{hint}",
            line,
            column,
        ) from None
    if not text.strip():
        raise FileProblem("le fichier est vide", 1)
    return text


def read_text_or_raise(path: Path) -> str:
    """Like :func:`read_text`, raising :class:`DataError` (for template files)."""
    try:
        return read_text(path)
    except FileProblem as problem:
        raise DataError(
            [Problem(str(path), problem.message, problem.line, problem.column)]
        ) from None
