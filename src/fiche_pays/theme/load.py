"""Templates: a folder with ``theme.yaml`` (look) and ``reference.docx`` (Word styles).

A theme may inherit from another (``inherit: officiel``): the child's values override
the parent's, key by key. Font files and the reference .docx are looked up in the
template's folder, then in its parents', then among the fonts shipped with the package.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..loader import yamlsource
from ..loader.files import read_text_or_raise
from ..loader.messages import describe_error
from ..problems import DataError, Problem
from . import DEFAULT_TEMPLATE
from .contrast import contrast_problems
from .folders import FONTS_DIR, find_template, template_dirs
from .schema import ThemeSchema, resolve_styles, to_theme
from .style import FACES, Theme

_cache: dict[str, tuple[tuple[int, ...], Theme]] = {}


def load_theme(name_or_path: str = DEFAULT_TEMPLATE) -> Theme:
    """Load a template by name or path, with its inheritance; raise DataError.

    Loaded themes are kept per process and reloaded when one of their files changes.
    """
    key = str(name_or_path)
    cached = _cache.get(key)
    if cached and cached[0] == _stamps(cached[1]):
        return cached[1]
    theme = _load_theme(key)
    _cache[key] = (_stamps(theme), theme)
    return theme


def _stamps(theme: Theme) -> tuple[int, ...]:
    stamps = []
    for path in theme.files():
        try:
            stat = path.stat()
            stamps += [stat.st_mtime_ns, stat.st_size]
        except OSError:
            stamps += [-1, -1]
    return tuple(stamps)


def _load_theme(name_or_path: str) -> Theme:
    folder = find_template(name_or_path)
    raw, folders = _merged(folder, ())
    theme_file = str(folder / "theme.yaml")
    try:
        schema = ThemeSchema.model_validate(raw)
        resolve_styles(schema)  # a style missing a value is reported here, with the file
    except ValidationError as error:
        raise DataError(
            [
                Problem(
                    theme_file,
                    describe_error(e, e["loc"], ThemeSchema),
                    None,
                    None,
                    ".".join(map(str, e["loc"])),
                )
                for e in error.errors()
            ]
        ) from None
    except ValueError as error:
        raise DataError([Problem(theme_file, str(error), None, None, "styles")]) from None
    fonts = {face: _resolve(getattr(schema.fonts, face), folders, theme_file) for face in FACES}
    # A missing reference.docx is reported when a DOCX is written, so that
    # `fiche-pays reference-docx` can create it from the theme.
    reference = next(
        (f / "reference.docx" for f in folders if (f / "reference.docx").is_file()),
        folders[0] / "reference.docx",
    )
    emblem = (
        _resolve(schema.identity.emblem, folders, theme_file) if schema.identity.emblem else None
    )
    theme = to_theme(schema, folders, fonts, reference, emblem)
    # Checked once the styles are resolved: a colour is judged where it is used.
    problems = contrast_problems(theme.styles, theme.colors)
    if problems:
        raise DataError(
            [Problem(theme_file, message, None, None, field) for field, message in problems]
        )
    return theme


def _merged(folder: Path, chain: tuple[Path, ...]) -> tuple[dict[str, Any], tuple[Path, ...]]:
    """theme.yaml of a folder merged over its parents'; returns the folder chain too."""
    if folder.resolve() in chain:
        raise DataError([Problem(str(folder / "theme.yaml"), "héritage circulaire entre modèles")])
    path = folder / "theme.yaml"
    text = read_text_or_raise(path)
    try:
        raw, _ = yamlsource.parse(text)
    except yamlsource.YamlProblem as problem:
        raise DataError(
            [Problem(str(path), problem.message, problem.line, problem.column)]
        ) from None
    if not isinstance(raw, dict):
        raise DataError([Problem(str(path), "le thème doit être une suite de champs", 1)])
    parent_name = raw.get("inherit")
    if not parent_name:
        return raw, (folder,)
    parent_folder = (
        find_template(str(parent_name))
        if os.sep in str(parent_name)
        else next(
            (
                base / str(parent_name)
                for base in [folder.parent, *template_dirs()]
                if (base / str(parent_name) / "theme.yaml").is_file()
            ),
            None,
        )
    )
    if parent_folder is None:
        raise DataError([Problem(str(path), f"modèle parent « {parent_name} » introuvable")])
    parent, folders = _merged(parent_folder, (*chain, folder.resolve()))
    return _deep_merge(parent, raw), (folder, *folders)


def _deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    result = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = _deep_merge(result[key], value)
        else:
            result[key] = value
    return result


def _resolve(name: str, folders: tuple[Path, ...], theme_file: str) -> Path:
    for folder in (*folders, FONTS_DIR):
        if (folder / name).is_file():
            return folder / name
    raise DataError(
        [
            Problem(
                theme_file,
                f"fichier « {name} » introuvable dans le modèle ni parmi les polices fournies",
            )
        ]
    )
