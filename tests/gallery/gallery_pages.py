"""What the gallery tests share: a published page's sentences, the fiche's documents,
and the check that each sentence or fact of the page is in both (issue 9).

The page is read as the importer reads it (``fiche_pays.importer``): furniture and
headings dropped, the sentence the excerpt cuts dropped, a bullet or a "Label : value"
line one unit. Both sides go through the importer's ``comparable``: accents, case,
quotes, spaces, digit grouping, "€"/"EUR" and "Mds"/"Md" do not count, words and figures
do. ``expectations.yaml`` lists the page sentences the documents do not hold word for
word: a correction of the page (``document``, said why), or a line the fiche generates
from fields (``ligne``), which must hold each of the page's facts (``faits``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from fiche_pays import compose, load, render
from fiche_pays.dump import dump
from fiche_pays.importer.sentences import comparable, split_sentences
from fiche_pays.importer.source import read_source

from conftest import DATA, PAGES, ROOT, docx_text, pdf_text

EXPECTATIONS = yaml.safe_load((Path(__file__).parent / "expectations.yaml").read_text("utf-8"))
GOLDEN = ROOT / "tests" / "golden"


@dataclass(frozen=True)
class Unit:
    """A sentence or line of the page, and what the documents must hold for it."""

    page: str  # as the page says it
    expected: str  # what both documents hold
    facts: tuple[str, ...] = ()  # for a generated line: the page's facts it must hold

    def __str__(self) -> str:
        return self.page[:60]


def page_units(country: str) -> list[Unit]:
    """Every sentence and fact line of the country's latest relations page, each with
    what the documents must hold (the page's text unless expectations.yaml says)."""
    source = read_source(PAGES / f"{country}_relations.txt")
    sentences: list[str] = []
    for block in source.blocks:
        if block.kind == "heading":
            continue
        found = [" ".join(row) for row in block.rows] if block.kind == "table" else []
        sentences += found or split_sentences(block.text)
    seen: set[str] = set()
    units = []
    expectations = EXPECTATIONS.get(country, [])
    for sentence in sentences:
        key = comparable(sentence)
        if key in seen:  # a copied page may repeat a line
            continue
        seen.add(key)
        entry = next((e for e in expectations if key.startswith(comparable(e["page"]))), None)
        if entry is None:
            units.append(Unit(sentence, sentence))
        elif "document" in entry:
            units.append(Unit(sentence, entry["document"]))
        else:
            units.append(Unit(sentence, entry["ligne"], tuple(entry["faits"])))
    return units


def build_texts(country: str, folder: Path) -> dict[str, str]:
    """The text of the fiche's PDF and DOCX, each reduced by ``comparable``."""
    from fiche_pays.theme.load import load_theme

    theme = load_theme("officiel")
    document = compose(load(DATA / f"{country}.yaml"), theme.wording())
    texts = {}
    for fmt, reader in (("pdf", pdf_text), ("docx", docx_text)):
        path = folder / f"{country}.{fmt}"
        render(document, fmt, path, theme)
        # Only the PDF's content: a sentence cut by a page break reads whole.
        texts[fmt.upper()] = comparable(
            pdf_text(path, furniture=False) if fmt == "pdf" else reader(path)
        )
    return texts


def check_unit(unit: Unit, texts: dict[str, str]) -> None:
    """The unit's expected text in both documents; a generated line holds its facts."""
    expected = comparable(unit.expected)
    for fact in unit.facts:
        assert comparable(fact) in expected, f"the line « {unit.expected} » lacks « {fact} »"
    for name, text in texts.items():
        assert expected in text, f"{name} lacks: {unit.expected}"


def check_golden(country: str, update: bool) -> None:
    """The fiche's tree, as a text dump, equals its reviewed golden file."""
    from fiche_pays.theme.load import load_theme

    golden = GOLDEN / f"{country}.tree.txt"
    text = dump(compose(load(DATA / f"{country}.yaml"), load_theme("officiel").wording()))
    if update:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def data_texts(country: str) -> list[str]:
    """The text of every run of the fiche that comes from a field, not from free prose:
    what a page fact reads as when the data file holds it in a field."""
    from fiche_pays import tree

    def runs(node):
        match node:
            case tree.Section():
                for child in node.children:
                    yield from runs(child)
            case tree.Paragraph() | tree.Note():
                yield from node.runs
            case tree.Facts():
                for row in node.rows:
                    yield from row.value
            case tree.BulletList():
                for item in node.items:
                    yield from item
            case tree.Table():
                for row in node.cell_runs:
                    for cell in row:
                        yield from cell

    document = compose(load(DATA / f"{country}.yaml"))
    pieces: list[tuple[object, str]] = []  # a value split in runs (a raised "e") is one
    for section in document.sections:
        for run in runs(section):
            if run.source is None or run.source.form == "prose":
                pieces.append((None, ""))
            elif pieces and pieces[-1][0] == run.source.fields:
                pieces[-1] = (run.source.fields, pieces[-1][1] + run.text)
            else:
                pieces.append((run.source.fields, run.text))
    return [comparable(text) for fields, text in pieces if fields is not None]


def check_fields(country: str, facts: tuple[str, ...]) -> None:
    """Each of the page's facts is printed from a field (a date, a count, an event),
    not typed in a ``texte``: the data file holds it."""
    printed = data_texts(country)
    for fact in facts:
        assert any(comparable(fact) == text for text in printed), (
            f"« {fact} » is typed in a texte, not printed from a field"
        )


# --- The tests every relations gallery fiche runs: a module ``test_<pays>.py`` sets
# COUNTRY and FIELDS and imports these (pytest collects them in each module). ----------


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One test per sentence or fact line of the module's page."""
    if "unit" in metafunc.fixturenames:
        units = page_units(metafunc.module.COUNTRY)
        metafunc.parametrize("unit", units, ids=[f"{i + 1:02d}" for i in range(len(units))])


@pytest.fixture(scope="module")
def texts(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """The text of the module's fiche in both documents, built once per module."""
    country = request.module.COUNTRY
    return build_texts(country, tmp_path_factory.mktemp(country))


def test_page_sentence_in_both_documents(unit: Unit, texts: dict[str, str]) -> None:
    """Every sentence and fact of the page is in the PDF and in the DOCX."""
    check_unit(unit, texts)


def test_tree_matches_golden(request: pytest.FixtureRequest) -> None:
    """The fiche's tree equals its reviewed golden."""
    check_golden(request.module.COUNTRY, request.config.getoption("--update-golden"))


def test_page_facts_from_fields(request: pytest.FixtureRequest) -> None:
    """The page's dated facts, amounts and counts are printed from fields."""
    check_fields(request.module.COUNTRY, request.module.FIELDS)
