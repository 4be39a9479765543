"""Building one fiche, and running many in worker processes that stop with the build.

A worker loads, composes and renders a fiche into the build's private temporary folder
and reports what it made; it moves nothing into place (the build commits, see
``commit.py``). Workers ignore stop signals and die with their parent; on a stop the
build kills them, so that no worker outlives it and no half-written file is kept.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import tempfile
import traceback
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import interrupts
from . import manifest as mf
from .figure_dates import FigureDate
from .problems import Problem, os_error_text

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

_UMASK = os.umask(0o022)
os.umask(_UMASK)


@dataclass(frozen=True)
class Job:
    """One data file to build."""

    path: str  # as the user gave it, for messages
    key: str  # its manifest key (see manifest.data_key)
    temp_dir: str
    formats: tuple[str, ...]
    template: str
    look: str  # template hash
    epoch: str  # SOURCE_DATE_EPOCH, as it enters the build key
    data_hash: str  # as hashed when the build planned it
    debug: bool = False


@dataclass
class Result:
    """What a worker made of a job: documents in the temporary folder, or problems."""

    path: str
    key: str = ""
    problems: list[Problem] = field(default_factory=list)
    slug: str | None = None
    country: str | None = None
    updated: str | None = None
    data_hash: str = ""  # of the bytes that were rendered
    figures: list[FigureDate] = field(default_factory=list)  # a presentation's figure dates
    temporary: dict[str, str] = field(default_factory=dict)  # format -> temporary file
    committed: bool = False  # its documents are in place and in the manifest

    @property
    def ok(self) -> bool:
        """True when every requested document was made."""
        return self.slug is not None and not any(p.severity == "error" for p in self.problems)


def inputs_hash(data_hash: str, look: str, epoch: str = "") -> str:
    """The build key of a fiche: its data, its template, the program, SOURCE_DATE_EPOCH."""
    return mf.combined_hash([data_hash, look, mf.program_hash(), epoch])


def preload() -> None:
    """Import, before forking workers, what :func:`build_one` imports: every worker then
    shares the parent's modules (and their pydantic validators, ~0.5 s of CPU to build)
    instead of importing them again."""
    from . import composer, french, glyphs, kinds  # noqa: F401
    from .composer import provenance  # noqa: F401
    from .loader import load  # noqa: F401

    french.number(0)  # Babel's locale data, read once


def build_one(job: Job) -> Result:
    """Load, compose and render one fiche into the job's temporary folder."""
    from .composer import compose
    from .composer.provenance import attach_origin
    from .glyphs import missing_glyphs
    from .kinds import kind_of
    from .loader.load import load_source
    from .theme.load import load_theme
    from .writers import render

    result = Result(job.path, job.key, data_hash=job.data_hash)
    try:
        loaded = load_source(job.path)
        result.data_hash = loaded.digest or job.data_hash  # what is rendered, read once
        result.problems = list(loaded.problems)
        if not loaded.ok:
            return result
        fiche = loaded.fiche
        theme = load_theme(job.template)
        result.problems += missing_glyphs(
            loaded.data,
            loaded.source,
            job.path,
            theme.font_files["regular"],
            theme.family,
        )
        document = compose(fiche, theme.wording())
        # the DOCX records the file and its values, for `fiche-pays apply`
        document = attach_origin(
            document, loaded.data, job.path, result.data_hash, kind_of(job.path)
        )
        for fmt in job.formats:
            # mkstemp creates the file exclusively (O_EXCL): never through a planted link
            handle, temporary = tempfile.mkstemp(
                prefix=f"{fiche.slug}.", suffix=f".{fmt}", dir=job.temp_dir
            )
            result.temporary[fmt] = temporary
            with os.fdopen(handle, "wb") as stream:
                render(document, fmt, stream, theme)
            os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp makes 0600 files
        result.slug = fiche.slug
        result.country = fiche.country.name
        result.updated = fiche.document.updated.first_day.isoformat()
        result.figures = loaded.figures()
    except OSError as error:  # a full disk or a vanished output folder, not a bug
        where = f" ({error.filename})" if error.filename else ""
        detail = f"\n{traceback.format_exc()}" if job.debug else ""
        result.problems.append(
            Problem(
                job.path,
                f"écriture impossible dans le dossier de sortie{where} : "
                f"{os_error_text(error)}{detail}",
            )
        )
        result.slug = None
    except Exception as error:  # one bad fiche must not stop the others
        detail = traceback.format_exc() if job.debug else f"{type(error).__name__}: {error}"
        result.problems.append(Problem(job.path, f"échec de la mise en page ({detail})"))
        result.slug = None
    return result


def available_cpus() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@contextlib.contextmanager
def results(pending: list[Job], jobs: int) -> Iterator[Iterator[Result]]:
    """The results of ``pending``, in the order they finish; on leaving the block early
    (a stop signal, an error), every worker is killed before the block is left.

    A worker killed from outside (out of memory…) breaks its pool: the fiches it left
    unfinished are built again in a new pool, then, if that breaks too, one by one, so
    that only a fiche that kills its own worker fails."""
    if jobs <= 1 or len(pending) <= 1:
        yield (build_one(job) for job in pending)
        return
    # imported here: a build with nothing to do starts no pool and skips ~20 ms of imports
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    pools: list[ProcessPoolExecutor] = []

    def run(batch: list[Job], workers: int) -> Generator[Result, None, list[Job]]:
        pool = _pool(workers)
        pools.append(pool)
        # Workers are forked at the first submit: a signal must not reach one of them
        # before it has set its own handlers (it would print a Python traceback).
        with _signals_blocked():
            futures = {pool.submit(_build_one, job): job for job in batch}
        broken = []
        waiting = set(futures)
        while waiting:
            done, waiting = wait(waiting, return_when=FIRST_COMPLETED)
            for future in done:
                try:
                    result = future.result()
                except BrokenProcessPool:
                    broken.append(futures[future])
                    continue
                yield result
        pool.shutdown(wait=True)
        pools.remove(pool)
        return sorted(broken, key=lambda job: job.path)

    def everything() -> Iterator[Result]:
        broken = yield from run(pending, jobs)
        if broken:
            broken = yield from run(broken, jobs)
        for job in broken:
            if (yield from run([job], 1)):
                yield Result(job.path, job.key, [Problem(job.path, _KILLED)])

    finished = False
    try:
        yield everything()
        finished = True
    finally:
        for pool in pools:
            if finished:
                pool.shutdown(wait=True)
            else:
                _kill(pool)


_KILLED = (
    "le processus qui construisait cette fiche s'est arrêté brutalement, deux fois "
    "(mémoire insuffisante ? arrêt forcé ?) ; les autres fiches sont construites"
)


# Allocations between two collections of the youngest generation (Python's default: 700).
# A fiche makes hundreds of thousands of objects that live until it is written (tree,
# model, flowables, XML): at 700, each was traversed again by tens of young collections.
_YOUNG_THRESHOLD = 20000


def _start_worker(parent: int) -> None:
    interrupts.in_worker(parent)
    # What a worker inherits from the parent (modules, pydantic schemas, fonts) lives as
    # long as it does: out of the cyclic collector's sight, which otherwise re-traversed
    # it at every full collection (the collector's time per fiche: -45 %, ~4 % of the
    # CPU).
    gc.freeze()
    # Fewer young collections (callgrind, 16 fiches, the fiche's garbage collected at its
    # end both ways: -1.2 % of a worker's instructions); a full collection happens then less
    # often, so each fiche's garbage is collected when it is done (see _build_one): raising
    # the thresholds alone let a worker's memory grow with the number of fiches
    # (memory_scaling.py: 89 -> 115 MB from 50 to 800).
    gc.set_threshold(_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


def _build_one(job: Job) -> Result:
    try:
        return build_one(job)  # looked up when called: what a forked worker has
    finally:
        # The fiche's documents and objects are garbage now (ReportLab's and python-docx's
        # hold reference cycles): freed before the next fiche, not left to pile up.
        gc.collect()


def _pool(workers: int) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    # fork shares the warmed-up imports, fonts and template with every worker for free
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )


def _kill(pool: ProcessPoolExecutor) -> None:
    # ProcessPoolExecutor gets a public way to kill its workers only in Python 3.14.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError, AssertionError):
            process.join(timeout=10)


@contextlib.contextmanager
def _signals_blocked() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, interrupts.SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
