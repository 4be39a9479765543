"""The "Relations bilatérales" fiche: its sections, each an ordered list of blocks.

Field names are English; the keys a desk officer writes in YAML are their French
aliases. Unknown keys are errors, so that a typo never silently drops data. Derived
facts (trade balance, growth, shares, totals) are computed, never typed twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from pydantic import Field

from .blocks import Block, Blocks, ProductsBlock, TradeBlock
from .country import Country, DocumentInfo, slugify
from .economy import EconomicRelations
from .free import Link
from .types import DataPath, Key, Line, Record


class ExtraSection(Record):
    """A section some countries have: defence cooperation, a dated list of agreements, or
    a page's only section ("Présentation")."""

    key: Key = Field(alias="cle")
    title: Line = Field(alias="titre", max_length=200)
    after: Key | None = Field(
        None,
        alias="apres",
        description="Clé de la section après laquelle placer celle-ci (relations_politiques, "
        "visites…) ; par défaut à la fin",
    )
    blocks: Blocks = Field(alias="contenu", description="Les blocs de la section, dans l'ordre")


class Fiche(Record):
    """A country's bilateral relations briefing."""

    country: Country = Field(alias="pays")
    document: DocumentInfo = Field(alias="document")
    political: Blocks | None = Field(None, alias="relations_politiques")
    presence: Blocks | None = Field(None, alias="presence_francaise")
    visits: Blocks | None = Field(None, alias="visites")
    ambassadors: Blocks | None = Field(None, alias="ambassadeurs")
    economy_blocks: Blocks | None = Field(None, alias="relations_economiques")
    cooperation: Blocks | None = Field(None, alias="cooperation")
    other: Blocks | None = Field(None, alias="autres_cooperations")
    extra: list[ExtraSection] = Field(default_factory=list, alias="sections_supplementaires")
    links: list[Link] = Field(default_factory=list, alias="informations_complementaires")

    @property
    def slug(self) -> str:
        """File name stem of the outputs: "kazakhstan" (the ISO code for other scripts)."""
        return slugify(self.country.name) or self.country.code.lower()

    def sections(self) -> Iterator[tuple[DataPath, list[Block]]]:
        """(data path, blocks) of every section with blocks, standard ones first."""
        for key, name in _SECTION_FIELDS.items():
            blocks = getattr(self, name)
            if blocks:
                yield (key,), blocks
        for index, extra in enumerate(self.extra):
            yield ("sections_supplementaires", index, "contenu"), extra.blocks

    def blocks(self) -> Iterator[tuple[DataPath, Block]]:
        """(data path, block) of every block of the fiche, in reading order of the file."""
        for path, blocks in self.sections():
            for index, block in enumerate(blocks):
                yield (*path, index), block

    @cached_property
    def economy(self) -> EconomicRelations:
        """The trade series and products of the fiche, wherever their blocks stand."""
        trade = next((b for _, b in self.blocks() if isinstance(b, TradeBlock)), None)
        products = [p for _, b in self.blocks() if isinstance(b, ProductsBlock) for p in b.products]
        if trade is None:
            return EconomicRelations(products=products)
        return EconomicRelations(trade.currency, trade.source, list(trade.trade), products)


# The standard sections, in their order: the keys an extra section may not reuse and may be
# placed after ("apres").
_SECTION_FIELDS = {
    info.alias: name
    for name, info in Fiche.model_fields.items()
    if name not in ("country", "document", "extra", "links")
}
SECTION_KEYS = (*_SECTION_FIELDS, "informations_complementaires")
