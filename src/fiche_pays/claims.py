"""One document name, one data file.

A fiche's documents are named after its country (``senegal.pdf``): two data files of one
country would overwrite each other's documents. The rule: the file that already owns the
name (by the output folder's manifest, its data file still there) keeps it; between two
new claimants, the first by path keeps it; the other is refused, with a message naming
both. ``build`` applies it as documents are put in place (``commit.py``); ``validate``
and ``status`` apply it, through the same class, to the same manifest, so that what
``validate`` accepts, ``build`` builds.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from . import manifest as mf
from .problems import Problem


class Claims:
    """Which data files claim which document names (by manifest key)."""

    def __init__(self, entries: dict[str, mf.Entry], out: Path):
        self.out = Path(out)
        self.real_out = os.path.realpath(out)
        self.slugs: dict[str, set[str]] = {}  # document name -> keys
        self.by_key: dict[str, str] = {}  # key -> document name
        for key, entry in entries.items():
            self.take(key, entry.slug)

    def owners(self, key: str, slug: str | None) -> list[str]:
        """The other existing data files (keys) that own the document name ``slug``."""
        keys = self.slugs.get(slug or "", set())
        return sorted(k for k in keys if k != key and self._exists(k))

    def _exists(self, key: str) -> bool:
        # Lexically from the real output folder: it may not exist yet (validate, status).
        return os.path.exists(os.path.normpath(os.path.join(self.real_out, key)))

    def take(self, key: str, slug: str) -> None:
        """Record that ``key`` owns ``slug`` (and no longer any name it had)."""
        self.release(key)
        self.slugs.setdefault(slug, set()).add(key)
        self.by_key[key] = slug

    def release(self, key: str) -> None:
        """Forget the name ``key`` owned, if any."""
        slug = self.by_key.pop(key, None)
        if slug is not None:
            self.slugs.get(slug, set()).discard(key)

    def refusal(
        self,
        path: str,
        owners: list[str],
        slug: str,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> Problem:
        """The error of a file refused because ``owners`` have its document name."""
        names = ", ".join(self.shown(k) for k in owners)
        return Problem(
            path,
            f"même pays que {names} : les deux fiches produiraient {slug}.pdf ; gardez un "
            "seul fichier par pays",
            line,
            column,
            field,
        )

    def shown(self, key: str) -> str:
        """A manifest key as a path from the working folder, for messages."""
        path = os.path.normpath(mf.key_path(key, self.out))
        try:
            relative = os.path.relpath(path)
        except ValueError:  # pragma: no cover - another drive
            return path
        return path if relative.startswith("..") else relative


Claimant = tuple[str, str, tuple[int | None, int | None, str | None]]


def refusals(claimants: Iterable[Claimant], out: str | os.PathLike[str]) -> list[Problem]:
    """The errors of the files ``build`` would refuse among ``claimants`` ((path,
    document name, (line, column, field) to point at) of valid fiches), by the rule of
    ``build`` on the manifest of ``out``. Where ``build`` would let the first file
    committed win (two new files, none owning the name), both are errors: which one
    would win is not for the user to guess."""
    out = Path(out)
    claims = Claims(mf.Manifest.read(out).entries, out)
    groups: dict[str, list[tuple[str, str, tuple]]] = {}
    for path, slug, where in claimants:
        groups.setdefault(slug, []).append((path, mf.data_key(path, out), where))
    problems = []
    for slug, group in groups.items():
        keys = {key for _, key, _ in group}
        owning = keys & claims.slugs.get(slug, set())
        for path, key, where in sorted(group):
            if owning == {key}:
                continue  # it owns the name: build puts its documents in place
            others = {*claims.owners(key, slug), *(keys - {key})}
            if others:
                problems.append(claims.refusal(path, sorted(others), slug, *where))
    return problems
