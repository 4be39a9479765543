"""Putting finished documents in place, a few at a time, and recording them.

Documents are committed while the build runs (about every half second), so that a stop
at 99 % of a long build keeps 99 % of its work. Each commit holds the output folder's
lock, merges into the manifest as another build may have left it, moves the documents
(an atomic rename each: a reader sees the old document or the new one, never part of
one) and writes the manifest, all without being cut by a stop signal.

Two data files must not claim one document name. A fiche whose file already owns its
name (by the manifest) is committed at once; a fiche whose name is new for its file waits
for the end of the build, when every claimant is known: then claimants that collide are
all refused, and a name already owned by another existing file stays with it.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import interrupts
from . import manifest as mf
from .outfolder import OutputFolder
from .problems import Problem, os_error_text
from .workers import Job, Result, inputs_hash

if TYPE_CHECKING:
    from .build import Report

_MIN_INTERVAL_S = 0.5


class Committer:
    """Commits results as they come; ``finish`` commits the rest."""

    def __init__(
        self,
        folder: OutputFolder,
        manifest: mf.Manifest,
        jobs: dict[str, Job],
        report: Report,
        progress: Callable[[Result | str, int, int], None] | None,
        done: int,
        total: int,
    ):
        self.folder, self.out = folder, folder.path
        self.manifest = manifest
        self.jobs = jobs  # by key
        self.report = report
        self.progress = progress
        self.done, self.total = done, total
        self.batch: list[Result] = []
        self.held: list[Result] = []
        self.last = time.monotonic() - _MIN_INTERVAL_S  # the first result goes in at once
        self.interval = _MIN_INTERVAL_S
        self.pruned = False

    def add(self, result: Result) -> None:
        """Take a worker's result; commit when enough time has passed."""
        self.batch.append(result)
        if time.monotonic() - self.last >= self.interval:
            self.commit()

    def finish(self) -> None:
        """Commit everything left, the held newcomers included; prune the manifest."""
        self.commit(final=True)

    def commit(self, final: bool = False) -> None:
        """Move the batch's documents into place and record them, under the lock."""
        start = time.monotonic()
        batch, self.batch = self.batch, []
        with interrupts.deferred(), self.folder.locked():
            if self.manifest.changed_on_disk(self.out):
                self.manifest = _reread(self.out, self.manifest)
            changed = self.manifest.problem is not None
            now = [r for r in batch if not r.ok or self._established(r)]
            self.held += [r for r in batch if r.ok and not self._established(r)]
            if final:
                now, self.held = now + self.held, []
            owners = self._owners({r.slug for r in now if r.ok})
            for result in now:
                if result.ok:
                    owners[result.slug].append(result.key)
            for result in sorted(now, key=lambda r: r.path):
                changed |= self._commit_one(result, owners)
            if final or not self.pruned:
                changed |= self.manifest.prune(self.out)
                self.pruned = True
            if changed:
                self.manifest.write(self.out)
        elapsed = time.monotonic() - start
        self.last = time.monotonic()
        # Keep commits under a tenth of the time, however large the manifest grows.
        self.interval = max(_MIN_INTERVAL_S, 10 * elapsed)
        for result in sorted(now, key=lambda r: r.path):
            self.done += 1
            if self.progress:
                self.progress(result, self.done, self.total)

    def _established(self, result: Result) -> bool:
        entry = self.manifest.entries.get(result.key)
        return entry is not None and entry.slug == result.slug

    def _owners(self, slugs: set[str | None]) -> dict[str | None, list[str]]:
        """Other existing data files that own each of these document names."""
        owners: dict[str | None, list[str]] = {slug: [] for slug in slugs}
        if slugs:
            for key, entry in self.manifest.entries.items():
                if entry.slug in owners and mf.key_path(key, self.out).exists():
                    owners[entry.slug].append(key)
        return owners

    def _commit_one(self, result: Result, owners: dict[str | None, list[str]]) -> bool:
        """Commit one result; True when the manifest changed."""
        report = self.report
        report.problems.extend(result.problems)
        clash = sorted({k for k in owners.get(result.slug, []) if k != result.key})
        if result.ok and clash:
            names = ", ".join(self._shown(k) for k in clash)
            report.problems.append(
                Problem(
                    result.path,
                    f"même pays que {names} : les deux fiches produiraient "
                    f"{result.slug}.pdf ; gardez un seul fichier par pays",
                )
            )
        if not result.ok or clash:
            report.failed.append(result.path)
            _discard(result)
            return False
        outputs: dict[str, int] = {}
        job = self.jobs[result.key]
        for fmt in job.formats:
            target = self.out / f"{result.slug}.{fmt}"
            existed = os.path.lexists(target)
            try:
                os.replace(result.temporary[fmt], target)
                outputs[fmt] = target.stat().st_size
            except OSError as error:
                # The rename is atomic: the target is the new document or the previous one.
                intact = " ; le document précédent est intact" if existed else ""
                report.problems.append(
                    Problem(
                        result.path,
                        f"impossible de mettre {target.name} en place dans {self.out} : "
                        f"{os_error_text(error)}{intact}",
                    )
                )
                report.failed.append(result.path)
                _discard(result)
                # Rebuilt next time; a document already moved is then replaced again.
                return self.manifest.entries.pop(result.key, None) is not None
            report.written.append(target)
        self.manifest.entries[result.key] = mf.Entry(
            result.data_hash,
            inputs_hash(result.data_hash, job.look, job.epoch),
            result.slug,
            result.country or "",
            result.updated or "",
            outputs,
            result.figures,
        )
        result.committed = True
        report.built.append(result.path)
        return True

    def _shown(self, key: str) -> str:
        """A manifest key as a path from the working folder, for messages."""
        path = os.path.normpath(mf.key_path(key, self.out))
        try:
            relative = os.path.relpath(path)
        except ValueError:  # pragma: no cover - another drive
            return path
        return path if relative.startswith("..") else relative


def _reread(out: Path, current: mf.Manifest) -> mf.Manifest:
    """The manifest another build wrote meanwhile (it merged ours)."""
    fresh = mf.Manifest.read(out)
    if fresh.problem:  # broken since we read it: rewritten from what we know
        return mf.Manifest(current.entries, problem=fresh.problem)
    return fresh


def _discard(result: Result) -> None:
    for temporary in result.temporary.values():
        with contextlib.suppress(OSError):
            os.unlink(temporary)
