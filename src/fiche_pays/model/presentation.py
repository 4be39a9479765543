"""The "Présentation du pays" fiche: its sections, as Pydantic models.

Every figure of the page is a field that carries its value, its scale (habitants or
millions, M or Md), its date and its source (see :mod:`.figures`); a figure the page
gives without a date is allowed (the page is what it is) and listed as undated by the
freshness report. Derived facts (density, GDP per capita) are computed here, never typed
twice; a typed one is kept only to be checked against the computation.
"""

from __future__ import annotations

import calendar
from typing import Annotated

from pydantic import Field, model_validator

from .. import french
from .country import Country, DocumentInfo, slugify
from .figures import (
    Area,
    Balance,
    CurrencyCode,
    Dated,
    Debt,
    Decimals,
    Density,
    Hdi,
    Inflation,
    LifeExpectancy,
    NamedRanking,
    PerCapita,
    Population,
    PositiveMoney,
    Rate,
    Share,
    ShareList,
)
from .free import FreeFact
from .leaders import Government, HeadOfState, Leader, OtherLeader
from .presence import Community, ConsularPost
from .types import ExampleMarked, Key, Line, Prose, Record, Url

# The output file names: "kazakhstan-presentation.pdf" beside "kazakhstan.pdf".
STEM_SUFFIX = "-presentation"


class PageLink(Record):
    """A link to read further; without a title the address itself is shown."""

    title: Line | None = Field(None, alias="titre", max_length=200)
    url: Url = Field(alias="url")


# --- general data -----------------------------------------------------------------------------


class GeneralData(ExampleMarked):
    """Données générales."""

    official_name: Line | None = Field(None, alias="nom_officiel")
    regime: Line | None = Field(None, alias="regime", description="Nature du régime")
    head_of_state: HeadOfState | None = Field(None, alias="chef_de_l_etat")
    head_of_government: Leader | None = Field(None, alias="chef_du_gouvernement")
    other_leaders: list[OtherLeader] = Field(default_factory=list, alias="autres_dirigeants")

    @model_validator(mode="after")
    def _one_head_of_government(self) -> GeneralData:
        if (
            self.head_of_state
            and self.head_of_state.heads_government
            and self.head_of_government is not None
        ):
            raise ValueError(
                "le chef de l'État est indiqué comme chef du gouvernement : retirez"
                " « chef_du_gouvernement » sous donnees_generales, ou mettez"
                " « chef_du_gouvernement: false » sous chef_de_l_etat"
            )
        return self


# --- geography ---------------------------------------------------------------------------------


class City(Record):
    """A city with its population and an optional note."""

    name: Line = Field(alias="nom")
    population: Population | None = Field(None, alias="population")
    note: Line | None = Field(None, alias="remarque")


class Capital(City):
    """The capital; "officielle" when the seat of government is elsewhere."""

    official: bool = Field(False, alias="officielle", description="« Capitale officielle »")


class Language(Record):
    """A language with an optional note: "kazakh (langue d'État)"."""

    name: Line = Field(alias="nom")
    note: Line | None = Field(None, alias="remarque")


class ExchangeRate(Dated):
    """ "1 euro = 516 tengués" or "100 FCFA = 0,15 euro"."""

    euros: Annotated[float, Field(gt=0, allow_inf_nan=False)] = Field(alias="euros")
    local: Annotated[float, Field(gt=0, allow_inf_nan=False)] = Field(
        alias="monnaie", description="Le même montant en monnaie locale"
    )
    decimals: Decimals | None = Field(
        None, alias="decimales", description="Décimales affichées du taux : 0,40 euro (2)"
    )


class Currency(Record):
    """The currency, its code and its rate against the euro."""

    name: Line = Field(alias="nom")
    code: CurrencyCode | None = Field(None, alias="code")
    unit: Line | None = Field(
        None, alias="unite", description="Unité dans le taux, au singulier (par défaut : le nom)"
    )
    unit_plural: Line | None = Field(
        None, alias="unite_pluriel", description="Au pluriel (par défaut : comme au singulier)"
    )
    rate: ExchangeRate | None = Field(None, alias="taux_de_change")


class NationalDay(Record):
    """The national day: a day of the year, or a span of days in one month."""

    day: Annotated[int, Field(ge=1, le=31)] = Field(alias="jour")
    month: Annotated[int, Field(ge=1, le=12)] = Field(alias="mois")
    last_day: Annotated[int, Field(ge=1, le=31)] | None = Field(
        None, alias="jour_fin", description="Dernier jour d'une fête sur plusieurs jours"
    )
    occasion: Line | None = Field(None, alias="objet", description="Ce qui est célébré")

    @model_validator(mode="after")
    def _exists(self) -> NationalDay:
        days = calendar.monthrange(2000, self.month)[1]  # a leap year: 29 February exists
        for day in (self.day, self.last_day):
            if day is not None and day > days:
                month = french.MONTHS[self.month - 1]
                raise ValueError(
                    f"date impossible : le {day} {month} n'existe pas ({month} a au plus "
                    f"{days} jours)"
                )
        if self.last_day is not None and self.last_day <= self.day:
            raise ValueError(f"jour_fin ({self.last_day}) doit suivre jour ({self.day})")
        return self


class Geography(ExampleMarked):
    """Données géographiques."""

    area: Area | None = Field(None, alias="superficie")
    eez: Area | None = Field(None, alias="zee", description="Zone économique exclusive, en km²")
    capital: Capital | None = Field(None, alias="capitale")
    cities: list[City] = Field(default_factory=list, alias="villes_principales")
    official_languages: list[Language] = Field(default_factory=list, alias="langues_officielles")
    spoken_languages: list[Language] = Field(default_factory=list, alias="langues_courantes")
    currency: Currency | None = Field(None, alias="monnaie")
    national_day: NationalDay | None = Field(None, alias="fete_nationale")


# --- demography and economy ------------------------------------------------------------------


class Demography(ExampleMarked):
    """Données démographiques."""

    population: Population | None = Field(None, alias="population")
    urban_share: Share | None = Field(None, alias="population_urbaine")
    density: Density | None = Field(
        None, alias="densite", description="Facultatif : calculée, et vérifiée si indiquée"
    )
    growth: Rate | None = Field(None, alias="croissance_demographique")
    life_expectancy: LifeExpectancy | None = Field(None, alias="esperance_de_vie")
    literacy: Share | None = Field(None, alias="alphabetisation")
    religions: ShareList | None = Field(None, alias="religions")
    ethnic_groups: ShareList | None = Field(None, alias="groupes_ethniques")
    hdi: Hdi | None = Field(None, alias="idh", description="Indice de développement humain")


class FranceTrade(Record):
    """Trade between France and the country."""

    exports: PositiveMoney | None = Field(None, alias="exportations", description="De la France")
    imports: PositiveMoney | None = Field(None, alias="importations", description="Par la France")
    total: PositiveMoney | None = Field(None, alias="total")


class Economy(ExampleMarked):
    """Données économiques."""

    gdp: PositiveMoney | None = Field(None, alias="pib")
    gdp_per_capita: PerCapita | None = Field(
        None, alias="pib_par_habitant", description="Calculé du PIB et de la population si absent"
    )
    growth: Rate | None = Field(None, alias="croissance", description="Croissance du PIB")
    inflation: Inflation | None = Field(None, alias="inflation")
    unemployment: Share | None = Field(None, alias="chomage")
    public_debt: Debt | None = Field(None, alias="dette_publique")
    budget_balance: Balance | None = Field(None, alias="solde_budgetaire")
    current_account: Balance | None = Field(None, alias="solde_courant")
    trade_balance: Balance | None = Field(None, alias="balance_commerciale")
    clients: ShareList | None = Field(None, alias="principaux_clients")
    suppliers: ShareList | None = Field(None, alias="principaux_fournisseurs")
    sectors: ShareList | None = Field(
        None, alias="secteurs", description="Part des secteurs d'activité dans le PIB"
    )
    france: FranceTrade | None = Field(None, alias="echanges_avec_la_france")
    links: list[PageLink] = Field(default_factory=list, alias="liens")


class OtherData(ExampleMarked):
    """Autres données: rankings and hand-typed lines."""

    rankings: list[NamedRanking] = Field(default_factory=list, alias="classements")
    facts: list[FreeFact] = Field(default_factory=list, alias="faits")


class Embassy(Record):
    """The French embassy: its city and its website."""

    city: Line | None = Field(None, alias="ville")
    website: Url | None = Field(None, alias="site")


class FrenchPresence(ExampleMarked):
    """Présence française, as the presentation pages give it."""

    embassy: Embassy | None = Field(None, alias="ambassade")
    posts: list[ConsularPost] = Field(default_factory=list, alias="postes")
    community: Community | None = Field(None, alias="communaute")
    text: Prose | None = Field(None, alias="texte")


# --- current affairs ----------------------------------------------------------------------------


class TextSection(Record):
    """A section of prose, with links to read further."""

    text: Prose | None = Field(None, alias="texte")
    links: list[PageLink] = Field(default_factory=list, alias="liens")

    @model_validator(mode="after")
    def _not_empty(self) -> TextSection:
        if self.text is None and not self.links:
            raise ValueError("section vide : écrivez un texte, ou supprimez la section")
        return self


class ExtraTextSection(TextSection):
    """A current-affairs section of the country's own: "Situation sécuritaire"…"""

    key: Key = Field(alias="cle")
    title: Line = Field(alias="titre", max_length=200)


class CurrentAffairs(ExampleMarked):
    """Éléments d'actualité."""

    domestic: TextSection | None = Field(None, alias="politique_interieure")
    foreign: TextSection | None = Field(None, alias="politique_etrangere")
    economic: TextSection | None = Field(None, alias="situation_economique")
    extra: list[ExtraTextSection] = Field(default_factory=list, alias="autres")


# --- the fiche ------------------------------------------------------------------------------------


class PresentationDocument(DocumentInfo):
    """What the document is and when it was last updated."""

    title: Line = Field("Présentation du pays", alias="titre")


class Presentation(Record):
    """A country's "Présentation du pays" fiche."""

    country: Country = Field(alias="pays")
    document: PresentationDocument = Field(alias="document")
    general: GeneralData | None = Field(None, alias="donnees_generales")
    geography: Geography | None = Field(None, alias="donnees_geographiques")
    demography: Demography | None = Field(None, alias="donnees_demographiques")
    economy: Economy | None = Field(None, alias="donnees_economiques")
    other: OtherData | None = Field(None, alias="autres_donnees")
    government: Government | None = Field(None, alias="gouvernement")
    presence: FrenchPresence | None = Field(None, alias="presence_francaise")
    current_affairs: CurrentAffairs | None = Field(None, alias="elements_d_actualite")
    links: list[PageLink] = Field(default_factory=list, alias="informations_complementaires")

    @property
    def slug(self) -> str:
        """File name stem of the outputs: "kazakhstan-presentation"."""
        return (slugify(self.country.name) or self.country.code.lower()) + STEM_SUFFIX

    @property
    def population(self) -> Population | None:
        """The country's population, if given."""
        return self.demography.population if self.demography else None

    @property
    def area(self) -> Area | None:
        """The country's area, if given."""
        return self.geography.area if self.geography else None

    def derived_density(self) -> float | None:
        """Inhabitants per km², from population and area."""
        population, area = self.population, self.area
        if population is None or area is None:
            return None
        return population.persons / area.value

    def derived_gdp_per_capita(self) -> float | None:
        """GDP / population, when both are of the same year (or both undated)."""
        population = self.population
        gdp = self.economy.gdp if self.economy else None
        if population is None or gdp is None or _year(population) != _year(gdp):
            return None
        return gdp.units / population.persons


def _year(figure: Dated) -> int | None:
    return figure.date.year if figure.date else None


# The sections in their order: the keys (anchors, bookmarks) a section of the country's
# own under "elements_d_actualite" may not reuse.
SECTION_KEYS = tuple(
    info.alias
    for name, info in Presentation.model_fields.items()
    if name not in ("country", "document")
)
