"""PDF/A-2 and PDF/UA-1 identification: XMP metadata mirroring /Info, an sRGB output intent.

What the README claims, and only that: PDF/A-2A (``PART``/``CONFORMANCE``) and PDF/UA-1,
as checked by the tests of ``tests/writers/test_pdf_tagging.py`` and
``tests/writers/test_pdf_archive.py`` (no veraPDF could be run here).
"""

from __future__ import annotations

import re
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDate,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFStreamFilterZCompress,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

from .saving import FastDocument
from .structure import extend

PART, CONFORMANCE = 2, "A"  # PDF/A-2A: PDF/A-2B plus tagged structure and Unicode text
UA_PART = 1  # PDF/UA-1 (ISO 14289-1)
SRGB = "sRGB IEC61966-2.1"

# Every key that /Info has is repeated here with the same value (ISO 19005-2, 6.6.2.3.1).
# pdfuaid is not among PDF/A's predefined schemas, so it is declared in an extension
# schema, without which a PDF/A validator rejects the property.
_XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt>
   </dc:description>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{keywords}</pdf:Keywords>
   <pdf:Producer>{producer}</pdf:Producer>
   <pdf:Trapped>{trapped}</pdf:Trapped>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <pdfaid:part>{part}</pdfaid:part>
   <pdfaid:conformance>{conformance}</pdfaid:conformance>
   <pdfuaid:part>{ua_part}</pdfuaid:part>
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>{ua_description}</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"""


def identify(canv: Canvas, language: str) -> None:
    """Give the canvas's document its XMP metadata (PDF/A-2A, PDF/UA-1) and its sRGB
    output intent, and have its streams written as PDF/A wants, before it is saved."""
    doc = canv._doc
    if not isinstance(doc, FastDocument):
        raise TypeError("PDF/A : le document doit être enregistré par FastDocument")
    doc.archival = True  # an end-of-line marker before each endstream (FastDocument)
    catalog = doc.Catalog
    extend(catalog, "OutputIntents")
    # No filter (None: no /Filter key): PDF/A wants the metadata readable by tools that
    # do not parse PDF.
    catalog.Metadata = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        content=xmp(doc, language),
    )
    profile = PDFStream(
        PDFDictionary({"N": 3}), content=srgb_profile(), filters=[PDFStreamFilterZCompress()]
    )
    catalog.OutputIntents = PDFArray(
        [
            PDFDictionary(
                {
                    "Type": PDFName("OutputIntent"),
                    "S": PDFName("GTS_PDFA1"),
                    "OutputConditionIdentifier": PDFString(SRGB),
                    "RegistryName": PDFString("http://www.color.org"),
                    "Info": PDFString(SRGB),
                    "DestOutputProfile": profile,
                }
            )
        ]
    )


def xmp(doc: object, language: str) -> bytes:
    """The XMP packet: the values ReportLab writes in /Info, and the identification."""
    info = doc.info
    date = PDFDate(ts=doc._timeStamp, dateFormatter=info._dateFormatter).format(doc).decode()
    return _XMP.format(
        title=escape(info.title),
        author=escape(info.author),
        subject=escape(info.subject),
        keywords=escape(info.keywords),
        producer=escape(info.producer),
        creator=escape(info.creator),
        trapped=info.trapped,
        date=xmp_date(date.strip("()")),
        lang=escape(language),
        part=PART,
        conformance=CONFORMANCE,
        ua_part=UA_PART,
        ua_description="Indicates, which part of ISO 14289 standard is followed",
    ).encode("utf-8")


_DATE = re.compile(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z|[+-]\d\d'?\d\d'?)?")


def xmp_date(pdf_date: str) -> str:
    """``D:20210505000000+00'00'`` -> ``2021-05-05T00:00:00+00:00`` (the same instant)."""
    match = _DATE.match(pdf_date)
    if not match:
        raise ValueError(f"date PDF illisible : {pdf_date}")
    year, month, day, hour, minute, second, zone = match.groups()
    if zone in (None, "Z"):
        offset = "Z"
    else:
        digits = zone.replace("'", "")
        offset = f"{digits[:3]}:{digits[3:5]}"
    return f"{year}-{month}-{day}T{hour}:{minute}:{second}{offset}"


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """LittleCMS's sRGB profile, made by Pillow, with its creation date pinned: lcms
    stamps the current time into the header (bytes 24-35), which would make two builds
    differ."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = bytes([0x07, 0xD0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0])  # 2000-01-01 00:00:00
    return bytes(data)
