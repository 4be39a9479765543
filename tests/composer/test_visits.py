"""Visits as lines and as tables: the table form states every field the line states."""

import pytest

from fiche_pays.composer.visits import tables, visit_line
from fiche_pays.model.country import Country
from fiche_pays.model.visits import Visit
from fiche_pays.tree import plain

MONGOLIE = Country.model_validate(
    {"nom": "Mongolie", "code": "MN", "au": "en Mongolie", "du": "de la Mongolie",
     "le": "la Mongolie", "adjectif": "mongol", "adjectif_feminin": "mongole"}
)  # fmt: skip

TOKYO = {
    "date": "2021-07",
    "sens": "pays_tiers",
    "nature": "entretien",
    "visiteurs": [{"fonction": "le président de la République"}],
    "avec": [{"fonction": "le Premier ministre mongol", "nom": "L. OYUN-ERDENE"}],
    "lieu": "Tokyo",
    "occasion": "les Jeux olympiques de Tokyo",
}
FULL = {
    "date": "2019-05-06",
    "sens": "vers_la_france",
    "nature": "visite d'État",
    "visiteurs": [{"civilite": "M.", "nom": "Khaltmaagiin BATTULGA", "fonction": "le président"}],
    "accompagnateurs": [{"fonction": "la ministre des affaires étrangères"}],
    "recu_par": [{"fonction": "le président de la République"}],
    "invite_par": [{"fonction": "le Sénat"}],
    "avec": [{"fonction": "le Premier ministre"}],
    "occasion": "l'anniversaire des relations diplomatiques",
    "objet": "la signature d'une feuille de route",
}


def _cells(visit: dict) -> list[str]:
    (table,) = tables([(0, Visit.model_validate(visit))], ("visites", 1, "visites"), MONGOLIE)
    return [plain(cell) for cell in table.cell_runs[1]]


def _line(visit: dict) -> str:
    pieces = visit_line(Visit.model_validate(visit), ("visites", 1, "visites", 0), MONGOLIE)
    return "".join(text for text, _ in pieces)


def test_a_meeting_in_a_table_keeps_its_counterpart_and_occasion():
    """The audit found « Juillet 2021 | Président de la République | Tokyo »: the Prime
    Minister and the Olympics were dropped by the table form."""
    date, who, place, details = _cells(TOKYO)
    assert (date, who, place) == ("Juillet 2021", "Président de la République", "Tokyo")
    assert details == (
        "Entretien avec le Premier ministre mongol L. OYUN-ERDENE, en marge des Jeux "
        "olympiques de Tokyo"
    )


@pytest.mark.parametrize(
    "value",
    [
        "visite d'État",
        "la ministre des affaires étrangères",
        "reçu par le président de la République",
        "à l'invitation du Sénat",
        "entretiens avec le Premier ministre",
        "à l'occasion de l'anniversaire des relations diplomatiques",
        "la signature d'une feuille de route",
    ],
)
def test_every_field_of_a_visit_is_in_its_table_row_as_in_its_line(value):
    row = " | ".join(_cells(FULL)).replace("\u00a0", " ").replace("’", "'")
    line = _line(FULL).replace("\u00a0", " ").replace("’", "'")
    assert value.lower() in row.lower()
    assert value.lower() in line.lower()


def test_a_purpose_alone_reads_back_as_typed():
    """A capital added by the table is said in the run's source, for apply."""
    (table,) = tables(
        [(0, Visit.model_validate({**TOKYO, "nature": None, "avec": None, "occasion": None,
                                   "objet": "visite du site de l'exposition"}))],
        ("visites", 1, "visites"),
        MONGOLIE,
    )  # fmt: skip
    (run,) = table.cell_runs[1][3]
    assert run.text.startswith("Visite du site")
    assert run.source.form == "capitale"
    assert run.source.fields == (("visites", 1, "visites", 0, "objet"),)
