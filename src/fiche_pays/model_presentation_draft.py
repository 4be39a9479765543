"""The data format of a "Présentation du pays" fiche, as Pydantic models (draft).

Draft of issue 11, phase 1: it moves to ``model/presentation.py`` once the model
becomes a package (issue 15). It reuses the relations fiche's base types.

Every figure of the page is a field that carries its value, its scale (habitants or
millions, M or Md), its date and its source; a figure the page gives without a date is
allowed (the page is what it is) and listed as undated by the freshness report.
Derived facts (density, GDP per capita) are computed here, never typed twice; a typed
one is kept only to be checked against the computation.
"""

from __future__ import annotations

import calendar
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from .model import (
    Approximation,
    Community,
    ConsularPost,
    Country,
    DocumentInfo,
    FreeFact,
    Key,
    Line,
    Prose,
    Rank,
    Record,
    Url,
    _pattern,
)
from .partialdate import PartialDate

CurrencyCode = Annotated[str, AfterValidator(lambda v: _pattern(v, r"[A-Z]{3}", "USD"))]
Decimals = Annotated[int, Field(ge=0, le=3)]
Number = Annotated[float, Field(allow_inf_nan=False)]


def typed_decimals(value: float) -> int:
    """How many decimals a number was typed with: 6 -> 0, 1.37 -> 2, 0.40 -> 1."""
    text = repr(float(value))
    if "e" in text:  # 1e-05 and the like: no desk officer types these
        return 3
    return min(len(text.split(".")[1].rstrip("0")), 3)


# --- dated and sourced figures -----------------------------------------------------------


class Dated(Record):
    """What every figure and list of figures carries: its date and its source."""

    date: PartialDate | None = Field(
        None,
        alias="date",
        description="Année du chiffre (AAAA), ou mois/jour s'il est connu (AAAA-MM, AAAA-MM-JJ)",
    )
    source: Line | None = Field(
        None, alias="source", description="FMI, Banque mondiale, PNUD, OMC, ITC, DG Trésor…"
    )


class Earlier(Record):
    """An earlier value of a figure: "(7 500 USD en 2016)"."""

    value: Number = Field(alias="valeur")
    date: PartialDate = Field(alias="date")
    source: Line | None = Field(None, alias="source")


class Figure(Dated):
    """The common part of a single figure; subclasses add ``valeur`` and its unit."""

    approximation: Approximation | None = Field(None, alias="approximation")
    decimals: Decimals | None = Field(
        None,
        alias="decimales",
        description="Décimales affichées (par défaut : celles de la valeur saisie)",
    )
    note: Line | None = Field(
        None, alias="remarque", description="Précision affichée entre parenthèses après le chiffre"
    )
    earlier: list[Earlier] = Field(
        default_factory=list, alias="precedents", description="Valeurs d'années antérieures"
    )


PopulationUnit = Literal["habitants", "milliers", "millions"]
_SCALE = {"habitants": 1, "milliers": 1_000, "millions": 1_000_000}


class Population(Figure):
    """A number of inhabitants, typed in inhabitants, thousands or millions."""

    value: Annotated[float, Field(gt=0, allow_inf_nan=False)] = Field(alias="valeur")
    unit: PopulationUnit = Field(
        "habitants", alias="unite", description="habitants (par défaut), milliers ou millions"
    )

    @model_validator(mode="after")
    def _whole_people(self) -> Population:
        if self.unit == "habitants" and self.value != int(self.value):
            raise ValueError(
                f"{self.value:g} habitants : un nombre d'habitants est entier ; si la valeur est"
                " en millions, ajoutez « unite: millions »"
            )
        return self

    @property
    def persons(self) -> float:
        """The population in inhabitants."""
        return self.value * _SCALE[self.unit]

    def persons_bounds(self) -> tuple[float, float]:
        """The smallest and largest population the typed value may stand for."""
        half = 0.5 * 10 ** -typed_decimals(self.value) if self.unit != "habitants" else 0.5
        scale = _SCALE[self.unit]
        return (self.value - half) * scale, (self.value + half) * scale


class Islands(Record):
    """How many islands a territory spreads over: "répartis sur plus de 170 îles"."""

    count: Annotated[int, Field(ge=2)] = Field(alias="nombre")
    approximation: Approximation | None = Field(None, alias="approximation")


class Area(Figure):
    """An area in km²."""

    value: Annotated[float, Field(gt=0, allow_inf_nan=False)] = Field(
        alias="valeur", description="En km²"
    )
    islands: Islands | None = Field(None, alias="iles")


class Share(Figure):
    """A percentage between 0 and 100 (urban share, literacy, unemployment)."""

    value: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] = Field(
        alias="valeur", description="En %, ex. 59"
    )


class Rate(Figure):
    """A yearly rate of change in % that may be negative (growth)."""

    value: Annotated[float, Field(ge=-100, le=1000, allow_inf_nan=False)] = Field(
        alias="valeur", description="En %, ex. 5.6 ou -2.1"
    )


class Inflation(Figure):
    """Inflation in %; hyperinflation runs into the thousands."""

    value: Annotated[float, Field(ge=-100, le=1_000_000, allow_inf_nan=False)] = Field(
        alias="valeur", description="En %, ex. 7.1"
    )


class Density(Figure):
    """A density typed by the desk officer: only checked against population / area."""

    value: Annotated[float, Field(gt=0, allow_inf_nan=False)] = Field(
        alias="valeur", description="En habitants par km² ; calculée si absente"
    )


class LifeExpectancy(Figure):
    """Life expectancy at birth in years, with women's and men's if known."""

    value: Annotated[float, Field(ge=15, le=100, allow_inf_nan=False)] = Field(
        alias="valeur", description="En années"
    )
    women: Annotated[float, Field(ge=15, le=100, allow_inf_nan=False)] | None = Field(
        None, alias="femmes"
    )
    men: Annotated[float, Field(ge=15, le=100, allow_inf_nan=False)] | None = Field(
        None, alias="hommes"
    )


AmountUnit = Literal["M", "Md"]
_AMOUNT_SCALE = {"M": 1e6, "Md": 1e9}


class Money(Figure):
    """An amount in millions or billions of a currency (GDP, trade)."""

    value: Number = Field(alias="valeur")
    unit: AmountUnit = Field(alias="unite", description="M (millions) ou Md (milliards)")
    currency: CurrencyCode = Field(alias="devise", description="Code ISO 4217 : USD, EUR…")

    @property
    def units(self) -> float:
        """The amount in currency units."""
        return self.value * _AMOUNT_SCALE[self.unit]

    def units_bounds(self) -> tuple[float, float]:
        """The smallest and largest amount the typed value may stand for."""
        half = 0.5 * 10 ** -typed_decimals(self.value)
        scale = _AMOUNT_SCALE[self.unit]
        return (self.value - half) * scale, (self.value + half) * scale


class PositiveMoney(Money):
    """An amount that cannot be negative (GDP, exports)."""

    value: Annotated[float, Field(ge=0, allow_inf_nan=False)] = Field(alias="valeur")


class PerCapita(Figure):
    """An amount per inhabitant, in currency units (GDP per capita)."""

    value: Annotated[float, Field(gt=0, allow_inf_nan=False)] = Field(alias="valeur")
    currency: CurrencyCode = Field(alias="devise")


BalanceUnit = Literal["% du PIB", "M", "Md"]


class Balance(Figure):
    """A balance, signed: in % of GDP, or an amount in M or Md of a currency."""

    value: Annotated[float, Field(allow_inf_nan=False)] = Field(alias="valeur")
    unit: BalanceUnit = Field("% du PIB", alias="unite", description="« % du PIB », M ou Md")
    currency: CurrencyCode | None = Field(None, alias="devise")

    @model_validator(mode="after")
    def _currency_with_amounts(self) -> Balance:
        if self.unit == "% du PIB":
            if self.currency is not None:
                raise ValueError("une devise n'a pas de sens pour un solde en % du PIB")
            if not -100 <= self.value <= 100:
                raise ValueError(f"solde de {self.value:g} % du PIB : hors de -100 à 100")
        elif self.currency is None:
            raise ValueError(
                f"montant en {self.unit} sans devise : ajoutez « devise: USD » (ou EUR…)"
            )
        return self


class Debt(Figure):
    """Public debt in % of GDP (above 100 % happens)."""

    value: Annotated[float, Field(ge=0, le=1000, allow_inf_nan=False)] = Field(
        alias="valeur", description="En % du PIB"
    )


class Ranking(Dated):
    """A rank out of N, with the index value if given: HDI, Doing Business…"""

    value: Number | None = Field(None, alias="valeur", description="Valeur de l'indice")
    rank: Rank = Field(alias="rang")
    out_of: Rank | None = Field(None, alias="sur", description="Nombre de pays classés")


class Hdi(Ranking):
    """Human development index: a value between 0 and 1, and a world rank."""

    value: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)] | None = Field(
        None, alias="valeur", description="Entre 0 et 1, ex. 0.737"
    )
    rank: Rank | None = Field(None, alias="rang")

    @model_validator(mode="after")
    def _something(self) -> Hdi:
        if self.value is None and self.rank is None:
            raise ValueError(
                "indiquez la valeur de l'indice (valeur), son rang (rang), ou les deux"
            )
        return self


class NamedRanking(Ranking):
    """A ranking under "Autres données": Mo Ibrahim index, Doing Business…"""

    name: Line = Field(alias="nom")


# --- lists of shares ------------------------------------------------------------------------


class ShareItem(Record):
    """One religion, group, sector or trade partner, with its share or amount."""

    name: Line = Field(alias="nom")
    share: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] | None = Field(
        None, alias="part", description="En %"
    )
    share_max: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] | None = Field(
        None, alias="part_max", description="Pour une fourchette « 1 à 2 % » : part: 1, part_max: 2"
    )
    amount: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = Field(
        None, alias="montant", description="Montant, dans l'unité et la devise de la liste"
    )
    approximation: Approximation | None = Field(None, alias="approximation")
    note: Line | None = Field(None, alias="remarque")
    parts: list[ShareItem] = Field(
        default_factory=list,
        alias="dont",
        description="Sous-groupes : « 83 % de chrétiens, dont… »",
    )

    @model_validator(mode="after")
    def _consistent(self) -> ShareItem:
        if self.share_max is not None:
            if self.share is None:
                raise ValueError("part_max sans part : une fourchette s'écrit part: 1, part_max: 2")
            if self.share_max <= self.share:
                raise ValueError(
                    f"fourchette inversée : part_max ({self.share_max:g}) doit dépasser part "
                    f"({self.share:g})"
                )
        if self.share is not None and self.amount is not None:
            raise ValueError("indiquez une part (en %) ou un montant, pas les deux")
        return self


class ShareList(Dated):
    """A list of shares with one date and source: religions, sectors, clients…"""

    unit: AmountUnit | None = Field(None, alias="unite", description="Pour des montants : M ou Md")
    currency: CurrencyCode | None = Field(None, alias="devise", description="Pour des montants")
    items: list[ShareItem] = Field(alias="liste", min_length=1)

    @model_validator(mode="after")
    def _amounts_have_a_unit(self) -> ShareList:
        with_amount = any(item.amount is not None for item in _walk(self.items))
        if with_amount and (self.unit is None or self.currency is None):
            raise ValueError(
                "des montants sont donnés : indiquez leur unité et leur devise pour la liste"
                " (unite: M, devise: USD)"
            )
        return self


def _walk(items: list[ShareItem]) -> list[ShareItem]:
    found = []
    for item in items:
        found.append(item)
        found += _walk(item.parts)
    return found


class PageLink(Record):
    """A link to read further; without a title the address itself is shown."""

    title: Line | None = Field(None, alias="titre", max_length=200)
    url: Url = Field(alias="url")


# --- general data -----------------------------------------------------------------------------

Gender = Literal["féminin", "masculin"]
_FEMININE_CIVILITIES = ("Mme", "Mlle", "Dre", "Pre", "S.M. la", "S.A. la", "S.A.R. la")


class Office(Record):
    """One office a leader holds: "président de la République depuis mars 2021"."""

    title: Line = Field(alias="titre")
    since: PartialDate | None = Field(None, alias="depuis")
    reelected: PartialDate | None = Field(None, alias="reelu")
    note: Line | None = Field(None, alias="remarque")


class Person(Record):
    """A named person with a civilité (M., Mme, Dr, S.M. le Roi…)."""

    civility: Line | None = Field(
        None, alias="civilite", description="M., Mme, Dr, S.M. le Roi… ; « Mme » accorde au féminin"
    )
    name: Line = Field(alias="nom")
    gender: Gender | None = Field(
        None, alias="genre", description="Si la civilité ne le dit pas : féminin ou masculin"
    )

    @property
    def feminine(self) -> bool:
        """True when words about the person agree in the feminine (élue, née)."""
        if self.gender is not None:
            return self.gender == "féminin"
        return bool(self.civility and self.civility.startswith(_FEMININE_CIVILITIES))


class Leader(Person):
    """A head of state or of government, with since when and an optional note."""

    label: Line | None = Field(
        None,
        alias="intitule",
        description="Intitulé de la ligne, si autre que l'usuel : Premier ministre…",
    )
    born: PartialDate | None = Field(None, alias="naissance")
    elected: PartialDate | None = Field(None, alias="elu", description="Date de l'élection")
    reelected: PartialDate | None = Field(None, alias="reelu")
    since: PartialDate | None = Field(None, alias="depuis", description="Entrée en fonction")
    offices: list[Office] = Field(
        default_factory=list, alias="fonctions", description="Fonctions détenues, avec leur date"
    )
    note: Line | None = Field(None, alias="remarque")


class HeadOfState(Leader):
    """The head of state, who may also head the government."""

    heads_government: bool = Field(
        False, alias="chef_du_gouvernement", description="Chef de l'État et du gouvernement"
    )


class OtherLeader(Leader):
    """Another office holder named on the page; the label is then required."""

    label: Line = Field(alias="intitule")


class GeneralData(Record):
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
                raise ValueError(f"le {day} du mois {self.month} n'existe pas ({days} jours)")
        if self.last_day is not None and self.last_day <= self.day:
            raise ValueError(f"jour_fin ({self.last_day}) doit suivre jour ({self.day})")
        return self


class Geography(Record):
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


class Demography(Record):
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


class Economy(Record):
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


class OtherData(Record):
    """Autres données: rankings and hand-typed lines."""

    rankings: list[NamedRanking] = Field(default_factory=list, alias="classements")
    facts: list[FreeFact] = Field(default_factory=list, alias="faits")


class Minister(Person):
    """A member of the government."""

    office: Line = Field(alias="fonction")


class Government(Record):
    """Composition du gouvernement."""

    date: PartialDate | None = Field(None, alias="date", description="Composition à cette date")
    members: list[Minister] = Field(alias="membres", min_length=1)


class Embassy(Record):
    """The French embassy: its city and its website."""

    city: Line | None = Field(None, alias="ville")
    website: Url | None = Field(None, alias="site")


class FrenchPresence(Record):
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


class CurrentAffairs(Record):
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
