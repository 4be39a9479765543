"""Peak memory of a build worker as the number of fiches grows (flat is the target).

Usage::

    python benchmarks/memory_scaling.py [--counts 50 800] [--jobs 2]

For each count, generates that many synthetic fiches (``synthetic.py``) and builds them
(PDF and DOCX) in a fresh process, then prints one JSON line per count: the largest
worker's peak resident set (``ru_maxrss`` of the finished children) and the build
process's own. A measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = """
import json, resource, sys
from fiche_pays.build import build
paths = sys.argv[2:]
report = build(paths, sys.argv[1], jobs={jobs}, force=True)
print(json.dumps({{
    "ok": report.ok,
    "built": len(report.built),
    "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "build_process_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}}))
"""


def measure(count: int, jobs: int, seed: int) -> dict[str, object]:
    """Build ``count`` synthetic fiches in a fresh process; its memory figures."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import synthetic

    with tempfile.TemporaryDirectory(prefix="memory-fiche-pays-") as tmp:
        paths = synthetic.generate(Path(tmp) / "data", count, seed)
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                _CHILD.format(jobs=jobs),
                str(Path(tmp) / "out"),
                *map(str, paths),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return {"fiches": count, "jobs": jobs, **figures}


def main(argv: list[str] | None = None) -> int:
    """Print one JSON line per count."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[50, 800])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=20240501)
    args = parser.parse_args(argv)
    for count in args.counts:
        print(json.dumps(measure(count, args.jobs, args.seed)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
