"""Problems found in data files, located by file, line and field.

Every user mistake becomes a :class:`Problem`; loading collects them all and raises one
:class:`DataError` so that a desk officer sees every error of every file at once.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One error or warning about a data file, in words a desk officer understands."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None
    severity: str = "error"  # "error" or "warning"

    def location(self) -> str:
        """ "file:line:column", as far as known."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        kind = "erreur" if self.severity == "error" else "avertissement"
        field = f" [{self.field}]" if self.field else ""
        return f"{self.location()}: {kind}{field} : {self.message}"

    def github(self) -> str:
        """The problem as a GitHub Actions workflow command (an annotation)."""
        level = "error" if self.severity == "error" else "warning"
        props = [f"file={_escape_property(self.file)}"]
        if self.line is not None:
            props.append(f"line={self.line}")
        if self.column is not None:
            props.append(f"col={self.column}")
        if self.field:
            props.append(f"title={_escape_property(self.field)}")
        return f"::{level} {','.join(props)}::{_escape_data(self.message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class DataError(Exception):
    """Raised when one or more data files are invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


_OS_ERRORS = {
    errno.ENOSPC: "disque plein",
    errno.EDQUOT: "quota disque dépassé",
    errno.EACCES: "accès refusé (droits insuffisants, ou fichier ouvert dans un autre programme ?)",
    errno.EPERM: "opération non permise (droits insuffisants)",
    errno.EROFS: "disque en lecture seule",
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.ENOTDIR: "un élément du chemin est un fichier, pas un dossier",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.EEXIST: "existe déjà",
    errno.EIO: "erreur matérielle d'entrée-sortie",
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.EMFILE: "trop de fichiers ouverts",
    errno.EBUSY: "fichier occupé (ouvert dans un autre programme ?)",
    errno.ETXTBSY: "fichier occupé (ouvert dans un autre programme ?)",
    errno.EXDEV: "déplacement impossible entre deux disques",
    errno.ELOOP: "c'est un lien symbolique, refusé ici (remplacez-le par un fichier)",
}


def os_error_text(error: OSError) -> str:
    """An operating-system error in French: "disque plein", "droits insuffisants"…"""
    text = _OS_ERRORS.get(error.errno or -1)
    if text is None:
        text = f"erreur système {errno.errorcode.get(error.errno or -1, error.errno)}"
    return text
