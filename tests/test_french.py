"""French wording of dates, numbers and amounts, and French typography."""

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fiche_pays import french
from fiche_pays.partialdate import PartialDate

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-05-05", "5 mai 2021"),
        ("2021-05-01", "1er mai 2021"),
        ("2008-06", "juin 2008"),
        ("2010", "2010"),
        (1992, "1992"),
        ("1992-01-25", "25 janvier 1992"),
    ],
)
def test_partial_dates(value, expected):
    assert PartialDate.parse(value).text() == expected


def test_when_has_the_right_preposition():
    assert PartialDate.parse("1992-01-25").when() == "le 25 janvier 1992"
    assert PartialDate.parse("2008-06").when() == "en juin 2008"
    assert PartialDate.parse("2010").when() == "en 2010"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ((2014, 12, 4), (2014, 12, 5), "4 et 5 décembre 2014"),
        ((2015, 11, 4), (2015, 11, 6), "du 4 au 6 novembre 2015"),
        ((2015, 11, 30), (2015, 12, 2), "du 30 novembre au 2 décembre 2015"),
        ((2015, 12, 30), (2016, 1, 2), "du 30 décembre 2015 au 2 janvier 2016"),
        ((2022, 11, 1), (2022, 11, 3), "du 1er au 3 novembre 2022"),
    ],
)
def test_date_ranges(start, end, expected):
    assert french.date_range(dt.date(*start), dt.date(*end)) == expected


@pytest.mark.parametrize("value", ["2021-02-31", "2021-13", "5 mai 2021", "2021/05/05"])
def test_impossible_or_unreadable_dates_are_refused_in_french(value):
    with pytest.raises(ValueError, match="date"):
        PartialDate.parse(value)


def test_numbers_use_narrow_no_break_space_and_decimal_comma():
    assert french.number(24000) == f"24{NNBSP}000"
    assert french.number(2000) == f"2{NNBSP}000"
    assert french.number(1.58, 2) == "1,58"


@pytest.mark.parametrize(
    ("millions", "expected"),
    [
        (594, f"594{NBSP}M{NBSP}EUR"),
        (1577, f"1,58{NBSP}Md{NBSP}EUR"),
        (-983, f"\u2212983{NBSP}M{NBSP}EUR"),
        (-2742, f"\u22122,74{NBSP}Md{NBSP}EUR"),
        (67.6, f"67,6{NBSP}M{NBSP}EUR"),
    ],
)
def test_amounts(millions, expected):
    assert french.amount(millions, "EUR") == expected


def test_amount_units_are_a_setting():
    units = french.Units("M", "Md", {"EUR": "€"})
    assert french.amount(594, "EUR", units) == f"594{NBSP}M{NBSP}€"


def test_percentages_and_growth():
    assert french.percent(2.2) == f"2,2{NBSP}%"
    assert french.growth(40.1) == f"+40,1{NBSP}%"
    assert french.growth(-50.2) == f"\u221250,2{NBSP}%"
    assert french.growth(187.0) == f"+187{NBSP}%"


def test_ordinals():
    assert [french.ordinal(n) for n in (1, 3, 8, 25)] == ["1er", "3e", "8e", "25e"]
    assert french.ordinal(1, feminine=True) == "1re"


def test_typography():
    text = french.typography('Le "Centre" : ouvert ; vraiment ? Oui ! l\'ISK, 1 500 élèves, 2%')
    assert text == (
        f"Le «{NBSP}Centre{NBSP}»{NBSP}: ouvert{NNBSP}; vraiment{NNBSP}? "
        f"Oui{NNBSP}! l’ISK, 1{NNBSP}500 élèves, 2{NBSP}%"
    )


def test_typography_leaves_urls_and_times_alone():
    assert french.typography("https://kz.ambafrance.org/?a=1 à 10:30") == (
        "https://kz.ambafrance.org/?a=1 à 10:30"
    )


def test_typography_does_not_group_years():
    assert french.typography("en 2020 et 2021") == "en 2020 et 2021"


def test_count_words():
    assert [french.count(n) for n in (2, 4, 6, 21)] == ["deux", "quatre", "six", "21"]


def test_ordinals_in_words():
    assert [french.ordinal_words(n) for n in (1, 7, 20, 21)] == [
        "premier",
        "septième",
        "vingtième",
        "21e",
    ]
    assert french.ordinal_words(1, feminine=True) == "première"


# The rules as first written, each opening on a look-behind: typography() now writes
# some of them to open on the character they replace, and skips a rule where a
# character sequence it needs is absent; the results must stay the same.
_FIRST_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_FIRST_NEGATIVE = re.compile(r"(?<![\w\-\u2212.,/:=#&?])-(?=\d)")
_FIRST_NUMBER_UNIT = re.compile(rf"(?<=\d) (?=(?:{french._UNITS})(?![\w²³]))")


def _typography_every_rule(text: str) -> str:
    """typography() as it was written first: every rule on every string."""
    f = french
    text = f._QUOTED.sub(r"«\1»", text)
    text = f._OPEN_GUILLEMET.sub("«" + f.NBSP, text)
    text = f._CLOSE_GUILLEMET.sub(f.NBSP + "»", text)
    text = _FIRST_APOSTROPHE.sub("\u2019", text)
    text = f._SPACE_BEFORE_COLON.sub(f.NBSP + ":", text)
    text = f._SPACE_BEFORE_HIGH.sub(f.NNBSP + r"\1", text)
    text = f._SPACE_BEFORE_PERCENT.sub(f.NBSP + "%", text)
    text = f._GROUPED_DIGITS.sub(lambda m: m.group(1) + m.group(2).replace(" ", f.NNBSP), text)
    text = _FIRST_NEGATIVE.sub(f.MINUS, text)
    text = _FIRST_NUMBER_UNIT.sub(f.NBSP, text)
    text = f._AMOUNT_UNIT.sub(r"\1" + f.NBSP, text)
    text = f._DAY_MONTH.sub(r"\1" + f.NBSP, text)
    return f._MONTH_YEAR.sub(r"\1" + f.NBSP, text)


_PIECES = [
    " ", "\u00a0", "\u202f", "1", "12", "1 500", "٣", "-", "'", '"', "«", "»", ":", ";", "!",
    "?", "%", "M", "Md", "Mds", "EUR", "€", "millions", "milliard", "de ", "d’", "mai",
    "août", "décembre", "2021", "1er", "km²", "l", "a", "é", ",", ".", "/", "ans", "−", "=",
    "hab.", "m", "t",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
@settings(max_examples=600, deadline=None)
def test_typography_runs_a_rule_only_where_it_can_match(text):
    # Each rule is skipped when a character it needs is absent: same result as running all.
    assert french.typography.__wrapped__(text) == _typography_every_rule(text)


@given(st.text(alphabet="0123456789٣ '-−%Mdilonsae€\u00a0\u202f,.:/=#&?«»\"", max_size=24))
@settings(max_examples=600, deadline=None)
def test_typography_rules_as_first_written_on_any_text(text):
    assert french.typography.__wrapped__(text) == _typography_every_rule(text)


@pytest.mark.parametrize(
    "text",
    [
        *(f"le 1er {month} 2021, puis {month} 2022 et le 5 {month}" for month in french.MONTHS),
        "3 Md EUR", "3 Mds de dollars", "2 M €", "5 millions d’euros", "4 milliards de",
        "M. Dupont", "1 500 000 habitants", "l'an 2000", "-5 %", "(-50,2 %)", "2020-2021",
        "18 000 €", "8 km²",
    ],
)  # fmt: skip
def test_typography_rules_as_first_written_on_examples(text):
    assert french.typography.__wrapped__(text) == _typography_every_rule(text)


def test_rewritten_rules_fail_if_their_context_is_dropped(monkeypatch):
    # The check above compares with the rules as first written: without the context
    # behind the replaced character, it would tell.
    monkeypatch.setattr(french, "_NEGATIVE", re.compile(r"-(?=\d)"))
    text = "2020-2021"
    assert french.typography.__wrapped__(text) != _typography_every_rule(text)


def test_typography_on_figures_and_words_alike():
    for text in ("594 M EUR", "des millions de tonnes", "le 5 mai 2021 : « oui »", "-3 %"):
        assert french.typography(text) == _typography_every_rule(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1e-07, "0,0000001"),
        (1594.5, "1\u202f594,5"),
        (-0.5, "\u22120,5"),
        (5, "5"),
        (1e16, "10\u202f000\u202f000\u202f000\u202f000\u202f000"),
        (1e28, "1 × 10²⁸"),
        (-2.5e-320, "\u22122,5 × 10⁻³²⁰"),
    ],
)
def test_numbers_as_typed_never_in_scientific_notation(value, expected):
    assert french.decimal(value) == expected


def test_an_excerpt_says_it_is_cut():
    assert (
        french.excerpt("ministre des Affaires étrangères", 29) == "ministre des Affaires étrangè…"
    )
    assert french.excerpt("court", 29) == "court"


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 fichier vérifié"), (1, "1 fichier vérifié"), (2, "2 fichiers vérifiés")],
)
def test_counts_take_the_singular_below_two(count, expected):
    assert french.counted(count, "fichier vérifié", "fichiers vérifiés") == expected
