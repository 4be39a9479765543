"""Helpers for tests that run real `fiche-pays build` processes (concurrency, signals).

The folder checks are those of ``tools/stress_build.py``, so that the tests and the
stress script judge an output folder the same way.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import stress_build  # noqa: E402

children = stress_build.children
alive = stress_build.alive
documents = stress_build.documents
Audit = stress_build.Audit
audit_folder = stress_build.audit_folder


LIGHT = """\
pays:
  nom: Pays{index:03d}
  code: KZ
  au: au Pays{index:03d}
  du: du Pays{index:03d}
  le: le Pays{index:03d}
  adjectif: paysan
document:
  mise_a_jour: 2021-05-05
relations_politiques:
  texte: Les relations sont suivies par Didier Canesse.
"""


def project(folder: Path, count: int, version: str = "A", light: bool = False) -> Path:
    """A project folder with ``count`` fiches in data/ (copies of the Kazakhstan fiche,
    or, ``light``, a few lines each: quick to build); return it."""
    (folder / "data").mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = LIGHT.format(index=i) if light else stress_build.fiche_text(i, version)
        if light and version == "B":
            text = text.replace(*stress_build.CHANGE)
        stress_build.write_atomically(folder / "data" / f"p{i:03d}.yaml", text)
    return folder


def environment() -> dict[str, str]:
    """The environment of a build process: this checkout's code, no SOURCE_DATE_EPOCH."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("SOURCE_DATE_EPOCH", None)
    return env


def start(folder: Path, *args: str) -> subprocess.Popen:
    """Start `fiche-pays build ARGS` in ``folder``, its output captured."""
    return subprocess.Popen(
        [sys.executable, "-m", "fiche_pays", "build", *args],
        cwd=folder,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def reference(folder: Path, count: int) -> tuple[dict[str, dict[str, bytes]], dict[str, str]]:
    """Build version A of ``count`` fiches once, in a folder of its own; return the
    references and data hashes that :func:`audit_folder` takes."""
    subprocess.run(
        [sys.executable, "-m", "fiche_pays", "build", "--out", "ref"],
        cwd=folder,
        env=environment(),
        check=True,
        capture_output=True,
    )
    hashes = {
        hashlib.sha256((folder / "data" / f"p{i:03d}.yaml").read_bytes()).hexdigest(): "A"
        for i in range(count)
    }
    return {"A": documents(folder / "ref")}, hashes


def wait_for_commit(out: Path, process: subprocess.Popen, timeout: float = 60) -> None:
    """Wait until the build has put at least one document in place."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if any(not p.name.startswith(".") for p in out.glob("*")):
            return
        time.sleep(0.005)
    raise AssertionError("the build committed nothing in time")
