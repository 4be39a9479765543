"""Section titles as pages have written them over the years, and what they map to.

Data, not code: each standard section of a fiche lists the titles (French and English
editions, older wordings) that the published pages give it. A title is compared after
:func:`key_of` (accents, case, apostrophes, punctuation and spaces do not count).
"""

from __future__ import annotations

import re
import unicodedata

# "Relations bilatérales": data key → titles seen on pages (first: the fiche's own title).
RELATIONS = {
    "relations_politiques": (
        "Relations politiques",
        "Relations politiques et diplomatiques",
        "Political relations",
    ),
    "presence_francaise": (
        "Présence française",
        "Communauté française",
        "Présence française au pays",
        "French presence",
        "French community",
    ),
    "visites": (
        "Visites",
        "Visites officielles",
        "Visites bilatérales",
        "Visites et entretiens",
        "Visits",
        "Official visits",
    ),
    "ambassadeurs": ("Ambassadeurs", "Ambassadeur", "Ambassadors"),
    "relations_economiques": (
        "Relations économiques",
        "Relations économiques et commerciales",
        "Relations commerciales",
        "Economic relations",
        "Trade relations",
    ),
    "cooperation": (
        "Coopération culturelle, scientifique et technique",
        "Coopération culturelle scientifique et technique",
        "Coopération culturelle, scientifique, technique et universitaire",
        "Coopération culturelle",
        "Coopération",
        "Cultural, scientific and technical cooperation",
    ),
    "autres_cooperations": (
        "Autres types de coopérations",
        "Autres types de coopération",
        "Autres coopérations",
        "Other cooperation",
        "Other types of cooperation",
    ),
    "informations_complementaires": (
        "Informations complémentaires",
        "Pour en savoir plus",
        "Further information",
    ),
}

# Lines that only frame the page: the document kind, the site's buttons.
PAGE_KIND_RELATIONS = ("Relations bilatérales", "Bilateral relations")
PAGE_KIND_PRESENTATION = ("Présentation du pays", "Présentation", "Presentation of the country")
FURNITURE = (
    "Partager",
    "Share",
    "Accès rapide :",
    "Accès rapide",
    "Imprimer",
    "Print",
    "Retour en haut de page",
    "Sommaire",
)

# "Présentation du pays": data key → titles (sub-sections of "Éléments d'actualité" too).
PRESENTATION = {
    "donnees_generales": ("Données générales", "General data"),
    "donnees_geographiques": ("Données géographiques", "Geographical data"),
    "donnees_demographiques": ("Données démographiques", "Démographie", "Demographic data"),
    "donnees_economiques": ("Données économiques", "Economic data"),
    "autres_donnees": ("Autres données",),
    "gouvernement": ("Composition du gouvernement",),
    "presence_francaise": ("Présence française",),
    "elements_d_actualite": ("Éléments d'actualité", "Current affairs", "Latest news"),
    "politique_interieure": ("Politique intérieure", "Domestic policy", "Internal politics"),
    "politique_etrangere": ("Politique étrangère", "Foreign policy"),
    "situation_economique": ("Situation économique", "Economic situation"),
}


def key_of(title: str) -> str:
    """A title reduced to what tells titles apart: letters and digits, lower case."""
    text = unicodedata.normalize("NFKD", title)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {key_of(title): key for key, titles in table.items() for title in titles}


_RELATIONS = _index(RELATIONS)
_PRESENTATION = _index(PRESENTATION)
_FURNITURE = {key_of(t) for t in FURNITURE}
_KIND_RELATIONS = {key_of(t) for t in PAGE_KIND_RELATIONS}


def relations_section(title: str) -> str | None:
    """The data key of a "Relations bilatérales" section title, if it is a known one."""
    return _RELATIONS.get(key_of(title))


def presentation_section(title: str) -> str | None:
    """The data key of a "Présentation du pays" section title, if it is a known one."""
    return _PRESENTATION.get(key_of(title))


def is_furniture(text: str) -> bool:
    """A line of page furniture ("Partager", "Accès rapide :", an image placeholder)."""
    stripped = text.strip()
    return key_of(stripped) in _FURNITURE or bool(
        re.fullmatch(r"[^{}]*\{(JPEG|PNG|GIF)\}", stripped)
    )


def is_known_title(text: str) -> bool:
    """A line every fiche page uses as a title (a section, or the page's kind)."""
    key = key_of(text)
    return (
        key in _RELATIONS
        or key in _PRESENTATION
        or key in _KIND_RELATIONS
        or key in {key_of(t) for t in PAGE_KIND_PRESENTATION}
        or key in ("introduction", "presentation")
        or (
            bool(
                re.fullmatch(
                    r"(presentation (du|de la|de l|des) .+|la france et .+|france and .+)", key
                )
            )
            and len(key.split()) <= 8
            and not text.rstrip().endswith((".", ";", ":", ","))
        )
    )
