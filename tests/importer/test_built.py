"""The imported data files of every published page validate as written, build, and their
documents hold every sentence of the page.

One form per page is built: test_pages proves that the three forms give the same data
file.

A page line the importer turned into fields is reworded by the fiche (« Consulat :
Erevan » generated, « Population (2024) : 327 777 habitants (Banque mondiale) »): for
those the document must hold every figure of the line; every other sentence must be in
the PDF as the page says it (compared without spacing, quotes, case and accents).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from pypdf import PdfReader

from fiche_pays.importer.page import import_file
from fiche_pays.importer.yamlout import write

from import_pages import comparable, page_files, page_sentences

pytestmark = pytest.mark.slow


def _numbers(text: str) -> list[str]:
    text = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)", "", text)
    return [n.replace(".", ",") for n in re.findall(r"\d+(?:[.,]\d+)?", text)]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Every page imported into its own data file, built to PDF in a few batches (a
    batch holds one page per country and kind, as `build` asks)."""
    root = tmp_path_factory.mktemp("importes")
    batches: dict[int, list[Path]] = defaultdict(list)
    seen: dict[tuple[str, str], int] = defaultdict(int)
    imported = {}
    for page in page_files():
        result = import_file(page)
        country = result.top["pays"]["code"]
        index = seen[(country, result.kind)]
        seen[(country, result.kind)] += 1
        suffix = ".presentation.yaml" if result.kind == "presentation" else ".yaml"
        folder = root / f"lot{index}"
        folder.mkdir(exist_ok=True)
        target = folder / f"{page.stem.split('_')[0]}{suffix}"
        target.write_text(write(result), encoding="utf-8")
        batches[index].append(target)
        imported[page] = (result, target)
    reports = {}
    for index, files in batches.items():
        out = root / f"pdf{index}"
        run = subprocess.run(
            [sys.executable, "-m", "fiche_pays", "build", *map(str, files), "--out", str(out),
             "--format", "pdf", "--jobs", "2"],
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        reports[index] = run
    return imported, reports, root


@pytest.mark.parametrize("page", page_files(), ids=[p.stem for p in page_files()])
def test_import_validates_builds_and_keeps_every_sentence(page, built):
    imported, reports, root = built
    result, data_file = imported[page]
    index = int(data_file.parent.name.removeprefix("lot"))
    check = subprocess.run(
        [sys.executable, "-m", "fiche_pays", "validate", str(data_file)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr + check.stdout
    assert " erreur" not in check.stderr
    stem = data_file.name.split(".")[0] + ("-presentation" if result.kind == "presentation" else "")
    pdf = root / f"pdf{index}" / f"{stem}.pdf"
    assert pdf.is_file(), reports[index].stderr
    text = comparable(" ".join(p.extract_text() for p in PdfReader(pdf).pages).replace("\n", " "))
    fields = {line: field for _, line, field in result.consumed}
    generated = {
        block.text: found.generated
        for section in result.sections
        for piece in section.pieces
        if piece.note is None
        for found in piece.found
        if found.generated
        for block in piece.origin
    }
    lost = []
    for sentence in page_sentences(page):
        if comparable(sentence) in text:
            continue
        if fields.get(sentence) == "document.mise_a_jour":
            continue  # the update date is in the title block, worded « 2 juin 2014 »
        if sentence in generated and comparable(generated[sentence]) in text:
            continue
        if sentence in fields and all(comparable(n) in text for n in _numbers(sentence)):
            continue
        lost.append(sentence)
    assert lost == []
