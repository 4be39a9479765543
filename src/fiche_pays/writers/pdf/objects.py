"""ReportLab's PDF objects formatted in fewer steps: same bytes.

When a document is saved, ReportLab formats each object through its module-level
``pdfdoc.format``: for every dictionary key a ``PDFName`` (a Python loop over the
characters), for every key, number and name an ``isinstance`` chain and an ``extpdfdoc``
codec call, for every nested value a method call through the same chain. A fiche's
pages, forms, fonts, links and outline entries cost some 30 µs each that way.
:func:`fmt` does what ``pdfdoc.format`` does, with a direct path for the values a fiche's
objects hold (dictionaries, arrays, names, numbers, strings, references) and for the
objects themselves (pages, catalog, streams, forms, fonts, images, annotations,
destinations, outline entries, /Info, resources). Any other object is formatted by
ReportLab itself.

A class is formatted here only when its ``format`` is the very function copied below
(looked up per class, so a subclass that overrides ``format`` stays ReportLab's); each
copy keeps ReportLab's side effects (``check_format``, objects registered on the way).

ReportLab internals copied (pinned by the ``reportlab<6`` bound, guarded by
``tests/writers/test_pdf_objects.py``, which compares :func:`fmt` with ``pdfdoc.format``
object by object, and ``tests/writers/test_pdf_saving.py``, whole documents):
``pdfdoc.format`` and the ``format`` methods of ``PDFDictionary``, ``PDFArray``,
``PDFString``, ``PDFObjectReference``, ``PDFStream``, ``PDFCatalog`` (so ``PDFPages`` and
``PDFPage``), ``PDFResourceDictionary``, ``PDFType1Font`` (so ``PDFTrueTypeFont``),
``PDFFormXObject``, ``PDFImageXObject``, ``Annotation`` (so ``LinkAnnotation``),
``OutlineEntryObject``, ``PDFInfo``, ``PDFDate``, ``Destination``,
``PDFDestinationXYZ`` and ``PDFDestinationFit``; the ``extpdfdoc`` codec's identity on the
bytes of names and numbers.
"""

from __future__ import annotations

import codecs
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache

from reportlab import rl_config
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import (
    Annotation,
    Destination,
    NoEncryption,
    OutlineEntryObject,
    PDFArray,
    PDFCatalog,
    PDFDate,
    PDFDestinationFit,
    PDFDestinationXYZ,
    PDFDictionary,
    PDFFormXObject,
    PDFImageXObject,
    PDFInfo,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFResourceDictionary,
    PDFStream,
    PDFString,
    PDFType1Font,
    teststream,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format

Document = object
Handler = Callable[[object, Document], bytes]

_BOUND = 4096  # texts and names remembered per worker: a fiche uses a few hundred


def fmt(element: object, document: Document, toplevel: int = 0) -> bytes:
    """``pdfdoc.format(element, document, toplevel)``, in fewer steps for common values."""
    kind = type(element)
    try:
        handler = _HANDLERS[kind]
    except KeyError:
        handler = _HANDLERS[kind] = _handler(kind)
    if handler is None:
        return pdf_format(element, document, toplevel)
    if not toplevel and kind in _OBJECTS and hasattr(element, "__RefOnly__"):
        # An object that must be indirect, met inside another: a reference to it.
        return _reference(document.Reference(element), document)
    return handler(element, document)


def _direct(element: object, document: Document) -> bytes:
    """``element.format(document)``: ReportLab's methods call some parts that way, which
    skips ``pdfdoc.format``'s indirect-object rule."""
    kind = type(element)
    try:
        handler = _HANDLERS[kind]
    except KeyError:
        handler = _HANDLERS[kind] = _handler(kind)
    return element.format(document) if handler is None else handler(element, document)


# -- texts ---------------------------------------------------------------------------------
_TEXTS: dict[str, bytes] = {}


def _text(value: str, document: Document) -> bytes:
    """A str, as ``pdfdocEnc`` encodes it (names, ``null``, a border's ``[0 0 1]``)."""
    try:
        return _TEXTS[value]
    except KeyError:
        data = value.encode("extpdfdoc")
        if len(_TEXTS) < _BOUND:
            _TEXTS[value] = data
        return data


def _number(value: float, document: Document) -> bytes:
    return fp_str(value).encode("ascii")  # digits, '-' and '.': the same in extpdfdoc


def _bytes(value: bytes, document: Document) -> bytes:
    return value


_NAMES: dict[str, bytes] = {}


def _name(key: object, document: Document) -> bytes:
    """A dictionary key, as ``format(PDFName(key))`` writes it."""
    try:
        return _NAMES[key]
    except (KeyError, TypeError):
        data = pdf_format(PDFName(key), document)
        if type(key) is str and len(_NAMES) < _BOUND:
            _NAMES[key] = data
        return data


_PDF_NAMES: dict[str, str] = {}


def _pdf_name(value: str) -> str:
    """``PDFName(value)`` (a loop over the characters), remembered: the handful of names
    the copies below make (/XObject, /Form, /FlateDecode...)."""
    try:
        return _PDF_NAMES[value]
    except (KeyError, TypeError):
        name = PDFName(value)
        if type(value) is str and len(_PDF_NAMES) < _BOUND:
            _PDF_NAMES[value] = name
        return name


# -- dictionaries, arrays, strings, references ---------------------------------------------
def _dictionary(obj: PDFDictionary, document: Document) -> bytes:
    return _dict_text(obj.dict, document, obj.multiline)


def _dict_text(values: dict, document: Document, multiline: object = True) -> bytes:
    """``PDFDictionary(values).format(document)`` with the given ``multiline``."""
    keys = list(values.keys())
    if not isinstance(values, OrderedDict):
        keys.sort()
    names = _NAMES
    parts = [
        (names.get(key) or _name(key, document)) + b" " + data
        for key, data in zip(keys, _each([values[key] for key in keys], document), strict=True)
    ]
    if (multiline and rl_config.pdfMultiLine) or multiline == "forced":
        return b"<<\n" + b"\n ".join(parts) + b"\n>>"
    for index in reversed(range(6, len(parts), 6)):  # a line break every 6 entries
        parts.insert(index, b"\n ")
    return b"<<\n" + b" ".join(parts) + b"\n>>"


def _array(obj: PDFArray, document: Document) -> bytes:
    parts = _each(obj.sequence, document)
    multiline = obj.multiline
    if (multiline and rl_config.pdfMultiLine) or multiline == "forced":
        return b"[ " + b"\n ".join(parts) + b" ]"
    for index in reversed(range(10, len(parts), 10)):  # a line break every 10 elements
        parts.insert(index, b"\n ")
    return b"[ " + b" ".join(parts) + b" ]"


def _each(values: list, document: Document) -> list[bytes]:
    """``[fmt(v, document) for v in values]``, the common values inline: names and other
    str, references, numbers (a font's widths are an array of 128 of them)."""
    texts = _TEXTS
    parts = []
    append = parts.append
    for value in values:
        kind = type(value)
        if kind is str:
            append(texts.get(value) or _text(value, document))
        elif kind is PDFObjectReference:
            append(_reference(value, document))
        elif kind is int or kind is float:
            append(fp_str(value).encode("ascii"))
        else:
            append(fmt(value, document))
    return parts


def _reference(obj: PDFObjectReference, document: Document) -> bytes:
    try:
        number, version = document.idToObjectNumberAndVersion[obj.name]
    except Exception:
        return obj.format(document)  # ReportLab's error for an unresolved reference
    if type(number) is int and type(version) is int:
        return b"%d %d R" % (number, version)
    return obj.format(document)


def _string(obj: PDFString, document: Document) -> bytes:
    s = obj.s
    # The common case: a str, encoding chosen automatically, no encryption.
    if (
        type(s) is not str
        or getattr(obj, "enc", "auto") != "auto"
        or getattr(obj, "escape", 1) != 1
        or not isinstance(document.encrypt, NoEncryption)
    ):
        return obj.format(document)
    try:
        data = s.encode("pdfdoc")
    except UnicodeEncodeError:
        data = codecs.BOM_UTF16_BE + s.encode("utf_16_be")
    return f"({escapePDF(data)})".encode("extpdfdoc")


# -- streams and the objects that end in one -----------------------------------------------
def _stream(obj: PDFStream, document: Document) -> bytes:
    values = obj.dictionary.dict.copy()
    content = obj.content
    filters = obj.filters
    if content is None:
        raise ValueError("stream content not set")
    if filters is None:
        filters = document.defaultStreamFilters
    if filters is not None and "Filter" not in values:
        chain = list(filters)
        content = _filtered(chain, content)
        values["Filter"] = PDFArray([_pdf_name(f.pdfname) for f in chain])
    content = document.encrypt.encode(content)
    data = content if type(content) is bytes else fmt(content, document)
    values["Length"] = len(content)
    return _dict_text(values, document) + b"\nstream\n" + data + b"endstream\n"


# ReportLab's own filters, whose output depends on their input alone (and, for ASCII85,
# on rl_config.wrapA85): the instance each class's output is made with.
_PURE_FILTERS = {
    pdfdoc.PDFStreamFilterZCompress: pdfdoc.PDFZCompress,
    pdfdoc.PDFStreamFilterBase85Encode: pdfdoc.PDFBase85Encode,
}
_SMALL_STREAM = 4096  # bytes: page-number forms, Unicode maps, the colour profile


def _filtered(chain: list, content: object) -> object:
    """``content`` through the filters, applied last to first, as ReportLab does.

    zlib sets up some 256 KB of state for each stream it compresses, which costs far more
    than compressing a page-number form of a hundred bytes; a fiche has some twenty such
    small streams, most of them the same bytes in every fiche (a footer's "2 / 4", a
    contents entry's "3", the colour profile, a font subset's Unicode map). A small stream
    seen before in this process gets its filtered bytes again: they depend only on its
    content and the filters.
    """
    if (
        type(content) is bytes
        and len(content) <= _SMALL_STREAM
        and all(type(f) in _PURE_FILTERS for f in chain)
    ):
        return _kept(tuple(type(f) for f in chain), rl_config.wrapA85, content)
    for f in reversed(chain):
        content = f.encode(content)
    return content


@lru_cache(maxsize=256)  # at most ~2 MB: 256 streams of 4 KB and their filtered bytes
def _kept(kinds: tuple[type, ...], wrap: object, content: bytes) -> object:
    for kind in reversed(kinds):
        content = _PURE_FILTERS[kind].encode(content)
    return content


def _form(obj: PDFFormXObject, document: Document) -> bytes:
    obj.BBox = obj.BBox or PDFArray([obj.lowerx, obj.lowery, obj.upperx, obj.uppery])
    obj.Matrix = obj.Matrix or PDFArray([1, 0, 0, 1, 0, 0])
    if not obj.Annots:
        obj.Annots = None
    else:
        raise ValueError("annotations don't work in PDFFormXObjects yet")
    if not obj.Contents:
        if not obj.stream:
            obj.Contents = teststream()
        else:
            stream = PDFStream()
            stream.content = obj.stream
            stream.__Comment__ = "xobject form stream"
            obj.Contents = stream
    if not obj.Resources:
        resources = PDFResourceDictionary()
        resources.basicFonts()
        if obj.hasImages:
            resources.allProcs()
        else:
            resources.basicProcs()
        if obj.XObjects:
            resources.XObject = obj.XObjects
        obj.Resources = resources
    if obj.compression:
        obj.Contents.filters = (
            [pdfdoc.PDFBase85Encode, pdfdoc.PDFZCompress]
            if rl_config.useA85
            else [pdfdoc.PDFZCompress]
        )
    sdict = obj.Contents.dictionary
    sdict["Type"] = _pdf_name("XObject")
    sdict["Subtype"] = _pdf_name("Form")
    sdict["FormType"] = 1
    sdict["BBox"] = obj.BBox
    sdict["Matrix"] = obj.Matrix
    sdict["Resources"] = obj.Resources
    return _direct(obj.Contents, document)


def _image(obj: PDFImageXObject, document: Document) -> bytes:
    stream = PDFStream(content=obj.streamContent)
    values = stream.dictionary
    values["Type"] = PDFName("XObject")
    values["Subtype"] = PDFName("Image")
    values["Width"] = obj.width
    values["Height"] = obj.height
    values["BitsPerComponent"] = obj.bitsPerComponent
    values["ColorSpace"] = PDFName(obj.colorSpace)
    if obj.colorSpace == "DeviceCMYK" and getattr(obj, "_dotrans", 0):
        values["Decode"] = PDFArray([1, 0, 1, 0, 1, 0, 1, 0])
    elif getattr(obj, "_decode", None):
        values["Decode"] = PDFArray(obj._decode)
    values["Filter"] = PDFArray(map(PDFName, obj._filters))
    values["Length"] = len(obj.streamContent)
    if obj.mask:
        values["Mask"] = PDFArray(obj.mask)
    if getattr(obj, "smask", None):
        values["SMask"] = obj.smask
    return _stream(stream, document)


# -- document objects ----------------------------------------------------------------------
def _catalog(obj: PDFCatalog, document: Document) -> bytes:
    """PDFCatalog.format, which pages and the page tree inherit."""
    obj.check_format(document)
    values = {}
    for key, default in obj.__Defaults__.items():
        value = getattr(obj, key, default)
        if value is not None:
            values[key] = value
    for key in obj.__NoDefault__:
        value = getattr(obj, key, None)
        if value is not None:
            values[key] = value
    for key in obj.__Refs__:  # these must be indirect objects
        if key in values:
            values[key] = document.Reference(values[key])
    return _dict_text(values, document)


def _resources(obj: PDFResourceDictionary, document: Document) -> bytes:
    values = {}
    for name in obj.dict_attributes:
        value = getattr(obj, name)
        if isinstance(value, dict):
            if value:
                values[name] = PDFDictionary(value)
        else:
            values[name] = value
    procs = obj.ProcSet
    if isinstance(procs, list | tuple):  # ReportLab's isSeq
        if procs:
            values["ProcSet"] = PDFArray(procs)
    else:
        values["ProcSet"] = procs
    return _dict_text(values, document)


def _font(obj: PDFType1Font, document: Document) -> bytes:
    values = {}
    for name in obj.name_attributes:
        if hasattr(obj, name):
            values[name] = _pdf_name(getattr(obj, name))
    for name in obj.local_attributes:
        if hasattr(obj, name):
            values[name] = getattr(obj, name)
    return _dict_text(values, document)


def _annotation(obj: Annotation, document: Document) -> bytes:
    return _direct(obj.Dict(), document)


def _outline_entry(obj: OutlineEntryObject, document: Document) -> bytes:
    values = {"Title": PDFString(obj.Title), "Parent": obj.Parent, "Dest": obj.Dest}
    for name in ("Prev", "Next", "First", "Last", "Count"):
        value = getattr(obj, name)
        if value is not None:
            values[name] = value
    return _dict_text(values, document)


def _info(obj: PDFInfo, document: Document) -> bytes:
    date = PDFDate(ts=document._timeStamp, dateFormatter=obj._dateFormatter)
    values = {
        "Title": PDFString(obj.title),
        "Author": PDFString(obj.author),
        "ModDate": date,
        "CreationDate": date,
        "Producer": PDFString(obj.producer),
        "Creator": PDFString(obj.creator),
        "Subject": PDFString(obj.subject),
        "Keywords": PDFString(obj.keywords),
        "Trapped": _pdf_name(obj.trapped),
    }
    return _dict_text(values, document)


def _date(obj: PDFDate, document: Document) -> bytes:
    if obj.dateFormatter:
        text = obj.dateFormatter(*obj.date)
    else:
        year, month, day, hour, minute, second = obj.date
        text = (
            f"D:{year:04d}{month:02d}{day:02d}{hour:02d}{minute:02d}{second:02d}"
            f"{obj.dhh:+03d}'{obj.dmm:02d}'"
        )
    return fmt(PDFString(text), document)


def _destination(obj: Destination, document: Document) -> bytes:
    kind, page = obj.fmt, obj.page
    if kind is None or page is None:
        return obj.format(document)  # ReportLab's errors
    kind.page = page
    return _direct(kind, document)


def _xyz(obj: PDFDestinationXYZ, document: Document) -> bytes:
    values = [document.Reference(obj.page), _pdf_name(obj.typename), obj.left, obj.top, obj.zoom]
    return fmt(PDFArray(values), document)


def _fit(obj: PDFDestinationFit, document: Document) -> bytes:
    return fmt(PDFArray([document.Reference(obj.page), _pdf_name(obj.typename)]), document)


# Each function copies the ``format`` method named beside it; a class whose ``format``
# is one of these is formatted by the copy.
_COPIES: dict[Callable, Handler] = {
    PDFDictionary.format: _dictionary,
    PDFArray.format: _array,
    PDFObjectReference.format: _reference,
    PDFString.format: _string,
    PDFStream.format: _stream,
    PDFFormXObject.format: _form,
    PDFImageXObject.format: _image,
    PDFCatalog.format: _catalog,
    PDFResourceDictionary.format: _resources,
    PDFType1Font.format: _font,
    Annotation.format: _annotation,
    OutlineEntryObject.format: _outline_entry,
    PDFInfo.format: _info,
    PDFDate.format: _date,
    Destination.format: _destination,
    PDFDestinationXYZ.format: _xyz,
    PDFDestinationFit.format: _fit,
}
_OBJECTS: set[type] = set()  # the classes below that are PDFObjects (indirect-object rule)


def _handler(kind: type) -> Handler | None:
    """The copy that formats ``kind``'s objects, or None for ReportLab's own format."""
    if issubclass(kind, PDFObject):
        handler = _COPIES.get(getattr(kind, "format", None))
        if handler is not None:
            _OBJECTS.add(kind)
        return handler
    return None


_HANDLERS: dict[type, Handler | None] = {
    str: _text,
    int: _number,
    float: _number,
    bytes: _bytes,
}
