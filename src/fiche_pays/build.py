"""Building many fiches: parallel, incremental, atomic.

The builder does orchestration and file I/O; content is the compose step's, layout the
writers'. Each fiche is built in a worker process into a private temporary folder
inside the output folder; only when every document of the fiche succeeded, and no
other fiche claims the same output name, are they renamed into place. A failed or
interrupted build therefore never leaves a partial document and never replaces a good
one.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from . import manifest as mf
from .problems import DataError, Problem, os_error_text
from .theme.load import Theme, load_theme

FORMATS = ("pdf", "docx")
TEMP_PREFIX = ".fiche-pays-tmp-"
_UMASK = os.umask(0o022)
os.umask(_UMASK)


@dataclass(frozen=True)
class Job:
    """One data file to build."""

    path: str
    out_dir: str
    temp_dir: str
    formats: tuple[str, ...]
    template: str
    inputs: str
    data_hash: str
    debug: bool = False


@dataclass
class Result:
    """What a worker made of a job: documents in the temporary folder, or problems."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    slug: str | None = None
    country: str | None = None
    updated: str | None = None
    temporary: dict[str, str] = field(default_factory=dict)  # format -> temporary file

    @property
    def ok(self) -> bool:
        """True when every requested document was made."""
        return self.slug is not None and not any(p.severity == "error" for p in self.problems)


@dataclass
class Report:
    """The outcome of a build."""

    built: list[str] = field(default_factory=list)  # data files rebuilt
    skipped: list[str] = field(default_factory=list)  # data files already up to date
    failed: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failed


def discover(paths: Iterable[str] = ()) -> list[str]:
    """The data files to build: those given, or every data/*.yaml."""
    given = list(paths)
    if given:
        return given
    folder = Path("data")
    return sorted(str(p) for p in [*folder.glob("*.yaml"), *folder.glob("*.yml")])


def template_hash(theme: Theme) -> str:
    """One hash for every file the template's look depends on."""
    return mf.combined_hash([mf.file_hash(p) for p in theme.files() if p.is_file()])


def inputs_hash(data_hash: str, template: str) -> str:
    """The build key of a fiche: its data, its template and the program."""
    return mf.combined_hash([data_hash, template, mf.program_hash()])


def _build_one(job: Job) -> Result:
    """Load, compose and render one fiche into the job's temporary folder."""
    from .composer import compose
    from .glyphs import missing_glyphs
    from .loader.load import load_source
    from .writers import render

    result = Result(job.path)
    try:
        loaded = load_source(job.path)
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
            theme.data.fonts.family,
        )
        document = compose(fiche, theme.wording())
        for fmt in job.formats:
            handle, temporary = tempfile.mkstemp(
                prefix=f"{fiche.slug}.", suffix=f".{fmt}", dir=job.temp_dir
            )
            with os.fdopen(handle, "wb") as stream:
                render(document, fmt, stream, theme)
            os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp makes 0600 files
            result.temporary[fmt] = temporary
        result.slug = fiche.slug
        result.country = fiche.country.name
        result.updated = fiche.document.updated.first_day.isoformat()
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


def _pool(jobs: int) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    # fork shares the warmed-up imports, fonts and template with every worker for free
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context)


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


def build(
    paths: Iterable[str] = (),
    out_dir: str | Path = "output",
    formats: tuple[str, ...] = FORMATS,
    template: str = "officiel",
    jobs: int | None = None,
    force: bool = False,
    debug: bool = False,
    progress: Callable[[Result | str, int, int], None] | None = None,
) -> Report:
    """Build the documents of the given data files (default: data/*.yaml)."""
    start = time.perf_counter()
    report = Report()
    out = Path(out_dir)
    theme = load_theme(template)
    look = template_hash(theme)
    temp_dir = _prepare(out)
    manifest = mf.Manifest.read(out)
    files = discover(paths)
    pending: list[Job] = []
    try:
        for path in files:
            try:
                data_hash = mf.file_hash(Path(path))
            except OSError:
                data_hash = "absent"
            inputs = inputs_hash(data_hash, look)
            entry = manifest.entries.get(path)
            if not force and up_to_date(entry, inputs, formats, out):
                report.skipped.append(path)
                if progress:
                    progress(path, len(report.skipped), len(files))
                continue
            pending.append(
                Job(path, str(out), str(temp_dir), formats, template, inputs, data_hash, debug)
            )
        results = _run(pending, jobs, template, formats, progress, len(report.skipped), len(files))
        _commit(results, pending, manifest, out, formats, report)
        manifest.write(out)
    finally:
        shutil.rmtree(temp_dir, ignore_errors=True)
    report.seconds = time.perf_counter() - start
    return report


def _prepare(out: Path) -> Path:
    """Create the output folder and this build's private temporary folder inside it."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        _clean_temporaries(out)
        return Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=out))
    except OSError as error:
        # Nothing was written: say where and why, without a traceback.
        raise DataError(
            [Problem(str(out), f"dossier de sortie inutilisable : {os_error_text(error)}")]
        ) from None


def _run(
    pending: list[Job],
    jobs: int | None,
    template: str,
    formats: tuple[str, ...],
    progress: Callable | None,
    done: int,
    total: int,
) -> list[Result]:
    jobs = max(1, min(jobs or available_cpus(), len(pending) or 1))
    if not pending:
        return []
    results: list[Result] = []
    if jobs == 1 or len(pending) == 1:
        for job in pending:
            results.append(_build_one(job))
            done += 1
            if progress:
                progress(results[-1], done, total)
        return results
    from .writers import warm

    warm(load_theme(template), formats)
    with _pool(jobs) as pool:
        futures = [pool.submit(_build_one, job) for job in pending]
        for future in as_completed(futures):
            results.append(future.result())
            done += 1
            if progress:
                progress(results[-1], done, total)
    return results


def available_cpus() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _commit(
    results: list[Result],
    pending: list[Job],
    manifest: mf.Manifest,
    out: Path,
    formats: tuple[str, ...],
    report: Report,
) -> None:
    """Move finished documents into place, unless two fiches claim the same name."""
    jobs = {job.path: job for job in pending}
    owners: dict[str, list[str]] = {}
    for path, entry in manifest.entries.items():
        if path not in jobs and Path(path).exists():
            owners.setdefault(entry.slug, []).append(path)
    for result in results:
        if result.ok:
            owners.setdefault(result.slug, []).append(result.path)
    for result in sorted(results, key=lambda r: r.path):
        report.problems.extend(result.problems)
        clash = [p for p in owners.get(result.slug or "", []) if p != result.path]
        if result.ok and clash:
            report.problems.append(
                Problem(
                    result.path,
                    f"même pays que {', '.join(clash)} : les deux fiches produiraient "
                    f"{result.slug}.pdf ; gardez un seul fichier par pays",
                )
            )
        if not result.ok or clash:
            report.failed.append(result.path)
            continue
        outputs: dict[str, int] = {}
        try:
            for fmt in formats:
                target = out / f"{result.slug}.{fmt}"
                os.replace(result.temporary[fmt], target)
                outputs[fmt] = target.stat().st_size
                report.written.append(target)
        except OSError as error:
            # The rename is atomic: the target is the new document or the previous one.
            report.problems.append(
                Problem(
                    result.path,
                    f"impossible de mettre {target.name} en place dans {out} : "
                    f"{os_error_text(error)} ; le document précédent est intact",
                )
            )
            report.failed.append(result.path)
            manifest.entries.pop(result.path, None)  # rebuilt next time
            continue
        job = jobs[result.path]
        manifest.entries[result.path] = mf.Entry(
            job.data_hash, job.inputs, result.slug, result.country, result.updated, outputs
        )
        report.built.append(result.path)


def _clean_temporaries(out: Path) -> None:
    """Remove what an interrupted build may have left (never a finished document)."""
    for leftover in out.glob(TEMP_PREFIX + "*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in out.glob(f".{mf.MANIFEST_NAME}.*.tmp"):  # a manifest write cut short
        leftover.unlink(missing_ok=True)
