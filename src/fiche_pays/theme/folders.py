"""Where templates are: their folders, found by name or path. Light on purpose (no YAML
reader, no validation library): a build with nothing to rebuild needs only this."""

from __future__ import annotations

import os
from pathlib import Path

from ..problems import DataError, Problem

PACKAGE_DIR = Path(__file__).resolve().parent.parent
FONTS_DIR = PACKAGE_DIR / "fonts"


def template_dirs() -> list[Path]:
    """Where templates are looked up by name: ./templates, then the bundled ones."""
    dirs = [
        Path.cwd() / "templates",
        PACKAGE_DIR / "templates",
        PACKAGE_DIR.parent.parent / "templates",
    ]
    seen: list[Path] = []
    for d in dirs:
        if d.is_dir() and d.resolve() not in [s.resolve() for s in seen]:
            seen.append(d)
    return seen


def find_template(name_or_path: str) -> Path:
    """The folder of a template given by name ("officiel") or path."""
    candidate = Path(name_or_path)
    if os.sep in name_or_path or candidate.is_dir():
        if (candidate / "theme.yaml").is_file():
            return candidate
        raise DataError([Problem(name_or_path, "dossier de modèle sans fichier theme.yaml")])
    for base in template_dirs():
        if (base / name_or_path / "theme.yaml").is_file():
            return base / name_or_path
    known = sorted(
        {p.name for base in template_dirs() for p in base.iterdir() if (p / "theme.yaml").is_file()}
    )
    raise DataError(
        [
            Problem(
                name_or_path,
                "modèle introuvable ; modèles disponibles : " + (", ".join(known) or "aucun"),
            )
        ]
    )
