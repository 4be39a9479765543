"""`fiche-pays new PAYS`: a commented data file that validates as written, whose
examples, once uncommented, give exactly the lines its comments announce."""

import re

import pytest
from babel import Locale

from fiche_pays import compose, countries, examples
from fiche_pays.cli import main
from fiche_pays.loader.load import load_source

from conftest import fill_examples, normalize, tree_texts


def _new(capsys, tmp_path, *args):
    code = main(["new", *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out, out.err


def test_a_new_file_validates_as_written(tmp_path, capsys):
    target = tmp_path / "benin.yaml"
    code, out, _ = _new(capsys, tmp_path, "bénin", "--out", str(target), "--date", "2024-05-02")
    assert code == 0 and f"écrit : {target}" in out
    loaded = load_source(target)
    assert loaded.ok, loaded.problems
    country = loaded.fiche.country
    assert (country.name, country.code, country.in_form, country.of_form, country.the_form) == (
        "Bénin",
        "BJ",
        "au Bénin",
        "du Bénin",
        "le Bénin",
    )
    assert (country.adjective, country.adjective_feminine) == ("béninois", "béninoise")
    assert str(loaded.fiche.document.updated) == "2024-05-02"


def _uncommented(text: str) -> str:
    """The file with every example block uncommented (not the header, not the "→")."""
    lines = []
    for line in text.splitlines():
        if re.match(r"^# ([a-z_]+:$|  )", line) and "→" not in line:
            line = line[2:]
        lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize("name", ["Arménie", "TO", "Philippines", "Saint-Marin"])
def test_every_example_gives_the_lines_its_comment_announces(tmp_path, capsys, name):
    target = tmp_path / "pays.yaml"
    assert _new(capsys, tmp_path, name, "--out", str(target), "--date", "2024-05-02")[0] == 0
    text = target.read_text(encoding="utf-8")
    announced = [line[len("#   #   → ") :] for line in text.splitlines() if "#   → " in line]
    assert len(announced) > 30
    full = tmp_path / "complet.yaml"
    full.write_text(fill_examples(_uncommented(text)), encoding="utf-8")
    loaded = load_source(full)
    assert loaded.ok, [str(p) for p in loaded.problems]
    document = compose(loaded.fiche)
    printed = " ¶ ".join(t for s in document.sections for part in tree_texts(s) for t in part)
    for line in announced:
        line = fill_examples(line)
        if line.startswith(("tableau « ", "graphique « ")):
            line = line.split("« ", 1)[1].split(" »", 1)[0]
        assert normalize(line) in normalize(printed), line


def test_the_country_table_gives_the_forms_of_the_gallery_files():
    for code, forms in {
        "AM": ("Arménie", "l'Arménie", "en Arménie", "de l'Arménie", "d'Arménie"),
        "TO": ("Tonga", "les Tonga", "aux Tonga", "des Tonga", "des Tonga"),
        "MN": ("Mongolie", "la Mongolie", "en Mongolie", "de la Mongolie", "de Mongolie"),
        "HU": ("Hongrie", "la Hongrie", "en Hongrie", "de la Hongrie", "de Hongrie"),
        "IL": ("Israël", "Israël", "en Israël", "d'Israël", "d'Israël"),
    }.items():
        row = countries.by_code(code)
        assert (row.name, row.the, row.in_, row.of, row.of_bare) == forms


def test_the_table_covers_babels_states_under_their_french_names():
    table = countries.table()
    assert len(table) == len({c.code for c in table}) == 199
    babel = Locale("fr").territories
    # Where the ministry's usage differs from CLDR, said once here.
    ministry = {"CD", "CG", "CI", "CZ", "HK", "MM", "MO", "VA", "VC"}
    for row in table:
        assert row.code in babel
        assert row.name == babel[row.code] or row.code in ministry, row
        assert row.name in row.the and row.name in row.in_ and row.name in row.of, row


def test_an_unknown_country_gets_the_nearest_names(tmp_path, capsys):
    code, _, err = _new(capsys, tmp_path, "Kazakstan", "--out", str(tmp_path / "x.yaml"))
    assert code == 2
    assert "pays « Kazakstan » inconnu ; vouliez-vous dire « Kazakhstan »" in err
    assert not (tmp_path / "x.yaml").exists()


def test_an_existing_file_is_never_overwritten(tmp_path, capsys):
    target = tmp_path / "laos.yaml"
    target.write_text("déjà là\n", encoding="utf-8")
    code, _, err = _new(capsys, tmp_path, "Laos", "--out", str(target))
    assert code == 1 and "existe déjà" in err
    assert target.read_text(encoding="utf-8") == "déjà là\n"


def test_the_default_file_is_in_data_under_the_countrys_stem(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _new(capsys, tmp_path, "Viêt Nam", "--date", "2024-01-01")[0] == 0
    assert (tmp_path / "data" / "viet-nam.yaml").is_file()


def test_an_uncommented_example_is_never_printed(tmp_path, capsys):
    """A block uncommented as `new` wrote it is refused (its « exemple » line), and so is
    any placeholder left once that line is gone: file, line and field named."""
    target = tmp_path / "senegal.yaml"
    assert _new(capsys, tmp_path, "Sénégal", "--out", str(target), "--date", "2024-05-02")[0] == 0
    text = _uncommented(target.read_text(encoding="utf-8"))
    blocks = text.count(f"{examples.MARKER_KEY}: {examples.MARKER}")
    assert blocks > 20
    as_written = tmp_path / "tel-quel.yaml"
    as_written.write_text(text, encoding="utf-8")
    problems = load_source(as_written).problems
    markers = [p for p in problems if p.field.endswith(".exemple")]
    assert len(markers) == blocks
    line_of = {i + 1: x for i, x in enumerate(text.splitlines())}
    assert all(line_of[p.line].strip().startswith("exemple:") for p in markers)
    # The « exemple » lines deleted, the placeholders left: each one named where it is.
    kept = tmp_path / "oublis.yaml"
    kept.write_text(
        "\n".join(x for x in text.splitlines() if "exemple: " not in x), encoding="utf-8"
    )
    problems = load_source(kept).problems
    shown = {(p.field, p.message.split("»")[0]) for p in problems}
    assert ("ambassadeurs[1].ambassadeur_de_france.nom", "valeur d'exemple « Prénom Nom ") in shown
    assert (
        "presence_francaise[1].postes[1].site",
        "valeur d'exemple « https://www.ambafrance-xx.org ",
    ) in shown
    assert (
        "cooperation[2].etablissements_scolaires[1].ville",
        "valeur d'exemple « Nom de la ville ",
    ) in shown
    assert any(f.startswith("sections_supplementaires[1].contenu[1].texte") for f, _ in shown)
    assert all("à remplacer" in p.message for p in problems)
    lines = kept.read_text(encoding="utf-8").splitlines()
    for p in problems:
        assert (
            "Prénom" in lines[p.line - 1]
            or "Nom de la ville" in lines[p.line - 1]
            or (
                "ambafrance-xx" in lines[p.line - 1]
                or "texte" in lines[p.line - 1]
                or "point" in lines[p.line - 1]
                or "url" in lines[p.line - 1]
            )
        ), (p, lines[p.line - 1])


def test_a_country_without_an_adjective_gets_no_placeholder(tmp_path, capsys):
    """The Saint-Siège has no adjective in use: `new` leaves the field out (it used to write
    « à compléter », which validated and was printed through {pays.adjectif})."""
    target = tmp_path / "saint-siege.yaml"
    assert _new(capsys, tmp_path, "Saint-Siège", "--out", str(target))[0] == 0
    text = target.read_text(encoding="utf-8")
    assert "à compléter" not in text and "\n  adjectif:" not in text
    assert load_source(target).ok
    typed = tmp_path / "typed.yaml"
    typed.write_text(
        text.replace("  le: le Saint-Siège\n", "  le: le Saint-Siège\n  adjectif: à compléter\n"),
        encoding="utf-8",
    )
    (problem,) = load_source(typed).problems
    assert problem.field == "pays.adjectif" and "valeur d'exemple" in problem.message


@pytest.mark.parametrize(
    ("typed", "name", "where"),
    [
        ("République tchèque", "République tchèque", "en République tchèque"),
        ("Tchéquie", "Tchéquie", "en Tchéquie"),
        ("Palestine", "Palestine", "en Palestine"),
        (
            "Territoires palestiniens",
            "Territoires palestiniens",
            "dans les Territoires palestiniens",
        ),
        ("Vatican", "Vatican", "au Vatican"),
        ("Saint-Siège", "Saint-Siège", "auprès du Saint-Siège"),
        ("Myanmar", "Myanmar", "au Myanmar"),
        ("Vietnam", "Vietnam", "au Vietnam"),
        ("rdc", "RDC", "en RDC"),
    ],
)
def test_the_names_in_use_are_known_and_kept_as_typed(tmp_path, capsys, typed, name, where):
    """The ministry's usual names and the other names in use (variantes.tsv) are known to
    `new`, each with its own forms: the fiche says the name the desk officer chose."""
    target = tmp_path / "pays.yaml"
    assert _new(capsys, tmp_path, typed, "--out", str(target))[0] == 0
    loaded = load_source(target)
    assert loaded.ok, loaded.problems
    assert (loaded.fiche.country.name, loaded.fiche.country.in_form) == (name, where)


def test_every_variant_is_a_state_of_the_table_with_its_own_forms():
    codes = {row.code for row in countries.table()}
    for row in countries.variants():
        assert row.code in codes, row
        assert row.name in row.the and row.name in row.in_ and row.name in row.of, row
        assert countries.find(row.name) == row
        assert countries.find(countries.by_code(row.code).name) != row  # the table's wins
