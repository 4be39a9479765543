"""The reference .docx opened once per template (package.open_template)."""

import io

import docx
from lxml import etree

from fiche_pays.theme.load import load_theme
from fiche_pays.writers.docx.package import open_template, template_bytes


def _parts(document):
    package = document.part.package
    return {
        str(part.partname): (part.content_type, part.blob, part.rels.xml)
        for part in package.iter_parts()
    }


def test_a_template_opens_as_python_docx_opens_it():
    template = template_bytes(load_theme().reference_docx)
    expected = docx.Document(io.BytesIO(template))
    for _ in range(2):  # the second time from the kept reader
        assert _parts(open_template(template)) == _parts(expected)


def test_documents_opened_from_one_template_are_independent():
    template = template_bytes(load_theme().reference_docx)
    first, second = open_template(template), open_template(template)
    first.add_paragraph("seulement dans le premier")
    first.core_properties.title = "Premier"
    body = etree.tostring(second.element.body)
    assert b"seulement dans le premier" not in body
    assert second.core_properties.title != "Premier"
    assert _parts(second) == _parts(docx.Document(io.BytesIO(template)))
