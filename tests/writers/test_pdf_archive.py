"""PDF/A-2A and PDF/UA-1 identification: XMP metadata equal to /Info, the sRGB output
intent, nothing PDF/A forbids, and byte-reproducible files, for every gallery fiche in
both templates."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from xml.etree import ElementTree

import pikepdf
import pytest
from pikepdf import Dictionary, Name, Stream

from fiche_pays.writers.pdf.archive import xmp_date

from conftest import GALLERY_CASES, GALLERY_IDS, KAZAKHSTAN

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
}


@pytest.fixture(params=GALLERY_CASES, ids=GALLERY_IDS)
def path(request, gallery_documents):
    return gallery_documents(*request.param, "pdf")[2]


@pytest.fixture
def pdf(path):
    with pikepdf.open(path) as opened:
        yield opened


def _xmp(pdf: pikepdf.Pdf) -> ElementTree.Element:
    metadata = pdf.Root.Metadata
    assert metadata.Type == Name.Metadata and metadata.Subtype == Name.XML
    assert "/Filter" not in metadata  # readable by tools that do not parse PDF
    packet = metadata.read_bytes().decode("utf-8")
    assert packet.startswith('<?xpacket begin="\ufeff"') and packet.endswith('<?xpacket end="r"?>')
    return ElementTree.fromstring(
        packet[packet.index("<x:xmpmeta") : packet.index("<?xpacket end")]
    )


def test_xmp_repeats_the_info_dictionary(pdf):
    description = _xmp(pdf).find(".//rdf:Description", NS)

    def value(path: str) -> str:
        node = description.find(path, NS)
        assert node is not None, path
        return node.text or ""

    info = pdf.trailer.Info
    assert value("dc:title/rdf:Alt/rdf:li") == str(info.Title)
    assert value("dc:creator/rdf:Seq/rdf:li") == str(info.Author)
    assert value("dc:description/rdf:Alt/rdf:li") == str(info.Subject)
    assert value("pdf:Keywords") == str(info.Keywords)
    assert value("pdf:Producer") == str(info.Producer)
    assert value("xmp:CreatorTool") == str(info.Creator)
    assert value("pdf:Trapped") == str(info.Trapped)[1:]
    assert value("xmp:CreateDate") == xmp_date(str(info.CreationDate))
    assert value("xmp:ModifyDate") == xmp_date(str(info.ModDate))
    assert value("dc:language/rdf:Bag/rdf:li") == str(pdf.Root.Lang)


def test_xmp_declares_pdfa_2a_and_pdfua_1(pdf):
    description = _xmp(pdf).find(".//rdf:Description", NS)
    assert description.find("pdfaid:part", NS).text == "2"
    assert description.find("pdfaid:conformance", NS).text == "A"
    assert description.find("pdfuaid:part", NS).text == "1"
    # pdfuaid is not a schema PDF/A predefines: it must be declared as an extension.
    schemas = description.findall(".//pdfaSchema:namespaceURI", NS)
    assert [s.text for s in schemas] == [NS["pdfuaid"]]


def test_srgb_output_intent(pdf):
    (intent,) = pdf.Root.OutputIntents
    assert intent.Type == Name.OutputIntent and intent.S == Name.GTS_PDFA1
    assert str(intent.OutputConditionIdentifier) == "sRGB IEC61966-2.1"
    profile = intent.DestOutputProfile
    assert int(profile.N) == 3
    icc = profile.read_bytes()
    assert int.from_bytes(icc[:4], "big") == len(icc)
    assert icc[12:20] == b"mntrRGB " and icc[36:40] == b"acsp"
    assert icc[8] <= 4  # PDF/A-2 takes ICC profiles up to version 4
    assert icc[24:36] == bytes([0x07, 0xD0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0])  # pinned date


def test_file_syntax_is_pdfa(path):
    """Header with a binary comment, EOL around stream data, /Length exact (6.1.2, 6.1.7)."""
    data = path.read_bytes()
    assert re.match(rb"%PDF-1\.7\n%[\x80-\xff]{4}", data)
    streams = list(re.finditer(rb">>\s*stream(\r\n|\n)", data))
    assert streams
    for stream in streams:
        head = data[data.rindex(b" obj", 0, stream.start()) : stream.start()]
        end = stream.end() + int(re.search(rb"/Length (\d+)", head).group(1))
        assert data[end : end + 11] in (b"\nendstream\n", b"\r\nendstream"), head
    assert data.count(b"endstream") == len(streams)
    assert data.rstrip().endswith(b"%%EOF")


def test_nothing_pdfa_forbids(pdf):
    assert pdf.pdf_version == "1.7"
    assert "/ID" in pdf.trailer and not pdf.is_encrypted
    assert "/OpenAction" not in pdf.Root and "/AA" not in pdf.Root and "/Names" not in pdf.Root
    for obj in pdf.objects:
        if not isinstance(obj, Dictionary | Stream):
            continue
        d = obj.stream_dict if isinstance(obj, Stream) else obj
        assert "/JS" not in d and "/AA" not in d and "/EmbeddedFiles" not in d
        assert d.get("/S") not in (Name.JavaScript, Name.Launch, Name.Movie, Name.Sound)
        assert d.get("/Filter") != Name.LZWDecode
        if d.get("/Type") == Name.Annot:
            assert d.Subtype == Name.Link
        if d.get("/Subtype") == Name.Image:
            assert d.ColorSpace in (Name.DeviceRGB, Name.DeviceGray)


@pytest.mark.slow
def test_tagged_pdf_is_byte_reproducible_across_processes(tmp_path):
    """Two builds in fresh interpreters with different hash seeds give the same bytes."""
    script = (
        "import sys; from pathlib import Path; "
        "from fiche_pays import compose, load, load_theme, render; "
        "theme = load_theme('officiel'); "
        "render(compose(load(Path(sys.argv[1])), theme.wording()), 'pdf', Path(sys.argv[2]), theme)"
    )
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"{seed}.pdf"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, KAZAKHSTAN, out], check=True, env=env)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert b"/StructTreeRoot" in outputs[0]
