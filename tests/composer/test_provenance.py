"""Provenance on the tree: every run knows the data it was composed from."""

import re

from hypothesis import given
from hypothesis import strategies as st

from fiche_pays import tree
from fiche_pays.composer import provenance
from fiche_pays.composer.provenance import align, at, typeset
from fiche_pays.french import typography
from fiche_pays.loader.load import load_source

from conftest import KAZAKHSTAN


def test_typeset_is_typography_of_the_whole():
    pieces = [
        ("l'accord ", None),
        ('"Astana', at(("a",))),
        (' 2017" : 1 500', at(("b",), "nombre")),
    ]
    runs = typeset(pieces)
    assert tree.plain(runs) == typography("".join(text for text, _ in pieces))
    # each piece keeps its own source, typography included
    assert [r.source.fields if r.source else None for r in runs] == [None, (("a",),), (("b",),)]
    assert runs[0].text == "l’accord "


def test_align_follows_insertions_and_deletions():
    before, after = 'a  "b" c', "a «\u00a0b\u00a0» c"
    origin = align(before, after)
    assert len(origin) == len(after)
    assert before[origin[after.index("b")]] == "b"
    assert before[origin[after.index("c")]] == "c"


def _all_runs(document: tree.Document):
    for _, runs in document.meta.sources:
        yield from runs
    for section in tree.iter_sections(document.sections):
        yield from section.title_runs
        for child in section.children:
            match child:
                case tree.Paragraph() | tree.Note():
                    yield from child.runs
                case tree.Facts():
                    for row in child.rows:
                        yield from row.label_runs
                        yield from row.value
                case tree.BulletList():
                    for item in child.items:
                        yield from item
                case tree.Table():
                    yield from child.caption_runs
                    yield from child.source_runs
                    for row in child.cell_runs:
                        for cell in row:
                            yield from cell


def _value(data, path):
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _norm(text):
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def test_kazakhstan_runs_point_at_their_data(document):
    loaded = load_source(KAZAKHSTAN)
    sourced = [run for run in _all_runs(document) if run.source]
    assert len(sourced) > 150
    for run in sourced:
        source = run.source
        if source.prose:  # the spot holds the literal text or the {reference}
            text = loaded.fiche.model_dump(by_alias=True)
            field = _value(text, source.prose.field)
            spot = field[source.prose.start : source.prose.end]
            if source.form == "prose":
                assert _norm(run.text) in _norm(typography(_norm(spot)))
            else:
                assert spot.startswith("{") and spot.endswith("}")
        if source.form in ("nombre", "texte", "date") and not source.prose:
            for path in source.fields:
                value = _value(loaded.data, path)
                if value is not None and source.form == "texte":
                    assert typography(str(value)) == run.text


def test_tables_have_provenance_of_the_same_text(document):
    tables = [
        child
        for section in tree.iter_sections(document.sections)
        for child in section.children
        if isinstance(child, tree.Table)
    ]
    assert tables
    for table in tables:
        assert len(table.cell_runs) == len(table.rows) + 1
        assert tuple(tree.plain(c) for c in table.cell_runs[0]) == table.header
        for row, runs in zip(table.rows, table.cell_runs[1:], strict=True):
            assert tuple(tree.plain(c) for c in runs) == row


def test_computed_values_say_what_to_edit(document):
    notes = {run.source.note for run in _all_runs(document) if run.source and run.source.note}
    assert "le solde est calculé : modifiez exportations ou importations" in notes


def test_a_long_text_is_aligned_in_linear_time(monkeypatch):
    """Typography's local changes are followed by walking both texts: the general diff,
    quadratic (a 100 000-character paragraph never finished), is never asked."""
    import difflib

    def refuse(*args, **kwargs):
        raise AssertionError("general diff on a long text")

    monkeypatch.setattr(difflib, "SequenceMatcher", refuse)
    before = 'Le 5 mai 2021 : « accord » signé ; "texte" ... fin ! ' * 4000
    after = typography(before)
    origin = align(before, after)
    assert len(origin) == len(after)
    assert origin == sorted(origin)  # never goes back
    for j in (0, len(after) // 2, len(after) - 1):
        if after[j].isalnum():
            assert before[origin[j]] == after[j]


def test_long_pieces_keep_their_sources():
    pieces = [("x " * 30_000 + "le 5 mai : ", None), ("accord", at(("a",))), (" ; fin", None)]
    runs = typeset(pieces)
    assert tree.plain(runs) == typography("".join(text for text, _ in pieces))
    (sourced,) = [r for r in runs if r.source]
    assert sourced.text == "accord" and sourced.source.fields == (("a",),)


@given(st.text(alphabet="ab é'’«»\"\n\t\u00a0\u202f−-", max_size=40))
def test_same_place_folds_as_one_translation(text):
    # one str.replace per character: the same as translating them all at once
    table = str.maketrans("\u2019«»\n\t\u00a0\u202f\u2212", '\'""    -')
    assert provenance._same_place(text) == text.translate(table)
