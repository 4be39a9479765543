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
from ...model.checks import DataPath, Finding, prose_fields
from ...model.figures import Dated, Inflation, Rate, Share
from ...model.leaders import Leader
from ...model.presentation import Presentation
from ...partialdate import PartialDate
from ...tree import Source
from .. import references
from ..provenance import at, computed
from ..references import Worded
from .leaders import phrase
from .wording import (
    area,
    balance,
    density,
    derived_per_capita,
    inhabitants,
    life_expectancy,
    money,
    per_capita,
    rank,
    ranking,
    share,
)


class PresentationNames:
    """The names a presentation's prose may cite, each with where its text comes from
    (for ``fiche-pays apply``: a name worded from a figure is read back as computed, the
    figure's field being the place to edit). One table for every text of the fiche."""

    def __init__(self, fiche: Presentation, units: Units):
        self.worded = _worded(fiche, units)

    def for_path(self, path: DataPath) -> dict[str, str]:
        """The names visible from a text at ``path``: all of them."""
        return self.worded.values

    def worded_for_path(self, path: DataPath) -> Worded:
        """The names and their sources visible from a text at ``path``: all of them."""
        return self.worded


def reference_names(fiche: Presentation, units: Units) -> dict[str, str]:
    """The worded values a text may cite: {population}, {pib.date}, {chef_de_l_etat}…"""
    return PresentationNames(fiche, units).worded.values


def _worded(fiche: Presentation, units: Units) -> Worded:
    names = Worded()
    c = fiche.country
    for key, value in (
        ("nom", c.name),
        ("code", c.code),
        ("au", c.in_form),
        ("du", c.of_form),
        ("le", c.the_form),
        ("adjectif", c.adjective),
        ("adjectif_feminin", c.adjective_feminine),
    ):
        if value:
            names.add(f"pays.{key}", value, at(("pays", key)))
    _dated(names, "document.mise_a_jour", fiche.document.updated, ("document", "mise_a_jour"))
    general = fiche.general
    if general:
        base = ("donnees_generales",)
        for key, text in (("nom_officiel", general.official_name), ("regime", general.regime)):
            if text:
                names.add(key, text, at((*base, key)))
        for key, who in (
            ("chef_de_l_etat", general.head_of_state),
            ("chef_du_gouvernement", general.head_of_government),
        ):
            if who:
                _leader_names(names, key, who, (*base, key))
    geo = fiche.geography
    if geo and geo.capital:
        names.add("capitale", geo.capital.name, at(("donnees_geographiques", "capitale", "nom")))
    if geo and geo.currency:
        names.add("monnaie", geo.currency.name, at(("donnees_geographiques", "monnaie", "nom")))
    for key, path, figure, text in _figures(fiche, units):
        if figure is None or text is None:
            continue
        names.add(key, text, _value_source(figure, path))
        if figure.date:
            names.add(f"{key}.date", figure.date.text(), at((*path, "date"), "date"))
        if figure.source:
            names.add(f"{key}.source", figure.source, at((*path, "source")))
    demo, eco = fiche.demography, fiche.economy
    if demo and demo.hdi and demo.hdi.rank is not None:
        names.add("idh.rang", rank(demo.hdi), _worded_from(("donnees_demographiques", "idh")))
    derived = fiche.derived_density()
    if derived is not None and not (demo and demo.density):
        names.add(
            "densite",
            density(derived),
            computed(
                "la densité est calculée : modifiez la population ou la superficie",
                ("donnees_demographiques", "population"),
                ("donnees_geographiques", "superficie"),
            ),
        )
    per_head = fiche.derived_gdp_per_capita()
    if per_head is not None and eco and eco.gdp and not eco.gdp_per_capita:
        names.add(
            "pib_par_habitant",
            derived_per_capita(per_head, eco.gdp.currency, units),
            computed(
                "le PIB par habitant est calculé : modifiez le PIB ou la population",
                ("donnees_economiques", "pib"),
                ("donnees_demographiques", "population"),
            ),
        )
    return names


def _value_source(figure: Dated, path: DataPath) -> Source:
    """A percentage cited as typed (« 1,37 % ») reads back into its value, as on its
    line; a value worded with its unit or scale (« 18,9 millions d'habitants », « 9,4 Md
    USD ») is refused, its field named."""
    if isinstance(figure, Share | Rate | Inflation) and not figure.approximation:
        return at((*path, "valeur"), "pourcentage")
    return _worded_from(path)


def _worded_from(path: DataPath) -> Source:
    field = ".".join(map(str, path))
    return computed(f"chiffre mis en forme par fiche-pays : modifiez {field}", path)


def _dated(names: Worded, name: str, date: PartialDate | None, path: DataPath) -> None:
    if date is not None:
        names.add(name, date.text(), at(path, "date"))
        names.add(f"{name}.quand", date.when(), at(path, "quand"))


Cited = tuple[str, DataPath, Dated | None, str | None]


def _figures(fiche: Presentation, units: Units) -> list[Cited]:
    """(name, field, figure, worded value) of every figure prose may cite."""
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
    return [(key, _FIELDS[key], figure, text) for key, figure, text in figures]


# Where each figure prose may cite lives in the file.
_FIELDS: dict[str, DataPath] = {
    "superficie": ("donnees_geographiques", "superficie"),
    **{
        key: ("donnees_demographiques", key)
        for key in (
            "population",
            "population_urbaine",
            "densite",
            "croissance_demographique",
            "esperance_de_vie",
            "alphabetisation",
            "idh",
        )
    },
    **{
        key: ("donnees_economiques", key)
        for key in (
            "pib",
            "pib_par_habitant",
            "croissance",
            "inflation",
            "chomage",
            "dette_publique",
            "solde_budgetaire",
            "solde_courant",
            "balance_commerciale",
        )
    },
}


def _leader_names(names: Worded, key: str, who: Leader, path: DataPath) -> None:
    fields = [(*path, part) for part in ("civilite", "fonction", "nom")]
    names.add(
        key,
        phrase(who),
        computed(
            "phrase faite de la civilité, de la fonction et du nom : modifiez-les dans la fiche",
            *fields,
        ),
    )
    names.add(f"{key}.nom", who.name, at((*path, "nom")))
    _dated(names, f"{key}.depuis", who.since, (*path, "depuis"))
    _dated(names, f"{key}.elu", who.elected, (*path, "elu"))


def check_texts(fiche: Presentation) -> Iterator[Finding]:
    """Every unknown or malformed reference in the fiche's texts, located in its text."""
    names = reference_names(fiche, Units())
    for path, text in prose_fields(fiche):
        for problem in references.problems(text, names):
            yield Finding(path, problem.message, offset=problem.offset)
