"""Benchmark of `fiche_pays.build.build` against "the floor" on synthetic fiches.

Usage::

    python benchmarks/bench_build.py [--fiches 200] [--jobs N] [--repeat 1] [--seed S]

Generates N synthetic, valid fiches in a temporary folder (see ``synthetic.py``), then
times in one run:

1. a full build (PDF and DOCX, all cores, ``force``);
2. a rebuild with nothing changed;
3. a rebuild after one number of one data file changed;
4. the floor: what a competent developer writes in an afternoon for the same content
   with plain ReportLab platypus and plain python-docx (see FLOOR_INCLUDES below): libyaml,
   fonts registered once per process, the same texts, facts, lists and tables, a running
   header and a "page N / total" footer, over a process pool of the same size.

It prints what the floor includes and leaves out, a table, then as the very last line of
stdout one JSON object with the keys fiches, full_s, floor_s, overhead_ratio, cpu_ratio,
nochange_s, one_changed_s and peak_rss_mb. Targets on a 2-core machine: overhead_ratio
and cpu_ratio <= 0.75, a no-change rebuild of 200 fiches under 0.3 s through the command
line, memory per worker flat in N. This is a measurement, not a test: nothing here
asserts timings.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import docx
import yaml
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

import fiche_pays
from fiche_pays.build import available_cpus, build

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic

FONTS_DIR = Path(fiche_pays.__file__).resolve().parent / "fonts"
FONT_FACES = {
    "Sans": "LiberationSans-Regular.ttf",
    "Sans-Bold": "LiberationSans-Bold.ttf",
    "Sans-Italic": "LiberationSans-Italic.ttf",
    "Sans-BoldItalic": "LiberationSans-BoldItalic.ttf",
}
BOTH = ("pdf", "docx")
JSON_KEYS = (
    "fiches",
    "full_s",
    "floor_s",
    "overhead_ratio",
    "cpu_ratio",
    "nochange_s",
    "nochange_cli_s",
    "one_changed_s",
    "peak_rss_mb",
)


# --- the floor ------------------------------------------------------------------------------
#
# What someone who knows ReportLab and python-docx but not this project would write in an
# afternoon, without handicaps: libyaml, the fonts registered once per worker process,
# the same pool. Both writers are driven by the same walk over the data so that they lay
# out the same texts and tables.

FLOOR_INCLUDES = (
    "floor includes: YAML read with libyaml (CSafeLoader); TrueType fonts registered once "
    "per worker; the same titles, paragraphs, fact lines, bullets and tables; a running "
    "header and a 'page N / total' footer (ReportLab's numbered-canvas recipe); "
    "python-docx on its default template, with header and footer; same process pool. "
    "Both sides run from compiled bytecode (fiche_pays is compiled first, as pip compiles "
    "the floor's libraries)."
)
FLOOR_LEAVES_OUT = (
    "floor leaves out: validation and located errors, {references}, derived figures, the "
    "document tree, table of contents, bookmarks and outline, the trade chart, document "
    "properties, the template's styles and title block, tagging (PDF/UA, PDF/A), "
    "reproducible bytes, atomic writes and the incremental manifest."
)


class _PdfSink:
    """Collects a platypus story."""

    def __init__(self) -> None:
        styles = getSampleStyleSheet()
        for style in styles.byName.values():
            if isinstance(style, ParagraphStyle):
                bold = style.name.startswith(("Heading", "Title"))
                style.fontName = "Sans-Bold" if bold else "Sans"
                style.bulletFontName = "Sans"
        self.styles = styles
        self.cell = ParagraphStyle("cell", styles["BodyText"], fontSize=9, leading=11)
        self.story: list[Any] = []

    def title(self, text: str, subtitle: str) -> None:
        self.story += [
            Paragraph(escape(text), self.styles["Title"]),
            Paragraph(escape(subtitle), self.styles["Heading2"]),
        ]

    def heading(self, text: str, level: int) -> None:
        self.story.append(Paragraph(escape(text), self.styles[f"Heading{level + 1}"]))

    def paragraph(self, text: str) -> None:
        self.story.append(Paragraph(escape(text), self.styles["BodyText"]))

    def fact(self, label: str, value: str) -> None:
        self.story.append(
            Paragraph(f"<b>{escape(label)}</b> : {escape(value)}", self.styles["BodyText"])
        )

    def bullet(self, text: str) -> None:
        self.story.append(Paragraph(escape(text), self.styles["BodyText"], bulletText="•"))

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        cells = [[Paragraph(escape(c), self.cell) for c in row] for row in [header, *rows]]
        table = Table(cells, repeatRows=1, colWidths=[170 * mm / len(header)] * len(header))
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, "#999999"),
                    ("BACKGROUND", (0, 0), (-1, 0), "#DDDDEE"),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        self.story += [table, Spacer(1, 6)]

    def save(self, path: Path, title: str) -> None:
        def header(canvas: Any, doc: Any) -> None:
            canvas.saveState()
            canvas.setFont("Sans", 8)
            canvas.drawString(20 * mm, 287 * mm, title)
            canvas.restoreState()

        SimpleDocTemplate(str(path), pagesize=A4, title=title).build(
            self.story, onFirstPage=header, onLaterPages=header, canvasmaker=_NumberedCanvas
        )


class _NumberedCanvas(Canvas):
    """ReportLab's well-known recipe for "page N / total": keep each page's state and
    draw the numbers once the total is known."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont("Sans", 8)
            self.drawRightString(190 * mm, 10 * mm, f"{self._pageNumber} / {total}")
            super().showPage()
        super().save()


class _DocxSink:
    """Fills a python-docx document made from the default template."""

    def __init__(self) -> None:
        self.doc = docx.Document()

    def title(self, text: str, subtitle: str) -> None:
        self.doc.add_heading(text, level=0)
        self.doc.add_paragraph(subtitle, style="Subtitle")

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(text, level=level)

    def paragraph(self, text: str) -> None:
        self.doc.add_paragraph(text)

    def fact(self, label: str, value: str) -> None:
        paragraph = self.doc.add_paragraph()
        paragraph.add_run(label).bold = True
        paragraph.add_run(f" : {value}")

    def bullet(self, text: str) -> None:
        self.doc.add_paragraph(text, style="List Bullet")

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        # The idiom of python-docx's own documentation.
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text

    def save(self, path: Path, title: str) -> None:
        section = self.doc.sections[0]
        section.header.paragraphs[0].text = title
        footer = section.footer.paragraphs[0]
        footer.text = title
        self.doc.save(str(path))


def _texts(text: Any) -> list[str]:
    return [" ".join(p.split()) for p in str(text or "").split("\n\n") if p.strip()]


def _free_body(sink: _PdfSink | _DocxSink, body: dict[str, Any]) -> None:
    for text in _texts(body.get("texte")):
        sink.paragraph(text)
    for fact in body.get("faits", []):
        sink.fact(str(fact["libelle"]), str(fact["valeur"]))
    for item in body.get("liste", []):
        sink.bullet(str(item))
    table = body.get("tableau")
    if table:
        if table.get("titre"):
            sink.paragraph(str(table["titre"]))
        sink.table(
            [str(h) for h in table["entetes"]], [[str(c) for c in row] for row in table["lignes"]]
        )


def _lay_out(data: dict[str, Any], sink: _PdfSink | _DocxSink) -> None:
    """Every text, fact and table of a fiche, in file order."""
    country, document = data["pays"], data["document"]
    sink.title(
        f"{country['nom']} — {document.get('titre', '')}",
        f"Mise à jour : {document['mise_a_jour']}",
    )

    political = data.get("relations_politiques") or {}
    if political:
        sink.heading("Relations politiques", 1)
        if political.get("relations_diplomatiques"):
            sink.fact("Relations diplomatiques", str(political["relations_diplomatiques"]))
        for agreement in political.get("accords", []):
            sink.fact(str(agreement["titre"]), str(agreement.get("signature", "")))
        for text in _texts(political.get("texte")):
            sink.paragraph(text)

    presence = data.get("presence_francaise") or {}
    if presence:
        sink.heading("Présence française", 1)
        for key, label in (
            ("communaute", "Communauté française"),
            ("communaute_en_france", "Communauté en France"),
        ):
            if presence.get(key):
                community = presence[key]
                sink.fact(label, f"{community.get('nombre', '')} {community.get('unite', '')}")
        if presence.get("ambassade"):
            sink.fact("Ambassade", str(presence["ambassade"].get("ville", "")))
        for post in presence.get("postes", []):
            sink.fact(str(post["type"]), str(post.get("ville", "")))
        for text in _texts(presence.get("texte")):
            sink.paragraph(text)

    visits = data.get("visites") or {}
    if visits:
        sink.heading("Visites", 1)
        for text in _texts(visits.get("texte")):
            sink.paragraph(text)
        rows = [
            [
                str(v["date"]) + (f" – {v['fin']}" if v.get("fin") else ""),
                str(v["personnalite"]) + (f", {v['fonction']}" if v.get("fonction") else ""),
                str(v.get("lieu", "")),
                str(v.get("objet", "")),
            ]
            for v in visits.get("liste", [])
        ]
        if rows:
            sink.table(["Date", "Personnalité", "Lieu", "Objet"], rows)

    ambassadors = data.get("ambassadeurs") or {}
    if ambassadors:
        sink.heading("Ambassadeurs", 1)
        for key, label in (
            ("de_france", "Ambassadeur de France"),
            ("en_france", "Ambassadeur en France"),
        ):
            if ambassadors.get(key):
                sink.fact(label, str(ambassadors[key]["nom"]))

    economy = data.get("relations_economiques") or {}
    if economy:
        sink.heading("Relations économiques", 1)
        for text in _texts(economy.get("texte")):
            sink.paragraph(text)
        if economy.get("secteurs"):
            sink.fact("Principaux secteurs", ", ".join(map(str, economy["secteurs"])))
        for product in economy.get("produits", []):
            values = ", ".join(f"{y} : {v}" for y, v in product["valeurs"].items())
            sink.fact(str(product["libelle"]), values)
        rows = []
        for year in economy.get("echanges", []):
            exports, imports = year.get("exportations"), year.get("importations")
            balance = exports - imports if exports is not None and imports is not None else ""
            rows.append(
                [
                    str(year["annee"]),
                    str(exports),
                    str(imports),
                    str(balance),
                    str(year.get("part_de_marche", "")),
                ]
            )
        if rows:
            sink.table(["Année", "Exportations", "Importations", "Solde", "Part de marché"], rows)

    cooperation = data.get("cooperation") or {}
    if cooperation:
        sink.heading("Coopération culturelle, scientifique et technique", 1)
        for text in _texts(cooperation.get("texte")):
            sink.paragraph(text)
        network = cooperation.get("alliances_francaises") or {}
        for alliance in network.get("liste", []):
            sink.fact(str(alliance["ville"]), str(alliance.get("etudiants", "")))
        for institute in cooperation.get("instituts", []):
            sink.heading(str(institute["nom"]), 2)
            sink.fact("Partenaires", ", ".join(map(str, institute.get("partenaires", []))))
            for text in _texts(institute.get("texte")):
                sink.paragraph(text)
        for school in cooperation.get("etablissements_scolaires", []):
            sink.fact(str(school["nom"]), str(school.get("eleves", "")))
        scholarships = cooperation.get("bourses") or {}
        if scholarships.get("programmes"):
            sink.fact(
                "Programmes de bourses",
                ", ".join(str(p["nom"]) for p in scholarships["programmes"]),
            )
        for text in _texts(scholarships.get("texte")):
            sink.paragraph(text)

    if data.get("autres_cooperations"):
        sink.heading("Autres types de coopérations", 1)
        _free_body(sink, data["autres_cooperations"])
    for section in data.get("sections_supplementaires", []):
        sink.heading(str(section["titre"]), 1)
        _free_body(sink, section)
    if data.get("informations_complementaires"):
        sink.heading("Informations complémentaires", 1)
        for link in data["informations_complementaires"]:
            sink.bullet(f"{link['titre']} ({link['url']})")


def register_fonts() -> None:
    """Register the four faces once per process (a pool initializer)."""
    for name, file in FONT_FACES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / file)))
    addMapping("Sans", 0, 0, "Sans")
    addMapping("Sans", 1, 0, "Sans-Bold")
    addMapping("Sans", 0, 1, "Sans-Italic")
    addMapping("Sans", 1, 1, "Sans-BoldItalic")


def floor_one(task: tuple[str, str]) -> int:
    """Lay one fiche out as PDF and DOCX; return this worker's peak RSS (KB)."""
    path, out_dir = task
    with open(path, encoding="utf-8") as stream:
        data = yaml.load(stream, Loader=yaml.CSafeLoader)
    stem = Path(out_dir) / Path(path).stem
    title = f"{data['pays']['nom']} — Relations bilatérales"
    for sink, suffix in ((_PdfSink(), ".pdf"), (_DocxSink(), ".docx")):
        _lay_out(data, sink)
        sink.save(stem.with_suffix(suffix), title)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_floor(paths: list[Path], out_dir: Path, jobs: int) -> int:
    """The floor over a pool of ``jobs`` processes; return the workers' peak RSS (KB)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    tasks = [(str(p), str(out_dir)) for p in paths]
    with context.Pool(processes=jobs, initializer=register_fonts) as pool:
        return max(pool.imap_unordered(floor_one, tasks, chunksize=1), default=0)


# --- measuring --------------------------------------------------------------------------------


@contextlib.contextmanager
def stdout_to_stderr() -> Iterator[None]:
    """Send file descriptor 1 to stderr, for this process and the workers it forks.

    The JSON line must be the last line of stdout; a library or a worker printing
    a warning would otherwise land after it or in the middle of the table.
    """
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


@dataclass
class Timing:
    """Wall-clock seconds of a call, and CPU seconds of this process and its children."""

    wall: float
    cpu: float
    result: Any = None


def _cpu_seconds() -> float:
    # Children count once they have been waited for: the pools are joined on exit.
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(function: Any, *args: Any, **kwargs: Any) -> Timing:
    """Time one call: wall clock, and CPU time (much less sensitive to a busy machine)."""
    cpu = _cpu_seconds()
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return Timing(time.perf_counter() - start, _cpu_seconds() - cpu, result)


def peak_rss_kb() -> tuple[int, int]:
    """Peak resident set size so far of this process and of its largest finished child."""
    return (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )


def bump_one_number(path: Path) -> None:
    """Edit one number of a data file, keeping it valid: the French community's size."""
    text = path.read_text("utf-8")
    changed, count = re.subn(
        r"^(\s+nombre: )(\d+)$", lambda m: f"{m[1]}{int(m[2]) + 1}", text, count=1, flags=re.M
    )
    if count != 1:
        raise RuntimeError(f"no number to edit in {path}")
    path.write_text(changed, "utf-8")


def check(condition: bool, message: str) -> None:
    """Stop the benchmark when a phase did not do what it was meant to."""
    if not condition:
        raise SystemExit(f"benchmark invalide : {message}")


def cli_nochange(paths: list[Path], out_dir: Path) -> tuple[float, str]:
    """The same no-change rebuild through the command line, interpreter start included.

    Returns the seconds and the CLI's summary line, which says how many fiches it
    rebuilt: anything but 0 means the program's sources changed during the run.
    """
    command = [sys.executable, "-m", "fiche_pays", "build", "--out", str(out_dir)]
    start = time.perf_counter()
    done = subprocess.run(
        command + [str(p) for p in paths],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    lines = done.stdout.strip().splitlines()
    summary = re.search(r"(\d+) construite", lines[-1]) if lines else None
    if done.returncode != 0 or summary is None:
        return seconds, f"CLI failed (exit {done.returncode})"
    rebuilt = int(summary[1])
    note = "interpreter start and imports included"
    return seconds, note if rebuilt == 0 else f"rebuilt {rebuilt}: sources changed during the run?"


def compile_package() -> None:
    """Compile fiche_pays's modules to bytecode, as pip does for an installed library.

    The floor's ReportLab and python-docx run from the bytecode pip wrote when installing
    them; an editable install of fiche_pays has none until Python writes it on a first
    import, and never where PYTHONDONTWRITEBYTECODE is set (some CI machines): every
    build would then compile ~100 modules from source before forking (~0.25 s)."""
    import compileall

    compileall.compile_dir(Path(fiche_pays.__file__).resolve().parent, quiet=1)


def run(fiches: int, jobs: int, repeat: int, seed: int) -> dict[str, Any]:
    """Generate, build, rebuild and lay out the floor; return every figure measured."""
    figures: dict[str, Any] = {"fiches": fiches, "jobs": jobs}
    compile_package()
    with tempfile.TemporaryDirectory(prefix="bench-fiche-pays-") as tmp:
        root = Path(tmp)
        generated = timed(synthetic.generate, root / "data", fiches, seed)
        paths: list[Path] = generated.result
        figures["generate_s"] = generated.wall
        figures["data_mb"] = sum(p.stat().st_size for p in paths) / 1e6

        def validate_all() -> None:
            for path in paths:
                fiche_pays.load(path)  # raises DataError on an invalid fiche

        figures["validate_s"] = timed(validate_all).wall
        names = [str(p) for p in paths]
        out = root / "out"

        def full_build() -> Timing:
            timing = timed(build, names, out, BOTH, jobs=jobs, force=True)
            report = timing.result
            check(report.ok and len(report.built) == fiches, f"full build: {report.problems[:3]}")
            return timing

        def floor() -> Timing:
            return timed(run_floor, paths, root / "floor", jobs)

        full = [full_build()]
        figures["output_mb"] = sum(p.stat().st_size for p in full[0].result.written) / 1e6

        nochange = timed(build, names, out, BOTH, jobs=jobs)
        check(len(nochange.result.skipped) == fiches, "the no-change rebuild rebuilt something")
        figures["nochange_s"] = nochange.wall

        changed = names[len(names) // 2]
        bump_one_number(Path(changed))
        one = timed(build, names, out, BOTH, jobs=jobs)
        check(one.result.built == [changed], f"one-changed rebuilt {one.result.built[:3]}")
        figures["one_changed_s"] = one.wall

        # Read before the floor and the CLI run, so these are the build's own figures.
        figures["rss_self_mb"], figures["rss_workers_mb"] = (kb / 1024 for kb in peak_rss_kb())
        figures["peak_rss_mb"] = max(figures["rss_self_mb"], figures["rss_workers_mb"])

        figures["nochange_cli_s"], figures["nochange_cli_note"] = cli_nochange(paths, out)

        floors = [floor()]
        # Further rounds alternate the two, so that a burst of load from another program
        # on the machine does not fall on one side only; the best round of each counts.
        for _ in range(repeat - 1):
            full.append(full_build())
            floors.append(floor())
        figures["full_s"] = min(t.wall for t in full)
        figures["full_cpu_s"] = min(t.cpu for t in full)
        figures["floor_s"] = min(t.wall for t in floors)
        figures["floor_cpu_s"] = min(t.cpu for t in floors)
        figures["rss_floor_workers_mb"] = max(t.result for t in floors) / 1024
    figures["overhead_ratio"] = figures["full_s"] / figures["floor_s"]
    figures["cpu_ratio"] = figures["full_cpu_s"] / figures["floor_cpu_s"]
    return figures


def table(figures: dict[str, Any]) -> str:
    """The figures as a readable table."""
    f = figures
    n = f["fiches"]
    rows = [
        ("fiches (processes)", f"{n} ({f['jobs']})", ""),
        ("synthetic data", f"{f['data_mb']:.1f} MB", f"generated in {f['generate_s']:.2f} s"),
        ("validation (fiche_pays.load)", f"{f['validate_s']:.2f} s", "1 process, not timed below"),
        (
            "full build, PDF + DOCX",
            f"{f['full_s']:.2f} s",
            f"{n / f['full_s']:.1f} fiches/s, {f['output_mb']:.1f} MB written",
        ),
        (
            "floor (plain ReportLab + python-docx)",
            f"{f['floor_s']:.2f} s",
            f"{n / f['floor_s']:.1f} fiches/s",
        ),
        ("overhead ratio full / floor", f"{f['overhead_ratio']:.2f}", "target <= 0.75"),
        (
            "  CPU time, full / floor",
            f"{f['full_cpu_s']:.1f} / {f['floor_cpu_s']:.1f} s",
            f"ratio {f['cpu_ratio']:.2f}, target <= 0.75 (steadier on a busy machine)",
        ),
        ("rebuild, nothing changed", f"{f['nochange_s']:.3f} s", "in process"),
        (
            "  same, via the CLI",
            f"{f['nochange_cli_s']:.3f} s",
            f"target <= 0.3 s (200 fiches); {f['nochange_cli_note']}",
        ),
        ("rebuild, one number changed", f"{f['one_changed_s']:.3f} s", ""),
        ("peak RSS, benchmark process", f"{f['rss_self_mb']:.0f} MB", ""),
        ("peak RSS, build workers", f"{f['rss_workers_mb']:.0f} MB", "largest worker"),
        ("peak RSS, floor workers", f"{f['rss_floor_workers_mb']:.0f} MB", "largest worker"),
    ]
    width = max(len(row[0]) for row in rows)
    value_width = max(len(row[1]) for row in rows)
    lines = [
        f"{label:<{width}}  {value:>{value_width}}  {note}".rstrip() for label, value, note in rows
    ]
    rule = "-" * max(len(line) for line in lines)
    return "\n".join([rule, *lines, rule])


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the table, then the JSON line last."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fiches", type=int, default=200, help="number of fiches (default 200)")
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: all cores)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="best of N rounds for the full build and the floor"
    )
    parser.add_argument("--seed", type=int, default=20240501, help="random seed of the data")
    args = parser.parse_args(argv)
    if args.fiches < 1 or args.repeat < 1 or (args.jobs is not None and args.jobs < 1):
        parser.error("--fiches, --repeat and --jobs must be at least 1")
    jobs = args.jobs or available_cpus()
    with stdout_to_stderr():
        figures = run(args.fiches, jobs, args.repeat, args.seed)
    print(FLOOR_INCLUDES)
    print(FLOOR_LEAVES_OUT)
    print(table(figures))
    result = {key: figures[key] for key in JSON_KEYS}
    result = {k: round(v, 4) if isinstance(v, float) else v for k, v in result.items()}
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
