"""The blocks a section is made of, in the author's order.

A block is a mapping whose one *kind key* says what it holds (``- texte: …``,
``- visites: […]``, ``- communaute: {…}``); a few kinds take options beside it
(``presentation``, ``devise``, ``source``). Every kind may stand in any section: the page
decides where a visit, an agreement or an aid programme is cited.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import BeforeValidator, Discriminator, Field, Tag

from ..partialdate import PartialDate
from .cooperation import AllianceNetwork, Institute, Programme, School
from .economy import Aid, Currency, Product, TradeYear
from .free import FreeFact, FreeTable
from .political import Agreement, Event
from .presence import Community, Post
from .types import ExampleMarked, Line, Prose, one_or_list
from .visits import Ambassador, Visit


class Block(ExampleMarked):
    """Base of the block kinds: ``KIND`` is the key that names the kind in YAML."""

    KIND: ClassVar[str]
    SINGLETON: ClassVar[bool] = False  # at most one such block per fiche

    @property
    def content(self) -> Any:
        """The value under the kind key."""
        return getattr(self, _FIELD[type(self)])


Communities = Annotated[
    list[Community],
    BeforeValidator(one_or_list, json_schema_input_type=Community | list[Community]),
    Field(min_length=1),
]


class TextBlock(Block):
    """Prose; a blank line starts a new paragraph; may cite data: {pays.le}."""

    KIND = "texte"
    text: Prose = Field(alias="texte")


class ListBlock(Block):
    """A bulleted list typed by hand."""

    KIND = "liste"
    items: list[Line] = Field(alias="liste", min_length=1)


class FactsBlock(Block):
    """Lines « Libellé : valeur » typed by hand."""

    KIND = "faits"
    facts: list[FreeFact] = Field(alias="faits", min_length=1)


class TableBlock(Block):
    """A table typed by hand."""

    KIND = "tableau"
    table: FreeTable = Field(alias="tableau")


class DiplomaticRelationsBlock(Block):
    """The date diplomatic relations were established."""

    KIND = "relations_diplomatiques"
    SINGLETON = True
    established: PartialDate = Field(alias="relations_diplomatiques")


class EventsBlock(Block):
    """Dated events."""

    KIND = "evenements"
    events: list[Event] = Field(alias="evenements", min_length=1)


class AgreementsBlock(Block):
    """Agreements, treaties, declarations."""

    KIND = "accords"
    agreements: list[Agreement] = Field(alias="accords", min_length=1)


class VisitsBlock(Block):
    """Visits and meetings: lines (or tables) for those without a sentence of their own."""

    KIND = "visites"
    visits: list[Visit] = Field(alias="visites", min_length=1)
    presentation: Literal["liste", "puces", "tableau"] = Field(
        "liste",
        alias="presentation",
        description="« liste » (une ligne par visite, par défaut ; les visites qui ont leur "
        "texte forment un paragraphe), « puces » (chaque visite est une puce : son texte ou "
        "sa ligne, comme les listes des pages) ou « tableau » (un tableau par sens de "
        "déplacement)",
    )


class CommunityBlock(Block):
    """The French community in the country: one figure or several."""

    KIND = "communaute"
    SINGLETON = True
    communities: Communities = Field(alias="communaute")


class CommunityInFranceBlock(Block):
    """The country's community in France: one figure or several."""

    KIND = "communaute_en_france"
    SINGLETON = True
    communities: Communities = Field(alias="communaute_en_france")


class PostsBlock(Block):
    """France's posts for the country: embassy, consulates, Institut français…"""

    KIND = "postes"
    posts: list[Post] = Field(alias="postes", min_length=1)


class PostsInFranceBlock(Block):
    """The country's posts in France."""

    KIND = "postes_en_france"
    posts: list[Post] = Field(alias="postes_en_france", min_length=1)


class FrenchAmbassadorBlock(Block):
    """France's ambassador to the country."""

    KIND = "ambassadeur_de_france"
    SINGLETON = True
    ambassador: Ambassador = Field(alias="ambassadeur_de_france")


class ForeignAmbassadorBlock(Block):
    """The country's ambassador to France."""

    KIND = "ambassadeur_en_france"
    SINGLETON = True
    ambassador: Ambassador = Field(alias="ambassadeur_en_france")


class TradeBlock(Block):
    """Trade by year (and undated ranks): fact lines, table and chart."""

    KIND = "echanges"
    SINGLETON = True
    trade: list[TradeYear] = Field(alias="echanges", min_length=1)
    currency: Currency = Field("EUR", alias="devise", description="Devise des montants : EUR")
    source: Line | None = Field(None, alias="source", description="« Douanes françaises »")


class ProductsBlock(Block):
    """Products of French exports and imports."""

    KIND = "produits"
    products: list[Product] = Field(alias="produits", min_length=1)


class SectorsBlock(Block):
    """Sectors where French firms are established."""

    KIND = "secteurs"
    sectors: list[Line] = Field(alias="secteurs", min_length=1)


class AidBlock(Block):
    """Development and aid programmes."""

    KIND = "aides"
    aids: list[Aid] = Field(alias="aides", min_length=1)


class AlliancesBlock(Block):
    """The network of Alliances françaises."""

    KIND = "alliances_francaises"
    SINGLETON = True
    network: AllianceNetwork = Field(alias="alliances_francaises")


class InstitutesBlock(Block):
    """Institutes, centres or universities of the cooperation."""

    KIND = "instituts"
    institutes: list[Institute] = Field(alias="instituts", min_length=1)
    # What the institutes are (« de formation et de recherche », « franco-… ») is the
    # author's to say: the fiche prints no introduction the data does not give.
    introduction: Line | None = Field(
        None,
        alias="introduction",
        description="Phrase imprimée avant les instituts, telle quelle : « La coopération "
        "scientifique est structurée autour de deux instituts … : »",
    )


class SchoolsBlock(Block):
    """French schools."""

    KIND = "etablissements_scolaires"
    schools: list[School] = Field(alias="etablissements_scolaires", min_length=1)


class ScholarshipsBlock(Block):
    """Scholarship programmes."""

    KIND = "bourses"
    programmes: list[Programme] = Field(alias="bourses", min_length=1)
    label: Line = Field(
        "Programmes de bourses",
        alias="libelle",
        description="Libellé de la ligne (par défaut « Programmes de bourses ») : "
        "« Programmes de bourses cofinancés » si les données le disent",
    )


BLOCK_TYPES: tuple[type[Block], ...] = (
    TextBlock,
    ListBlock,
    FactsBlock,
    TableBlock,
    DiplomaticRelationsBlock,
    EventsBlock,
    AgreementsBlock,
    VisitsBlock,
    CommunityBlock,
    CommunityInFranceBlock,
    PostsBlock,
    PostsInFranceBlock,
    FrenchAmbassadorBlock,
    ForeignAmbassadorBlock,
    TradeBlock,
    ProductsBlock,
    SectorsBlock,
    AidBlock,
    AlliancesBlock,
    InstitutesBlock,
    SchoolsBlock,
    ScholarshipsBlock,
)
KINDS: dict[str, type[Block]] = {cls.KIND: cls for cls in BLOCK_TYPES}
_FIELD = {
    cls: next(name for name, info in cls.model_fields.items() if info.alias == cls.KIND)
    for cls in BLOCK_TYPES
}
# Keys a block may hold beside its kind key (options of some kinds).
OPTIONS = {
    key for cls in BLOCK_TYPES for key in (f.alias for f in cls.model_fields.values())
} - set(KINDS)


def kind_of(value: Any) -> str | None:
    """The kind of a block: its first key that names a kind (None if it has none)."""
    if isinstance(value, dict):
        return next((key for key in value if key in KINDS), None)
    return getattr(value, "KIND", None)


AnyBlock = Annotated[
    Union[tuple(Annotated[cls, Tag(cls.KIND)] for cls in BLOCK_TYPES)],  # noqa: UP007
    Discriminator(
        kind_of,
        custom_error_type="block_kind",
        custom_error_message="bloc sans type connu",
    ),
]
"""One block of any kind."""

Blocks = list[AnyBlock]
