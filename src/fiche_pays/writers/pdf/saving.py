"""ReportLab's PDF document, written with fewer steps per object: same bytes.

A fiche's PDF holds some 600 indirect objects, most of them structure elements whose
text is already made (:mod:`.structure`). ReportLab wraps each in a
``PDFIndirectObject`` and encodes its ``n 0 obj`` header through its ``extpdfdoc``
codec (a dictionary lookup per character), which cost more than writing the element.
:class:`FastDocument` writes the header as bytes directly, takes an element's text as
is, and formats every other object with :func:`.objects.fmt` (ReportLab's formatter in
fewer steps). The pages' content streams, ASCII85 text, go through the same codec: they
are made bytes beforehand. A document marked ``archival`` (PDF/A, :mod:`.archive`) gets
an end-of-line marker before each ``endstream``, written here rather than by ReportLab's
stream class, which stays as it is for the rest of the process.

ReportLab internal used (pinned by the ``reportlab<6`` bound, guarded by
``tests/writers/test_pdf_saving.py``, which compares the bytes with ReportLab's own
``PDFDocument.format``): ``PDFDocument.Reference``'s registers, the body of
``PDFDocument.format`` (with its comments when ``rl_config.pdfComments`` asks) and
``PDFIndirectObject.format``, copied below with the header and the element inlined;
the page content stream of ``PDFPage.check_format``; the cross-reference table's text.
"""

from __future__ import annotations

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import (
    NoEncryption,
    PDFCrossReferenceTable,
    PDFDocument,
    PDFFile,
    PDFObject,
    PDFStream,
    PDFStreamFilterBase85Encode,
    PDFTrailer,
    PDFZCompress,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format

from .objects import fmt


class Raw(PDFObject):
    """An indirect object whose PDF text is written by us (``data``)."""

    __slots__ = ("data",)

    def __init__(self) -> None:
        self.data = b""

    def format(self, document: object) -> bytes:
        return self.data


def register(doc: PDFDocument, objects: list[Raw]) -> list[str]:
    """Register new ``Raw`` objects in ``doc``, numbered in order; their references as
    text (``12 0 R``).

    ``doc.Reference(obj)`` for each, less its checks for named or already registered
    objects, which new ``Raw`` objects are not: a fiche registers hundreds of structure
    elements.
    """
    first = doc.objectcounter + 1
    doc.objectcounter += len(objects)
    id_to_nv = doc.idToObjectNumberAndVersion
    number_to_id = doc.numberToId
    id_to_object = doc.idToObject
    references = []
    for number, obj in enumerate(objects, first):
        name = f"R{number}"
        if name in id_to_object:
            raise ValueError(f"objet PDF {name} déjà enregistré")
        obj.__InternalName__ = name
        id_to_nv[name] = (number, 0)
        number_to_id[number] = name
        id_to_object[name] = obj
        references.append(f"{number} 0 R")
    return references


class _Base85(PDFStreamFilterBase85Encode):
    """ReportLab's ASCII85 filter, giving bytes: ReportLab's gives a str, which its
    formatter then encodes one character at a time through its ``extpdfdoc`` codec.
    ASCII85 text is ASCII, the same bytes in either encoding."""

    def encode(self, text: bytes) -> bytes:
        return super().encode(text).encode("latin-1")


_BASE85 = _Base85()


class FastDocument(PDFDocument):
    """A ``PDFDocument`` whose objects are written with fewer steps (see the module)."""

    archival = False  # PDF/A: an end-of-line marker before each ``endstream`` (.archive)

    def format(self) -> bytes:
        # ReportLab writes comments between objects and before some of them when asked
        # (never in a build: invariant documents); they are kept, with its formatter.
        comments = not rl_config.invariant and rl_config.pdfComments
        for page in self.Pages.pages:
            _page_stream(page)
        self.encrypt.prepare(self)
        cat = self.Catalog
        info = self.info
        self.Reference(cat)
        self.Reference(info)
        encryptref = None
        encryptinfo = self.encrypt.info()
        if encryptinfo:
            encryptref = self.Reference(encryptinfo)
        counter = 0
        ids = []
        numbertoid = self.numberToId
        id_to_nv = self.idToObjectNumberAndVersion
        id_to_object = self.idToObject
        id_to_offset = self.idToOffset
        # Objects are registered with the encryption (ReportLab's NoEncryption: nothing).
        register = None if type(self.encrypt) is NoEncryption else self.encrypt.register
        archival = self.archival
        # New objects may be registered while others are formatted: numberToId grows.
        # The header, then each object's text appended at the offset counted here.
        self.__accum__ = file = PDFFile(self._pdfVersion)
        strings = file.strings
        offset = file.offset
        while True:
            counter += 1
            if counter not in numbertoid:
                break
            oid = numbertoid[counter]
            obj = id_to_object[oid]
            number, version = id_to_nv[oid]
            if register is not None:
                register(number, version)
            if type(obj) is Raw:
                content = obj.data
            else:
                content = pdf_format(obj, self, 1) if comments else fmt(obj, self, 1)
                if archival and content.endswith(b"endstream\n"):
                    # ISO 19005-2, 6.1.7.1: an end-of-line marker after the stream's
                    # data, not counted in /Length (streams are always indirect objects).
                    content = content[:-10] + b"\nendstream\n"
            written = b"%d %d obj\n%s%sendobj\n" % (
                number,
                version,
                content,
                b"" if content.endswith(b"\n") else b"\n",
            )
            if comments:
                name = obj.__class__.__name__
                comment = f"% {oid!a}: class {name[:50]} \n".encode("latin-1")
                strings.append(comment)
                offset += len(comment)
            id_to_offset[oid] = offset
            strings.append(written)
            offset += len(written)
            ids.append(oid)
        file.offset = offset
        del self.__accum__
        count = len(numbertoid)
        if counter - 1 != count:
            raise ValueError(f"counter {counter} doesn't match number to id dictionary {count}")
        if all(id_to_nv[oid][0] == number for number, oid in enumerate(ids, 1)):
            # PDFCrossReferenceTable's text, written as bytes (it encodes its str through
            # the extpdfdoc codec, a character at a time).
            rows = [b"xref\n0 %d\n0000000000 65535 f \n" % (count + 1)]
            rows += [b"%010d %05d n \n" % (id_to_offset[oid], id_to_nv[oid][1]) for oid in ids]
            xrefoffset = file.add(b"".join(rows))
        else:
            xref = PDFCrossReferenceTable()
            xref.addsection(0, ids)
            xrefoffset = file.add(xref.format(self))
        trailer = PDFTrailer(
            startxref=xrefoffset,
            Size=count + 1,
            Root=self.Reference(cat),
            Info=self.Reference(info),
            Encrypt=encryptref,
            ID=self.ID(),
        )
        file.add(trailer.format(self))
        for signature in getattr(self, "_digiSigs", []):
            signature.sign(file)
        return file.format(self)


def _page_stream(page: object) -> None:
    """The content stream ``PDFPage.check_format`` would make for ``page``, with the
    ASCII85 filter giving bytes."""
    if page.Contents or not page.stream or page.Override_default_compilation:
        return
    stream = PDFStream()
    if page.compression:
        stream.filters = [_BASE85, PDFZCompress] if rl_config.useA85 else [PDFZCompress]
    stream.content = page.stream
    stream.__Comment__ = "page stream"
    page.Contents = stream
