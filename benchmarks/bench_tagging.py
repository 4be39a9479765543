"""What tagging (PDF/UA) and PDF/A identification cost: the gallery's PDFs written with the
writer as shipped, and with the same writer with tagging switched off.

Usage::

    python benchmarks/bench_tagging.py [--rounds 15] [--template officiel]

The documents are composed once; then each round writes every gallery PDF (data/*.yaml)
once per variant, the variants alternating so that a load change on the machine hits
both alike. CPU time (``process_time``) per round; the minimum and the median over the
rounds are printed, then one JSON line. The variants:

- ``tagged``: the writer as shipped (marked content, structure tree, XMP, output intent);
- ``untagged``: no marked content and no structure tree (a tagger that writes nothing),
  PDF/A identification kept;
- ``plain``: neither tagging nor PDF/A identification: the writer before issue 14.

The switch is made here, by substitution, not in the writer: the shipped writer has one
path. This is a measurement, not a test: nothing here asserts timings.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fiche_pays import compose, load, load_theme, render
from fiche_pays.writers import warm
from fiche_pays.writers.pdf import tagging, writer

DATA = Path(__file__).resolve().parents[1] / "data"


class NullTagger(tagging.Tagger):
    """A tagger that records nothing and writes no marked content."""

    def begin_page(self, canv) -> None:
        self.page += 1

    def end_page(self, canv) -> None:
        pass

    def begin(self, canv, elem) -> None:
        pass

    def end(self, canv) -> None:
        pass

    @contextmanager
    def artifact(self, canv, kind="Pagination", subtype=None) -> Iterator[None]:
        yield

    @contextmanager
    def inline(self, owner) -> Iterator[None]:
        yield

    def start_text(self, tx) -> None:
        pass

    def end_text(self, tx) -> bool:
        return False

    def switch(self, tx, label) -> None:
        pass

    def annotation(self, index, href) -> None:
        pass


@contextlib.contextmanager
def variant(name: str) -> Iterator[None]:
    """Switch the writer to a variant for the duration."""
    saved = writer.Tagger, writer.add_structure, writer.identify
    if name in ("untagged", "plain"):
        writer.Tagger = NullTagger
        writer.add_structure = lambda canv, tags: None
    if name == "plain":
        writer.identify = lambda canv, language: None
    try:
        yield
    finally:
        writer.Tagger, writer.add_structure, writer.identify = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--template", default="officiel")
    args = parser.parse_args()
    theme = load_theme(args.template)
    warm(theme, ("pdf",))
    documents = [compose(load(path), theme.wording()) for path in sorted(DATA.glob("*.yaml"))]
    names = ("tagged", "untagged", "plain")
    times: dict[str, list[float]] = {name: [] for name in names}
    sizes: dict[str, int] = {}
    for _ in range(args.rounds + 1):  # the first round warms caches and is dropped
        for name in names:
            with variant(name):
                outputs = [io.BytesIO() for _ in documents]
                start = time.process_time()
                for document, out in zip(documents, outputs, strict=True):
                    render(document, "pdf", out, theme)
                times[name].append(time.process_time() - start)
                sizes[name] = sum(len(out.getvalue()) for out in outputs)
    summary = {"fiches": len(documents), "template": args.template, "rounds": args.rounds}
    print(f"{len(documents)} PDF de la galerie, modèle {args.template}, {args.rounds} tours")
    for name in names:
        kept = times[name][1:]
        best, median = min(kept), statistics.median(kept)
        summary[f"{name}_min_s"] = round(best, 4)
        summary[f"{name}_median_s"] = round(median, 4)
        summary[f"{name}_bytes"] = sizes[name]
        print(
            f"  {name:9} min {best * 1000:7.1f} ms  médiane {median * 1000:7.1f} ms"
            f"  ({best / len(documents) * 1000:5.1f} ms par fiche)  {sizes[name]:>9} octets"
        )
    for name in ("untagged", "plain"):
        summary[f"cost_vs_{name}"] = round(
            summary["tagged_min_s"] / summary[f"{name}_min_s"] - 1, 3
        )
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
