"""The report of `apply`: long values are cut around their difference."""

from fiche_pays.apply.report import pair

LONG = "La France et le Kazakhstan ont établi leurs relations diplomatiques en 1992 " * 4


def test_long_texts_are_cut_where_they_differ():
    old, new = (
        LONG + "et des consultations annuelles.",
        LONG + "et des consultations semestrielles.",
    )
    shown, proposed = pair(old, new)
    assert shown != proposed
    assert shown.startswith("« …") and shown.endswith("consultations annuelles. »")
    assert proposed.endswith("consultations semestrielles. »")
    assert len(shown) < 160


def test_a_change_at_the_start_keeps_the_start():
    shown, proposed = pair("Le " + LONG, "Les " + LONG)
    assert shown.startswith("« Le La France") and proposed.startswith("« Les La France")
    assert shown.endswith("… »") and proposed.endswith("… »")


def test_short_values_are_shown_whole():
    assert pair("annuelles", "semestrielles") == ("« annuelles »", "« semestrielles »")
    assert pair(289, 300) == ("289", "300")
