"""Provenance in the DOCX: which data each paragraph and table cell was composed from.

``fiche-pays apply`` reads a reviewed DOCX back into its data file. For that, the
writer marks every paragraph it makes (body, table cells, title block, headers and
footers) with a hidden bookmark, ``_fp<n>``, and records in a custom XML part the
paragraph's text as runs with their sources (:class:`fiche_pays.tree.Source`) and where
it stands (section, table, row, column). Bookmarks are invisible and survive editing in
Word and LibreOffice, which both keep custom XML parts and custom document properties;
content controls would show in the editor, and LibreOffice drops their tags.

The record also holds the data file the document was built from, its SHA-256 and the
value each sourced field had (:class:`fiche_pays.tree.Origin`); the file and its hash
are also custom document properties, readable in Word's File > Properties. Everything is
written in a fixed order, so the same inputs still give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

from ... import tree
from .ooxml import w_element

NAMESPACE = "urn:fiche-pays:provenance:1"
BOOKMARK_PREFIX = "_fp"  # "_": a hidden bookmark, not listed in Word's bookmark dialog
FORMAT = 1
PROPERTY_FILE = "Fiche-pays : fichier de données"
PROPERTY_HASH = "Fiche-pays : empreinte SHA-256 du fichier"

_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_CUSTOM_PROPERTIES = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # user-defined properties
_START, _END, _PPR = qn("w:bookmarkStart"), qn("w:bookmarkEnd"), qn("w:pPr")
_ID, _NAME = qn("w:id"), qn("w:name")


class Recorder:
    """Marks paragraphs with bookmarks and keeps what each held, for :meth:`attach`."""

    def __init__(self, next_bookmark_id: Any):
        self._next_id = next_bookmark_id
        self.nodes: list[dict[str, Any]] = []
        self.sources: list[dict[str, Any]] = []
        self._source_index: dict[tree.Source, int] = {}
        self.section: tree.Section | None = None

    def mark(self, paragraph: BaseOxmlElement, runs: tree.Runs, kind: str, **where: Any) -> None:
        """Bookmark ``paragraph`` and record its text as ``runs`` (with sources).

        ``kind`` says what the paragraph is ("paragraphe", "fait", "puce", "cellule",
        "titre", "légende", "source", "en-tête"…); ``where`` adds its place (table
        caption, row and column).
        """
        number = len(self.nodes) + 1
        bookmark_id = str(self._next_id())
        start = w_element(_START)
        start.set(_ID, bookmark_id)
        start.set(_NAME, f"{BOOKMARK_PREFIX}{number}")
        end = w_element(_END)
        end.set(_ID, bookmark_id)
        # pPr, when there, is a paragraph's first child (schema order): looked at directly,
        # find() costs more than the rest of the marking.
        first = paragraph[0] if len(paragraph) else None
        if first is not None and first.tag == _PPR:
            first.addnext(start)
        else:
            properties = paragraph.find(_PPR) if first is not None else None
            if properties is not None:
                properties.addnext(start)
            else:
                paragraph.insert(0, start)
        paragraph.append(end)
        node: dict[str, Any] = {"n": number, "genre": kind}
        if self.section is not None:
            node["section"] = self.section.key
            node["titre_section"] = self.section.title
        for key, value in where.items():
            if value is not None:
                node[key] = value
        source = self._source
        node["morceaux"] = [[run.text, source(run.source)] for run in runs if run.text]
        if not node["morceaux"] and any(run.source for run in runs):
            # an empty cell worded from a field: what a reviewer types there goes to it
            node["morceaux"] = [["", source(next(r.source for r in runs if r.source))]]
        self.nodes.append(node)

    def _source(self, source: tree.Source | None) -> int | None:
        if source is None:
            return None
        index = self._source_index.get(source)
        if index is None:
            index = self._source_index[source] = len(self.sources)
            entry: dict[str, Any] = {"champs": [list(p) for p in source.fields]}
            entry["forme"] = source.form
            if source.params:
                entry["parametres"] = list(source.params)
            if source.note:
                entry["note"] = source.note
            if source.prose:
                spot = source.prose
                entry["texte"] = [list(spot.field), spot.start, spot.end]
            self.sources.append(entry)
        return index

    def attach(self, document: DocxDocument, meta: tree.Meta) -> None:
        """Write the record as a custom XML part, and the origin as document properties."""
        from ... import __version__

        record: dict[str, Any] = {"format": FORMAT, "programme": f"fiche-pays {__version__}"}
        origin = meta.origin
        if origin is not None:
            record["fichier"] = origin.data_file
            record["empreinte"] = origin.data_hash
            record["genre"] = origin.kind
            record["valeurs"] = [[list(path), value] for path, value in origin.values]
        record["sources"] = self.sources
        record["noeuds"] = self.nodes
        # Built here of fresh lists and dicts, without cycles: no circular-reference
        # bookkeeping for each of its thousands of containers.
        payload = json.dumps(
            record, ensure_ascii=False, separators=(",", ":"), check_circular=False
        )
        _custom_xml(document, payload)
        if origin is not None:
            _custom_properties(
                document, [(PROPERTY_FILE, origin.data_file), (PROPERTY_HASH, origin.data_hash)]
            )


def _custom_xml(document: DocxDocument, payload: str) -> None:
    package = document.part.package
    blob = _provenance_xml(payload)
    # a stable item id, from the content: no random GUID, same bytes for the same inputs
    digest = hashlib.sha256(blob).hexdigest().upper()
    guid = f"{{{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}}}"
    item = Part(PackURI("/customXml/item1.xml"), "application/xml", blob, package)
    props = Part(
        PackURI("/customXml/itemProps1.xml"),
        _CUSTOM_XML_PROPS,
        (
            '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            f'<ds:datastoreItem ds:itemID="{guid}" xmlns:ds='
            '"http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
            f'<ds:schemaRefs><ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs>'
            "</ds:datastoreItem>"
        ).encode(),
        package,
    )
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)


def _custom_properties(document: DocxDocument, properties: list[tuple[str, str]]) -> None:
    package = document.part.package
    custom = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
    types = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    root = etree.Element(f"{{{custom}}}Properties", nsmap={None: custom, "vt": types})
    for pid, (name, value) in enumerate(properties, start=2):  # pid 0 and 1 are reserved
        prop = etree.SubElement(
            root, f"{{{custom}}}property", fmtid=_FMTID, pid=str(pid), name=name
        )
        etree.SubElement(prop, f"{{{types}}}lpwstr").text = value
    part = Part(PackURI("/docProps/custom.xml"), _CUSTOM_PROPERTIES, _xml_bytes(root), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


# What lxml writes for the part (see _provenance_xml), around the escaped payload.
_HEAD = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    f'<fp:provenance xmlns:fp="{NAMESPACE}">'
)
_TAIL = "</fp:provenance>"


def _provenance_xml(payload: str) -> bytes:
    """The custom XML part: the record, JSON text, as the text of one ``fp:provenance``
    element.

    Written as lxml serialises it (escaping ``&``, ``<``, ``>`` and carriage returns in
    text), without building the element: the record is often half a megabyte, which
    lxml copies then escapes. JSON escapes every control character; the characters XML
    has no place for beyond those (U+FFFE, U+FFFF, lone surrogates) go through lxml,
    for its error."""
    if not payload or "\ufffe" in payload or "\uffff" in payload:
        return _lxml_provenance_xml(payload)
    text = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    try:
        return (_HEAD + text.replace("\r", "&#13;") + _TAIL).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return _lxml_provenance_xml(payload)


def _lxml_provenance_xml(payload: str) -> bytes:
    root = etree.Element(f"{{{NAMESPACE}}}provenance", nsmap={"fp": NAMESPACE})
    root.text = payload
    return _xml_bytes(root)


def _xml_bytes(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)
