"""`fiche-pays new PAYS --type presentation`: a commented "Présentation du pays" file that
validates as written, whose examples, uncommented, give exactly the lines announced."""

import re

import pytest

from fiche_pays import compose
from fiche_pays.cli import main
from fiche_pays.loader.load import load_source
from fiche_pays.newfile import document_texts

from conftest import fill_examples, normalize


def _new(capsys, *args):
    code = main(["new", *args, "--type", "presentation"])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out, out.err


def _uncommented(text: str) -> str:
    """The file with every example uncommented (not the header, not the "→" lines)."""
    return "\n".join(
        line[2:] if re.match(r"^# ([a-z_]+:$|  )", line) and "→" not in line else line
        for line in text.splitlines()
    )


def test_a_new_presentation_validates_as_written(tmp_path, capsys):
    target = tmp_path / "benin.presentation.yaml"
    code, out, _ = _new(capsys, "Bénin", "--out", str(target), "--date", "2024-05-02")
    assert code == 0 and "(Bénin, Présentation du pays)" in out
    loaded = load_source(target)
    assert loaded.ok and not loaded.problems, loaded.problems
    assert loaded.fiche.country.of_form == "du Bénin"
    assert loaded.fiche.document.title == "Présentation du pays"
    assert str(loaded.fiche.document.updated) == "2024-05-02"


@pytest.mark.parametrize(("name", "date"), [("Tonga", "2024-05-02"), ("Kazakhstan", "2019-01-31")])
def test_every_example_gives_the_lines_its_comment_announces(tmp_path, capsys, name, date):
    target = tmp_path / "pays.presentation.yaml"
    assert _new(capsys, name, "--out", str(target), "--date", date)[0] == 0
    text = target.read_text(encoding="utf-8")
    announced = [line.split("→ ", 1)[1] for line in text.splitlines() if "#   → " in line]
    assert len(announced) > 35
    full = tmp_path / "complet.presentation.yaml"
    full.write_text(fill_examples(_uncommented(text)), encoding="utf-8")
    loaded = load_source(full)
    # Valid, and not one warning: the example figures are dated the year before the update.
    assert loaded.ok and not loaded.problems, [str(p) for p in loaded.problems]
    printed = [normalize(line) for line in document_texts(compose(loaded.fiche))]
    # Each line is announced under the field that makes it; the population line that the
    # next field (population urbaine) completes is announced again, completed.
    announced = [fill_examples(line) for line in announced]
    for line in announced:
        if line.startswith("Population (") and "population urbaine" not in line:
            continue  # completed by the next field
        assert normalize(line) in printed, line
    assert set(printed) <= {normalize(line) for line in announced}


def test_the_leaders_examples_are_the_persons_of_every_fiche(tmp_path, capsys):
    target = tmp_path / "laos.presentation.yaml"
    assert _new(capsys, "Laos", "--out", str(target), "--date", "2024-05-02")[0] == 0
    text = target.read_text(encoding="utf-8")
    assert "#     civilite: M.\n#     nom: Prénom Nom\n" in text
    assert "{civilite: S.M., fonction: le Roi, nom: …} → « S.M. le Roi … »" in text
    assert "fonction: le Ministre des Affaires étrangères" in text
    assert "#   #   → M. Prénom Nom, Ministre des Affaires étrangères" in text


def test_beside_the_relations_file_of_the_same_country(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "Mongolie", "--date", "2024-05-02"]) == 0
    assert _new(capsys, "Mongolie", "--date", "2024-05-02")[0] == 0
    presentation = tmp_path / "data" / "mongolie.presentation.yaml"
    loaded = load_source(presentation)
    assert loaded.ok and not loaded.problems  # the sibling check: same pays.nom and code
    assert load_source(tmp_path / "data" / "mongolie.yaml").ok


def test_an_uncommented_section_is_never_printed(tmp_path, capsys):
    """Each example section ends with its « exemple » line, refused until deleted; the
    placeholders left are refused wherever they stand."""
    target = tmp_path / "laos.presentation.yaml"
    assert _new(capsys, "Laos", "--out", str(target), "--date", "2024-05-02")[0] == 0
    text = _uncommented(target.read_text(encoding="utf-8"))
    as_written = tmp_path / "tel-quel.presentation.yaml"
    as_written.write_text(text, encoding="utf-8")
    fields = {p.field for p in load_source(as_written).problems}
    assert {
        "donnees_generales.exemple",
        "donnees_economiques.exemple",
        "presence_francaise.exemple",
        "elements_d_actualite.exemple",
    } <= fields
    assert "donnees_generales.chef_de_l_etat.nom" in fields  # « Prénom Nom »
    assert "presence_francaise.ambassade.ville" in fields  # « Nom de la ville »
