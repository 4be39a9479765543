"""The importer's self-check (importer/selfcheck.py): the fiche it writes validates and
composes; a block the checks refuse, or whose page sentence the composed tree lacks,
goes back to the page's words, said in the report and in a comment."""

from __future__ import annotations

from fiche_pays.importer.page import import_file
from fiche_pays.importer.report import report
from fiche_pays.importer.selfcheck import missing, restore
from fiche_pays.importer.settle import loaded
from fiche_pays.importer.yamlout import write

PAGE = """\
La France et l'Arménie
Mise à jour : 05.05.21
Relations politiques
La France et l'Arménie entretiennent une amitié enracinée dans l'histoire.
Visites
• 26 septembre 2022 : visite de travail du Premier Ministre arménien en France
• 3 octobre 2020 : visite de la Ministre de l'Europe et des Affaires étrangères en Arménie
"""


def _page(tmp_path, text=PAGE):
    path = tmp_path / "page-armenie.txt"
    path.write_text(text, encoding="utf-8")
    return import_file(path)


def _visits(imported):
    (section,) = [s for s in imported.sections if s.key == "visites"]
    return section


def test_a_record_the_checks_refuse_goes_back_to_the_page_line(tmp_path):
    imported = _page(tmp_path)
    assert imported.unsettled == []
    # The 2022 visit is after the update date (5 May 2021): the loader refuses it, so
    # its line is the page's again; the 2020 one keeps its fields and its line.
    kinds = [(p.kind, p.as_data()) for p in _visits(imported).pieces]
    assert kinds[0] == (
        "liste",
        {"liste": ["26 septembre 2022 : visite de travail du Premier Ministre arménien en France"]},
    )
    (record,) = kinds[1][1]["visites"]
    assert record["date"] == "2020-10-03" and record["lieu"] == "Arménie"
    assert record["texte"].startswith("3 octobre 2020 : visite de la Ministre")
    assert kinds[1][1]["presentation"] == "puces"
    text = write(imported)
    assert "# à vérifier : remis en texte tel que la page l'écrit : refusé par les " in text
    said = "\n".join(report(imported, "armenie.yaml"))
    assert "remis en texte : ligne 6 : « 26 septembre 2022 : visite de travail" in said
    assert loaded(imported).ok


def test_a_sentence_the_composed_fiche_lacks_goes_back_to_the_page(tmp_path):
    imported = _page(tmp_path, PAGE.replace("2022", "2020"))
    assert imported.restored == []
    first = _visits(imported).pieces[0]
    # Drop the page's line from a record: the fiche would print its own wording.
    first.value = [{k: v for k, v in r.items() if k != "texte"} for r in first.value]
    lacking = missing(imported, loaded(imported).fiche)
    assert [sentence for _, _, sentence in lacking] == [
        "26 septembre 2020 : visite de travail du Premier Ministre arménien en France"
    ]
    for piece, _, sentence in lacking:
        restore(imported, piece, f"« {sentence} » manquait")
    assert missing(imported, loaded(imported).fiche) == []
    assert [p.kind for p in _visits(imported).pieces] == ["liste"]
    assert len(imported.restored) == 2  # both lines of the merged list are words again
