"""The data format of a fiche, as Pydantic models.

Field names are English; the keys a desk officer writes in YAML are their French
aliases. Unknown keys are errors, so that a typo never silently drops data. Derived
facts (trade balance, growth, shares) are computed here, never typed twice.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

from ..partialdate import PartialDate
from .types import (
    Amount,
    Count,
    Key,
    Line,
    Percent,
    Prose,
    Rank,
    Record,
    SchoolYear,
    Url,
    Year,
    pattern,
)

# --- country and document -----------------------------------------------------------


class Country(Record):
    """The country and the forms French prose needs."""

    name: Line = Field(alias="nom", description="Nom français usuel : Kazakhstan")
    code: Annotated[str, AfterValidator(lambda v: pattern(v, r"[A-Z]{2}", "KZ"))] = Field(
        alias="code", description="Code ISO 3166-1 alpha-2 en majuscules : KZ"
    )
    in_form: Line = Field(
        alias="au", description="« au Kazakhstan », « en France », « aux Tonga », « à Saint-Marin »"
    )
    of_form: Line = Field(
        alias="du",
        description="« du Kazakhstan », « de la France », « des Tonga », « de Saint-Marin »",
    )
    the_form: Line = Field(
        alias="le", description="« le Kazakhstan », « la France », « les Tonga », « Saint-Marin »"
    )
    adjective: Line = Field(alias="adjectif", description="Adjectif masculin : kazakhstanais")
    adjective_feminine: Line | None = Field(
        None, alias="adjectif_feminin", description="Adjectif féminin : kazakhstanaise"
    )


class DocumentInfo(Record):
    """What the document is and when it was last updated."""

    title: Line = Field("Relations bilatérales", alias="titre")
    updated: PartialDate = Field(alias="mise_a_jour", description="Date de mise à jour, AAAA-MM-JJ")
    service: Line | None = Field(None, alias="service", description="Service rédacteur")
    author: Line | None = Field(
        None,
        alias="auteur",
        description="Auteur (propriétés du "
        "document) ; par défaut le service ou l'autorité du modèle",
    )
    keywords: list[Line] = Field(default_factory=list, alias="mots_cles")

    @field_validator("updated")
    @classmethod
    def _day_known(cls, updated: PartialDate) -> PartialDate:
        if updated.day is None:
            raise ValueError("la date de mise à jour doit être complète (AAAA-MM-JJ)")
        return updated


# --- political relations -------------------------------------------------------------


class Agreement(Record):
    """A founding agreement or treaty."""

    key: Key | None = Field(
        None,
        alias="cle",
        description="Identifiant pour y faire référence dans les textes : {accords.cle.signature}",
    )
    title: Line = Field(alias="titre")
    signed: PartialDate | None = Field(None, alias="signature")
    in_force: PartialDate | None = Field(None, alias="entree_en_vigueur")
    occasion: Line | None = Field(None, alias="occasion")
    place: Line | None = Field(None, alias="lieu")


class PoliticalRelations(Record):
    """Relations politiques."""

    diplomatic_relations: PartialDate | None = Field(
        None,
        alias="relations_diplomatiques",
        description="Établissement des relations diplomatiques",
    )
    agreements: list[Agreement] = Field(default_factory=list, alias="accords")
    text: Prose | None = Field(None, alias="texte")


# --- French presence ------------------------------------------------------------------

Approximation = Literal["environ", "près de", "plus de", "moins de"]


class Community(Record):
    """A community figure: French people in the country, or the reverse."""

    count: Count | None = Field(None, alias="nombre")
    unit: Line = Field(
        "ressortissants",
        alias="unite",
        description="résidents, inscrits au registre, ressortissants…",
    )
    as_of: PartialDate | None = Field(None, alias="date", description="Date du chiffre")
    approximation: Approximation | None = Field(None, alias="approximation")
    binationals: Count | None = Field(None, alias="binationaux")
    unregistered: Count | None = Field(
        None, alias="non_inscrits", description="Estimation des non-inscrits"
    )
    text: Prose | None = Field(None, alias="texte")

    @model_validator(mode="after")
    def _something_said(self) -> Community:
        if self.count is None and self.text is None:
            raise ValueError("indiquez un nombre ou un texte")
        if (
            self.count is not None
            and self.binationals is not None
            and (self.binationals > self.count)
        ):
            raise ValueError(
                f"binationaux ({self.binationals}) plus nombreux que la communauté ({self.count})"
            )
        return self


PostKind = Literal[
    "consulat général",
    "consulat",
    "section consulaire",
    "agence consulaire",
    "consul honoraire",
    "poste de présence diplomatique",
]


class ConsularPost(Record):
    """A consular post, or the post that covers the country from abroad."""

    kind: PostKind = Field(alias="type")
    city: Line | None = Field(None, alias="ville")
    covered_from: Line | None = Field(
        None, alias="depuis", description="Pays ou ville d'où le pays est couvert"
    )

    @model_validator(mode="after")
    def _where(self) -> ConsularPost:
        if self.city is None and self.covered_from is None:
            raise ValueError("indiquez la ville du poste (ville) ou d'où il est couvert (depuis)")
        return self


class Embassy(Record):
    """The French embassy: its city, or where the ambassador resides."""

    city: Line | None = Field(None, alias="ville")
    resident_in: Line | None = Field(
        None, alias="residence", description="Ambassade non résidente : « à Londres »"
    )


class FrenchPresence(Record):
    """Présence française."""

    community: Community | None = Field(None, alias="communaute")
    embassy: Embassy | None = Field(None, alias="ambassade")
    posts: list[ConsularPost] = Field(default_factory=list, alias="postes")
    community_in_france: Community | None = Field(None, alias="communaute_en_france")
    text: Prose | None = Field(None, alias="texte")


# --- visits and ambassadors ---------------------------------------------------------------

Direction = Literal["vers_le_pays", "vers_la_france", "pays_tiers"]


class Visit(Record):
    """A dated visit: a day, a span of days, or only a month."""

    date: PartialDate = Field(alias="date")
    end: PartialDate | None = Field(None, alias="fin", description="Dernier jour")
    direction: Direction = Field(alias="sens")
    person: Line = Field(alias="personnalite")
    function: Line | None = Field(None, alias="fonction")
    place: Line | None = Field(None, alias="lieu")
    purpose: Line | None = Field(None, alias="objet")

    @model_validator(mode="after")
    def _span(self) -> Visit:
        if self.end is None:
            return self
        if self.date.day is None or self.end.day is None:
            raise ValueError(
                "une visite sur plusieurs jours a un début et une fin au jour près (AAAA-MM-JJ)"
            )
        if self.end < self.date:
            raise ValueError(f"la fin ({self.end}) précède le début ({self.date})")
        return self


class Visits(Record):
    """Visites."""

    text: Prose | None = Field(None, alias="texte")
    items: list[Visit] = Field(default_factory=list, alias="liste")


class Ambassador(Record):
    """An ambassador, with an optional accreditation date and residence."""

    name: Line = Field(alias="nom")
    title: Literal["M.", "Mme"] | None = Field(
        None, alias="civilite", description="« Mme » donne « Ambassadrice »"
    )
    since: PartialDate | None = Field(None, alias="depuis")
    resident_in: Line | None = Field(
        None, alias="residence", description="Résidence hors du pays : « à Londres »"
    )


class Ambassadors(Record):
    """Ambassadeurs, both ways."""

    french: Ambassador | None = Field(None, alias="de_france")
    foreign: Ambassador | None = Field(None, alias="en_france")


# --- economy ------------------------------------------------------------------------------


class TradeYear(Record):
    """One year of trade figures, in millions of the section's currency."""

    year: Year = Field(alias="annee")
    exports: Amount | None = Field(
        None, ge=0, alias="exportations", description="Exportations françaises, en millions"
    )
    imports: Amount | None = Field(
        None, ge=0, alias="importations", description="Importations françaises, en millions"
    )
    stated_balance: Amount | None = Field(
        None, alias="solde", description="Facultatif : vérifié contre exportations - importations"
    )
    stated_total: Amount | None = Field(
        None, alias="total", description="Facultatif : vérifié contre exportations + importations"
    )
    market_share: Percent | None = Field(None, alias="part_de_marche", description="En %, ex. 2.2")
    supplier_rank: Rank | None = Field(None, alias="rang_fournisseur")
    eu_supplier_rank: Rank | None = Field(None, alias="rang_fournisseur_europeen")
    investor_rank: Rank | None = Field(None, alias="rang_investisseur")
    fdi_stock: Amount | None = Field(
        None,
        ge=0,
        alias="stock_investissements",
        description="Stock d'investissements français, en millions",
    )
    firms: Count | None = Field(None, alias="entreprises_francaises")
    jobs: Count | None = Field(None, alias="emplois")

    @property
    def balance(self) -> float | None:
        """Exports minus imports, when both are known."""
        if self.exports is None or self.imports is None:
            return None
        return self.exports - self.imports

    @property
    def total(self) -> float | None:
        """Exports plus imports, when both are known."""
        if self.exports is None or self.imports is None:
            return None
        return self.exports + self.imports


Flow = Literal["exportations", "importations"]


class Product(Record):
    """A product line of exports or imports, by year."""

    key: Key = Field(alias="cle")
    label: Line = Field(alias="libelle")
    flow: Flow = Field(alias="flux")
    values: dict[Year, Annotated[float, Field(ge=0, allow_inf_nan=False)]] = Field(
        alias="valeurs", description="Valeur par année, en millions : {2019: 2975}"
    )


class EconomicRelations(Record):
    """Relations économiques."""

    currency: Annotated[str, AfterValidator(lambda v: pattern(v, r"[A-Z]{3}", "EUR"))] = Field(
        "EUR", alias="devise"
    )
    source: Line | None = Field(None, alias="source")
    trade: list[TradeYear] = Field(default_factory=list, alias="echanges")
    products: list[Product] = Field(default_factory=list, alias="produits")
    sectors: list[Line] = Field(default_factory=list, alias="secteurs")
    text: Prose | None = Field(None, alias="texte")

    @property
    def by_year(self) -> dict[int, TradeYear]:
        """Trade figures keyed by year, in year order."""
        return {t.year: t for t in sorted(self.trade, key=lambda t: t.year)}

    @property
    def latest(self) -> TradeYear | None:
        """The most recent year."""
        return max(self.trade, key=lambda t: t.year, default=None)

    @property
    def previous(self) -> TradeYear | None:
        """The year before the most recent one, if given."""
        latest = self.latest
        return self.by_year.get(latest.year - 1) if latest else None

    def flow_value(self, flow: Flow, year: int) -> float | None:
        """Exports or imports of a year."""
        entry = self.by_year.get(year)
        if entry is None:
            return None
        return entry.exports if flow == "exportations" else entry.imports


def change(new: float | None, old: float | None) -> float | None:
    """Year-on-year change in percent, or None when it cannot be computed."""
    if new is None or old is None or old == 0:
        return None
    return (new / old - 1) * 100


# --- cooperation ----------------------------------------------------------------------------


class Alliance(Record):
    """An Alliance française."""

    city: Line = Field(alias="ville")
    founded: Year | None = Field(None, alias="creation")
    students: Count | None = Field(None, alias="etudiants")
    students_year: Year | None = Field(None, alias="annee_etudiants")
    note: Line | None = Field(None, alias="remarque")


class AllianceNetwork(Record):
    """The network of Alliances françaises."""

    total_students: Count | None = Field(None, alias="total_etudiants")
    items: list[Alliance] = Field(default_factory=list, alias="liste")
    text: Prose | None = Field(None, alias="texte")


class Institute(Record):
    """A joint institute, centre or university of training and research."""

    name: Line = Field(alias="nom")
    acronym: Line | None = Field(None, alias="sigle")
    date: PartialDate | None = Field(None, alias="date")
    event: Literal["création", "inauguration", "signature", "ouverture"] = Field(
        "création", alias="evenement", description="Ce que marque la date"
    )
    event_details: Line | None = Field(
        None, alias="precisions", description="« par les présidents … »"
    )
    partners: list[Line] = Field(default_factory=list, alias="partenaires")
    students: Count | None = Field(None, alias="etudiants")
    students_year: SchoolYear | None = Field(None, alias="annee_etudiants")
    text: Prose | None = Field(None, alias="texte")


class School(Record):
    """A French school abroad."""

    name: Line = Field(alias="nom")
    city: Line | None = Field(None, alias="ville")
    pupils: Count | None = Field(None, alias="eleves")
    pupils_year: SchoolYear | None = Field(None, alias="annee_eleves")


class Programme(Record):
    """A scholarship programme."""

    name: Line = Field(alias="nom")
    partner: Line | None = Field(None, alias="partenaire")


class Scholarships(Record):
    """Co-funded scholarship programmes."""

    programmes: list[Programme] = Field(default_factory=list, alias="programmes")
    text: Prose | None = Field(None, alias="texte")


class Cooperation(Record):
    """Coopération culturelle, scientifique et technique."""

    text: Prose | None = Field(None, alias="texte")
    alliances: AllianceNetwork | None = Field(None, alias="alliances_francaises")
    institutes: list[Institute] = Field(default_factory=list, alias="instituts")
    schools: list[School] = Field(default_factory=list, alias="etablissements_scolaires")
    scholarships: Scholarships | None = Field(None, alias="bourses")


# --- free sections ----------------------------------------------------------------------------


class FreeFact(Record):
    """A "Label : value" line typed by hand."""

    label: Line = Field(alias="libelle")
    value: Line = Field(alias="valeur")


class FreeTable(Record):
    """A table typed by hand: a header row and rows of the same width."""

    # Beyond a dozen columns an A4 page has no room left for the text of the cells.
    header: list[Line] = Field(alias="entetes", min_length=1, max_length=12)
    rows: list[list[Line]] = Field(alias="lignes")
    caption: Line | None = Field(None, alias="titre")
    source: Line | None = Field(None, alias="source")

    @model_validator(mode="after")
    def _widths(self) -> FreeTable:
        for index, row in enumerate(self.rows, start=1):
            if len(row) != len(self.header):
                raise ValueError(
                    f"la ligne {index} du tableau a {len(row)} cellules pour "
                    f"{len(self.header)} colonnes"
                )
        return self


class FreeBody(Record):
    """Content of a section written by hand: text, facts, a list, a table."""

    text: Prose | None = Field(None, alias="texte")
    facts: list[FreeFact] = Field(default_factory=list, alias="faits")
    items: list[Line] = Field(default_factory=list, alias="liste")
    table: FreeTable | None = Field(None, alias="tableau")


class ExtraSection(FreeBody):
    """A section some countries have: defence cooperation, a dated list of agreements…"""

    key: Key = Field(alias="cle")
    title: Line = Field(alias="titre", max_length=200)
    after: Key | None = Field(
        None,
        alias="apres",
        description="Clé de la section après "
        "laquelle placer celle-ci (relations_politiques, visites…) ; par "
        "défaut à la fin",
    )


class Link(Record):
    """A link under "Informations complémentaires"."""

    title: Line = Field(alias="titre", max_length=200)
    url: Url = Field(alias="url")


# --- the fiche ---------------------------------------------------------------------------------


class Fiche(Record):
    """A country's bilateral relations briefing."""

    country: Country = Field(alias="pays")
    document: DocumentInfo = Field(alias="document")
    political: PoliticalRelations | None = Field(None, alias="relations_politiques")
    presence: FrenchPresence | None = Field(None, alias="presence_francaise")
    visits: Visits | None = Field(None, alias="visites")
    ambassadors: Ambassadors | None = Field(None, alias="ambassadeurs")
    economy: EconomicRelations | None = Field(None, alias="relations_economiques")
    cooperation: Cooperation | None = Field(None, alias="cooperation")
    other: FreeBody | None = Field(None, alias="autres_cooperations")
    extra: list[ExtraSection] = Field(default_factory=list, alias="sections_supplementaires")
    links: list[Link] = Field(default_factory=list, alias="informations_complementaires")

    @property
    def slug(self) -> str:
        """File name stem of the outputs: "kazakhstan" (the ISO code for other scripts)."""
        return slugify(self.country.name) or self.country.code.lower()


def slugify(name: str) -> str:
    """A safe ASCII file stem: "Saint-Marin" -> "saint-marin", never "../x"; may be ""."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


# The standard sections, in their order: the keys an extra section may not reuse and may be
# placed after ("apres").
SECTION_KEYS = tuple(
    info.alias
    for name, info in Fiche.model_fields.items()
    if name not in ("country", "document", "extra")
)
