"""Putting finished documents in place, a few at a time, and recording them.

Documents are committed while the build runs (about every half second), so that a stop
at 99 % of a long build keeps 99 % of its work. Each commit holds the output folder's
lock, merges into the manifest as another build may have left it, moves the documents
(an atomic rename each: a reader sees the old document or the new one, never part of
one) and writes the manifest, all without being cut by a stop signal.

Two data files must not claim one document name: the file that already owns it (by the
manifest, its data file still there) keeps it, and the other is refused with a message
naming both; between two new claimants, the first committed (by path within a batch)
keeps it. The build then fails, so that the user removes one of the files. The rule is
``claims.py``'s, which ``validate`` and ``status`` apply too.
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
from .claims import Claims
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
        self.last = time.monotonic() - _MIN_INTERVAL_S  # the first result goes in at once
        self.interval = _MIN_INTERVAL_S
        self.pruned = False
        self.claims: Claims | None = None  # document names by manifest key

    def add(self, result: Result) -> None:
        """Take a worker's result; commit when enough time has passed."""
        self.batch.append(result)
        if time.monotonic() - self.last >= self.interval:
            self.commit()

    def finish(self) -> None:
        """Commit everything left; prune the manifest."""
        self.commit(final=True)

    def commit(self, final: bool = False) -> None:
        """Move the batch's documents into place and record them, under the lock."""
        start = time.monotonic()
        batch, self.batch = self.batch, []
        with interrupts.deferred(), self.folder.locked():
            if self.manifest.changed_on_disk(self.out):
                self.manifest = _reread(self.out, self.manifest)
                self.claims = None
            changed = self.manifest.problem is not None
            for result in sorted(batch, key=lambda r: r.path):
                changed |= self._commit_one(result)
            if (final or not self.pruned) and self.manifest.prune(self.out):
                changed, self.claims = True, None
            self.pruned = True
            if changed:
                self.manifest.write(self.out)
        elapsed = time.monotonic() - start
        self.last = time.monotonic()
        # Keep commits under a tenth of the time, however large the manifest grows.
        self.interval = max(_MIN_INTERVAL_S, 10 * elapsed)
        for result in sorted(batch, key=lambda r: r.path):
            self.done += 1
            if self.progress:
                self.progress(result, self.done, self.total)

    def _claims(self) -> Claims:
        # an index, not a scan per fiche: 10 000 fiches, one pass
        if self.claims is None:
            self.claims = Claims(self.manifest.entries, self.out)
        return self.claims

    def _record(self, key: str, entry: mf.Entry | None) -> bool:
        """Set or remove the manifest entry of ``key``, keeping the index; True if any."""
        previous = self.manifest.entries.pop(key, None)
        if self.claims is not None:
            self.claims.release(key)
        if entry is not None:
            self.manifest.entries[key] = entry
            if self.claims is not None:
                self.claims.take(key, entry.slug)
        return previous is not None or entry is not None

    def _commit_one(self, result: Result) -> bool:
        """Commit one result; True when the manifest changed."""
        report = self.report
        report.problems.extend(result.problems)
        claims = self._claims()
        clash = claims.owners(result.key, result.slug) if result.ok else []
        if result.ok and clash:
            report.problems.append(claims.refusal(result.path, clash, result.slug or ""))
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
                return self._record(result.key, None)
            report.written.append(target)
        entry = mf.Entry(
            result.data_hash,
            inputs_hash(result.data_hash, job.look, job.epoch),
            result.slug,
            result.country or "",
            result.updated or "",
            outputs,
            result.figures,
        )
        self._record(result.key, entry)
        result.committed = True
        report.built.append(result.path)
        return True


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
