"""PDF/UA-1 by the Matterhorn Protocol: every failure condition a machine can check, run on
every gallery fiche in both templates.

veraPDF, the reference validator, is Java and not available here (not in Debian, not on
PyPI). The Matterhorn Protocol (PDF Association) lists 136 failure conditions of PDF/UA-1;
87 of them can be checked by a program, the others need a person (is the alt
text right, is this really a heading, is the reading order the logical one). ``MACHINE``
below is that list of 87, and each has a check here (a test proves none is missing). A
check returns the failures it finds; a fiche passes when all return none.

Checks that are vacuous for our files (no forms, no Type 0 or Type 1 fonts, no optional
content, no media) still look: a change that brings such an object in meets its rule.
Where a rule would need an analysis not written here (the CMaps of Type 0 fonts, a Type 1
/CharSet, a /CIDSet, an encoding's /Differences), the mere presence of such an object
fails, so that the analysis gets written then.
Where our own tests go further than Matterhorn (reading order against the document tree,
every MCID reached once, header and footer as pagination artifacts) they are in
``tests/writers/test_pdf_tagging.py``; bookmarks are checked at the end of this module.
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pikepdf
import pytest
from fontTools.ttLib import TTFont
from pikepdf import Array, Dictionary, Name, Stream

from fiche_pays import tree
from tagged_pdf import STANDARD, TEXT, Element, Page, elements, read, read_page, read_tree

from conftest import GALLERY_CASES, GALLERY_IDS, KAZAKHSTAN

# Matterhorn's failure conditions of type "machine", by checkpoint.
MACHINE = (
    *("01-003", "01-004", "01-005", "01-007", "02-001", "02-003", "02-004", "06-001"),
    *("06-002", "06-003", "07-001", "07-002", "09-004", "09-005", "09-006", "09-007"),
    *("09-008", "10-001", "11-001", "11-002", "11-003", "11-004", "11-005", "11-006"),
    *("13-004", "14-002", "14-003", "14-006", "14-007", "15-003", "17-002", "17-003"),
    *("19-003", "19-004", "20-001", "20-002", "20-003", "21-001", "25-001", "26-001"),
    *("26-002", "28-002", "28-004", "28-005", "28-006", "28-007", "28-008", "28-009"),
    *("28-010", "28-011", "28-012", "28-014", "28-015", "28-016", "28-017", "28-018"),
    *("30-001", "30-002"),
    *(f"31-{n:03}" for n in range(1, 31) if n != 10),
)

# Annotation types ISO 32000-1 defines (table 169).
ANNOTATIONS = {
    *("Text", "Link", "FreeText", "Line", "Square", "Circle", "Polygon", "PolyLine"),
    *("Highlight", "Underline", "Squiggly", "StrikeOut", "Stamp", "Caret", "Ink", "Popup"),
    *("FileAttachment", "Sound", "Movie", "Widget", "Screen", "PrinterMark", "TrapNet"),
    *("Watermark", "3D"),
}
# CMaps ISO 32000-1 predefines (9.7.5.2, table 118), by name.
CMAPS = {
    *("GB-EUC", "GBpc-EUC", "GBK-EUC", "GBKp-EUC", "GBK2K", "UniGB-UCS2", "UniGB-UTF16"),
    *("B5pc", "HKscs-B5", "ETen-B5", "ETenms-B5", "CNS-EUC", "UniCNS-UCS2", "UniCNS-UTF16"),
    *("83pv-RKSJ", "90ms-RKSJ", "90msp-RKSJ", "90pv-RKSJ", "Add-RKSJ", "EUC", "Ext-RKSJ"),
    *("", "UniJIS-UCS2", "UniJIS-UCS2-HW", "UniJIS-UTF16", "KSC-EUC", "KSCms-UHC"),
    *("KSCms-UHC-HW", "KSCpc-EUC", "UniKS-UCS2", "UniKS-UTF16", "Identity"),
}
PREDEFINED_CMAPS = {f"/{n}-{w}".replace("/-", "/") for n in CMAPS for w in "HV"}
# A language tag (BCP 47): a primary language, then subtags.
LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
XMP = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}


@dataclass
class Subject:
    """What the checks read: the file, its pages' marked content, its structure tree."""

    pdf: pikepdf.Pdf
    pages: list[Page]
    root: Element | None  # None: no structure tree

    def elements(self) -> list[Element]:
        return elements(self.root) if self.root is not None else []

    def parents(self) -> dict[tuple[int, int], Element]:
        """Each element's parent, by the element's object id."""
        return {
            kid.obj.objgen: element
            for element in self.elements()
            for kid in element.kids
            if isinstance(kid, Element)
        }

    def parent_tree(self) -> dict[int, object]:
        tree_root = self.pdf.Root.get("/StructTreeRoot")
        if tree_root is None or "/ParentTree" not in tree_root:
            return {}
        nums = tree_root.ParentTree.get("/Nums", Array())
        return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}

    def annotations(self) -> Iterator[tuple[int, Dictionary]]:
        for number, page in enumerate(self.pdf.pages, start=1):
            for annotation in page.obj.get("/Annots", Array()):
                yield number, annotation

    def dictionaries(self) -> Iterator[Dictionary]:
        """Every dictionary of the file, stream dictionaries included."""
        for obj in self.pdf.objects:
            if isinstance(obj, Stream):
                yield obj.stream_dict
            elif isinstance(obj, Dictionary):
                yield obj

    def fonts(self) -> dict[tuple[int, int], Dictionary]:
        """Every font the pages and their forms use, by object id."""
        found: dict[tuple[int, int], Dictionary] = {}
        for resources in _resources(self.pdf):
            for font in resources.get("/Font", Dictionary()).values():
                found[font.objgen] = font
        return found


Failures = Iterator[tuple[str, str]]  # (checkpoint, what is wrong)
CHECKS: dict[str, Callable[[Subject], Failures]] = {}


def checks(*checkpoints: str) -> Callable:
    """Register a function as the check of these checkpoints."""

    def register(function: Callable[[Subject], Failures]) -> Callable[[Subject], Failures]:
        for checkpoint in checkpoints:
            assert checkpoint not in CHECKS, checkpoint
            CHECKS[checkpoint] = function
        return function

    return register


def run(subject: Subject) -> list[tuple[str, str]]:
    """Every failure of every checkpoint."""
    functions = dict.fromkeys(CHECKS.values())  # a function checks several, run it once
    return [failure for function in functions for failure in function(subject)]


# --- 01, 02: real content tagged, role mapping ----------------------------------------------


@checks("01-003", "01-004", "01-005")
def _content_is_tagged_or_artifact(s: Subject) -> Failures:
    for number, page in enumerate(s.pages, start=1):
        if page.artifact_in_content:
            yield "01-003", f"page {number} : artefact dans du contenu balisé"
        if page.content_in_artifact:
            yield "01-004", f"page {number} : contenu balisé dans un artefact"
        if page.loose:
            yield "01-005", f"page {number} : {page.loose} tracés ni balisés ni artefacts"


@checks("01-007")
def _no_suspects(s: Subject) -> Failures:
    mark = s.pdf.Root.get("/MarkInfo", Dictionary())
    if mark.get("/Suspects") is True:
        yield "01-007", "/MarkInfo /Suspects true"


@checks("02-001", "02-003", "02-004")
def _role_map(s: Subject) -> Failures:
    tree_root = s.pdf.Root.get("/StructTreeRoot", Dictionary())
    role_map = {str(k)[1:]: str(v)[1:] for k, v in tree_root.get("/RoleMap", {}).items()}
    for role in set(role_map) & STANDARD:
        yield "02-004", f"type standard {role} redéfini"
    for role in {e.role for e in s.elements()} - STANDARD:
        seen = [role]
        while seen[-1] in role_map and seen[-1] not in STANDARD:
            if role_map[seen[-1]] in seen:
                yield "02-003", f"correspondance circulaire : {' → '.join(seen)}"
                break
            seen.append(role_map[seen[-1]])
        else:
            if seen[-1] not in STANDARD:
                yield "02-001", f"{role} ne mène à aucun type standard"


# --- 06, 07: metadata and viewer preferences ------------------------------------------------


@checks("06-001", "06-002", "06-003")
def _metadata(s: Subject) -> Failures:
    metadata = s.pdf.Root.get("/Metadata")
    if metadata is None:
        yield "06-001", "pas de flux de métadonnées XMP"
        return
    packet = metadata.read_bytes().decode("utf-8")
    root = ElementTree.fromstring(
        packet[packet.index("<x:xmpmeta") : packet.index("<?xpacket end")]
    )
    if root.find(".//pdfuaid:part", XMP) is None or root.find(".//pdfuaid:part", XMP).text != "1":
        yield "06-002", "pas d'identifiant PDF/UA (pdfuaid:part 1)"
    title = root.find(".//dc:title/rdf:Alt/rdf:li", XMP)
    if title is None or not (title.text or "").strip():
        yield "06-003", "pas de dc:title"


@checks("07-001", "07-002")
def _display_title(s: Subject) -> Failures:
    preferences = s.pdf.Root.get("/ViewerPreferences", Dictionary())
    if "/DisplayDocTitle" not in preferences:
        yield "07-001", "pas de /DisplayDocTitle"
    elif preferences.DisplayDocTitle is not True:
        yield "07-002", "/DisplayDocTitle false"


# --- 09: structure syntax (ISO 32000-1, tables 333, 336, 337, 338) -------------------------

# Element -> the kids it may have, and the parents it may have.
SYNTAX = {
    "09-004": {
        "Table": ({"TR", "THead", "TBody", "TFoot", "Caption"}, None),
        "THead": ({"TR"}, {"Table"}),
        "TBody": ({"TR"}, {"Table"}),
        "TFoot": ({"TR"}, {"Table"}),
        "TR": ({"TH", "TD"}, {"Table", "THead", "TBody", "TFoot"}),
        "TH": (None, {"TR"}),
        "TD": (None, {"TR"}),
    },
    "09-005": {
        "L": ({"LI", "L", "Caption"}, None),
        "LI": ({"Lbl", "LBody"}, {"L"}),
        "Lbl": (None, {"LI"}),
        "LBody": (None, {"LI"}),
    },
    "09-006": {
        "TOC": ({"TOCI", "TOC", "Caption"}, None),
        "TOCI": ({"Lbl", "Reference", "P", "NonStruct", "TOC"}, {"TOC"}),
    },
    "09-007": {
        "Ruby": ({"RB", "RT", "RP"}, None),
        "RB": (None, {"Ruby"}),
        "RT": (None, {"Ruby"}),
        "RP": (None, {"Ruby"}),
    },
    "09-008": {
        "Warichu": ({"WT", "WP"}, None),
        "WT": (None, {"Warichu"}),
        "WP": (None, {"Warichu"}),
    },
}


@checks(*SYNTAX)
def _structure_syntax(s: Subject) -> Failures:
    parents = s.parents()
    for element in s.elements():
        for checkpoint, rules in SYNTAX.items():
            if element.role not in rules:
                continue
            kids_allowed, parents_allowed = rules[element.role]
            kids = [k.role for k in element.kids if isinstance(k, Element)]
            if kids_allowed is not None and not set(kids) <= kids_allowed:
                yield checkpoint, f"{element.role} contient {sorted(set(kids) - kids_allowed)}"
            parent = parents.get(element.obj.objgen)
            if parents_allowed is not None and (
                parent is None or parent.role not in parents_allowed
            ):
                yield checkpoint, f"{element.role} dans {parent.role if parent else 'rien'}"
            if element.role == "Table":
                counts = Counter(kids)
                if counts["THead"] > 1 or counts["TFoot"] > 1 or counts["Caption"] > 1:
                    yield checkpoint, "Table : THead, TFoot ou Caption répété"
                if "Caption" in kids and kids.index("Caption") not in (0, len(kids) - 1):
                    yield checkpoint, "Table : Caption ni en premier ni en dernier"


# --- 10, 11: characters and language --------------------------------------------------------


@checks("10-001")
def _unicode(s: Subject) -> Failures:
    for number, page in enumerate(s.pages, start=1):
        if page.unmapped:
            yield "10-001", f"page {number} : {page.unmapped} codes sans Unicode"


@checks("11-001", "11-002", "11-003", "11-004", "11-005", "11-006")
def _language(s: Subject) -> Failures:
    """Text, alternative texts, bookmarks, annotation contents, form fields and metadata
    all take the catalog's /Lang when nothing closer declares one: it must be there and
    valid, and so must any closer one."""
    lang = str(s.pdf.Root.get("/Lang", ""))
    if not LANGUAGE.fullmatch(lang):
        for checkpoint in ("11-001", "11-002", "11-003", "11-004", "11-005", "11-006"):
            yield checkpoint, f"langue du catalogue absente ou invalide : {lang!r}"
    for element in s.elements():
        if "/Lang" in element.obj and not LANGUAGE.fullmatch(str(element.obj.Lang)):
            yield "11-001", f"{element.role} : /Lang invalide {element.obj.Lang!r}"
    for page in s.pages:
        for sequence in page.sequences:
            props = sequence.props
            lang = props.get("/Lang") if isinstance(props, Dictionary) else None
            if lang is not None and not LANGUAGE.fullmatch(str(lang)):
                yield "11-001", f"contenu marqué : /Lang invalide {lang!r}"


# --- 13 to 19: figures, headings, tables, formulas, notes -----------------------------------


@checks("13-004")
def _figure_alternative(s: Subject) -> Failures:
    for element in s.elements():
        if element.role == "Figure":
            alt = str(element.obj.get("/Alt", "")) or str(element.obj.get("/ActualText", ""))
            if not alt.strip():
                yield "13-004", "Figure sans texte de remplacement"


@checks("14-002", "14-003", "14-006", "14-007")
def _headings(s: Subject) -> Failures:
    roles = [e.role for e in s.elements()]
    numbered = [int(r[1]) for r in roles if re.fullmatch(r"H[1-6]", r)]
    if numbered and numbered[0] != 1:
        yield "14-002", f"premier titre H{numbered[0]}"
    for before, after in itertools.pairwise(numbered):
        if after > before + 1:
            yield "14-003", f"H{after} après H{before}"
    for element in s.elements():
        if [k.role for k in element.kids if isinstance(k, Element)].count("H") > 1:
            yield "14-006", f"{element.role} contient plusieurs H"
    if numbered and "H" in roles:
        yield "14-007", "H et Hn mêlés"


@checks("15-003")
def _header_cells(s: Subject) -> Failures:
    for element in s.elements():
        if element.role == "TH":
            attributes = element.obj.get("/A", Dictionary())
            for owner in attributes if isinstance(attributes, Array) else [attributes]:
                if owner.get("/O") == Name.Table and "/Scope" in owner:
                    break
            else:
                if "/ID" not in element.obj:  # a table organised with Headers and IDs
                    yield "15-003", "TH sans /Scope"


@checks("17-002", "17-003")
def _formulas(s: Subject) -> Failures:
    for element in s.elements():
        if element.role == "Formula" and not str(element.obj.get("/Alt", "")).strip():
            yield "17-002", "Formula sans /Alt"
            # 17-003: a formula's glyphs map to Unicode like all text (10-001 counts them)


@checks("19-003", "19-004")
def _notes(s: Subject) -> Failures:
    ids = [str(e.obj.ID) for e in s.elements() if e.role == "Note" and "/ID" in e.obj]
    if any(e.role == "Note" and "/ID" not in e.obj for e in s.elements()):
        yield "19-003", "Note sans /ID"
    for note_id, count in Counter(ids).items():
        if count > 1:
            yield "19-004", f"/ID de Note répété : {note_id}"


# --- 20 to 26: optional content, embedded files, XFA, security ------------------------------


@checks("20-001", "20-002", "20-003")
def _optional_content(s: Subject) -> Failures:
    properties = s.pdf.Root.get("/OCProperties")
    if properties is None:
        return
    configs = [("20-001", c) for c in properties.get("/Configs", Array())]
    configs.append(("20-002", properties.get("/D", Dictionary())))
    for checkpoint, config in configs:
        if not str(config.get("/Name", "")).strip():
            yield checkpoint, "configuration de contenu optionnel sans /Name"
        if "/AS" in config:
            yield "20-003", "configuration de contenu optionnel avec /AS"


@checks("21-001")
def _embedded_files(s: Subject) -> Failures:
    for d in s.dictionaries():
        if "/EF" in d and not ("/F" in d and "/UF" in d):
            yield "21-001", "fichier incorporé sans /F et /UF"


@checks("25-001")
def _xfa(s: Subject) -> Failures:
    xfa = s.pdf.Root.get("/AcroForm", Dictionary()).get("/XFA")
    if xfa is not None:
        streams = [x for x in xfa if isinstance(x, Stream)] if isinstance(xfa, Array) else [xfa]
        if any(b"dynamicRender>required" in x.read_bytes().replace(b" ", b"") for x in streams):
            yield "25-001", "formulaire XFA dynamique"


@checks("26-001", "26-002")
def _security(s: Subject) -> Failures:
    encrypt = s.pdf.trailer.get("/Encrypt")
    if encrypt is not None:
        if "/P" not in encrypt:
            yield "26-001", "chiffré sans /P"
        elif not int(encrypt.P) & (1 << 9):
            yield "26-002", "chiffré sans droit d'extraction pour l'accessibilité"


# --- 28: annotations ------------------------------------------------------------------------


@checks(*(f"28-{n:03}" for n in (2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18)))
def _annotations(s: Subject) -> Failures:
    parent_tree = s.parent_tree()
    for number, annotation in s.annotations():
        kind = str(annotation.Subtype)[1:]
        where = f"page {number} : annotation {kind}"
        element = parent_tree.get(int(annotation.get("/StructParent", -1)))
        role = str(element.S)[1:] if isinstance(element, Dictionary) else None
        described = "/Contents" in annotation or (
            isinstance(element, Dictionary) and "/Alt" in element
        )
        if kind not in ("Widget", "Link", "PrinterMark") and role != "Annot":
            yield "28-002", f"{where} hors d'un élément Annot"
        if kind != "Widget" and not described:
            yield "28-004", f"{where} sans /Contents"
        if kind == "Widget" and "/TU" not in annotation and not described:
            yield "28-005", f"{where} sans /TU"
        if kind not in ANNOTATIONS:
            yield "28-006", f"{where} : type inconnu"
        if kind == "TrapNet":
            yield "28-007", where
        if kind == "Widget" and role != "Form":
            yield "28-010", f"{where} hors d'un élément Form"
        if kind == "Link" and role != "Link":
            yield "28-011", f"{where} hors d'un élément Link"
        if kind == "Link" and not str(annotation.get("/Contents", "")).strip():
            yield "28-012", f"{where} sans /Contents"
        if kind == "FileAttachment" and "/Contents" not in annotation:
            yield "28-016", f"{where} sans /Contents"
        if kind == "PrinterMark" and "/StructParent" in annotation:
            yield "28-017", f"{where} dans la structure"
        if kind == "PrinterMark":
            appearance = annotation.get("/AP", Dictionary()).get("/N")
            if appearance is not None and not appearance.read_bytes().lstrip().startswith(
                b"/Artifact"
            ):
                yield "28-018", f"{where} : apparence non artefact"
    for number, page in enumerate(s.pdf.pages, start=1):
        if "/Annots" in page.obj and len(page.obj.Annots):
            if "/Tabs" not in page.obj:
                yield "28-008", f"page {number} : pas de /Tabs"
            elif page.obj.Tabs != Name.S:
                yield "28-009", f"page {number} : /Tabs {page.obj.Tabs}"
    for d in s.dictionaries():
        if d.get("/Type") == Name.MediaClip and d.get("/S") == Name.MCD:
            if "/CT" not in d:
                yield "28-014", "clip sans /CT"
            if "/Alt" not in d:
                yield "28-015", "clip sans /Alt"


# --- 30, 31: XObjects and fonts -------------------------------------------------------------


def _resources(pdf: pikepdf.Pdf) -> Iterator[Dictionary]:
    """The resources of every page and of every form they draw, forms in forms too."""
    seen: set = set()
    pending = [page.obj.get("/Resources", Dictionary()) for page in pdf.pages]
    while pending:
        resources = pending.pop()
        yield resources
        for xobject in resources.get("/XObject", Dictionary()).values():
            if xobject.get("/Subtype") == Name.Form and xobject.objgen not in seen:
                seen.add(xobject.objgen)
                pending.append(xobject.get("/Resources", Dictionary()))


def _forms_drawn(pdf: pikepdf.Pdf) -> Counter:
    """How many times each form XObject is drawn (by ``Do``), by object id."""
    drawn: Counter = Counter()
    for page in pdf.pages:
        names = page.obj.get("/Resources", Dictionary()).get("/XObject", Dictionary())
        for operands, _operator in pikepdf.parse_content_stream(page, "Do"):
            drawn[names[str(operands[0])].objgen] += 1
    return drawn


@checks("30-001", "30-002")
def _xobjects(s: Subject) -> Failures:
    drawn = _forms_drawn(s.pdf)
    for obj in s.pdf.objects:
        if isinstance(obj, Stream) and obj.get("/Subtype") == Name.Form:
            if "/Ref" in obj:
                yield "30-001", "XObject de référence"
            marked = any(
                str(op) == "BDC" and isinstance(ops[1], Dictionary) and "/MCID" in ops[1]
                for ops, op in pikepdf.parse_content_stream(obj)
            )
            if marked and drawn[obj.objgen] > 1:
                yield "30-002", "forme à MCID dessinée plusieurs fois"


def _font_program(font: Dictionary) -> TTFont | None:
    descriptor = font.get("/FontDescriptor", Dictionary())
    if "/FontFile2" not in descriptor:
        return None
    return TTFont(io.BytesIO(descriptor.FontFile2.read_bytes()))


def _codes_used(pdf: pikepdf.Pdf) -> dict[tuple[int, int], set[int]]:
    """The character codes shown with each simple font, on pages and in forms."""
    used: dict[tuple[int, int], set[int]] = {}
    streams = [(page, page.obj.get("/Resources", Dictionary())) for page in pdf.pages]
    streams += [
        (form, form.get("/Resources", Dictionary()))
        for form in pdf.objects
        if isinstance(form, Stream) and form.get("/Subtype") == Name.Form
    ]
    for stream, resources in streams:
        fonts = resources.get("/Font", Dictionary())
        codes: set[int] = set()
        for operands, operator in pikepdf.parse_content_stream(stream):
            op = str(operator)
            if op == "Tf":
                codes = used.setdefault(fonts[str(operands[0])].objgen, set())
            elif op in TEXT:
                strings = operands[0] if op == "TJ" else [operands[-1]]
                for string in strings:
                    if isinstance(string, pikepdf.String):
                        codes.update(bytes(string))
    return used


def _to_unicode(font: Dictionary) -> list[str]:
    """Every Unicode value of a font's ToUnicode CMap (bfchar and bfrange)."""
    cmap = font.ToUnicode.read_bytes().decode("latin-1")
    values = []
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        values += [t for _, t in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block)]
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, start in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            values += [f"{int(start, 16) + i:04X}" for i in range(int(high, 16) - int(low, 16) + 1)]
    return [bytes.fromhex(v).decode("utf-16-be") for v in values]


@checks(*(f"31-{n:03}" for n in range(1, 31) if n != 10))
def _fonts(s: Subject) -> Failures:
    used = _codes_used(s.pdf)
    for key, font in s.fonts().items():
        name = str(font.get("/BaseFont", "?"))
        kind = str(font.Subtype)[1:]
        descriptor = font.get("/FontDescriptor", Dictionary())
        if kind == "Type0":
            encoding = font.get("/Encoding")
            if isinstance(encoding, Name) and str(encoding) not in PREDEFINED_CMAPS:
                yield "31-006", f"{name} : CMap {encoding} ni prédéfinie ni incorporée"
            if not (isinstance(encoding, Name) and str(encoding) in ("/Identity-H", "/Identity-V")):
                # 31-001 to 31-003, 31-007, 31-008 compare CMaps: not written for our fonts
                for checkpoint in ("31-001", "31-002", "31-003", "31-007", "31-008"):
                    yield checkpoint, f"{name} : CMap non vérifiée"
            for descendant in font.DescendantFonts:
                if descendant.Subtype == Name.CIDFontType2:
                    if "/CIDToGIDMap" not in descendant:
                        yield "31-005", f"{name} : pas de /CIDToGIDMap"
                    elif not (
                        descendant.CIDToGIDMap == Name.Identity
                        or isinstance(descendant.CIDToGIDMap, Stream)
                    ):
                        yield "31-004", f"{name} : /CIDToGIDMap invalide"
            continue
        if kind != "Type3" and not any(
            f in descriptor for f in ("/FontFile", "/FontFile2", "/FontFile3")
        ):
            yield "31-009", f"{name} : police non incorporée"
        if "/CharSet" in descriptor:
            for checkpoint in ("31-012", "31-013"):
                yield checkpoint, f"{name} : /CharSet non vérifié"
        if "/CIDSet" in descriptor:
            for checkpoint in ("31-014", "31-015"):
                yield checkpoint, f"{name} : /CIDSet non vérifié"
        if "/ToUnicode" not in font and kind != "Type3":
            encoding = font.get("/Encoding")
            standard = encoding in (Name.MacRomanEncoding, Name.WinAnsiEncoding)
            if not standard:
                yield "31-027", f"{name} : pas de /ToUnicode"
        if "/ToUnicode" in font:
            values = _to_unicode(font)
            if "\0" in values:
                yield "31-028", f"{name} : ToUnicode vers U+0000"
            if "\ufeff" in values or "\ufffe" in values:
                yield "31-029", f"{name} : ToUnicode vers U+FEFF ou U+FFFE"
        if kind != "TrueType":
            continue
        program = _font_program(font)
        symbolic = bool(int(descriptor.get("/Flags", 0)) & 4)
        encoding = font.get("/Encoding")
        tables = program["cmap"].tables if program is not None else []
        cmaps = {(t.platformID, t.platEncID) for t in tables}
        if symbolic:
            if encoding is not None:
                yield "31-024", f"{name} : /Encoding dans une police symbolique"
            if program is not None and not tables:
                yield "31-025", f"{name} : programme sans cmap"
            if len(cmaps) > 1 and (3, 0) not in cmaps:
                yield "31-026", f"{name} : plusieurs cmap sans (3,0)"
        else:
            if program is not None and not cmaps & {(3, 1), (1, 0)}:
                yield "31-017", f"{name} : pas de cmap non symbolique"
            if encoding is None:
                yield "31-019", f"{name} : pas de /Encoding"
            base = encoding.get("/BaseEncoding") if isinstance(encoding, Dictionary) else encoding
            if isinstance(encoding, Dictionary) and base is None:
                yield "31-020", f"{name} : /Encoding sans /BaseEncoding"
            if base is not None and base not in (Name.MacRomanEncoding, Name.WinAnsiEncoding):
                yield "31-021", f"{name} : codage {base}"
            if isinstance(encoding, Dictionary) and "/Differences" in encoding:
                yield "31-022", f"{name} : /Differences non vérifiées"
                if (3, 1) not in cmaps:
                    yield "31-023", f"{name} : /Differences sans cmap (3,1)"
        if program is None:
            continue
        # The glyph each code shows: by the (1,0) or (3,0) cmap of a symbolic font, by
        # the Unicode cmap of the encoded character otherwise (31-018).
        table = next(
            (t for t in tables if (t.platformID, t.platEncID) in ((1, 0), (3, 0), (3, 1))), None
        )
        glyphs = table.cmap if table is not None else {}
        first, widths = int(font.get("/FirstChar", 0)), list(font.get("/Widths", Array()))
        scale = 1000 / program["head"].unitsPerEm
        for code in sorted(used.get(key, set())):
            glyph = glyphs.get(code) or glyphs.get(0xF000 + code)
            if glyph is None or glyph not in program.getGlyphOrder():
                yield ("31-011" if symbolic else "31-018"), f"{name} : code {code} sans glyphe"
                continue
            if glyph == ".notdef":
                yield "31-030", f"{name} : code {code} montre .notdef"
            if first <= code < first + len(widths):
                declared = float(widths[code - first])
                actual = program["hmtx"][glyph][0] * scale
                if abs(declared - actual) > 1:
                    yield "31-016", f"{name} : chasse du code {code} {declared} ≠ {actual:.1f}"


# --- the tests ------------------------------------------------------------------------------


def _subject(path) -> Subject:
    pdf = pikepdf.open(path)
    pages = [read_page(page, number) for number, page in enumerate(pdf.pages)]
    root = read_tree(pdf) if "/StructTreeRoot" in pdf.Root else None
    return Subject(pdf, pages, root)


@pytest.fixture(params=GALLERY_CASES, ids=GALLERY_IDS)
def case(request, gallery_documents):
    return read(*gallery_documents(*request.param, "pdf"))


def test_every_machine_checkable_failure_condition_has_its_check():
    assert sorted(CHECKS) == sorted(MACHINE)
    assert len(MACHINE) == len(set(MACHINE)) == 87


def test_matterhorn_machine_checks_pass(case):
    assert run(Subject(case.pdf, case.pages, case.root)) == []


def test_bookmarks_follow_the_headings(case):
    """Every heading has its bookmark, nested by level, leading to its page."""
    heading_pages = [
        next(kid[1] for kid in e.kids if isinstance(kid, tuple) and kid[0] == "mcid")
        for e in elements(case.root)
        if re.fullmatch(r"H[1-6]", e.role)
    ]
    pages = {page.objgen: number for number, page in enumerate(case.pdf.pages)}
    found = []

    def walk(items, depth: int) -> None:
        for item in items:
            page = pages[item.destination[0].objgen]
            found.append((depth, item.title, page))
            walk(item.children, depth + 1)

    with case.pdf.open_outline() as outline:
        walk(outline.root, 1)
    sections = list(tree.iter_sections(case.document.sections))
    assert [(d, t) for d, t, _ in found] == [(s.level, s.title) for s in sections]
    assert [p for *_, p in found] == heading_pages
    assert case.pdf.Root.PageMode == Name.UseOutlines  # the reader opens them


# --- the checks can fail --------------------------------------------------------------------


@pytest.fixture
def kazakhstan_pdf(gallery_documents):
    return gallery_documents(Path(KAZAKHSTAN), "officiel", "pdf")[2]


def _broken(path, tmp_path, change: Callable[[pikepdf.Pdf], None]) -> list[str]:
    with pikepdf.open(path) as pdf:
        change(pdf)
        pdf.save(tmp_path / "casse.pdf")
    return sorted({checkpoint for checkpoint, _ in run(_subject(tmp_path / "casse.pdf"))})


def _first(pdf: pikepdf.Pdf, role: str, n: int = 0) -> Dictionary:
    return [e.obj for e in elements(read_tree(pdf)) if e.role == role][n]


def test_an_untagged_pdf_fails(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(tmp_path / "nu.pdf"))
    canvas.drawString(72, 720, "Texte sans balisage")
    canvas.save()
    failed = {checkpoint for checkpoint, _ in run(_subject(tmp_path / "nu.pdf"))}
    assert {"01-005", "06-001", "07-001", "11-001"} <= failed


@pytest.mark.parametrize(
    "change, checkpoints",
    [
        (lambda pdf: _first(pdf, "Figure").__delitem__("/Alt"), ["13-004"]),
        (lambda pdf: pdf.pages[0].obj.Annots[0].__delitem__("/Contents"), ["28-004", "28-012"]),
        (lambda pdf: setattr(pdf.pages[0].obj, "Tabs", Name.R), ["28-009"]),
        (lambda pdf: setattr(pdf.Root.ViewerPreferences, "DisplayDocTitle", False), ["07-002"]),
        (lambda pdf: setattr(_first(pdf, "H1"), "S", Name.H2), ["14-002"]),
        (lambda pdf: setattr(_first(pdf, "H1", 1), "S", Name.H3), ["14-003"]),
        (lambda pdf: _first(pdf, "TH").__delitem__("/A"), ["15-003"]),
        (lambda pdf: setattr(_first(pdf, "LI"), "S", Name.P), ["09-005"]),
        (lambda pdf: setattr(_first(pdf, "TR"), "S", Name.P), ["09-004"]),
        (lambda pdf: setattr(pdf.Root.MarkInfo, "Suspects", True), ["01-007"]),
        (lambda pdf: pdf.Root.__delitem__("/Lang"), [f"11-00{n}" for n in range(1, 7)]),
        (
            lambda pdf: setattr(
                pdf.Root.StructTreeRoot, "RoleMap", Dictionary(P=Name.Span, Titre=Name.Titre)
            ),
            ["02-004"],
        ),
    ],
    ids=[
        "figure-sans-alt",
        "lien-sans-contents",
        "tabs",
        "titre-du-document",
        "premier-titre",
        "niveau-saute",
        "th-sans-scope",
        "liste",
        "tableau",
        "suspects",
        "langue",
        "rolemap",
    ],
)
def test_a_broken_file_fails_its_checkpoint(kazakhstan_pdf, tmp_path, change, checkpoints):
    assert _broken(kazakhstan_pdf, tmp_path, change) == checkpoints
