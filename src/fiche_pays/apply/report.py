"""The report of ``fiche-pays apply``, in French: one line per change, refusal,
conflict and comment, each with the field it belongs to."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .. import french
from .engine import Outcome
from .reading import Revision
from .reverse import Finding, Proposal

_WIDTH = 160


def quoted(text: str | None) -> str:
    """ "« text »", shortened when long."""
    text = " ".join((text or "").split())
    if len(text) > _WIDTH:
        text = text[: _WIDTH - 1].rstrip() + "…"
    return f"« {text} »"


_CONTEXT = 50  # characters kept on each side of a difference


def pair(old: Any, new: Any) -> tuple[str, str]:
    """Two values as the report shows them side by side. Long texts are cut around where
    they differ, with the same context on each side: cut at the same length, both would
    often read the same and hide the change."""
    if not (isinstance(old, str) and isinstance(new, str)):
        return value(old), value(new)
    a, b = " ".join(old.split()), " ".join(new.split())
    if max(len(a), len(b)) <= _WIDTH or a == b:
        return value(old), value(new)
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return _excerpt(a, start, len(a) - end), _excerpt(b, start, len(b) - end)


def _excerpt(text: str, start: int, stop: int) -> str:
    """ "« … context [difference] context … »": the changed span and some words around it
    (a long changed span is itself shortened in its middle)."""
    left = max(0, start - _CONTEXT)
    while 0 < left < start and text[left - 1] != " ":  # begin on a word
        left -= 1
    right = min(len(text), stop + _CONTEXT)
    while stop < right < len(text) and text[right] != " ":
        right += 1
    middle = text[start:stop]
    if len(middle) > _WIDTH:
        middle = middle[: _WIDTH // 2].rstrip() + " […] " + middle[-_WIDTH // 2 :].lstrip()
    head = ("…" if left > 0 else "") + text[left:start]
    tail = text[stop:right] + ("…" if right < len(text) else "")
    return f"« {head}{middle}{tail} »"


def value(item: Any) -> str:
    """A data value as the report shows it."""
    if item is None:
        return "(aucune valeur)"
    if isinstance(item, bool):
        return "oui" if item else "non"
    if isinstance(item, int | float):
        return str(item)
    if isinstance(item, list):
        return quoted(", ".join(map(str, item)))
    if isinstance(item, dict):
        return "(" + ", ".join(f"{k} : {value(v)}" for k, v in item.items()) + ")"
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(item)):
        return str(item)  # a date, as the data file writes it
    return quoted(str(item))


def when(date: str | None) -> str | None:
    """A Word revision date ("2026-11-20T10:15:00Z") in French: "20 novembre 2026"."""
    if not date:
        return None
    try:
        moment = dt.datetime.fromisoformat(date.replace("Z", "+00:00"))
    except ValueError:
        return None
    return french.day_month_year(moment.day, moment.month, moment.year)


def by_whom(revisions: list[Revision]) -> str:
    """ " (modification suivie, A. Dupont, 20 novembre 2026)", or nothing."""
    if not revisions:
        return ""
    kinds: dict[tuple[str, str | None], set[str]] = {}
    for revision in revisions:  # one reviewer's deletion and insertion: one modification
        kinds.setdefault((revision.author, when(revision.date)), set()).add(revision.kind)
    parts = []
    for (author, date), done in kinds.items():
        what = (
            "modification suivie"
            if len(done) > 1
            else "ajout suivi"
            if "insertion" in done
            else "suppression suivie"
        )
        parts.append(", ".join(w for w in (what, author, date) if w))
    return f" ({' ; '.join(parts)})"


def _proposal_lines(outcome: Outcome, proposal: Proposal) -> list[str]:
    label = outcome.label(proposal.path)
    who = by_whom(proposal.revisions)
    texts = [t for t in proposal.texts if t.old or t.new]
    if proposal.kind == "ajout":
        new = proposal.new
        if isinstance(new, list) and len(new) == 1 and isinstance(new[0], dict):
            new = new[0]  # a list created with its first item
        return [f"{label} : ajouté {value(new)}{who}"]
    if proposal.kind == "suppression":
        return [f"{label} : supprimé {value(proposal.old)}{who}"]
    short_values = all(
        isinstance(v, str | None) and len(v or "") <= 100 for v in (proposal.old, proposal.new)
    )
    if proposal.form in ("texte", "capitale") and short_values:
        return [f"{label} : {value(proposal.old)} → {value(proposal.new)}{who}"]
    if proposal.form in ("texte", "capitale", "prose") and texts:
        lines = []
        for change in texts:
            if not change.old:
                lines.append(f"{label} : ajouté {quoted(change.new)}{who}")
            elif not change.new:
                lines.append(f"{label} : supprimé {quoted(change.old)}{who}")
            else:
                shown, proposed = pair(change.old, change.new)
                lines.append(f"{label} : {shown} → {proposed}{who}")
        return lines
    shown, proposed = pair(proposal.old, proposal.new)
    return [f"{label} : {shown} → {proposed}{who}"]


def _finding_line(outcome: Outcome, finding: Finding) -> str:
    if finding.kind == "commentaire":
        comment = finding.comment
        author = comment.author if comment else "auteur inconnu"
        date = when(comment.date) if comment else None
        fields = ", ".join(outcome.label(p) for p in finding.paths) or finding.place
        anchor = f" ({quoted(finding.old)})" if finding.old else ""
        return (
            f"commentaire de {author}{f' ({date})' if date else ''} sur {fields}{anchor} : "
            f"{quoted(finding.message)}"
        )
    fields = ", ".join(outcome.label(p) for p in finding.paths)
    where = f"{fields} ({finding.place})" if fields else finding.place
    change = ""
    if finding.old is not None and finding.new is not None:
        change = f" : {quoted(finding.old)} → {quoted(finding.new)}"
    elif finding.new:
        change = f" : {quoted(finding.new)}"
    return f"non repris : {where}{change}{by_whom(finding.revisions)} — {finding.message}"


def lines(outcome: Outcome, dry_run: bool) -> list[str]:
    """The report, line by line."""
    result = []
    if outcome.changed_since_build:
        result.append(
            f"{outcome.data_file} a changé depuis la production du document : un champ "
            "modifié des deux côtés est signalé comme conflit et laissé tel quel"
        )
    for proposal in sorted(outcome.applied, key=lambda p: p.at):  # in the document's order
        result += _proposal_lines(outcome, proposal)
    for proposal in outcome.unchanged:
        result.append(
            f"déjà dans le fichier : {outcome.label(proposal.path)} : {value(proposal.new)}"
        )
    for proposal, now, why in outcome.conflicts:
        shown, proposed = pair(proposal.old, proposal.new)
        now_said = why or f"le fichier contient maintenant {pair(proposal.old, now)[1]}"
        result.append(
            f"conflit : {outcome.label(proposal.path)} : le document montrait "
            f"{shown}, le relecteur propose {proposed}, mais "
            f"{now_said} — laissé tel quel{by_whom(proposal.revisions)}"
        )
    for proposal, problems in outcome.invalid:
        why = " ; ".join(p.message for p in problems) or "le fichier ne serait plus valide"
        shown, proposed = pair(proposal.old, proposal.new)
        result.append(f"refusé : {outcome.label(proposal.path)} : {shown} → {proposed} — {why}")
    for finding in outcome.findings:
        if finding.kind != "commentaire":
            result.append(_finding_line(outcome, finding))
    for finding in outcome.findings:
        if finding.kind == "commentaire":
            result.append(_finding_line(outcome, finding))
    return result


def summary(outcome: Outcome, dry_run: bool) -> str:
    """The closing line."""
    count = len(outcome.applied)
    left = (
        len([f for f in outcome.findings if f.kind != "commentaire"])
        + len(outcome.conflicts)
        + len(outcome.invalid)
    )
    comments = len([f for f in outcome.findings if f.kind == "commentaire"])
    if dry_run:
        head = (
            f"essai : {count} modification(s) à écrire dans {outcome.data_file} (rien n'est écrit)"
        )
    elif outcome.written:
        head = f"{count} modification(s) écrite(s) dans {outcome.data_file}"
    else:
        head = f"aucune modification à écrire dans {outcome.data_file}"
    return f"{head} ; {left} non reprise(s) ; {comments} commentaire(s)"
