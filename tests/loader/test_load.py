"""Bad input and faults: every mistake gets a clear French message, nothing is lost.

Each case is a small file in tests/bad_input/ (or, for what cannot be committed, one
made in tmp_path). The real command line runs on it, in-process through
``fiche_pays.cli.main`` or, where a process must die, as a subprocess. The tests assert
on the exit code, the file, the line, the column, the field and the key words of the
message, and that no Python traceback reaches the user.
"""

from __future__ import annotations

import datetime
import errno
import importlib
import os
import re
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from fiche_pays.cli import main
from fiche_pays.loader.load import load_source
from fiche_pays.model import relations as model

from conftest import DATA, docx_text, normalize, pdf_text

BAD = Path(__file__).resolve().parent.parent / "bad_input"
KAZAKHSTAN = DATA / "kazakhstan.yaml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``fiche-pays ARGS`` in-process; return the exit code, stdout and stderr."""
    code = main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


def errors_of(err: str) -> list[str]:
    """The error lines of the command's stderr."""
    return [line for line in err.splitlines() if ": erreur" in line]


# (file, "line:column" as printed, field or None, key words of the message)
CASES = [
    # --- YAML syntax ---------------------------------------------------------------
    (
        "indentation_plus.yaml",
        "4:6",
        "pays",
        ["« au » est plus indenté que « code »", "alignez les champs"],
    ),
    (
        "indentation_moins.yaml",
        "4:2",
        None,
        ["« au » n'est aligné ni sur « code »", "alignez les champs"],
    ),
    ("tabulation.yaml", "3:1", "pays", ["tabulation dans l'indentation", "espaces"]),
    (
        "guillemet_non_ferme.yaml",
        "2:8",  # where the quote opens, not the end of the file
        "pays.nom",
        ["guillemet ouvert ici et jamais refermé"],
    ),
    (
        "guillemet_non_ferme_milieu.yaml",
        "3:10",
        "pays.nom",
        ["guillemets doubles ouvert ligne 2", "guillemet fermant manquant"],
    ),
    (
        "texte_apres_guillemet.yaml",
        "15:30",
        "visites[1].visites[1].objet",
        ["texte après le guillemet fermant", "toute la valeur entre guillemets"],
    ),
    (
        "deux_points.yaml",
        "15:31",
        "visites[1].visites[1]",
        ["la valeur de « objet » contient « : »", 'écrivez objet: "visite du site : Astana 2017"'],
    ),
    ("espace_insecable.yaml", "4:1", None, ["U+00A0 (espace insécable) dans l'indentation"]),
    ("plusieurs_documents.yaml", "10:1", None, ["plusieurs documents YAML", "« --- »"]),
    # --- data that does not fit the format ---------------------------------------------
    (
        "mauvais_type.yaml",
        "13:9",
        "relations_economiques[1].echanges[1].exportations",
        ["nombre attendu", "« beaucoup »"],
    ),
    ("champ_manquant.yaml", "1:1", "pays.au", ["champ obligatoire « au » manquant"]),
    (
        "cle_inconnue.yaml",  # and no second error saying "visiteurs" is missing
        "14:9",
        "visites[1].visites[1].visiteur",
        ["champ inconnu « visiteur »", "vouliez-vous dire « visiteurs » ?"],
    ),
    (
        "date_impossible.yaml",
        "9:3",
        "document.mise_a_jour",
        ["« 2021-02-31 » impossible", "le 31 février 2021 n'existe pas"],
    ),
    (
        "nombre_negatif.yaml",
        "12:7",
        "presence_francaise[1].communaute.nombre",
        ["ne peut pas être négatif", "-289"],
    ),
    (
        "pourcentage.yaml",
        "13:9",
        "relations_economiques[1].echanges[1].part_de_marche",
        ["un pourcentage ne peut pas dépasser 100", "120"],
    ),
    ("texte_vide.yaml", "2:3", "pays.nom", ["texte vide"]),
    (
        "valeur_absente.yaml",
        "12:9",
        "relations_politiques[1].accords[1].titre",
        ["rien n'est écrit après « titre: »", "il faut un texte"],
    ),
    (
        "nombre_avec_espace.yaml",
        "12:7",
        "cooperation[1].alliances_francaises.total_etudiants",
        ["nombre entier attendu", "sans espace entre les milliers : 1500"],
    ),
    (
        "caractere_de_controle.yaml",  # Word's manual line break, pasted into a text
        "13:23",
        "relations_politiques[1].texte",
        ["caractère de contrôle invisible U+000B", "saut de ligne manuel de Word"],
    ),
    (
        "caractere_de_controle_echappe.yaml",
        "7:3",
        "pays.adjectif",
        ["caractère de contrôle invisible U+0007"],
    ),
    # --- files that are not a fiche ---------------------------------------------------
    (
        "latin1.yaml",
        "4:15",
        None,
        ["pas encodé en UTF-8", "octet 0xE9", "« é »", "réenregistrez le fichier en UTF-8"],
    ),
    ("windows1252.yaml", "3:7", None, ["pas encodé en UTF-8", "octet 0x93", "« “ »"]),
    ("utf16.yaml", "", None, ["encodé en UTF-16", "réenregistrez-le en UTF-8"]),
    ("vide.yaml", "1", None, ["le fichier est vide"]),
    ("commentaires.yaml", "1", None, ["vide (ou ne contient que des commentaires)"]),
    ("binaire.yaml", "", None, ["fichier binaire"]),
    ("document.pdf", "", None, ["c'est un document PDF"]),
    ("liste.yaml", "1", None, ["le fichier contient une liste", "« nom : valeur »"]),
    # --- hostile YAML -------------------------------------------------------------------
    ("billion_laughs.yaml", "6:11", "f[2]", ["alias YAML", "billion laughs"]),
    (
        "imbrication_profonde.yaml",
        "1:70",
        "…" + "[1]" * 26,  # the path of the 64th level, shortened
        ["imbrication trop profonde"],
    ),
    ("alias_recursif.yaml", "2:8", "pays.nom", ["sa propre ancre &x"]),
    (
        "etiquette_python.yaml",
        "1:7",
        "pays",
        ["étiquette YAML « !!python/object/apply:os.system » non autorisée"],
    ),
    (
        "etiquette_python_nom.yaml",
        "2:8",
        "pays.nom",
        ["étiquette YAML « !!python/name:os.system » non autorisée"],
    ),
    ("fusion.yaml", "4:3", "document", ["la fusion YAML « << » n'est pas acceptée"]),
]


@pytest.mark.parametrize(("name", "where", "field", "words"), CASES, ids=[c[0] for c in CASES])
def test_a_mistake_gets_one_located_french_message(name, where, field, words, capsys):
    path = BAD / name
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1
    errors = errors_of(err)
    assert len(errors) == 1, err  # one mistake, one message
    location = f"{path}:{where}" if where else str(path)
    label = f" [{field}]" if field else ""
    assert errors[0].startswith(f"{location}: erreur{label} : "), errors[0]
    for word in words:
        assert word in errors[0]
    assert "0 valide, 1 invalide (1 erreur)" in out


def test_every_bad_file_at_once_in_a_real_process(tmp_path):
    """One `fiche-pays validate` process over every bad file: each one reported, no
    traceback, exit code 1."""
    names = sorted(p.name for p in BAD.iterdir() if p.name not in ("balisage.yaml",))
    names = [n for n in names if n not in ("ecritures.yaml", "nom_chemin.yaml")]
    result = subprocess.run(
        [sys.executable, "-m", "fiche_pays", "validate", *names],
        cwd=BAD,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    for name in names:
        assert f"{name}:" in result.stderr
    assert f"{len(names)} fichiers vérifiés : 0 valide, {len(names)} invalides" in result.stdout


def test_a_directory_a_missing_file_and_a_huge_file(tmp_path, capsys):
    folder = tmp_path / "dossier.yaml"
    folder.mkdir()
    missing = tmp_path / "absent.yaml"
    huge = tmp_path / "enorme.yaml"
    with huge.open("wb") as stream:  # 50 MB, made here rather than committed
        stream.write(b"pays: ")
        for _ in range(50):
            stream.write(b"x" * 1024 * 1024)
    tracemalloc.start()
    start = time.process_time()
    code, _, err = run(capsys, "validate", str(folder), str(missing), str(huge))
    seconds = time.process_time() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert code == 1
    assert f"{folder}: erreur : c'est un dossier, pas un fichier de données" in err
    assert f"{missing}: erreur : fichier introuvable" in err
    assert f"{huge}: erreur : fichier trop volumineux (52,4 Mo" in err
    assert seconds < 2 and peak < 10_000_000  # refused on its size, never read


def test_an_alias_bomb_is_refused_quickly_in_little_memory(capsys):
    tracemalloc.start()
    start = time.process_time()
    loaded = load_source(BAD / "billion_laughs.yaml")
    seconds = time.process_time() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert not loaded.ok and "billion laughs" in loaded.problems[0].message
    assert seconds < 1 and peak < 20_000_000


@pytest.mark.skipif(sys.platform == "win32", reason="resource is Unix-only")
def test_a_file_of_countless_values_is_refused_with_bounded_memory(tmp_path):
    """4 MB of one-word list items: refused when the value budget runs out, without
    building a node graph of the whole file first (that took ~850 MB)."""
    path = tmp_path / "valeurs.yaml"
    path.write_text("pays:\n" + "  - a\n" * 700_000, encoding="utf-8")
    script = (
        "import resource, sys\n"
        "from fiche_pays.loader.load import load_source\n"
        "loaded = load_source(sys.argv[1])\n"
        "print(loaded.problems[0])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    import resource  # Unix only, like this test

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    problem, max_rss_kb = result.stdout.splitlines()
    assert problem.startswith(f"{path}:200000:5: erreur [pays[199999]] : fichier trop complexe")
    assert int(max_rss_kb) < 250_000 and seconds < 10


def test_a_python_tag_is_never_executed(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "validate", str(BAD / "etiquette_python.yaml"))
    assert code == 1 and "non autorisée" in err
    assert not (tmp_path / "fiche-pays-pwned").exists()


def test_control_characters_in_a_comment_are_harmless(tmp_path, capsys):
    path = tmp_path / "commentaire.yaml"
    path.write_text(
        KAZAKHSTAN.read_text(encoding="utf-8").replace("# Fiche", "# Fiche\x0b\x0c", 1),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0 and "1 valide," in out


def test_every_pasted_control_character_is_reported(tmp_path, capsys):
    text = KAZAKHSTAN.read_text(encoding="utf-8")
    text = text.replace("adjectif: kazakhstanais", "adjectif: kazakh\x0cstan\x0cais", 1)
    text = text.replace("      - hydrocarbures", "      - hydro\x1bcarbures", 1)
    path = tmp_path / "controles.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    errors = errors_of(err)
    assert code == 1 and len(errors) == 2
    assert errors[0].startswith(f"{path}:16:19: erreur [pays.adjectif] : ")
    assert "U+000C (saut de page)" in errors[0]
    assert "[relations_economiques[2].secteurs[1]]" in errors[1] and "U+001B" in errors[1]


def test_millions_of_control_characters_are_refused_quickly(tmp_path, capsys):
    path = tmp_path / "controles.yaml"
    path.write_text("pays:\n" + "  - \x07\n" * 500_000, encoding="utf-8")
    start = time.process_time()
    code, _, err = run(capsys, "validate", str(path))
    assert time.process_time() - start < 5
    errors = errors_of(err)
    assert code == 1 and len(errors) == 10  # the first ten fields, then "and others"
    assert errors[0].startswith(f"{path}:2:5: erreur [pays[1]] : caractère de contrôle")
    assert errors[-1].endswith("(et d'autres plus loin)")


# --- text that is markup to a writer ---------------------------------------------------------


def build_one(capsys: pytest.CaptureFixture[str], path: Path, out: Path) -> tuple[int, str]:
    """`fiche-pays build PATH --out OUT`; the exit code and stderr."""
    code, _, err = run(capsys, "build", str(path), "--out", str(out), "--jobs", "1")
    return code, err


def test_markup_shows_literally_in_both_documents(tmp_path, capsys):
    code, err = build_one(capsys, BAD / "balisage.yaml", tmp_path)
    assert code == 0, err
    pdf, docx = pdf_text(tmp_path / "kazakhstan.pdf"), docx_text(tmp_path / "kazakhstan.docx")
    for text in (pdf, docx):
        for literal in [
            "Service <b>gras</b> & associés",
            "Moins de 5 < 6 et plus de 7 > 3 ; R&D, &amp; et &#65; restent écrits ainsi.",
            "Fin de paragraphe </para> puis <font size=40>énorme</font> et <br/> et",
            "<i>italique</i>",
            "A <i>b</i> & c",
            "<seq id=x/> et <onDraw name=y/>",
            "<b>Libellé</b>",
            "a < b > c",
            "<para>élément</para>",
            "<b>Colonne</b>",
            "<i>cellule</i>",
            "</font>",
            "Défense <b>&</b> sécurité",
            "Coopération <u>souligné</u>.",
        ]:
            assert normalize(literal) in text, literal


# --- scripts ----------------------------------------------------------------------------------


def test_cyrillic_and_greek_are_drawn_other_scripts_are_warned_about(tmp_path, capsys):
    path = BAD / "ecritures.yaml"
    code, err = build_one(capsys, path, tmp_path)
    assert code == 0, err
    pdf, docx = pdf_text(tmp_path / "kazakhstan.pdf"), docx_text(tmp_path / "kazakhstan.docx")
    for text in (pdf, docx):
        for name in ["Нұр-Сұлтан", "Алматы", "Нұрсұлтан Назарбаев", "Ἀθῆναι", "Κυριάκος"]:
            assert name in text
    assert "القاهرة" in docx and "北京" in docx  # Word picks a font that has them
    warnings = [line for line in err.splitlines() if "avertissement [" in line]
    assert len(warnings) == 2  # Cyrillic and Greek are in the font: no warning
    arabic, chinese = warnings
    assert arabic.startswith(f"{path}:25:9: avertissement [visites[1].visites[2].lieu] : ")
    assert "absent(s) de la police Liberation Sans" in arabic and "« ق » (U+0642)" in arabic
    assert chinese.startswith(f"{path}:26:9: avertissement [visites[1].visites[2].objet] : ")
    assert "« 北 » (U+5317)" in chinese and "« 京 » (U+4EAC)" in chinese


# --- scale ------------------------------------------------------------------------------------

_WORDS = [
    *["la", "coopération", "entre", "la", "France", "et", "le", "Kazakhstan", "porte"],
    *["sur", "de", "nombreux", "domaines", "économiques", "culturels", "scientifiques"],
    *["et", "techniques"],
]


def _big_fiche(path: Path) -> tuple[str, str]:
    """A fiche with a 30-page text, a 300-character word, a 2 000-character address,
    500 visits and a 1 000-row table whose one cell is taller than a page."""
    import random

    import yaml

    rng = random.Random(7)

    def words(n: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(n))

    long_word = "Ж" * 150 + "x" * 150
    url = "https://example.org/" + "a" * 1980
    data = yaml.safe_load(KAZAKHSTAN.read_text(encoding="utf-8"))
    data["relations_politiques"][-1]["texte"] = (
        "\n\n".join(words(120) for _ in range(120)) + f"\n\nMot long : {long_word} fin."
    )
    data["visites"][-1]["visites"] = [
        {
            "date": f"{2000 + i % 20}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "sens": "vers_le_pays",
            "visiteurs": {"nom": f"Personne{i}"},
            "objet": long_word if i == 7 else "objet",
        }
        for i in range(500)
    ]
    rows = [[f"ligne{i}", words(6), f"fin{i}"] for i in range(1000)]
    rows[3][1] = long_word
    rows[500][1] = words(2500)  # taller than a page
    data["autres_cooperations"] = [{"tableau": {"entetes": ["A", "B", "C"], "lignes": rows}}]
    data["informations_complementaires"] = [{"titre": "Lien très long", "url": url}]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return long_word, url


@pytest.mark.slow
def test_a_huge_fiche_is_paginated_within_the_page(tmp_path, capsys):
    from pypdf import PdfReader

    source = tmp_path / "enorme.yaml"
    long_word, url = _big_fiche(source)
    code, err = build_one(capsys, source, tmp_path / "out")
    assert code == 0, err
    pdf_path, docx_path = tmp_path / "out" / "kazakhstan.pdf", tmp_path / "out" / "kazakhstan.docx"
    reader = PdfReader(pdf_path)
    assert len(reader.pages) > 40
    pdf, docx = pdf_text(pdf_path), docx_text(docx_path)
    for text in (pdf, docx):
        for fact in ["Personne0", "Personne499", "ligne0", "ligne999", "fin999", "Mot long"]:
            assert fact in text
    assert long_word in docx and long_word[:150] in pdf.replace(" ", "")
    # The long word is broken over several lines, and no line starts outside the page.
    longest = 0
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)

        def visit(text, cm, tm, font, size, width=width, height=height):
            nonlocal longest
            if not re.search(r"[^\W\d_]", text):
                return  # page numbers, drawn in forms with their own coordinates
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            assert 0 <= x <= width and 0 <= y <= height, (text, x, y)
            longest = max(longest, *(len(w) for w in text.split()), 0)

        page.extract_text(visitor_text=visit)
    assert longest < 120  # a line holds ~95 narrow letters: the 300 were split
    # The 2 000-character address is kept whole in both documents' links.
    uris = [
        annot.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if "/A" in annot.get_object()
    ]
    assert url in uris
    import docx

    targets = [r.target_ref for r in docx.Document(str(docx_path)).part.rels.values()]
    assert url in targets


# --- output ---------------------------------------------------------------------------------


def _files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_an_output_folder_that_is_a_file(tmp_path, capsys):
    blocker = tmp_path / "sortie"
    blocker.write_text("je suis un fichier", encoding="utf-8")
    code, err = build_one(capsys, KAZAKHSTAN, blocker / "pdf")
    assert code == 1
    assert err.strip().endswith(
        f"{blocker / 'pdf'}: erreur : dossier de sortie inutilisable : un élément du chemin "
        "est un fichier, pas un dossier"
    )
    assert blocker.read_text(encoding="utf-8") == "je suis un fichier"


def test_an_output_folder_without_write_permission(tmp_path, monkeypatch, capsys):
    import fiche_pays.outfolder as outfolder

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path))

    # chmod does not stop root, who runs CI containers: refuse at the first write instead.
    monkeypatch.setattr(outfolder, "_open_lock", refused)
    code, err = build_one(capsys, KAZAKHSTAN, tmp_path)
    assert code == 1
    assert f"{tmp_path}: erreur : dossier de sortie inutilisable : accès refusé" in err
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_while_rendering_or_moving_keeps_the_previous_documents(
    tmp_path, monkeypatch, capsys
):
    out = tmp_path / "out"
    changed = tmp_path / "kazakhstan.yaml"
    shutil.copy(KAZAKHSTAN, changed)
    assert build_one(capsys, changed, out)[0] == 0
    before = _documents(out)
    # A new version of the fiche, to be rebuilt:
    changed.write_text(changed.read_text("utf-8").replace("Didier Canesse", "Autre Nom"), "utf-8")
    # 1. The disk fills up while a document is being written.
    render_package = importlib.import_module("fiche_pays.writers")  # not the function
    real_render = render_package.render

    def full_disk(document, fmt, target, theme=None):
        if fmt == "docx":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_render(document, fmt, target, theme)

    monkeypatch.setattr(render_package, "render", full_disk)
    code, err = build_one(capsys, changed, out)
    assert code == 1
    assert errors_of(err) == [
        f"{changed}: erreur : écriture impossible dans le dossier de sortie : disque plein"
    ]
    assert _documents(out) == before
    monkeypatch.setattr(render_package, "render", real_render)
    # 2. The disk fills up when the finished documents are moved into place.
    real_replace = os.replace

    def full_on_move(source, target, *args, **kwargs):
        if str(target).endswith(".docx"):
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        return real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", full_on_move)
    code, err = build_one(capsys, changed, out)
    assert code == 1
    assert errors_of(err) == [
        f"{changed}: erreur : impossible de mettre kazakhstan.docx en place dans {out} : "
        "disque plein ; le document précédent est intact"
    ]
    assert _documents(out)["kazakhstan.docx"] == before["kazakhstan.docx"]
    assert not list(out.glob(".fiche-pays-tmp-*"))

    # 3. Even the build's record (the manifest) cannot be written.
    def full_for_the_manifest(source, target, *args, **kwargs):
        if str(target).endswith(".json"):
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        return real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", full_for_the_manifest)
    code, err = build_one(capsys, changed, out)
    assert code == 1
    assert f"erreur d'écriture ou de lecture ({out / '.fiche-pays-manifest.json'}) : " in err
    assert "disque plein" in err and "No space" not in err
    hidden = {p.name for p in out.iterdir() if p.name.startswith(".")}
    # no temporary file; the template's hash was remembered by an earlier build
    assert hidden == {".fiche-pays.lock", ".fiche-pays-manifest.json", ".fiche-pays-modele.json"}
    # Space again: the documents the manifest could not record are rebuilt and recorded.
    monkeypatch.setattr(os, "replace", real_replace)
    code, out_text, _ = run(capsys, "build", str(changed), "--out", str(out))
    assert code == 0 and "1 construite(s), 0 inchangée(s)" in out_text
    code, out_text, _ = run(capsys, "build", str(changed), "--out", str(out))
    assert code == 0 and "0 construite(s), 1 inchangée(s)" in out_text


def test_a_country_name_like_a_path_writes_only_inside_the_output_folder(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "a" / "b" / "sortie"
    code, err = build_one(capsys, BAD / "nom_chemin.yaml", out)
    assert code == 0, err
    written = {p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()}
    assert written == {
        Path("a/b/sortie/tmp-evasion-secret.pdf"),
        Path("a/b/sortie/tmp-evasion-secret.docx"),
        Path("a/b/sortie/.fiche-pays-manifest.json"),
        Path("a/b/sortie/.fiche-pays-modele.json"),
        Path("a/b/sortie/.fiche-pays.lock"),
    }


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "/", "..", "a/b\\c", "Россия", "中国", ".", "~", "C:\\Windows", " "],
)
def test_slugs_are_plain_file_stems(name):
    slug = model.slugify(name)
    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", slug)


def test_two_data_files_for_the_same_country(tmp_path, capsys):
    out = tmp_path / "out"
    first, second = tmp_path / "kazakhstan.yaml", tmp_path / "kazakhstan-copie.yaml"
    shutil.copy(KAZAKHSTAN, first)
    shutil.copy(KAZAKHSTAN, second)
    # Both new: the first put in place keeps the name, the other is refused.
    code, _, err = run(capsys, "build", str(first), str(second), "--out", str(out), "-j", "1")
    assert code == 1
    assert errors_of(err) == [
        f"{second}: erreur : même pays que {first} : les deux fiches produiraient "
        "kazakhstan.pdf ; gardez un seul fichier par pays"
    ]
    assert sorted(_documents(out)) == ["kazakhstan.docx", "kazakhstan.pdf"]
    # The first file owns the name: it is rebuilt, the copy, built first, is refused.
    first.write_text(first.read_text("utf-8").replace("Didier Canesse", "Autre Nom"), "utf-8")
    shutil.copy(first, second)
    code, _, err = run(capsys, "build", str(second), str(first), "--out", str(out), "-j", "1")
    assert code == 1
    assert errors_of(err) == [
        f"{second}: erreur : même pays que {first} : les deux fiches produiraient "
        "kazakhstan.pdf ; gardez un seul fichier par pays"
    ]
    assert "Autre Nom" in normalize(docx_text(out / "kazakhstan.docx"))
    # Once the copy is gone, nothing is refused any more.
    second.unlink()
    assert run(capsys, "build", str(first), "--out", str(out))[0] == 0


def _documents(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}


def test_an_update_date_in_the_future_is_an_error_for_validate_and_build(tmp_path, capsys):
    path = tmp_path / "kazakhstan.yaml"
    text = KAZAKHSTAN.read_text("utf-8")
    path.write_text(text.replace("mise_a_jour: 2021-05-05", "mise_a_jour: 2099-01-15"), "utf-8")
    line = text.splitlines().index("  mise_a_jour: 2021-05-05") + 1
    expected = (
        f"{path}:{line}:3: erreur [document.mise_a_jour] : date de mise à jour dans le futur "
        "(15 janvier 2099, nous sommes le "
    )
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1 and errors_of(err)[0].startswith(expected)
    code, _, err = run(capsys, "build", str(path), "--out", str(tmp_path / "out"))
    assert code == 1 and errors_of(err)[0].startswith(expected)
    # The day itself is not in the future.
    assert load_source(path, today=datetime.date(2099, 1, 15)).ok
    assert not load_source(path, today=datetime.date(2099, 1, 14)).ok


def test_a_date_after_the_update_is_located_at_its_field_with_a_fitting_hint(tmp_path):
    path = tmp_path / "kazakhstan.yaml"
    text = KAZAKHSTAN.read_text("utf-8")
    text = text.replace(
        "      - date: 2014-12-04\n        fin: 2014-12-05", "      - date: 2022-12-04"
    )
    path.write_text(text.replace("signature: 2008-06", "signature: 2022-06"), "utf-8")
    problems = {p.field: p.message for p in load_source(path).problems}
    visit = problems["visites[2].visites[1].date"]  # not « date.0 »: the file has one date
    assert "postérieure à la mise à jour" in visit and "en_negociation" not in visit
    assert "vérifiez l'année, ou la date de mise à jour" in visit
    assert "en_negociation: true" in problems["relations_politiques[2].accords[2].signature"]


def test_a_value_cut_in_a_message_ends_with_an_ellipsis(tmp_path):
    path = tmp_path / "kazakhstan.yaml"
    function = "ministre de l'Intégration africaine et des Affaires étrangères"
    text = KAZAKHSTAN.read_text("utf-8").replace(
        "fonction: le président de la République}", f"fonction: {function}}}", 1
    )
    path.write_text(text, "utf-8")
    (error,) = [p for p in load_source(path).problems if p.severity == "error"]
    assert error.message.startswith(f"« {function[:60]}… » : écrivez-le avec son article")
