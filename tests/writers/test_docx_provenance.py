"""The DOCX records where its text comes from, invisibly and reproducibly."""

import hashlib
import io
import json
import zipfile

import pytest
from lxml import etree

from fiche_pays import build, render
from fiche_pays.apply.record import read_record
from fiche_pays.writers.docx.provenance import PROPERTY_FILE, PROPERTY_HASH

from conftest import KAZAKHSTAN, W_NS

W = f"{{{W_NS}}}"


@pytest.fixture(scope="module")
def built_docx(tmp_path_factory):
    folder = tmp_path_factory.mktemp("provenance")
    build.build([str(KAZAKHSTAN)], folder, ("docx",), jobs=1, force=True)
    return folder / "kazakhstan.docx"


def test_every_paragraph_carries_one_hidden_bookmark(built):
    with zipfile.ZipFile(built["docx"]) as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
    in_toc = False
    for paragraph in body.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        style = style.get(f"{W}val") if style is not None else ""
        in_toc = style in ("toc1", "toc2")
        names = [b.get(f"{W}name") for b in paragraph.iter(f"{W}bookmarkStart")]
        marks = [n for n in names if n.startswith("_fp")]
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
        if in_toc or (style == "Graphique" and not text):
            assert not marks
        else:
            assert len(marks) == 1, (style, text)


def test_the_record_names_the_data_file_its_hash_and_values(built_docx):
    with zipfile.ZipFile(built_docx) as archive:
        record = read_record(archive, str(built_docx))
        custom = etree.fromstring(archive.read("docProps/custom.xml"))
    digest = hashlib.sha256(KAZAKHSTAN.read_bytes()).hexdigest()
    assert record.data_file == "data/kazakhstan.yaml"
    assert record.data_hash == digest
    assert record.values[("visites", 1, "visites", 0, "visiteurs", "nom")] == "François Hollande"
    properties = {p.get("name"): "".join(p.itertext()) for p in custom}
    assert properties == {PROPERTY_FILE: "data/kazakhstan.yaml", PROPERTY_HASH: digest}


def test_provenance_keeps_builds_reproducible(document, theme):
    outputs = []
    for _ in range(2):
        stream = io.BytesIO()
        render(document, "docx", stream, theme)
        outputs.append(stream.getvalue())
    assert outputs[0] == outputs[1]


def test_the_docx_with_its_provenance_is_valid_ooxml(built_docx):
    audit = pytest.importorskip("openxml_audit")
    result = audit.OpenXmlValidator().validate(str(built_docx))
    assert result.is_valid, list(result.errors)[:5]


@pytest.mark.parametrize(
    "payload",
    [
        '{"texte":"a & b < c > d ]]> &amp;"}',
        "é\u00a0\u202f«»—…\x7f\x85\x9f\u2028\u2029\U0001f600 \"q\" 'a'",
        "a\rb\r\nc\td\n",
    ],
)
def test_the_record_part_is_written_as_lxml_writes_it(payload):
    # The part is written without lxml (it is large); its bytes must not change.
    from fiche_pays.writers.docx.provenance import NAMESPACE, _provenance_xml, _xml_bytes

    root = etree.Element(f"{{{NAMESPACE}}}provenance", nsmap={"fp": NAMESPACE})
    root.text = payload
    assert _provenance_xml(payload) == _xml_bytes(root)


@pytest.mark.parametrize("odd", ["\ufffe", "\uffff", "\ud800"])
def test_a_record_lxml_refuses_is_refused(odd):
    from fiche_pays.writers.docx.provenance import _provenance_xml

    with pytest.raises(ValueError):
        _provenance_xml(json.dumps({"texte": f"a{odd}b"}, ensure_ascii=False))


def test_json_leaves_no_control_character_for_the_record_part():
    # What _provenance_xml relies on to escape only &, <, > and carriage returns.
    text = json.dumps(["".join(map(chr, range(32))) + "\x7f"], ensure_ascii=False)
    assert not any(ord(c) < 32 for c in text)
