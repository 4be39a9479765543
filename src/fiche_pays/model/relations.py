"""The "Relations bilatérales" fiche: its sections, as Pydantic models.

Field names are English; the keys a desk officer writes in YAML are their French
aliases. Unknown keys are errors, so that a typo never silently drops data. Derived
facts (trade balance, growth, shares) are computed in the models, never typed twice.
"""

from __future__ import annotations

from pydantic import Field

from .cooperation import Cooperation
from .country import Country, DocumentInfo, slugify
from .economy import EconomicRelations
from .free import ExtraSection, FreeBody, Link
from .political import PoliticalRelations
from .presence import FrenchPresence
from .types import Record
from .visits import Ambassadors, Visits


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


# The standard sections, in their order: the keys an extra section may not reuse and may be
# placed after ("apres").
SECTION_KEYS = tuple(
    info.alias
    for name, info in Fiche.model_fields.items()
    if name not in ("country", "document", "extra")
)
