"""The imported file validates as written: what the checks refuse goes back to the page's words.

The importer validates its own result with the project's loader (the same checks as
`fiche-pays validate`). A field the checks refuse, such as a published figure that
contradicts the others (« 9 314 millions d'euros » of French exports to a country
whose GDP is 11 billion dollars), is taken out of the fields; the page's line stays,
word for word, among the lines kept as they are, with the checks' message in an
« à vérifier » comment and in the report.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from ..problems import Problem
from .pieces import Imported
from .yamlout import write


def loaded(imported: Imported):  # noqa: ANN201 - a loader.load.Loaded
    """The written file as `validate` loads it."""
    from ..loader.load import load_source

    suffix = ".presentation.yaml" if imported.kind == "presentation" else ".yaml"
    with tempfile.TemporaryDirectory(prefix="fiche-pays-import-") as folder:
        path = Path(folder) / f"import{suffix}"
        path.write_text(write(imported), encoding="utf-8")
        return load_source(path)


def problems(imported: Imported) -> list[Problem]:
    """The errors `validate` would report on the written file."""
    return [p for p in loaded(imported).problems if p.severity == "error"]


def settle(imported: Imported) -> list[Problem]:
    """Take out the fields the checks refuse; for a relations fiche, also the blocks
    whose page sentence the composed fiche lacks (see :mod:`.selfcheck`); the errors
    left."""
    if imported.kind == "relations":
        from .selfcheck import settle_relations

        return settle_relations(imported, loaded)
    for _ in range(8):
        errors = problems(imported)
        if not errors:
            return errors
        if not any(_demote(imported, error) for error in errors):
            return errors
    return problems(imported)


def _demote(imported: Imported, error: Problem) -> bool:
    """Move the field an error names back to the page's lines; True if something moved."""
    if not error.field:
        return False
    path = re.sub(r"\[\d+\]", "", error.field)
    fields = sorted({f for _, _, f in imported.consumed if "." in f}, key=len, reverse=True)
    field = next((f for f in fields if path == f or path.startswith(f + ".")), None)
    if field is None:
        return False
    section, _, rest = field.partition(".")
    container = imported.top.get(section)
    keys = rest.split(".")
    for key in keys[:-1]:
        container = container.get(key) if isinstance(container, dict) else None
    if not isinstance(container, dict) or keys[-1] not in container:
        return False
    del container[keys[-1]]
    _prune(imported.top, section, keys)
    lines = [(where, text) for where, text, f in imported.consumed if f == field]
    imported.consumed = [c for c in imported.consumed if c[2] != field]
    facts = imported.top.setdefault("autres_donnees", {}).setdefault("faits", [])
    for where, text in lines:
        label, colon, value = text.partition(" : ")
        facts.append(
            {"libelle": label.strip(), "valeur": value.strip()}
            if colon and value.strip()
            else {"libelle": "Note", "valeur": text.strip()}
        )
        imported.not_placed.append(
            (where, f"{text} — refusé par les vérifications : {error.message}")
        )
    imported.top_checks.setdefault("autres_donnees", []).append(
        f"« {lines[0][1] if lines else field} » gardé tel quel : {error.message}"
    )
    _reorder(imported.top)
    return True


def _prune(top: dict, section: str, keys: list[str]) -> None:
    node = top.get(section)
    chain = [(top, section)]
    for key in keys[:-1]:
        chain.append((node, key))
        node = node.get(key) if isinstance(node, dict) else None
    for parent, key in reversed(chain):
        if isinstance(parent.get(key), dict) and not parent[key]:
            del parent[key]


def _reorder(top: dict) -> None:
    """Keep « autres_donnees » after the data sections, where the fiche prints it."""
    if "autres_donnees" in top and "elements_d_actualite" in top:
        current = top.pop("elements_d_actualite")
        top["elements_d_actualite"] = current
