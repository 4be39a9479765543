"""The template's hash, remembered beside the documents, so that a build with nothing to
rebuild does not load the template (its validation library is most of that run's time).

The build key of a fiche includes the hash of every file its template's look depends on
(:func:`fiche_pays.build.template_hash`). Which files those are is known only by loading
the template; their list is kept in the output folder with the hash, and reused while
nothing it was made from has changed: the program, the template asked for, the folders
templates are looked up in, the files in the template's folders (a file added to a
child template can take over its parent's), and the content of every listed file
(hashed again on every run). Anything else, or any doubt, and the template is loaded.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

from . import manifest as mf

CACHE_NAME = ".fiche-pays-modele.json"
_FORMAT = 1


def _folder_files(folders: list[str]) -> dict[str, list[str]]:
    listing = {}
    for folder in folders:
        root = Path(folder)
        listing[folder] = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    return listing


def _key(template: str) -> dict[str, object]:
    from .theme.folders import template_dirs

    return {
        "format": _FORMAT,
        "programme": mf.program_hash(),
        "modele": template,
        "dossiers": [str(d.resolve()) for d in template_dirs()],
    }


def cached_look(template: str, out: Path) -> str | None:
    """The template's hash as remembered in ``out``, if still right; else None."""
    try:
        raw = json.loads((out / CACHE_NAME).read_bytes())
        if not isinstance(raw, dict) or any(raw.get(k) != v for k, v in _key(template).items()):
            return None
        files, folders, look = raw["fichiers"], raw["contenus"], raw["empreinte"]
        if _folder_files(list(folders)) != folders:
            return None
        hashes = [mf.file_hash(Path(p)) for p in files]  # a file gone: OSError, reload
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return look if mf.combined_hash(hashes) == look else None


def remember_look(
    template: str, out: Path, files: list[Path], folders: list[Path], look: str
) -> None:
    """Keep in ``out`` the template's hash ``look`` (made from ``files``, the template's
    files that exist, see :func:`fiche_pays.build.template_hash`) and what it was made
    from."""
    record = {
        **_key(template),
        "fichiers": [str(p.resolve()) for p in files if p.is_file()],
        "contenus": _folder_files([str(f.resolve()) for f in folders]),
        "empreinte": look,
    }
    # Only a cache: if it cannot be written, the next build loads the template again.
    with contextlib.suppress(OSError):
        handle, temporary = tempfile.mkstemp(prefix=CACHE_NAME, dir=out)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(record, stream, ensure_ascii=False)
            os.replace(temporary, out / CACHE_NAME)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
