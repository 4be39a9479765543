"""Dates of a record worded as pages word them: ranges, several dates, precisions."""

import pytest

from fiche_pays.composer import dates
from fiche_pays.partialdate import PartialDate


def _dates(*values):
    return [PartialDate.parse(v) for v in values]


@pytest.mark.parametrize(
    ("values", "end", "text", "when"),
    [
        (["2018-03-06"], None, "6 mars 2018", "le 6 mars 2018"),
        (["2018-02-14"], "2018-02-16", "du 14 au 16 février 2018", "du 14 au 16 février 2018"),
        (["2019-12-15"], "2019-12-16", "15 et 16 décembre 2019", "les 15 et 16 décembre 2019"),
        (["2018-11"], None, "novembre 2018", "en novembre 2018"),
        (["2014", "2012", "2013"], None, "2012, 2013 et 2014", "en 2012, 2013 et 2014"),
        (["2016-04", "2016-12", "2016-07"], None, "avril, juillet et décembre 2016",
         "en avril, juillet et décembre 2016"),
        (["2016-05-09", "2016-05-01"], None, "1er et 9 mai 2016", "les 1er et 9 mai 2016"),
        # Dates known to different precisions are each worded whole, in order.
        (["2005", "2004-11"], None, "novembre 2004 et 2005", "en novembre 2004 et 2005"),
    ],
)  # fmt: skip
def test_dates_of_a_record(values, end, text, when):
    end = PartialDate.parse(end) if end else None
    assert dates.text(_dates(*values), end) == text
    assert dates.when(_dates(*values), end) == when
