"""Profile (cProfile) building the gallery and N synthetic fiches in one process.

Usage::

    python benchmarks/profile_build.py [--fiches 200] [--top 25] [--out profile.pstats]

Runs ``fiche_pays.build.build`` with one process (cProfile does not follow workers) over
data/*.yaml and N fiches of ``synthetic.py``, then prints the time by area (load,
compose, typeset, provenance, PDF layout, tagging, DOCX, zip...), and the top functions
by cumulative and by own time. An area's time is the own time of the functions whose
module belongs to it (see AREAS), so the areas add up to the total.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

from fiche_pays.build import build

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic

ROOT = Path(__file__).resolve().parent.parent

# (area, substring of the function's file); the first that matches wins.
AREAS = (
    ("typeset", "composer/typeset"),
    ("provenance", "composer/provenance"),
    ("provenance", "writers/docx/provenance"),
    ("compose", "fiche_pays/composer"),
    ("compose", "fiche_pays/french"),
    ("compose", "babel/"),
    ("load", "fiche_pays/loader"),
    ("load", "fiche_pays/model"),
    ("load", "yaml/"),
    ("load", "_yaml"),
    ("load", "pydantic"),
    ("tagging", "writers/pdf/tagging"),
    ("tagging", "writers/pdf/structure"),
    ("PDF layout", "writers/pdf"),
    ("PDF layout", "reportlab/platypus"),
    ("PDF layout", "reportlab/pdfbase/pdfmetrics"),
    ("PDF layout", "reportlab/lib"),
    ("PDF layout", "reportlab/graphics"),
    ("PDF layout", "html/parser"),  # ReportLab's markup parser is an HTMLParser
    ("PDF layout", "_markupbase"),
    ("PDF layout", "pyphen"),
    ("PDF output", "reportlab/pdfbase"),
    ("PDF output", "reportlab/pdfgen"),
    ("DOCX", "writers/docx"),
    ("DOCX", "/docx/"),
    ("DOCX", "lxml"),
    ("provenance", "json/"),
    ("zip", "zipfile"),
    ("zip", "zlib"),
    ("tree", "fiche_pays/tree"),
    ("theme", "fiche_pays/theme"),
    ("build", "fiche_pays/"),
)


def area_of(filename: str) -> str:
    """The area of a function's file (or of a built-in's name)."""
    for area, part in AREAS:
        if part in filename:
            return area
    return "other"


def _area(function: tuple[str, int, str]) -> str:
    filename, _line, name = function
    if filename == "~":  # a built-in: zlib's are the zip's, the others their callers'
        return "zip" if "zlib" in name or "compress" in name else "~"
    return area_of(filename)


def by_area(stats: pstats.Stats) -> dict[str, float]:
    """Own time summed by area; a built-in function's time (a regular expression, a
    string method) goes to the areas of its callers, in proportion to their calls' time."""
    totals: dict[str, float] = {}
    for function, (_cc, _nc, tottime, _ct, callers) in stats.stats.items():
        area = _area(function)
        if area != "~":
            totals[area] = totals.get(area, 0.0) + tottime
            continue
        shares = {c: v[2] for c, v in callers.items()}  # caller -> own time of those calls
        spread = sum(shares.values()) or 1.0
        for caller, share in shares.items():
            caller_area = _area(caller)
            caller_area = "other" if caller_area == "~" else caller_area
            totals[caller_area] = totals.get(caller_area, 0.0) + tottime * share / spread
        if not shares:
            totals["other"] = totals.get("other", 0.0) + tottime
    return dict(sorted(totals.items(), key=lambda kv: -kv[1]))


def summary(stats: pstats.Stats, top: int, label: str) -> None:
    """Print the areas and the top functions by cumulative and own time."""
    total = sum(v[2] for v in stats.stats.values())
    print(f"{label}, {total:.2f} s of profiled CPU (one process)")
    for area, seconds in by_area(stats).items():
        print(f"  {area:<12} {seconds:7.2f} s  {seconds / total:6.1%}")
    for order in ("cumulative", "tottime"):
        text = io.StringIO()
        stats.stream = text
        stats.sort_stats(order).print_stats(top)
        print(text.getvalue().split("\n", 6)[-1])


def main(argv: list[str] | None = None) -> int:
    """Profile one build; print areas and the top functions."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fiches", type=int, default=200)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--out", type=Path, default=None, help="save the raw pstats here")
    parser.add_argument("--load", type=Path, default=None, help="summarise saved pstats")
    parser.add_argument("--seed", type=int, default=20240501)
    args = parser.parse_args(argv)
    if args.load:
        summary(pstats.Stats(str(args.load)), args.top, str(args.load))
        return 0
    with tempfile.TemporaryDirectory(prefix="profile-fiche-pays-") as tmp:
        root = Path(tmp)
        paths = [str(p) for p in sorted((ROOT / "data").glob("*.yaml"))]
        paths += [str(p) for p in synthetic.generate(root / "data", args.fiches, args.seed)]
        build(paths[:2], root / "warm", jobs=1, force=True)  # imports and fonts, not profiled
        # CPU time, not wall time: the machine may be shared
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        report = build(paths, root / "out", jobs=1, force=True)
        profiler.disable()
        if not report.ok:
            print(report.problems[:3], file=sys.stderr)
            return 1
    stats = pstats.Stats(profiler)
    if args.out:
        stats.dump_stats(args.out)
    summary(stats, args.top, f"{len(paths)} fiches")
    return 0


if __name__ == "__main__":
    sys.exit(main())
