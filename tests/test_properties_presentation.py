"""Property tests of the "Présentation du pays" kind: any valid presentation loads, renders
in both formats, and the two agree (the relations fiche's properties, test_properties.py,
with this kind's data: every figure shape, lists of shares, leaders, prose citing data).

Figures are drawn consistent with each other (a population and an area of a plausible
density, a GDP of a plausible GDP per capita, shares under 100 %, ranks within their
"out of"), since the checks rightly refuse anything else; what is random is everything a
desk officer may type around them: texts in every script the fonts draw, optional keys,
dates, sources, notes, approximations, earlier values.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from test_properties import (
    EVERYDAY,
    LONG,
    Texts,
    build,
    check_parity,
    country,
    document_info,
    partial_date,
    short_line,
)

NAMES = (
    "{population}",
    "{superficie}",
    "{densite}",
    "{pib}",
    "{chef_de_l_etat}",
    "{chef_de_l_etat.nom}",
    "{nom_officiel}",
    "{idh.rang}",
)
APPROXIMATION = st.sampled_from(("environ", "près de", "plus de", "moins de"))


def _optional(data: dict[str, Any], draw: st.DrawFn, key: str, value: st.SearchStrategy) -> None:
    if draw(st.booleans()):
        data[key] = draw(value)


@st.composite
def figure(draw: st.DrawFn, t: Texts, value: st.SearchStrategy, **fixed: Any) -> dict:
    """A figure: its value, and any of date, source, note, approximation, earlier values."""
    data: dict[str, Any] = {"valeur": draw(value), **fixed}
    _optional(data, draw, "date", partial_date(1990, 2010))
    _optional(data, draw, "source", t.line(3))
    _optional(data, draw, "remarque", t.line(4))
    _optional(data, draw, "approximation", APPROXIMATION)
    if draw(st.booleans()):
        earlier = {"valeur": draw(value), "date": draw(partial_date(1980, 1989))}
        data["precedents"] = [earlier]
    return data


def percent() -> st.SearchStrategy[float]:
    return st.integers(0, 1000).map(lambda v: v / 10)


@st.composite
def shares(draw: st.DrawFn, t: Texts) -> dict:
    """A list of shares that sum to 100 % at most, some with sub-groups or ranges."""
    count = draw(st.integers(1, 5))
    items = []
    for _ in range(count):
        item: dict[str, Any] = {"nom": draw(t.line(3))}
        if draw(st.booleans()):
            share = draw(st.integers(2, 100 // count))
            item["part"] = share
            if draw(st.booleans()):
                item["dont"] = [{"nom": draw(t.line(2)), "part": share // 2}]
            elif draw(st.booleans()):
                item["part"], item["part_max"] = share - 1, share
        _optional(item, draw, "remarque", t.line(3))
        items.append(item)
    data: dict[str, Any] = {"liste": items}
    _optional(data, draw, "date", partial_date(1990, 2010))
    _optional(data, draw, "source", t.line(2))
    return data


@st.composite
def leader(draw: st.DrawFn, t: Texts) -> dict:
    data: dict[str, Any] = {"nom": draw(t.line(3))}
    _optional(data, draw, "civilite", st.sampled_from(("M.", "Mme", "Dr", "S.M.")))
    _optional(data, draw, "fonction", st.sampled_from(("le Président", "la Reine", "le roi")))
    for key in ("naissance", "elu", "depuis"):
        _optional(data, draw, key, partial_date(1950, 2010))
    _optional(data, draw, "remarque", t.line(4))
    if draw(st.booleans()):
        data["fonctions"] = [{"titre": draw(t.line(4)), "depuis": draw(partial_date(1990, 2010))}]
    return data


@st.composite
def presentations(draw: st.DrawFn, t: Texts, prose: Texts | None = None) -> dict:
    """A valid presentation as the plain data of a YAML file; every section may be there;
    its lines drawn as ``t`` says, its prose as ``prose`` (default: ``t``).

    Every date is in 2010 or before, and the fiche is updated after 2010."""
    updated = draw(st.dates(dt.date(2011, 1, 1), dt.date.today()))  # never in the future
    info = draw(document_info(t, updated))
    data: dict[str, Any] = {"pays": draw(country()), "document": info}
    area = draw(st.integers(2, 10_000_000))
    # Fewer people than the most populous country, more than 0.2 per km².
    persons = max(1, min(round(area * draw(st.floats(0.2, 20_000))), 1_400_000_000))
    general = {"nom_officiel": draw(t.line(4)), "chef_de_l_etat": draw(leader(t))}
    _optional(general, draw, "regime", t.line(3))
    _optional(general, draw, "chef_du_gouvernement", leader(t))
    geography = {"superficie": {"valeur": area}}
    # A city smaller than its country and than any city in the world.
    city = {"nom": draw(short_line()), "population": {"valeur": max(1, min(persons, 10**7) // 2)}}
    _optional(geography, draw, "capitale", st.just(city))
    _optional(geography, draw, "villes_principales", st.lists(st.just(city), max_size=3))
    _optional(geography, draw, "langues_officielles", st.lists(st.just({"nom": "x"}), max_size=2))
    currency = {"nom": draw(short_line()), "taux_de_change": {"euros": 1, "monnaie": 516}}
    _optional(geography, draw, "monnaie", st.just(currency))
    _optional(geography, draw, "fete_nationale", st.just({"jour": 1, "mois": 8}))
    life = {"valeur": 70, "femmes": 73.5, "hommes": 66.2}
    demography = {
        "population": draw(figure(t, st.just(persons))),
        "alphabetisation": draw(figure(t, percent())),
        "esperance_de_vie": draw(
            figure(t, st.just(70), **{k: life[k] for k in life if k != "valeur"})
        ),
        "religions": draw(shares(t)),
        "idh": {"valeur": 0.7, "rang": draw(st.integers(1, 189)), "sur": 189},
    }
    per_head = draw(st.integers(200, 200_000))
    economy = {
        "pib": {
            "valeur": max(0.1, round(persons * per_head / 1e6, 1)),
            "unite": "M",
            "devise": "USD",
        },
        "croissance": draw(figure(t, st.integers(-100, 200).map(lambda v: v / 10))),
        "solde_budgetaire": draw(figure(t, st.integers(-200, 200).map(lambda v: v / 10))),
        "principaux_clients": draw(shares(t)),
    }
    current = {"politique_interieure": {"texte": draw((prose or t).prose(NAMES))}}
    _optional(current, draw, "politique_etrangere", (prose or t).prose().map(_text))
    for key, value in (
        ("donnees_generales", general),
        ("donnees_geographiques", geography),
        ("donnees_demographiques", demography),
        ("donnees_economiques", economy),
        ("elements_d_actualite", current),
    ):
        _optional(data, draw, key, st.just(value))
    # The names the prose cites exist only when their section is there: always keep them.
    data.setdefault("donnees_generales", general)
    data.setdefault("donnees_geographiques", geography)
    data.setdefault("donnees_demographiques", demography)
    data.setdefault("donnees_economiques", economy)
    return data


def _text(text: str) -> dict:
    return {"texte": text}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("presentation-properties")


@pytest.mark.slow
@settings(max_examples=15, deadline=None)
@given(data=presentations(EVERYDAY))
def test_any_valid_presentation_loads_and_renders_with_parity(data: dict, folder: Path) -> None:
    check_parity(*build(data, folder, "fiche.presentation.yaml"))


@pytest.mark.slow
@settings(max_examples=6, deadline=None)
@given(data=presentations(EVERYDAY, prose=LONG))
def test_long_presentation_texts_render_with_parity(data: dict, folder: Path) -> None:
    check_parity(*build(data, folder, "fiche.presentation.yaml"))
