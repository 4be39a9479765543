"""Placing a reviewer's changes among the pieces of a paragraph."""

from fiche_pays.apply.diffing import changes, share, splice
from fiche_pays.apply.record import Piece, SourceInfo

PROSE = SourceInfo((("t",),), "prose", prose=(("t",), 0, 10))
NUMBER = SourceInfo((("n",),), "nombre")
UNIT = SourceInfo((("u",),), "texte")
COMPUTED = SourceInfo((), "calcule", note="calculé")


def test_each_piece_gets_its_part_of_the_new_text():
    pieces = [
        Piece("289", NUMBER),
        Piece(" ", None),
        Piece("résidents", UNIT),
        Piece(" (2019)", None),
    ]
    assert share(pieces, "300 résidents (2019)") == ["300", " ", "résidents", " (2019)"]
    assert share(pieces, "289 résidents français (2019)") == [
        "289",
        " ",
        "résidents français",
        " (2019)",
    ]


def test_text_typed_at_a_border_goes_to_the_prose_before_a_value():
    pieces = [Piece("Il a ", PROSE), Piece("-983 M EUR", COMPUTED), Piece(" de déficit", PROSE)]
    assert share(pieces, "Il a presque -983 M EUR de déficit") == [
        "Il a presque ",
        "-983 M EUR",
        " de déficit",
    ]
    assert share(pieces, "Il a -983 M EUR environ de déficit")[1] == "-983 M EUR"


def test_splice_keeps_what_was_not_touched_as_it_is_in_the_file():
    raw = "convenu en 2021 d'établir des\nconsultations annuelles entre"
    shown = "convenu en 2021 d’établir des consultations annuelles entre"
    new = "convenu en 2021 d’établir des consultations semestrielles entre"
    assert splice(raw, shown, new, str) == (
        "convenu en 2021 d'établir des\nconsultations semestrielles entre"
    )


def test_changes_are_worded_with_a_word_of_context():
    found = changes("des consultations annuelles entre", "des consultations semestrielles entre")
    assert [(c.old, c.new) for c in found] == [
        ("consultations annuelles", "consultations semestrielles")
    ]
