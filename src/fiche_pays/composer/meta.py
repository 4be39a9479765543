"""The document's metadata: title block, properties, the dates written in the files."""

from __future__ import annotations

import datetime as dt
import os

from ..french import typography
from ..model.relations import Fiche
from ..theme.style import Wording
from ..tree import Meta


def meta(fiche: Fiche, wording: Wording) -> Meta:
    doc, country = fiche.document, fiche.country
    updated = doc.updated
    return Meta(
        title=typography(f"{country.name} — {doc.title}"),
        country=typography(country.name),
        kind=typography(doc.title),
        date=updated.first_day,
        timestamp=document_timestamp(updated.first_day),
        date_label=typography(f"Mise à jour : {updated.text()}"),
        short_title=typography(f"{country.name} — {doc.title}"),
        author=typography(doc.author or doc.service or wording.default_author),
        subject=typography(f"{doc.title} entre la France et {country.the_form}"),
        keywords=tuple(typography(k) for k in dict.fromkeys([country.name, *doc.keywords])),
        service=typography(doc.service) if doc.service else None,
        toc_title=wording.toc_title,
    )


def document_timestamp(date: dt.date) -> dt.datetime:
    """When the files say they were made: the update date (midnight UTC), or
    SOURCE_DATE_EPOCH when set (the reproducible-builds convention). Never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.combine(date, dt.time(0, 0), dt.UTC)
