"""Building many fiches: parallel, incremental, atomic, interruptible, shareable.

The builder does orchestration and file I/O; content is the compose step's, layout the
writers'. Each fiche is rendered by a worker process (``workers.py``) into this build's
private temporary folder inside the output folder (``outfolder.py``); finished
documents are renamed into place and recorded in the manifest a few at a time, under the
folder's lock (``commit.py``). Hence:

- a failed, stopped or killed build never leaves a partial document and never replaces
  a good one; documents finished before a stop are kept;
- two builds into one folder both succeed, and the manifest describes what is on disk;
- Ctrl-C or SIGTERM stops the workers too and exits with 130 or 143.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import interrupts
from . import manifest as mf
from .commit import Committer
from .epoch import fingerprint
from .figure_dates import FigureDate
from .lookcache import cached_look, remember_look
from .outfolder import TEMP_PREFIX, OutputFolder
from .problems import DataError, Problem, os_error_text
from .theme import DEFAULT_TEMPLATE
from .workers import Job, Result, available_cpus, inputs_hash, preload, results
from .writers import FORMATS

if TYPE_CHECKING:
    from .theme.style import Theme

__all__ = [
    "FORMATS",
    "TEMP_PREFIX",
    "Job",
    "Report",
    "Result",
    "available_cpus",
    "build",
    "discover",
    "inputs_hash",
    "template_hash",
    "up_to_date",
]


@dataclass
class Report:
    """The outcome of a build."""

    built: list[str] = field(default_factory=list)  # data files rebuilt
    skipped: list[str] = field(default_factory=list)  # data files already up to date
    failed: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    not_built: list[str] = field(default_factory=list)  # left undone by a stop
    updated: dict[str, str] = field(default_factory=dict)  # data file -> ISO update date
    # data file -> the dates of a presentation's figures (for stale-figure warnings)
    figures: dict[str, list[FigureDate]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when nothing failed and nothing was left undone."""
        return not self.failed and not self.not_built


def discover(paths: Iterable[str] = ()) -> list[str]:
    """The data files to build: those given, or every data/*.yaml (both kinds: the
    presentations are the *.presentation.yaml)."""
    given = list(paths)
    if given:
        return given
    folder = Path("data")
    return sorted(str(p) for p in [*folder.glob("*.yaml"), *folder.glob("*.yml")])


def template_hash(theme: Theme) -> str:
    """One hash for every file the template's look depends on."""
    return mf.combined_hash([mf.file_hash(p) for p in theme.files() if p.is_file()])


def up_to_date(
    entry: mf.Entry | None, inputs: str, formats: tuple[str, ...], out_dir: Path
) -> bool:
    """True when the documents exist and were built from these very inputs."""
    if entry is None or entry.inputs != inputs:
        return False
    for fmt in formats:
        path = out_dir / f"{entry.slug}.{fmt}"
        size = entry.outputs.get(fmt)
        try:
            if size is None or path.stat().st_size != size:
                return False
        except OSError:
            return False
    return True


def _longest_first(jobs: Iterable[Job]) -> list[Job]:
    """The jobs, largest data file first: the long fiches start early, so that no worker
    is left alone with one at the end while the others idle."""

    def size(job: Job) -> int:
        try:
            return os.stat(job.path).st_size
        except OSError:
            return 0

    return sorted(jobs, key=lambda job: (-size(job), job.path))


def build(
    paths: Iterable[str] = (),
    out_dir: str | Path = "output",
    formats: tuple[str, ...] = FORMATS,
    template: str = DEFAULT_TEMPLATE,
    jobs: int | None = None,
    force: bool = False,
    debug: bool = False,
    progress: Callable[[Result | str, int, int], None] | None = None,
    notify: Callable[[str], None] | None = None,
) -> Report:
    """Build the documents of the given data files (default: data/*.yaml).

    On Ctrl-C or SIGTERM, raise :class:`~fiche_pays.interrupts.Interrupted` once the
    workers are stopped and the finished documents are in place; its ``report`` says
    what was done. ``notify`` receives notices such as waiting for another build.
    """
    restore = interrupts.install()
    try:
        return _build(paths, Path(out_dir), formats, template, jobs, force, debug, progress, notify)
    finally:
        restore()


def _build(
    paths: Iterable[str],
    out: Path,
    formats: tuple[str, ...],
    template: str,
    jobs: int | None,
    force: bool,
    debug: bool,
    progress: Callable[[Result | str, int, int], None] | None,
    notify: Callable[[str], None] | None,
) -> Report:
    start = time.perf_counter()
    report = Report()
    epoch = fingerprint()
    # A build with nothing to do takes the template's hash as remembered (lookcache.py)
    # rather than loading the template: that would be most of its time.
    theme: Theme | None = None
    look = cached_look(template, out)
    if look is None:
        from .theme.load import load_theme

        theme = load_theme(template)
        look = template_hash(theme)
    folder = OutputFolder(out, notify)
    try:
        temp_dir = folder.open()
    except OSError as error:
        # Nothing was written: say where and why, without a traceback.
        raise DataError(
            [Problem(str(out), f"dossier de sortie inutilisable : {os_error_text(error)}")]
        ) from None
    if theme is not None:
        remember_look(template, out, theme.files(), list(theme.folders), look)
    try:
        manifest = mf.Manifest.read(out)
        if manifest.problem:
            report.problems.append(
                Problem(str(out / mf.MANIFEST_NAME), manifest.problem, severity="warning")
            )
        files = _unique(discover(paths), out)
        pending: dict[str, Job] = {}
        for key, path in files.items():
            try:
                data_hash = mf.file_hash(Path(path))
            except OSError:
                data_hash = "absent"
            entry = manifest.entries.get(key)
            if entry is not None:
                report.updated[path] = entry.updated
                report.figures[path] = entry.figures
            if not force and up_to_date(entry, inputs_hash(data_hash, look, epoch), formats, out):
                report.skipped.append(path)
                if progress:
                    progress(path, len(report.skipped), len(files))
                continue
            job = Job(path, key, str(temp_dir), formats, template, look, epoch, data_hash, debug)
            pending[key] = job
        committer = Committer(
            folder, manifest, pending, report, progress, len(report.skipped), len(files)
        )
        workers = max(1, min(jobs or available_cpus(), len(pending) or 1))
        try:
            if pending:
                # Imports, held from a stop until they are done: Python wraps an exception
                # raised inside a class's creation (pydantic's __set_name__) in a
                # RuntimeError, or ignores it in a weakref callback. In parallel, the
                # workers forked afterwards share them; alone, build_one finds them done.
                with interrupts.deferred():
                    from .writers import warm

                    if theme is None:
                        from .theme.load import load_theme

                        theme = load_theme(template)
                    warm(theme, formats)
                    preload()
            # in parallel, the largest first (see _longest_first); alone, in file order
            order = _longest_first(pending.values()) if workers > 1 else list(pending.values())
            with results(order, workers) as finished:
                for result in finished:
                    committer.add(result)
                    if result.updated:
                        report.updated[result.path] = result.updated
                        report.figures[result.path] = result.figures
            committer.finish()
        except KeyboardInterrupt as stop:
            # The workers are dead (results() killed them): keep what they finished.
            committer.finish()
            interrupted = stop if isinstance(stop, interrupts.Interrupted) else None
            interrupted = interrupted or interrupts.Interrupted()
            done = {*report.built, *report.failed}
            report.not_built = [j.path for j in pending.values() if j.path not in done]
            report.seconds = time.perf_counter() - start
            interrupted.report = report
            raise interrupted from None
    finally:
        folder.close()
    report.seconds = time.perf_counter() - start
    return report


def _unique(paths: list[str], out: Path) -> dict[str, str]:
    """The data files by manifest key: one file given twice, or spelt two ways
    (./data/x.yaml, data//x.yaml, an absolute path), is built once."""
    files: dict[str, str] = {}
    for path in paths:
        files.setdefault(mf.data_key(path, out), path)
    return files
