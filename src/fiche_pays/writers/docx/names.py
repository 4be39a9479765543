"""The Word style names the DOCX writer uses; their look lives in the reference .docx.

Built-in styles keep Word's English names (Word shows them translated); the fiche's own
styles are named in French, as they appear in Word's style gallery.
"""

from __future__ import annotations

# Built-in Word styles (their names are translated by Word's interface).
NORMAL = "Normal"
TITLE = "Title"
SUBTITLE = "Subtitle"
HEADINGS = ("Heading 1", "Heading 2", "Heading 3")
LIST_BULLET = "List Bullet"
CAPTION = "Caption"
TOC_HEADING = "TOC Heading"
TOC_LEVELS = ("toc 1", "toc 2")
HEADER = "Header"
FOOTER = "Footer"
HYPERLINK = "Hyperlink"
# The fiche's own styles, named in French as they appear in Word's style gallery.
FACT = "Fait"
FACT_LABEL = "Fait - libellé"
SOURCE = "Source"
CELL = "Tableau - texte"
CELL_NUMBER = "Tableau - nombre"
CELL_HEADER = "Tableau - en-tête"
CELL_HEADER_NUMBER = "Tableau - en-tête nombre"
TABLE = "Tableau fiche"
IDENTITY = "Bloc-marque"
MOTTO = "Devise"
SERVICE = "Service émetteur"
UPDATE = "Mise à jour"
MARKING = "Mention de diffusion"
FIGURE = "Graphique"
MARKING_RUN = "Mention de diffusion (caractères)"

PARAGRAPH_STYLES = (
    NORMAL,
    TITLE,
    SUBTITLE,
    *HEADINGS,
    LIST_BULLET,
    CAPTION,
    TOC_HEADING,
    *TOC_LEVELS,
    HEADER,
    FOOTER,
    FACT,
    SOURCE,
    CELL,
    CELL_NUMBER,
    CELL_HEADER,
    CELL_HEADER_NUMBER,
    IDENTITY,
    MOTTO,
    SERVICE,
    UPDATE,
    MARKING,
    FIGURE,
)
CHARACTER_STYLES = (HYPERLINK, FACT_LABEL, MARKING_RUN)
TABLE_STYLES = (TABLE,)
ALL_STYLES = PARAGRAPH_STYLES + CHARACTER_STYLES + TABLE_STYLES

# The Word style that carries each style of the template's stylesheet (its paragraph
# styles; "header_marking" is a character style; the chart takes its text look from
# "chart" directly).
FROM_STYLESHEET = {
    "body": NORMAL,
    "fact": FACT,
    "bullet": LIST_BULLET,
    "heading1": HEADINGS[0],
    "heading2": HEADINGS[1],
    "heading3": HEADINGS[2],
    "title": TITLE,
    "subtitle": SUBTITLE,
    "caption": CAPTION,
    "note": SOURCE,
    "cell": CELL,
    "cell_number": CELL_NUMBER,
    "cell_header": CELL_HEADER,
    "cell_header_number": CELL_HEADER_NUMBER,
    "toc_title": TOC_HEADING,
    "toc1": TOC_LEVELS[0],
    "toc2": TOC_LEVELS[1],
    "header": HEADER,
    "footer": FOOTER,
    "identity": IDENTITY,
    "motto": MOTTO,
    "service": SERVICE,
    "update": UPDATE,
    "marking": MARKING,
    "figure": FIGURE,
}

# The stylesheet style each Word paragraph style is made from (the reverse of the above).
STYLESHEET_OF = {word_name: name for name, word_name in FROM_STYLESHEET.items()}
