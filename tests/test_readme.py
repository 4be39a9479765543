"""The README is the desk officer's guide: its commands and examples are the program's."""

import re
import shutil
import subprocess
import sys

from fiche_pays.model.country import DocumentInfo

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "importer"))
from import_pages import PAGES

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = (
    "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/fiche-pays build",
    "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/ruff check "
    "&& .venv/bin/pytest -n auto --dist worksteal",
)


def test_the_two_commands_are_at_the_top():
    top = "\n".join(README.splitlines()[:40])
    for command in COMMANDS:
        assert f"\n{command}\n" in top


def test_the_internals_are_linked_not_mixed_in():
    for name in ("docs/developpement.md", "docs/accessibilite.md"):
        assert f"]({name})" in README and (ROOT / name).is_file()
    for moved in ("## Performances", "## Développement", "## Accessibilité et archivage"):
        assert moved not in README
    assert "## L'architecture" in (ROOT / "docs" / "developpement.md").read_text("utf-8")


def test_every_field_of_the_document_block_is_explained():
    for info in DocumentInfo.model_fields.values():
        assert f"| `{info.alias}` |" in README, info.alias
    assert "Direction générale de la mondialisation" in README  # what prints without service


def test_the_import_example_is_the_real_output(tmp_path):
    example = README.split("  $ fiche-pays import page-benin.txt\n", 1)[1].split("  ```", 1)[0]
    shutil.copy(PAGES / "benin_relations.txt", tmp_path / "page-benin.txt")
    out = subprocess.run(
        [sys.executable, "-m", "fiche_pays", "import", "page-benin.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.splitlines()
    shown = [line[2:] for line in example.splitlines() if line.strip() != "…"]
    assert shown and all(line in out for line in shown), [x for x in shown if x not in out]
    assert re.search(r"faits en champs \(\d+\)", example)
