"""Warnings for characters of a data file that the template's PDF font cannot draw."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .loader.load import field_path
from .loader.positions import SourceMap
from .problems import Problem
from .writers.pdf.fonts import coverage


def missing_glyphs(
    data: Any, source: SourceMap | None, file: str, font: Path, family: str
) -> list[Problem]:
    """Warnings for characters of the data file that the PDF font cannot draw."""
    covered = coverage(font)
    # Nearly every file is fully covered: one set of all its characters says so without
    # building a path for each of its thousands of strings.
    if all(ord(c) in covered or c.isspace() for c in set("".join(_texts(data)))):
        return []
    problems = []
    for path, text in _strings(data, ()):
        # each distinct character once: set() runs in C, a long text has few distinct ones
        missing = sorted(c for c in set(text) if ord(c) not in covered and not c.isspace())
        if not missing:
            continue
        shown = ", ".join(f"« {c} » (U+{ord(c):04X})" for c in missing[:5])
        extra = len(missing) - 5
        more = f" et {extra} autre{'s' if extra > 1 else ''}" if extra > 0 else ""
        line, column = (source.locate(path) if source else None) or (None, None)
        problems.append(
            Problem(
                file,
                f"caractère(s) absent(s) de la police {family} : {shown}{more} ; le PDF les "
                "montrera comme des carrés (choisissez un modèle dont la police les contient)",
                line,
                column,
                field_path(path, data),
                severity="warning",
            )
        )
    return problems


def _strings(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _texts(value: Any) -> list[str]:
    """Every string of ``value``, without their paths."""
    texts: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            texts.append(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return texts
