"""Property and fuzz tests: whatever a data file holds, loading it yields clean problems.

Random bytes, random edits of the Kazakhstan fiche, random YAML token soups and random
data trees grafted into the fiche all go through ``fiche_pays.loader.load.load_source``. It
must never raise, answer quickly, and every problem must be a located French message.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fiche_pays.loader.load import Loaded, load_source
from fiche_pays.model import relations as model
from fiche_pays.model import types
from fiche_pays.problems import Problem

from conftest import KAZAKHSTAN

SECONDS = 2.0  # per file; a real fiche loads in a few milliseconds
FUZZ = settings(
    max_examples=300,
    deadline=None,  # timed by hand below, with a bound meant for slow CI machines
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
TEXT = KAZAKHSTAN.read_text(encoding="utf-8")
DATA = yaml.safe_load(TEXT)
# Phrases of libyaml's and Pydantic's English messages, which must never reach the user.
ENGLISH = re.compile(
    r"\b(found|expected|while (scanning|parsing)|Input should|Field required|Value error"
    r"|Unable to|should be|is not|unacceptable)\b"
)


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "fiche.yaml"


def load_bytes(path: Path, raw: bytes) -> Loaded:
    """Write ``raw`` to ``path`` and load it, checking time and the problems' shape."""
    path.write_bytes(raw)
    start = time.process_time()
    loaded = load_source(path)  # must not raise
    assert time.process_time() - start < SECONDS
    lines = raw.count(b"\n") + raw.count(b"\r") + 2
    for problem in loaded.problems:
        assert isinstance(problem, Problem)
        assert problem.file == str(path)
        assert isinstance(problem.message, str) and problem.message.strip()
        assert not ENGLISH.search(problem.message), problem.message
        assert problem.severity in ("error", "warning")
        assert problem.line is None or 1 <= problem.line <= lines
        assert problem.column is None or problem.column >= 1
        assert problem.field is None or isinstance(problem.field, str)
        assert str(problem).startswith(f"{path}")
        assert problem.github().startswith(("::error", "::warning"))
    if loaded.fiche is None:
        assert any(p.severity == "error" for p in loaded.problems)
    return loaded


def load_text(path: Path, text: str) -> Loaded:
    """Load text written as UTF-8 (lone surrogates, which UTF-8 cannot hold, escaped)."""
    return load_bytes(path, text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(raw=st.binary(max_size=3000))
def test_random_bytes(target, raw):
    load_bytes(target, raw)


@FUZZ
@given(raw=st.binary(max_size=200).map(lambda b: TEXT.encode()[:1500] + b))
def test_a_fiche_ending_in_random_bytes(target, raw):
    load_bytes(target, raw)


# Characters that mean something to YAML, to Word, or to nobody.
_NOISE = st.lists(
    st.sampled_from(
        [
            *":-?[]{},#&*!|>'\"%@`\\ \t\n\r",
            *["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9d", "\ufeff"],
            *["\u00a0", "\u202f", "\u200b", "\u2028", "\u2029", "\ud800", "\ufffe"],
            *"aZ09é«»“”’…Жλ北ا",
            *["---", "...", "<<", "!!python/object/apply:os.system", "&a", "*a", "{x}", "{{"],
        ]
    ),
    max_size=6,
).map("".join)


@st.composite
def edited_fiche(draw: st.DrawFn) -> str:
    """The Kazakhstan fiche after a few careless edits: insertions, deletions, lines
    moved, re-indented or duplicated."""
    lines = TEXT.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 6))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["insert", "delete", "indent", "dedent", "copy", "cut"]))
        line = lines[index]
        if action == "insert":
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(_NOISE) + line[at:]
        elif action == "delete" and line:
            at = draw(st.integers(0, len(line) - 1))
            lines[index] = line[:at] + line[at + draw(st.integers(1, 8)) :]
        elif action == "indent":
            lines[index] = draw(st.sampled_from([" ", "  ", "\t", "\u00a0"])) + line
        elif action == "dedent":
            lines[index] = line[1:] if line.startswith(" ") else line
        elif action == "copy":
            lines.insert(draw(st.integers(0, len(lines))), line)
        elif action == "cut":
            del lines[index : index + draw(st.integers(1, 20))]
            if not lines:
                lines = [""]
    return "".join(lines)


@pytest.mark.slow
@FUZZ
@given(text=edited_fiche())
def test_careless_edits_of_a_real_fiche(target, text):
    load_text(target, text)


_TOKENS = st.sampled_from(
    [
        *["pays", "document", "nom", "visites", "liste", "texte", "date", "- ", ": ", "\n"],
        *["  ", "[", "]", "{", "}", ", ", "&x ", "*x", "!!str ", "!!python/name:os.system "],
        *["? ", '"', "'", "|", ">", "#", "---\n", "2021-02-31", "-1", "1e999", "0x1F", "~"],
        *["null", "true", "NO", "<<: ", "\t", "12 %", "2,5", "1 500", "%YAML 1.1\n", "é"],
        "\u00a0",
    ]
)


@FUZZ
@given(text=st.lists(_TOKENS, max_size=60).map("".join))
def test_random_yaml_token_soup(target, text):
    load_text(target, text)


def _all_keys() -> list[str]:
    """Every key the format knows, so that random trees often look almost right."""
    keys: set[str] = set()
    todo = [types.Record]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        keys.update(f.alias or n for n, f in cls.model_fields.items())
    return sorted(keys)


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["2021-05-05", "2021-02-30", "2021", "vers_le_pays", "KZ", "EUR", ""])
    | st.sampled_from(["https://x.fr", "{annee}", "{pays.au}", "{inconnu}", "{", "}", "{{"])
)
_TREES = st.recursive(
    _SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(_all_keys()) | st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=25,
)


def _graft(data: Any, path: list[int], tree: Any) -> Any:
    """Replace the value reached by following ``path`` (indices into the children)."""
    if not path or not isinstance(data, dict | list) or not data:
        return tree
    items = list(data.items()) if isinstance(data, dict) else list(enumerate(data))
    key, child = items[path[0] % len(items)]
    replaced = _graft(child, path[1:], tree)
    if isinstance(data, dict):
        return {**data, key: replaced}
    return [replaced if i == key else v for i, v in enumerate(data)]


@pytest.mark.slow
@FUZZ
@given(path=st.lists(st.integers(0, 50), max_size=5), tree=_TREES)
def test_random_data_grafted_into_a_real_fiche(target, path, tree):
    data = _graft(DATA, path, tree)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    loaded = load_text(target, text)
    if path == [] and not isinstance(tree, dict):
        assert loaded.fiche is None


@FUZZ
@given(name=st.text(max_size=40))
def test_any_country_name_makes_a_plain_file_stem(name):
    slug = model.slugify(name)
    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", slug)
