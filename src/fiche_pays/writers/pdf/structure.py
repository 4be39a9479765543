"""The recorded structure tree as PDF objects, added to ReportLab's document before it saves.

After layout the pages, annotations and catalog are still ReportLab objects in memory:
the structure elements, the ParentTree, /StructParents and /Tabs on pages, and
/StructParent on link annotations are added to them, and ReportLab writes everything in
its one save (no second parse, no second write). Each element is one indirect object
whose text is formatted here: ReportLab's generic dictionary formatter costs ~20 µs an
object, and a fiche has a few hundred.

ReportLab internals used (pinned by the ``reportlab<6`` bound, guarded by the tagging
tests): ``doc.Pages.pages``, ``__NoDefault__`` of pages and catalog,
``LinkAnnotation.permitted``/``otherkw``, ``doc.idToObjectNumberAndVersion``.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import (
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFString,
)

from .saving import Raw, register
from .tagging import AnnotationRef, Elem, MarkedContent, TaggedCanvas, Tagger, Text


def extend(obj: object, *keys: str) -> None:
    """Let ReportLab write extra keys of a page or the catalog (it writes only the keys
    named in ``__NoDefault__``)."""
    known = list(obj.__NoDefault__)
    obj.__NoDefault__ = known + [k for k in keys if k not in known]


def add_structure(canv: TaggedCanvas, tags: Tagger) -> None:
    """Add the structure tree recorded by ``tags`` to the canvas's document, and mark the
    document as tagged (/MarkInfo)."""
    doc = canv._doc

    def ref(reference: PDFObjectReference) -> str:
        number, version = doc.idToObjectNumberAndVersion[reference.name]
        return f"{number} {version} R"

    def text(value: str) -> str:
        return PDFString(value).format(doc).decode("latin-1")

    pages = doc.Pages.pages
    page_ref = [ref(PDFObjectReference(f"Page{i + 1}")) for i in range(len(pages))]
    annotation_ref = {
        (r.page, r.index): ref(canv.annotation_refs[n][1])
        for n, (r, _) in enumerate(tags.annotations)
    }
    # Register one placeholder object per element first: its number is then known to
    # its parent and kids, whatever the order they are formatted in.
    root = Raw()
    root_reference = doc.Reference(root)
    root_ref = ref(root_reference)
    order: list[Elem] = []
    stack = [tags.root]
    while stack:  # depth first, kids in order: the elements' numbers in reading order
        elem = stack.pop()
        order.append(elem)
        kids = [kid for kid in elem.kids if type(kid) is Elem]
        if kids:
            kids.reverse()
            stack += kids
    raws = [Raw() for _ in order]
    refs = dict(zip(map(id, order), register(doc, raws), strict=True))
    for elem, raw in zip(order, raws, strict=True):
        parent = refs[id(elem.parent)] if elem.parent is not None else root_ref
        raw.data = _element(elem, parent, refs, page_ref, annotation_ref, text).encode("latin-1")

    nums = []
    for index, (page, parents) in enumerate(zip(pages, tags.parents, strict=True)):
        extend(page, "StructParents", "Tabs")
        page.StructParents = index
        page.Tabs = PDFName("S")  # tab order follows the structure
        nums.append(f"{index} [{' '.join(refs[id(e)] for e in parents)}]")
    key = len(pages)
    for (_, link), (annotation, _) in zip(tags.annotations, canv.annotation_refs, strict=True):
        contents = PDFString(link.contents or link.href or "")
        if isinstance(annotation, PDFDictionary):  # made by linkURL
            annotation["StructParent"] = key
            annotation["F"] = 4  # printable: PDF/A
            annotation["Contents"] = contents  # PDF/UA: a link says what it is
        else:  # a LinkAnnotation (linkRect): extra keys go through its keyword dict
            annotation.permitted = (*annotation.permitted, "StructParent")
            annotation.otherkw.update(StructParent=key, F=4)
            annotation.Contents = contents
        nums.append(f"{key} {refs[id(link)]}")
        key += 1
    parent_tree = Raw()
    parent_tree.data = f"<</Nums [{' '.join(nums)}]>>".encode("latin-1")
    root.data = (
        f"<</Type /StructTreeRoot /K [{refs[id(tags.root)]}] "
        f"/ParentTree {ref(doc.Reference(parent_tree))} /ParentTreeNextKey {key}>>"
    ).encode("latin-1")
    doc.Catalog.StructTreeRoot = root_reference
    doc.Catalog.MarkInfo = PDFDictionary({"Marked": "true"})


def _element(
    elem: Elem,
    parent: str,
    refs: dict[int, str],
    page_ref: list[str],
    annotation_ref: dict[tuple[int, int], str],
    text: object,
) -> str:
    """One StructElem dictionary. Content on the element's first page is a bare MCID;
    content on later pages (a paragraph split over a page break) is an MCR dictionary."""
    first = None
    kids = []
    for kid in elem.kids:
        kind = type(kid)
        if kind is Elem:
            kids.append(refs[id(kid)])
            continue
        if first is None:
            first = kid.page
        if kind is MarkedContent:
            kids.append(
                str(kid.mcid)
                if kid.page == first
                else f"<</Type /MCR /Pg {page_ref[kid.page]} /MCID {kid.mcid}>>"
            )
        else:
            assert kind is AnnotationRef
            kids.append(
                f"<</Type /OBJR /Pg {page_ref[kid.page]} "
                f"/Obj {annotation_ref[(kid.page, kid.index)]}>>"
            )
    # /Type /StructElem is optional: left out, as is the array around a single kid,
    # since a fiche has thousands of elements (one per table cell).
    data = f"<</S /{elem.role} /P {parent}"
    if first is not None:
        data += f" /Pg {page_ref[first]}"
    data += f" /K {kids[0]}" if len(kids) == 1 else f" /K [{' '.join(kids)}]"
    if elem.alt is not None:
        data += f" /Alt {text(elem.alt)}"
    if elem.attributes:  # most elements have none
        attributes = [
            f"<</O /{owner} {' '.join(f'/{k} {_value(v, text)}' for k, v in values.items())}>>"
            for owner, values in elem.attributes.items()
        ]
        if len(attributes) == 1:
            data += f" /A {attributes[0]}"
        else:
            data += f" /A [{' '.join(attributes)}]"
    return data + ">>"


def _value(value: object, text: object) -> str:
    """An attribute value: a name, a text string or an array of numbers."""
    if isinstance(value, Text):
        return text(value.value)
    if isinstance(value, str):
        return f"/{value}"
    if isinstance(value, list | tuple):
        return f"[{' '.join(f'{v:g}' if isinstance(v, float) else str(v) for v in value)}]"
    return str(value)
