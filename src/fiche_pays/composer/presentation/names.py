"""The names a presentation's prose may cite: "{population}" becomes "18,9 millions
d'habitants", "{pib.date}" becomes "2017", "{chef_de_l_etat}" becomes "M. Kassym-Jomart
Tokaïev".

The same tiny language as relations fiches (:mod:`..references`: a dotted name, nothing
else), with this fiche kind's table of names, worded by the same functions as the fact
lines, so that a sentence and a line never disagree. Unlike relations fiches, a figure
the prose cites keeps its line: the data part is the reader's fixed table of reference.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...french import Units
from ...model.checks import Finding, prose_fields
from ...model.figures import Dated
from ...model.leaders import Leader
from ...model.presentation import Presentation
from .. import references
from .wording import (
    area,
    balance,
    density,
    derived_per_capita,
    inhabitants,
    life_expectancy,
    money,
    per_capita,
    person,
    rank,
    ranking,
    share,
)


def reference_names(fiche: Presentation, units: Units) -> dict[str, str]:
    """The worded values a text may cite: {population}, {pib.date}, {chef_de_l_etat}…"""
    c = fiche.country
    names = {
        f"pays.{k}": v
        for k, v in (
            ("nom", c.name),
            ("code", c.code),
            ("au", c.in_form),
            ("du", c.of_form),
            ("le", c.the_form),
            ("adjectif", c.adjective),
            ("adjectif_feminin", c.adjective_feminine),
        )
        if v
    }
    updated = fiche.document.updated
    names |= {"document.mise_a_jour": updated.text(), "document.mise_a_jour.quand": updated.when()}
    general = fiche.general
    if general:
        for key, text in (("nom_officiel", general.official_name), ("regime", general.regime)):
            if text:
                names[key] = text
        for key, who in (
            ("chef_de_l_etat", general.head_of_state),
            ("chef_du_gouvernement", general.head_of_government),
        ):
            if who:
                names |= _leader_names(key, who)
    names |= _geography_names(fiche)
    for key, figure, text in _figures(fiche, units):
        if figure is None or text is None:
            continue
        names[key] = text
        if figure.date:
            names[f"{key}.date"] = figure.date.text()
        if figure.source:
            names[f"{key}.source"] = figure.source
    demo, eco = fiche.demography, fiche.economy
    if demo and demo.hdi and demo.hdi.rank is not None:
        names["idh.rang"] = rank(demo.hdi)
    derived = fiche.derived_density()
    if derived is not None and not (demo and demo.density):
        names["densite"] = density(derived)
    per_head = fiche.derived_gdp_per_capita()
    if per_head is not None and eco and eco.gdp and not eco.gdp_per_capita:
        names["pib_par_habitant"] = derived_per_capita(per_head, eco.gdp.currency, units)
    return names


def _figures(fiche: Presentation, units: Units) -> list[tuple[str, Dated | None, str | None]]:
    """(name, figure, worded value) of every figure prose may cite."""
    figures: list[tuple[str, Dated | None, str | None]] = []
    geo, demo, eco = fiche.geography, fiche.demography, fiche.economy
    if geo and geo.area:
        figures.append(("superficie", geo.area, area(geo.area)))
    if demo:
        life = demo.life_expectancy
        figures += [
            ("population", demo.population, demo.population and inhabitants(demo.population)),
            ("population_urbaine", demo.urban_share, demo.urban_share and share(demo.urban_share)),
            ("densite", demo.density, demo.density and density(demo.density.value)),
            ("croissance_demographique", demo.growth, demo.growth and share(demo.growth)),
            ("esperance_de_vie", life, life and life_expectancy(life)[0]),
            ("alphabetisation", demo.literacy, demo.literacy and share(demo.literacy)),
            ("idh", demo.hdi, demo.hdi and ranking(demo.hdi)[0]),
        ]
    if eco:
        figures += [
            ("pib", eco.gdp, eco.gdp and money(eco.gdp, units)),
            (
                "pib_par_habitant",
                eco.gdp_per_capita,
                eco.gdp_per_capita and per_capita(eco.gdp_per_capita, units),
            ),
            ("croissance", eco.growth, eco.growth and share(eco.growth)),
            ("inflation", eco.inflation, eco.inflation and share(eco.inflation)),
            ("chomage", eco.unemployment, eco.unemployment and share(eco.unemployment)),
            (
                "dette_publique",
                eco.public_debt,
                eco.public_debt and f"{share(eco.public_debt)} du PIB",
            ),
        ]
        for key, figure in (
            ("solde_budgetaire", eco.budget_balance),
            ("solde_courant", eco.current_account),
            ("balance_commerciale", eco.trade_balance),
        ):
            figures.append((key, figure, figure and balance(figure, units)))
    return figures


def _geography_names(fiche: Presentation) -> dict[str, str]:
    geo = fiche.geography
    names: dict[str, str] = {}
    if geo is None:
        return names
    if geo.capital:
        names["capitale"] = geo.capital.name
    if geo.currency:
        names["monnaie"] = geo.currency.name
    return names


def _leader_names(key: str, who: Leader) -> dict[str, str]:
    names = {key: person(who), f"{key}.nom": who.name}
    for attribute, date in (("depuis", who.since), ("elu", who.elected)):
        if date:
            names[f"{key}.{attribute}"] = date.text()
            names[f"{key}.{attribute}.quand"] = date.when()
    return names


def check_texts(fiche: Presentation) -> Iterator[Finding]:
    """Every unknown or malformed reference in the fiche's texts, located in its text."""
    names = reference_names(fiche, Units())
    for path, text in prose_fields(fiche):
        for problem in references.problems(text, names):
            yield Finding(path, problem.message, offset=problem.offset)
