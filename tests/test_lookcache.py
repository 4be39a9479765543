"""The template's hash remembered beside the documents: a build with nothing to rebuild
does not load the template, and anything the hash was made from changing reloads it."""

import json
import shutil

import pytest

import fiche_pays.theme.load as theme_load
from fiche_pays.build import build
from fiche_pays.lookcache import CACHE_NAME, cached_look

from conftest import DATA, ROOT


@pytest.fixture
def setup(tmp_path):
    template = tmp_path / "modele"
    shutil.copytree(ROOT / "templates" / "officiel", template)
    data = tmp_path / "tonga.yaml"
    shutil.copy(DATA / "tonga.yaml", data)
    out = tmp_path / "out"
    assert build([str(data)], out, ("pdf",), str(template), jobs=1).built == [str(data)]
    return template, data, out


def _loads(monkeypatch):
    calls = []
    real = theme_load.load_theme

    def counting(name):
        calls.append(name)
        return real(name)

    monkeypatch.setattr(theme_load, "load_theme", counting)
    return calls


def test_nothing_changed_nothing_loaded(setup, monkeypatch):
    template, data, out = setup
    record = json.loads((out / CACHE_NAME).read_text("utf-8"))
    assert str((template / "theme.yaml").resolve()) in record["fichiers"]
    calls = _loads(monkeypatch)
    report = build([str(data)], out, ("pdf",), str(template), jobs=1)
    assert report.skipped == [str(data)] and calls == []


def test_a_template_file_changed_is_seen(setup, monkeypatch):
    template, data, out = setup
    theme = template / "theme.yaml"
    theme.write_text(theme.read_text("utf-8") + "\n# une ligne de plus\n", "utf-8")
    calls = _loads(monkeypatch)
    report = build([str(data)], out, ("pdf",), str(template), jobs=1)
    assert calls and report.built == [str(data)]
    assert cached_look(str(template), out) is not None  # remembered again


def test_a_file_added_to_the_template_folder_reloads_it(setup, monkeypatch):
    template, data, out = setup
    # a file in a child template can take over its parent's (a reference.docx, a font)
    (template / "polices").mkdir()
    (template / "polices" / "Nouvelle.ttf").write_bytes(b"\0")
    assert cached_look(str(template), out) is None
    calls = _loads(monkeypatch)
    build([str(data)], out, ("pdf",), str(template), jobs=1)
    assert calls


@pytest.mark.parametrize("content", ["{", "[]", '{"format": 1}', ""])
def test_a_damaged_record_is_ignored(setup, monkeypatch, content):
    template, data, out = setup
    (out / CACHE_NAME).write_text(content, "utf-8")
    calls = _loads(monkeypatch)
    assert build([str(data)], out, ("pdf",), str(template), jobs=1).skipped == [str(data)]
    assert calls  # loaded, and the record rewritten
    assert cached_look(str(template), out) is not None


def test_another_template_is_not_taken_for_this_one(setup):
    template, _, out = setup
    assert cached_look("sobre", out) is None
    assert cached_look(str(template), out) is not None
