"""Reading a DOCX as Word shows it: each paragraph back to the node it was written as,
whatever Word did to the runs; tracked changes accepted or rejected; comments."""

import shutil
import subprocess
import zipfile

import pytest

from fiche_pays import build
from fiche_pays.apply.reading import read_docx
from fiche_pays.apply.record import NotOurs, read_record

from conftest import KAZAKHSTAN, WordEdit


@pytest.fixture(scope="module")
def built_docx(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lecture")
    build.build([str(KAZAKHSTAN)], folder, ("docx",), jobs=1, force=True)
    return folder / "kazakhstan.docx"


def _read(path, reject=False):
    with zipfile.ZipFile(path) as archive:
        return read_record(archive, str(path)), read_docx(archive, reject)


def test_every_node_reads_back_as_written(built_docx):
    record, reading = _read(built_docx)
    assert len(record.nodes) > 100
    assert {n: s.text for n, s in reading.stretches.items()} == {
        n: node.text for n, node in record.nodes.items()
    }
    # nothing but the emblem's and the chart's empty paragraphs belongs to no node
    assert not [s for s in reading.loose if s.text.strip()]
    assert record.data_file.endswith("kazakhstan.yaml")
    assert record.values[("presence_francaise", 0, "communaute", "nombre")] == 289


def test_runs_split_tracked_changes_and_comments(built_docx, tmp_path):
    edit = WordEdit(built_docx)
    edit.retype(
        "consultations annuelles",
        "annuelles",
        "semestrielles",
        author="A. Dupont",
        comment=("B. Martin", "À confirmer"),
    )
    edited = edit.save(tmp_path / "relu.docx")
    record, accepted = _read(edited)
    node = next(n for n, s in accepted.stretches.items() if "semestrielles" in s.text)
    stretch = accepted.stretches[node]
    assert "consultations semestrielles entre" in stretch.text
    kinds = {(s.revision.kind, s.revision.author, s.taken) for s in stretch.spans}
    assert kinds == {("insertion", "A. Dupont", True), ("suppression", "A. Dupont", False)}
    ((name, start, end),) = stretch.comments
    assert stretch.text[start:end] == "semestrielles"
    assert accepted.comments[name].text == "À confirmer"
    _, rejected = _read(edited, reject=True)
    assert rejected.stretches[node].text == record.nodes[node].text


def test_a_paragraph_split_by_the_reviewer_stays_with_its_node(built_docx, tmp_path):
    edit = WordEdit(built_docx)
    paragraph = edit.paragraph("Depuis 2009")
    # Enter pressed in the middle: the bookmark's end moves to the second paragraph
    import copy

    second = copy.deepcopy(paragraph)
    end = paragraph.findall(f"{{{edit.document.nsmap['w']}}}bookmarkEnd")[-1]
    paragraph.remove(end)
    for start in second.findall(f"{{{edit.document.nsmap['w']}}}bookmarkStart"):
        second.remove(start)
    paragraph.addnext(second)
    record, reading = _read(edit.save(tmp_path / "coupe.docx"))
    node = next(n for n, node in record.nodes.items() if node.text.startswith("Depuis 2009"))
    assert reading.stretches[node].text == record.nodes[node].text + "\n" + record.nodes[node].text


def test_a_document_without_provenance_is_not_ours(built_docx, tmp_path):
    edit = WordEdit(built_docx)
    edit.strip_provenance()
    with pytest.raises(NotOurs, match="fiche-pays import"):
        _read(edit.save(tmp_path / "copie.docx"))


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice absent")
def test_libreoffice_keeps_the_provenance(built_docx, tmp_path):
    subprocess.run(
        [
            "libreoffice",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(tmp_path),
            str(built_docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    record, reading = _read(tmp_path / "kazakhstan.docx")
    assert {n: s.text for n, s in reading.stretches.items()} == {
        n: node.text for n, node in record.nodes.items()
    }
