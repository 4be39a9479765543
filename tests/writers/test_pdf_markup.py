"""Markup and plain text of runs: the same as from the runs merged by tree.merged (the
writer no longer merges runs it can do without merging)."""

from __future__ import annotations

import itertools
import random

from fiche_pays import tree
from fiche_pays.writers.pdf.markup import markup, merged, plain_text

LOOKS = [
    {},
    {"bold": True},
    {"italic": True},
    {"href": "https://example.org"},
    {"href": ""},
    {"superscript": True},
    {"bold": True, "italic": True},
]


def _runs(rng: random.Random) -> tuple[tree.Run, ...]:
    count = rng.choice([0, 1, 1, 2, 3, 5])
    return tuple(
        tree.Run(rng.choice(["a", "b c", " ", "", "e"]), **rng.choice(LOOKS)) for _ in range(count)
    )


def _merged_plain(runs: tree.Runs) -> str | None:
    """plain_text's definition: the text of the merged runs when one plain run."""
    runs = tree.merged(runs)
    if len(runs) != 1:
        return None
    run = runs[0]
    return None if run.bold or run.italic or run.superscript or run.href else run.text


def test_plain_text_is_that_of_the_merged_runs():
    rng = random.Random(16)
    samples = [_runs(rng) for _ in range(3000)]
    samples += [
        tuple(tree.Run("x", **look) for look in pair) for pair in itertools.product(LOOKS, repeat=2)
    ]
    for runs in samples:
        assert plain_text(runs) == _merged_plain(runs), runs


def test_markup_is_that_of_the_merged_runs():
    rng = random.Random(17)
    for _ in range(1000):
        runs = _runs(rng)
        assert markup(runs, "#123456") == markup(tree.merged(runs), "#123456")
        laid = merged(runs)
        assert [(r.text, r.bold, r.italic, r.href, r.superscript) for r in laid] == [
            (r.text, r.bold, r.italic, r.href, r.superscript) for r in tree.merged(runs)
        ]
