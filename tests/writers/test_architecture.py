"""The writers stand beside the pipeline: they see the tree and the theme, nothing else,
and every node type goes through every writer and the parity walker."""

import dataclasses
import datetime as dt
import subprocess
import sys
import typing

import pytest

from fiche_pays import render, tree
from fiche_pays.dump import dump
from fiche_pays.theme.load import load_theme

from conftest import docx_text, pdf_text, tree_texts

FORBIDDEN = (
    "fiche_pays.model",
    "fiche_pays.loader",
    "fiche_pays.composer",
    "fiche_pays.build",
    "fiche_pays.theme.load",
    "fiche_pays.theme.schema",
    "pydantic",
    "yaml",
)


@pytest.mark.parametrize("writer", ["fiche_pays.writers.pdf", "fiche_pays.writers.docx"])
def test_importing_a_writer_loads_no_model_loader_or_composer(writer):
    code = (
        f"import sys, {writer}\n"
        f"print('\\n'.join(m for m in sys.modules if m.startswith({FORBIDDEN!r})))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert loaded == []


def _every_node() -> tree.Document:
    """A document holding one node of every block type, in a section and a subsection."""
    run = tree.Run("Texte en gras", bold=True)
    blocks: list[tree.Block] = [
        tree.Paragraph((tree.Run("Un paragraphe "), run, tree.Run(" lien", href="#autre"))),
        tree.Facts((tree.Fact("Libellé", (tree.Run("valeur du fait"),)),)),
        tree.BulletList(((tree.Run("premier élément"),), (tree.Run("second élément"),))),
        tree.Table(("Année", "Montant"), (("2020", "12"),), caption="Un tableau", source="Src"),
        tree.Chart(
            title="Un graphique",
            categories=("2019", "2020"),
            series=(tree.Series("Barres", (1.0, 2.0)), tree.Series("Ligne", (1.0, 1.5), "line")),
            y_label="Unités",
            x_label="Année",
            ticks=(0.0, 1.0, 2.0),
            tick_labels=("0", "1", "2"),
            alt="Deux barres et une ligne.",
            source="Source du graphique",
        ),
        tree.Note((tree.Run("Une note de bas de section"),)),
    ]
    covered = {type(b) for b in blocks}
    assert covered == set(typing.get_args(tree.Block)), "a node type is missing here"
    inner = tree.Section("autre", "Sous-section", 2, tuple(blocks))
    meta = tree.Meta(
        title="Pays — Essai",
        country="Pays",
        kind="Essai",
        timestamp=dt.datetime(2021, 5, 5, tzinfo=dt.UTC),
        date_label="Mise à jour : 5 mai 2021",
        short_title="Pays — Essai",
        footer="Pays — Essai · Mise à jour : 5 mai 2021",
        page_label="{page} / {pages}",
        author="Auteur",
        subject="Sujet",
        keywords=("Pays",),
        language="fr-FR",
        service="Service",
        marking=None,
        fact_separator="\u00a0: ",
        toc_title="Sommaire",
    )
    return tree.Document(meta, (tree.Section("une", "Section", 1, (*blocks, inner)),))


def test_every_node_type_goes_through_every_writer_and_the_walker(tmp_path):
    document = _every_node()
    theme = load_theme("officiel")
    running, cells = tree_texts(document.sections[0])
    for fmt, read in (("pdf", pdf_text), ("docx", docx_text)):
        path = tmp_path / f"essai.{fmt}"
        render(document, fmt, path, theme)
        text = read(path)
        for expected in ("Un paragraphe", "valeur du fait", "second élément", "Un graphique"):
            assert expected in text, (fmt, expected)
    assert "Texte en gras" in " ".join(running) and "12" in cells
    assert "Deux barres" in dump(document)


def test_an_unknown_node_is_an_error_in_every_writer_and_the_walker(tmp_path):
    @dataclasses.dataclass(frozen=True)
    class Stranger:
        text: str = "?"

    document = _every_node()
    odd = dataclasses.replace(document.sections[0], children=(Stranger(),))
    document = dataclasses.replace(document, sections=(odd,))
    theme = load_theme("officiel")
    for fmt in ("pdf", "docx"):
        with pytest.raises(TypeError, match="Stranger"):
            render(document, fmt, tmp_path / f"x.{fmt}", theme)
    with pytest.raises(TypeError, match="Stranger"):
        tree_texts(odd)
    with pytest.raises(TypeError, match="Stranger"):
        dump(document)
