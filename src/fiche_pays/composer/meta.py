"""The document's metadata: title block, properties, the dates written in the files."""

from __future__ import annotations

import datetime as dt

from ..epoch import source_date_epoch
from ..french import typography
from ..model.presentation import Presentation
from ..model.relations import Fiche
from ..theme.style import Wording
from ..tree import Meta
from .provenance import at, typeset


def meta(fiche: Fiche | Presentation, wording: Wording, subject: str | None = None) -> Meta:
    """The title block, running header and footer, and properties of a fiche; ``subject``
    (the document property) defaults to the relations fiche's "… entre la France et …"."""
    doc, country = fiche.document, fiche.country
    updated = doc.updated
    short_title = typography(f"{country.name} — {doc.title}")
    date_label = typography(f"Mise à jour : {updated.text()}")
    service = doc.service or wording.service
    sources = [
        ("country", typeset([(country.name, at(("pays", "nom")))])),
        ("kind", typeset([(doc.title, at(("document", "titre")))])),
        (
            "date_label",
            typeset(
                [
                    ("Mise à jour : ", None),
                    (updated.text(), at(("document", "mise_a_jour"), "date")),
                ]
            ),
        ),
    ]
    if doc.service:
        sources.append(("service", typeset([(doc.service, at(("document", "service")))])))
    return Meta(
        title=short_title,
        country=typography(country.name),
        kind=typography(doc.title),
        timestamp=document_timestamp(updated.first_day),
        date_label=date_label,
        short_title=short_title,
        footer=f"{short_title} · {date_label}",
        page_label="{page} / {pages}",
        author=typography(doc.author or doc.service or wording.default_author),
        subject=typography(subject or f"{doc.title} entre la France et {country.the_form}"),
        keywords=tuple(typography(k) for k in dict.fromkeys([country.name, *doc.keywords])),
        language="fr-FR",
        service=typography(service) if service else None,
        # The fiche decides its distribution marking; the template only styles it.
        marking=typography(doc.diffusion) if doc.diffusion else None,
        fact_separator="\u00a0: ",
        toc_title=typography(wording.toc_title),
        sources=tuple(sources),
        identity=tuple(typography(line) for line in wording.identity),
        motto=tuple(typography(line) for line in wording.motto),
    )


def document_timestamp(date: dt.date) -> dt.datetime:
    """When the files say they were made: the update date (midnight UTC), or
    SOURCE_DATE_EPOCH when set (the reproducible-builds convention). Never the clock."""
    epoch = source_date_epoch()  # checked: DataError in French for "²" or 99999999999
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, dt.UTC)
    return dt.datetime.combine(date, dt.time(0, 0), dt.UTC)
