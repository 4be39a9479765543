"""Stress the build: many concurrent builds into one folder, interrupted at random moments.

Usage::

    python tools/stress_build.py [--fiches 24] [--builds 16] [--concurrency 3]
                                 [--interruptions 8] [--jobs 2] [--seed S]

In a temporary project of ``--fiches`` copies of the Kazakhstan fiche, it first builds
two reference folders, one per version of the data (A, and B with one name changed);
builds are byte-reproducible, so every document on disk must later equal one of them.
Then it runs ``--builds`` real ``fiche-pays build`` processes, ``--concurrency`` at a
time, into one output folder, half of them with ``--force``; ``--interruptions`` of
them get SIGINT or SIGTERM at a random moment of their run, from their first line of code
(during the interpreter's own start-up, a few hundredths of a second, a signal is
Python's: it stops the process silently, before anything is written); between launches,
fiches switch between A and B (replaced atomically, as an editor saves). At the end it
reports:

- documents lost: a document a build said it wrote (« écrit : … ») that is not there;
- partial files: a document equal to neither reference, or a temporary file left;
- orphan processes: a worker still alive after its build exited;
- manifest mismatches: an entry whose documents are missing, of another size or not
  built from the data it names, or a document no entry describes;
- wrong exits: a traceback, an internal error, or an exit code other than 0, 130, 143;

then runs one last build, which must leave every fiche up to date with its data. The
last line of stdout is one JSON object of those counts; the exit code is 1 unless all
are zero.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_FICHE = ROOT / "data" / "kazakhstan.yaml"
MANIFEST = ".fiche-pays-manifest.json"
CHANGE = ("Didier Canesse", "Autre Nom")  # version B of a fiche


def fiche_text(index: int, version: str) -> str:
    """The data of fiche ``index`` in version "A" or "B"."""
    text = SEED_FICHE.read_text(encoding="utf-8")
    text = text.replace("nom: Kazakhstan", f"nom: Pays{index:03d}", 1)
    return text.replace(*CHANGE) if version == "B" else text


def write_atomically(path: Path, text: str) -> None:
    """Replace a file in one step, as editors save."""
    temporary = path.with_name(f".{path.name}.edit")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def command(out: Path, jobs: int, *extra: str) -> list[str]:
    """The build command line, as a user runs it."""
    return [sys.executable, "-m", "fiche_pays", "build", "--out", str(out), "-j", str(jobs), *extra]


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """True when ``pid`` runs (a zombie is not running)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def documents(folder: Path) -> dict[str, bytes]:
    """The documents of an output folder by name."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


@dataclass
class Audit:
    """What went wrong, by kind."""

    lost: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)
    orphans: list[int] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)
    wrong_exits: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """The number of each kind."""
        return {
            "documents_lost": len(self.lost),
            "partial_files": len(self.partial),
            "orphan_processes": len(self.orphans),
            "manifest_mismatches": len(self.mismatches),
            "wrong_exits": len(self.wrong_exits),
        }


def audit_folder(
    out: Path,
    references: dict[str, dict[str, bytes]],
    data_hashes: dict[str, str],
    audit: Audit,
) -> None:
    """Check that the output folder holds only whole documents the manifest describes.

    ``references``: version -> document name -> bytes; ``data_hashes``: SHA-256 of a
    data file's bytes -> version."""
    on_disk = documents(out)
    for name, content in on_disk.items():
        if not any(ref.get(name) == content for ref in references.values()):
            audit.partial.append(f"{name} : ni la version A ni la version B")
    for leftover in out.iterdir():
        if leftover.name.startswith(".fiche-pays-tmp-") or leftover.name.endswith(".tmp"):
            audit.partial.append(f"{leftover.name} : fichier temporaire resté")
    try:
        entries = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["entries"]
    except (OSError, ValueError, KeyError) as error:
        audit.mismatches.append(f"manifeste illisible : {error}")
        return
    described = set()
    for key, entry in entries.items():
        version = data_hashes.get(entry["data_hash"])
        for fmt, size in entry["outputs"].items():
            name = f"{entry['slug']}.{fmt}"
            described.add(name)
            content = on_disk.get(name)
            if content is None:
                audit.mismatches.append(f"{key} : {name} absent")
            elif len(content) != size:
                audit.mismatches.append(f"{key} : {name} de {len(content)} octets, pas {size}")
            elif version is None or references[version].get(name) != content:
                audit.mismatches.append(f"{key} : {name} n'est pas fait des données notées")
    for name in sorted(set(on_disk) - described):
        audit.mismatches.append(f"{name} : aucune entrée du manifeste")


def handles_stops(pid: int) -> bool:
    """True once the program runs its own code: it catches SIGTERM (Python alone catches
    only SIGINT). Before, in the interpreter's start-up, a signal is Python's business."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    line = next((x for x in status.splitlines() if x.startswith("SigCgt:")), "SigCgt: 0")
    return bool(int(line.split()[1], 16) & (1 << (signal.SIGTERM - 1)))


@dataclass
class Run:
    """One build process of the stress."""

    process: subprocess.Popen
    delay: float | None  # seconds from the program's start to the signal, or None
    signum: int
    interrupt_at: float | None = None  # monotonic time, once the program has started
    workers: set[int] = field(default_factory=set)
    interrupted: bool = False


def stress(
    fiches: int, builds: int, concurrency: int, interruptions: int, jobs: int, seed: int
) -> tuple[Audit, dict[str, float]]:
    """Run the stress in a temporary project; return the audit and some figures."""
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("SOURCE_DATE_EPOCH", None)
    work = Path(tempfile.mkdtemp(prefix="stress-fiche-pays-"))
    try:
        data = work / "data"
        data.mkdir()
        references: dict[str, dict[str, bytes]] = {}
        data_hashes: dict[str, str] = {}
        start = time.monotonic()
        for version in ("A", "B"):
            for i in range(fiches):
                text = fiche_text(i, version)
                write_atomically(data / f"p{i:03d}.yaml", text)
                data_hashes[hashlib.sha256(text.encode()).hexdigest()] = version
            reference = work / f"ref-{version}"
            subprocess.run(
                command(reference, jobs), cwd=work, env=env, check=True, capture_output=True
            )
            references[version] = documents(reference)
        one_build = (time.monotonic() - start) / 2
        out = work / "output"
        audit = Audit()
        written: set[str] = set()
        interrupt_runs = set(rng.sample(range(builds), min(interruptions, builds)))
        running: list[Run] = []
        launched = 0
        interrupted = 0
        while launched < builds or running:
            while launched < builds and len(running) < concurrency:
                for i in rng.sample(range(fiches), max(1, fiches // 4)):  # edits between runs
                    write_atomically(data / f"p{i:03d}.yaml", fiche_text(i, rng.choice("AB")))
                extra = ("--force",) if launched % 2 else ()
                process = subprocess.Popen(
                    command(out, jobs, *extra),
                    cwd=work,
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                delay = None
                if launched in interrupt_runs:
                    delay = rng.uniform(0, one_build * 0.9)  # within its run, nearly always
                signum = rng.choice([signal.SIGINT, signal.SIGTERM])
                running.append(Run(process, delay, signum))
                launched += 1
            time.sleep(0.01)
            for run in list(running):
                if run.process.poll() is None:
                    run.workers |= children(run.process.pid)
                    if run.delay is not None and handles_stops(run.process.pid):
                        run.interrupt_at, run.delay = time.monotonic() + run.delay, None
                    if run.interrupt_at is not None and time.monotonic() >= run.interrupt_at:
                        run.workers |= children(run.process.pid)
                        run.process.send_signal(run.signum)
                        run.interrupt_at = None
                        run.interrupted = True
                        interrupted += 1
                    continue
                stdout, stderr = run.process.communicate()
                running.remove(run)
                written |= {
                    Path(line.split(" : ", 1)[1]).name
                    for line in stdout.splitlines()
                    if line.startswith("écrit : ")
                }
                allowed = {0, 128 + run.signum} if run.interrupted else {0}
                if run.process.returncode not in allowed:
                    audit.wrong_exits.append(f"code {run.process.returncode} : {stderr[-300:]}")
                if "Traceback" in stderr or "erreur interne" in stderr:
                    audit.wrong_exits.append(stderr[-300:])
                time.sleep(0.2)  # let the kernel reap what the build killed
                audit.orphans += [pid for pid in run.workers if alive(pid)]
        on_disk = documents(out)
        audit.lost += sorted(name for name in written if name not in on_disk)
        audit_folder(out, references, data_hashes, audit)
        # One last build brings every fiche up to date with its data, and records it.
        final = subprocess.run(command(out, jobs), cwd=work, env=env, capture_output=True)
        if final.returncode != 0:
            audit.wrong_exits.append(f"dernière construction : {final.stderr.decode()[-300:]}")
        audit_folder(out, references, data_hashes, audit)
        current = {}
        for i in range(fiches):
            text = (data / f"p{i:03d}.yaml").read_text(encoding="utf-8")
            current[i] = data_hashes[hashlib.sha256(text.encode()).hexdigest()]
        final_docs = documents(out)
        for i, version in current.items():
            for fmt in ("pdf", "docx"):
                name = f"pays{i:03d}.{fmt}"
                if final_docs.get(name) != references[version][name]:
                    audit.mismatches.append(f"{name} : pas à jour après la dernière construction")
        figures = {"interrupted": interrupted, "one_build_s": round(one_build, 2)}
        return audit, figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    """Run the stress from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fiches", type=int, default=24)
    parser.add_argument("--builds", type=int, default=16)
    parser.add_argument("--concurrency", type=int, default=3)
    parser.add_argument("--interruptions", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    start = time.monotonic()
    audit, figures = stress(
        args.fiches, args.builds, args.concurrency, args.interruptions, args.jobs, seed
    )
    counts = audit.counts()
    print(
        f"{args.builds} builds ({args.concurrency} at a time, {figures['interrupted']} "
        f"interrupted) of {args.fiches} fiches, seed {seed}, "
        f"{time.monotonic() - start:.1f} s"
    )
    for kind, items in (
        ("documents lost", audit.lost),
        ("partial files", audit.partial),
        ("orphan processes", audit.orphans),
        ("manifest mismatches", audit.mismatches),
        ("wrong exits", audit.wrong_exits),
    ):
        print(f"  {kind:<20} {len(items)}")
        for item in items[:5]:
            print(f"    {item}")
    print(json.dumps({**counts, **figures, "seed": seed}))
    return 0 if not any(counts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
