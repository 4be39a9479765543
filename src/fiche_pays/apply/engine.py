"""``fiche-pays apply``: a reviewed DOCX back into the data file it was built from.

The DOCX is read (:mod:`.reading`) against what it recorded when it was written
(:mod:`.record`), the changes are read back field by field (:mod:`.reverse`), and each
is written into the data file with the smallest edit (:mod:`.yamledit`):

- a field that changed in the data file too since the document was built is a conflict,
  left alone; one whose value in the file is still the one the document showed is
  updated;
- the file is validated after each change; a change that would make it invalid is
  refused with the validation message;
- the file is replaced atomically, and only if nobody changed it meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import countries
from ..kinds import KINDS, LABELS, kind_of
from ..loader import yamlsource
from ..loader.files import FileProblem, read_text
from ..loader.load import ROOTS, field_path, validate
from ..problems import DataError, Problem
from ..tree import DataPath
from . import yamledit
from .modelkeys import keys_at
from .reading import read_docx
from .record import IMPORT_HINT, NotOurs, Record, read_record
from .reverse import Finding, Proposal, Reverse


@dataclass
class Outcome:
    """What ``apply`` did, or would do with ``--dry-run``."""

    docx: str
    data_file: str
    applied: list[Proposal] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # with the file's value, and why when the value alone does not say it
    conflicts: list[tuple[Proposal, Any, str | None]] = field(default_factory=list)
    invalid: list[tuple[Proposal, list[Problem]]] = field(default_factory=list)
    unchanged: list[Proposal] = field(default_factory=list)  # already so in the file
    written: bool = False
    changed_since_build: bool = False
    data: Any = None  # the data file's content after the changes

    @property
    def complete(self) -> bool:
        """True when everything the reviewer changed went into the data file."""
        left_out = [f for f in self.findings if f.kind != "commentaire"]
        return not (left_out or self.conflicts or self.invalid)

    def label(self, path: DataPath) -> str:
        """A data path as the data file's messages write it: "visites.liste[3].date"."""
        return field_path(path, self.data) if self.data is not None else ".".join(map(str, path))


def apply_docx(
    docx: str | os.PathLike[str],
    data: str | os.PathLike[str] | None = None,
    dry_run: bool = False,
    reject_tracked: bool = False,
) -> Outcome:
    """Read the reviewer's edits of ``docx`` back into its data file (or ``data``).

    Raises :class:`NotOurs` for a document fiche-pays did not write, and
    :class:`~fiche_pays.problems.DataError` when the data file cannot be used.
    """
    name = os.fspath(docx)
    try:
        archive = zipfile.ZipFile(name)
    except FileNotFoundError:
        raise NotOurs(f"{name} : fichier introuvable") from None
    except (zipfile.BadZipFile, OSError):
        raise NotOurs(f"{name} : ce n'est pas un document Word (.docx) ; {IMPORT_HINT}") from None
    with archive:
        record = read_record(archive, name)
        reading = read_docx(archive, reject=reject_tracked)
    if reading.bookmarks == 0:
        raise NotOurs(
            f"{name} : les repères qui relient chaque paragraphe à sa donnée ont disparu "
            f"(document copié dans un autre fichier ?) ; {IMPORT_HINT}"
        )
    path = _data_path(name, record.data_file, data)
    kind = record.kind if record.kind in KINDS else kind_of(path)
    if data is not None and kind_of(path) != kind:
        raise NotOurs(
            f"{name} : ce document est une fiche « {LABELS.get(kind, kind)} »"
            f"{_built_from(record)} ; {path} est un fichier « {LABELS[kind_of(path)]} » : "
            "donnez le fichier de données du même type"
        )
    raw, text = _read(path)
    current, problems = _check(text, str(path), kind)
    _same_country(name, record, path, current)  # before its errors: the wrong file at all
    if any(p.severity == "error" for p in problems):
        raise DataError(
            [
                Problem(
                    str(path),
                    "le fichier de données contient des erreurs : corrigez-les "
                    "avant de reprendre les modifications du document",
                ),
                *[p for p in problems if p.severity == "error"],
            ]
        )
    outcome = Outcome(name, str(path), data=current)
    outcome.changed_since_build = bool(record.data_hash) and record.data_hash != _hash(raw)
    reverse = Reverse(record, reading, ROOTS[kind], current)
    reverse.run()
    outcome.findings = reverse.findings
    if reject_tracked:
        outcome.findings += _left_out(reading, record)
    new_text = _write_changes(outcome, reverse.proposals, text, str(path), kind, record.values)
    if new_text != text and not dry_run:
        _replace(path, raw, new_text)
        outcome.written = True
    return outcome


def _built_from(record: Record) -> str:
    """ " produite depuis data/kazakhstan.yaml (Kazakhstan)", or nothing when unknown."""
    country = record.values.get(("pays", "nom"))
    where = f" depuis {record.data_file}" if record.data_file else ""
    return (
        f", produite{where} ({country})"
        if country and where
        else (f" ({country})" if country else "")
    )


def _same_country(docx: str, record: Record, path: Path, current: Any) -> None:
    """Refuse a data file of another country than the document's: its edits would be
    written into the wrong fiche (the hash alone only says « a changé »)."""
    shown = record.values.get(("pays", "nom"))
    pays = current.get("pays") if isinstance(current, dict) else None
    name = pays.get("nom") if isinstance(pays, dict) else None
    if not isinstance(shown, str) or not isinstance(name, str):
        return

    def identity(text: str) -> str:
        found = countries.lookup(text)
        return found.code if found else countries.plain(text)

    if identity(shown) != identity(name):
        label = LABELS.get(record.kind, record.kind)
        of = record.values.get(("pays", "du")) or f"de {shown}"
        where = record.data_file or "un autre fichier"
        raise NotOurs(
            f"{docx} : ce document (fiche « {label} » {of}) a été produit depuis "
            f"{where} ({shown}), pas depuis {path} ({name}) : ses modifications ne vont "
            f"pas dans la fiche d'un autre pays ; donnez le fichier de données {of}"
            + (f" (--data {record.data_file})" if record.data_file else "")
        )


def _data_path(docx: str, recorded: str | None, given: str | os.PathLike[str] | None) -> Path:
    if given is not None:
        return Path(given)
    if not recorded:
        raise NotOurs(
            f"{docx} : le document ne dit pas de quel fichier il vient ; indiquez-le avec --data"
        )
    candidates = [Path(recorded), Path(docx).parent / recorded, Path("data") / Path(recorded).name]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise DataError(
        [
            Problem(
                recorded,
                f"fichier de données introuvable (le document {docx} vient de lui) : lancez la "
                "commande depuis le dossier du projet, ou indiquez le fichier avec --data",
            )
        ]
    )


def _read(path: Path) -> tuple[bytes, str]:
    try:
        text = read_text(path)
        raw = path.read_bytes()
    except FileProblem as problem:
        raise DataError(
            [Problem(str(path), problem.message, problem.line, problem.column)]
        ) from None
    return raw, text


def _hash(raw: bytes) -> str:
    import hashlib

    return hashlib.sha256(raw).hexdigest()


def _check(text: str, name: str, kind: str) -> tuple[Any, list[Problem]]:
    """The parsed data of a text, and its problems as ``validate`` reports them."""
    try:
        data, source = yamlsource.parse(text)
    except yamlsource.YamlProblem as problem:
        return None, [Problem(name, p.message, p.line, p.column, p.field) for p in problem.all()]
    _, problems = validate(data, source, name, kind)
    return data, problems


def _write_changes(
    outcome: Outcome,
    proposals: list[Proposal],
    text: str,
    name: str,
    kind: str,
    base: dict[DataPath, Any],
) -> str:
    """Write each proposal the file allows, one at a time, validated after each."""
    model = ROOTS[kind]
    start = outcome.data
    baseline = {p.message for p in _check(text, name, kind)[1] if p.severity == "error"}
    # values first, then items added at the end of lists, then items removed from the
    # last: no edit moves the place of another
    order = {"valeur": 0, "ajout": 1, "suppression": 2}
    proposals = sorted(
        proposals,
        key=lambda p: (
            (order[p.kind], [-x if isinstance(x, int) else 0 for x in p.path])
            if p.kind == "suppression"
            else (order[p.kind], [])
        ),
    )
    for proposal in proposals:
        now = yamledit.value_at(outcome.data, proposal.path)
        if now == proposal.new:
            outcome.unchanged.append(proposal)
            continue
        if now != proposal.old:
            outcome.conflicts.append((proposal, now, None))
            continue
        moved = _item_changed(proposal, base, start)
        if moved:
            outcome.conflicts.append((proposal, now, moved))
            continue
        try:
            candidate = yamledit.set_value(
                text, proposal.path, proposal.new, keys_at(model, proposal.path[:-1])
            )
        except (yamledit.EditError, yamlsource.YamlProblem) as error:
            message = getattr(error, "message", None) or str(error)
            outcome.invalid.append(
                (proposal, [Problem(name, message, field=outcome.label(proposal.path))])
            )
            continue
        data, problems = _check(candidate, name, kind)
        errors = [p for p in problems if p.severity == "error" and p.message not in baseline]
        if errors or data is None:
            outcome.invalid.append((proposal, errors))
            continue
        text, outcome.data = candidate, data
        outcome.applied.append(proposal)
    return text


def _item_changed(proposal: Proposal, base: dict[DataPath, Any], data: Any) -> str | None:
    """When the change is inside a list item (a visit, a table row), whether that item
    is still the one the document showed: the file may have had items inserted or
    removed since, and the same index would then name another visit."""
    path = proposal.path if proposal.kind == "suppression" else proposal.path[:-1]
    if proposal.kind == "ajout":
        return None
    indexes = [i for i, part in enumerate(path) if isinstance(part, int)]
    if not indexes:
        return None
    item = proposal.path[: indexes[-1] + 1]
    for other, value in base.items():
        inside = other[: len(item)] == item and other != proposal.path
        if inside and yamledit.value_at(data, other) != value:
            return (
                "l'élément de liste qui la contient a changé dans le fichier depuis la "
                "production du document (ajouté, déplacé ou modifié)"
            )
    return None


def _replace(path: Path, before: bytes, text: str) -> None:
    """Write ``text`` over the data file atomically, in its encoding (BOM kept), unless
    it changed since it was read."""
    if path.read_bytes() != before:
        raise DataError(
            [
                Problem(
                    str(path), "le fichier a été modifié pendant la reprise : relancez la commande"
                )
            ]
        )
    encoded = (b"\xef\xbb\xbf" if before.startswith(b"\xef\xbb\xbf") else b"") + text.encode(
        "utf-8"
    )
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(encoded)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(OSError):
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _left_out(reading: Any, record: Any) -> list[Finding]:
    """With ``--reject-tracked``: every tracked change, listed as not taken."""
    from .reverse import place

    findings = []
    for number, stretch in reading.stretches.items():
        node = record.nodes.get(number)
        for span in stretch.spans:
            what = "insertion" if span.revision.kind == "insertion" else "suppression"
            findings.append(
                Finding(
                    "suivi",
                    f"{what} suivie laissée de côté (--reject-tracked)",
                    place(node) if node else "document",
                    sorted(
                        {
                            f
                            for p in (node.pieces if node else [])
                            if p.source
                            for f in p.source.fields
                        }
                    ),
                    new=span.text,
                    revisions=[span.revision],
                )
            )
    for loose in reading.loose:
        for span in loose.spans:
            findings.append(
                Finding(
                    "suivi",
                    "modification suivie laissée de côté (--reject-tracked)",
                    "texte ajouté",
                    new=span.text,
                    revisions=[span.revision],
                )
            )
    return findings
