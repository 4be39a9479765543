"""`fiche-pays import`: pages in, data files out, a report per page.

Each page gives ``<pays>.yaml`` (relations) or ``<pays>.presentation.yaml`` in the
output folder, or the file ``--out`` names. An existing file is never replaced without
``--force``; a file is written whole or not at all (temporary file, then rename).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..model.country import slugify
from ..problems import Problem, os_error_text
from .page import import_file
from .report import report
from .source import ImportProblem
from .yamlout import write


class ImportRun:
    """The pages of one command, imported one after the other."""

    def __init__(self, out: Path, to_file: bool, force: bool):
        self.out, self.to_file, self.force = out, to_file, force
        self.lines: list[str] = []
        self.problems: list[Problem] = []
        self.written: list[Path] = []

    def one(self, path: Path) -> Path | None:
        """Import one page; its report lines and problems are kept on the run."""
        try:
            imported = import_file(path)
        except ImportProblem as problem:
            self.problems.append(Problem(str(path), problem.message))
            return None
        name = slugify(imported.top["pays"]["nom"]) or imported.top["pays"]["code"].lower()
        suffix = ".presentation.yaml" if imported.kind == "presentation" else ".yaml"
        target = self.out if self.to_file else self.out / f"{name}{suffix}"
        if target in self.written:
            self.problems.append(
                Problem(
                    str(path),
                    f"{target} vient d'être écrit par une autre page de la même commande ; "
                    "importez celle-ci à part avec --out",
                )
            )
            return None
        if target.exists() and not self.force:
            self.problems.append(
                Problem(
                    str(path),
                    f"{target} existe déjà : rien n'est écrit (--force pour le remplacer)",
                )
            )
            return None
        if imported.unsettled:
            for problem in imported.unsettled:
                self.problems.append(
                    Problem(str(path), f"le fichier importé ne se valide pas : {problem.message}")
                )
            return None
        text = write(imported)
        try:
            _write_atomically(target, text)
        except OSError as error:
            self.problems.append(
                Problem(str(path), f"écriture de {target} impossible : {os_error_text(error)}")
            )
            return None
        self.written.append(target)
        self.lines += [f"{path} → {target}", *report(imported, str(target))[1:]]
        return target


def _write_atomically(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".fiche-pays-import-", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
