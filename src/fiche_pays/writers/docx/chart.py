"""A native, editable Word chart (DrawingML) with its data in an embedded workbook.

Word draws the chart from the cached values in the chart part; "Modifier les données"
opens the embedded workbook, so colleagues can amend the figures in Word itself.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape, quoteattr

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph

from ...theme.style import Theme
from ...tree import Chart
from .package import write_zip

_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
_XLSX_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_SHEET = "Données"
_AXIS_CAT, _AXIS_VAL = 48650001, 48650002


def add_chart(paragraph: Paragraph, chart: Chart, theme: Theme, width: int, height: int) -> None:
    """Append ``chart`` to ``paragraph`` as an inline native chart of width × height EMU."""
    document_part = paragraph.part
    package = document_part.package
    chart_name = package.next_partname("/word/charts/chart%d.xml")
    number = int(str(chart_name).rsplit("chart", 1)[1].split(".")[0])
    xlsx_part = Part(
        PackURI(f"/word/embeddings/Feuille_de_donnees_{number}.xlsx"),
        _XLSX_CT,
        workbook(chart),
        package,
    )
    chart_part = Part(chart_name, _CHART_CT, chart_xml(chart, theme).encode("utf-8"), package)
    workbook_rel = chart_part.relate_to(xlsx_part, RT.PACKAGE)
    # The chart part refers to its workbook by relationship id, known only now.
    chart_part._blob = chart_part.blob.replace(b"__WORKBOOK__", workbook_rel.encode())
    chart_rel = document_part.relate_to(chart_part, RT.CHART)
    inline = f"""
<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <wp:inline xmlns:wp="{_WP}" distT="0" distB="0" distL="0" distR="0">
    <wp:extent cx="{width}" cy="{height}"/>
    <wp:effectExtent l="0" t="0" r="0" b="0"/>
    <wp:docPr id="{1000 + number}" name={quoteattr(f"Graphique {number}")}
              descr={quoteattr(chart.alt)} title={quoteattr(chart.title)}/>
    <wp:cNvGraphicFramePr/>
    <a:graphic xmlns:a="{_A}">
      <a:graphicData uri="{_C}">
        <c:chart xmlns:c="{_C}" xmlns:r="{_R}" r:id="{chart_rel}"/>
      </a:graphicData>
    </a:graphic>
  </wp:inline>
</w:drawing>"""
    paragraph.add_run()._r.append(parse_xml(inline))


_GROUP = "\u202f"  # narrow no-break space between digit groups, as in the text
_MINUS = "\u2212"


def axis_format(ticks: tuple[float, ...]) -> str:
    """A number format code showing the value axis as the tree words it ("4 000",
    "−3 000"), whatever the locale of the program opening the file.

    "#,##0" would take its separators from the reader's settings ("4,000" in an English
    LibreOffice). Here the group space and the minus sign are literals: one pattern for
    positive values, one for negative ones (shown without their sign, so the literal
    minus is the only one), one for zero. The composer never mixes digit groups on one
    axis, so no literal space is left hanging before a shorter figure. Ticks with
    decimals (an axis under 1) keep the reader's decimal separator.
    """
    if any(not float(t).is_integer() for t in ticks):
        decimals = max(len(repr(float(t)).split(".")[1]) for t in ticks)
        pattern = "0." + "0" * min(decimals, 2)
    else:
        digits = len(str(int(max(abs(t) for t in ticks))))
        groups = (digits - 1) // 3
        pattern = ("#" + f'"{_GROUP}"###' * (groups - 1) + f'"{_GROUP}"##0') if groups else "0"
    return f'{pattern};"{_MINUS}"{pattern};0'


def _column(index: int) -> str:
    return chr(ord("A") + index)


def _rich(text: str, rotated: bool = False) -> str:
    rotation = ' rot="-5400000" vert="horz"' if rotated else ""
    return (
        f"<c:title><c:tx><c:rich><a:bodyPr{rotation}/><a:lstStyle/><a:p><a:pPr>"
        f'<a:defRPr b="0"/></a:pPr><a:r><a:rPr lang="fr-FR" b="0"/><a:t>{escape(text)}'
        '</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>'
    )


def _series(chart: Chart, index: int, color: str) -> str:
    series = chart.series[index]
    column = _column(index + 1)
    last = len(chart.categories) + 1
    categories = "".join(
        f'<c:pt idx="{i}"><c:v>{escape(c)}</c:v></c:pt>' for i, c in enumerate(chart.categories)
    )
    values = "".join(
        f'<c:pt idx="{i}"><c:v>{v!r}</c:v></c:pt>' for i, v in enumerate(series.values)
    )
    count = len(chart.categories)
    if series.kind == "line":
        look = (
            f'<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="{color}"/>'
            '</a:solidFill><a:round/></a:ln></c:spPr><c:marker><c:symbol val="circle"/>'
            f'<c:size val="6"/><c:spPr><a:solidFill><a:srgbClr val="{color}"/>'
            '</a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="FFFFFF"/>'
            "</a:solidFill></a:ln></c:spPr></c:marker>"
        )
    else:
        look = (
            f'<c:spPr><a:solidFill><a:srgbClr val="{color}"/></a:solidFill></c:spPr>'
            '<c:invertIfNegative val="0"/>'
        )
    tail = '<c:smooth val="0"/>' if series.kind == "line" else ""
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>'
        f"<c:tx><c:strRef><c:f>'{_SHEET}'!${column}$1</c:f><c:strCache>"
        f'<c:ptCount val="1"/><c:pt idx="0"><c:v>{escape(series.name)}</c:v></c:pt>'
        f"</c:strCache></c:strRef></c:tx>{look}"
        f"<c:cat><c:strRef><c:f>'{_SHEET}'!$A$2:$A${last}</c:f><c:strCache>"
        f'<c:ptCount val="{count}"/>{categories}</c:strCache></c:strRef></c:cat>'
        f"<c:val><c:numRef><c:f>'{_SHEET}'!${column}$2:${column}${last}</c:f><c:numCache>"
        f"<c:formatCode>{escape(axis_format(chart.ticks))}</c:formatCode>"
        f'<c:ptCount val="{count}"/>{values}'
        f"</c:numCache></c:numRef></c:val>{tail}</c:ser>"
    )


def chart_xml(chart: Chart, theme: Theme) -> str:
    """The chart part: clustered bars with a line over them, sharing two axes."""
    label = theme.styles["chart"]
    colors = [c.lstrip("#") for c in theme.colors.chart]
    text_color = theme.colors.text.lstrip("#")
    muted = label.color.lstrip("#")
    font = theme.word_family
    size = int(label.size * 100)
    bars = "".join(
        _series(chart, i, colors[i % len(colors)])
        for i, s in enumerate(chart.series)
        if s.kind == "bar"
    )
    lines = "".join(
        _series(chart, i, colors[i % len(colors)])
        for i, s in enumerate(chart.series)
        if s.kind == "line"
    )
    axes = f'<c:axId val="{_AXIS_CAT}"/><c:axId val="{_AXIS_VAL}"/>'
    step = chart.ticks[1] - chart.ticks[0] if len(chart.ticks) > 1 else 1
    grid = (
        '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="DDDDDD"/>'
        "</a:solidFill></a:ln></c:spPr></c:majorGridlines>"
    )
    axis_line = (
        f'<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="{text_color}"/>'
        "</a:solidFill></a:ln></c:spPr>"
    )
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="{_C}" xmlns:a="{_A}" xmlns:r="{_R}">
<c:date1904 val="0"/><c:lang val="fr-FR"/><c:roundedCorners val="0"/>
<c:chart><c:autoTitleDeleted val="1"/>
<c:plotArea><c:layout/>
<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>{bars}
<c:gapWidth val="60"/><c:overlap val="-8"/>{axes}</c:barChart>
<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{lines}
<c:marker val="1"/>{axes}</c:lineChart>
<c:catAx><c:axId val="{_AXIS_CAT}"/><c:scaling><c:orientation val="minMax"/></c:scaling>
<c:delete val="0"/><c:axPos val="b"/>{_rich(chart.x_label)}
<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>
<c:minorTickMark val="none"/><c:tickLblPos val="low"/>{axis_line}
<c:crossAx val="{_AXIS_VAL}"/><c:crosses val="autoZero"/><c:auto val="1"/>
<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>
<c:valAx><c:axId val="{_AXIS_VAL}"/><c:scaling><c:orientation val="minMax"/>
<c:max val="{chart.ticks[-1]!r}"/><c:min val="{chart.ticks[0]!r}"/></c:scaling>
<c:delete val="0"/><c:axPos val="l"/>{grid}{_rich(chart.y_label, rotated=True)}
<c:numFmt formatCode={quoteattr(axis_format(chart.ticks))} sourceLinked="0"/>
<c:majorTickMark val="none"/>
<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>
<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>
<c:crossAx val="{_AXIS_CAT}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>
<c:majorUnit val="{step!r}"/></c:valAx>
<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>
</c:plotArea>
<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>
<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>
<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>
<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}">
<a:solidFill><a:srgbClr val="{muted}"/></a:solidFill>
<a:latin typeface={quoteattr(font)}/><a:cs typeface={quoteattr(font)}/></a:defRPr></a:pPr>
<a:endParaRPr lang="fr-FR"/></a:p></c:txPr>
<c:externalData r:id="__WORKBOOK__"><c:autoUpdate val="0"/></c:externalData>
</c:chartSpace>"""


def workbook(chart: Chart) -> bytes:
    """A minimal .xlsx holding the chart's data, so that Word can edit it."""

    def cell(ref: str, value: str | float) -> str:
        if isinstance(value, str):
            return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
        return f'<c r="{ref}"><v>{value!r}</v></c>'

    header = [cell("A1", "")] + [
        cell(f"{_column(i + 1)}1", s.name) for i, s in enumerate(chart.series)
    ]
    rows = [f'<row r="1">{"".join(header)}</row>']
    for r, category in enumerate(chart.categories, start=2):
        cells = [cell(f"A{r}", category)] + [
            cell(f"{_column(i + 1)}{r}", s.values[r - 2]) for i, s in enumerate(chart.series)
        ]
        rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats'
            '-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets'
            '/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{main}" '
            f'xmlns:r="{_R}"><sheets><sheet name="{_SHEET}" sheetId="1" r:id="rId1"/></sheets>'
            "</workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{main}">'
            f"<sheetData>{''.join(rows)}</sheetData></worksheet>"
        ),
    }
    buffer = io.BytesIO()
    write_zip(buffer, ((name, content.encode("utf-8")) for name, content in files.items()))
    return buffer.getvalue()
