"""Development and aid programmes: "Union européenne, 11e FED (2014-2020) : 372 M EUR,
dont la gouvernance (184 M EUR)…", or the page's own sentence citing the amounts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..french import Units
from ..model.blocks import AidBlock
from ..model.economy import Aid
from ..model.quantities import money_text
from ..model.types import DataPath
from ..tree import Block, Source
from .nodes import joined
from .provenance import Piece, at, computed
from .records import record_blocks
from .references import Worded

if TYPE_CHECKING:
    from .context import Context


def _money(path: DataPath) -> Source:
    return computed("montant mis en forme : modifiez-le dans la fiche (« 372 M EUR »)", path)


def _total(aid: Aid, path: DataPath) -> Source:
    if aid.amount is not None:
        return _money((*path, "montant"))
    return computed("le total est la somme des parts : modifiez les parts", (*path, "parts"))


def aid_names(aid: Aid, path: DataPath, units: Units) -> Worded:
    """{bailleur}, {programme}, {annee}, {periode}, {montant}, {total}, {objet},
    {parts.cle} (its amount) and {parts.cle.objet}."""
    names = Worded()
    names.add("bailleur", aid.donor, at((*path, "bailleur")))
    names.add("total", money_text(aid.total, aid.currency, units), _total(aid, path))
    for key, value in (
        ("programme", aid.programme),
        ("annee", str(aid.year) if aid.year else None),
        ("periode", aid.period),
        ("objet", aid.purpose),
    ):
        if value:
            names.add(key, value, at((*path, key)))
    if aid.amount:
        names.add("montant", aid.amount.text(units), _money((*path, "montant")))
    for index, part in enumerate(aid.parts):
        if part.key:
            where = (*path, "parts", index)
            names.add(f"parts.{part.key}", part.amount.text(units), _money((*where, "montant")))
            names.add(f"parts.{part.key}.objet", part.purpose, at((*where, "objet")))
    return names


def aid_line(aid: Aid, path: DataPath, units: Units) -> list[Piece]:
    """ "Fonds Pacifique (2017) : 98 500 EUR, réparti entre …"; "…, dont …" when the parts
    do not make the whole amount."""
    pieces: list[Piece] = [(aid.donor, at((*path, "bailleur")))]
    if aid.programme:
        pieces += [(", ", None), (aid.programme, at((*path, "programme")))]
    if aid.period or aid.year:
        key = "periode" if aid.period else "annee"
        pieces += [(" (", None), (aid.period or str(aid.year), at((*path, key))), (")", None)]
    pieces += [(" : ", None), (money_text(aid.total, aid.currency, units), _total(aid, path))]
    if aid.parts:
        parts = [
            [
                (part.purpose, at((*path, "parts", i, "objet"))),
                (" (", None),
                (part.amount.text(units), _money((*path, "parts", i, "montant"))),
                (")", None),
            ]
            for i, part in enumerate(aid.parts)
        ]
        lead = ", dont " if aid.breakdown == "partielle" else ", réparti entre "
        pieces += [(lead, None), *joined(parts)]
    elif aid.purpose:
        pieces += [(" (", None), (aid.purpose, at((*path, "objet"))), (")", None)]
    return pieces


def aids(ctx: Context, block: AidBlock, path: DataPath, used: set[str]) -> list[Block]:
    """One line per programme, or its own sentence."""
    return record_blocks(
        ctx, path, "aides", block.aids, used, lambda a, p: aid_line(a, p, ctx.units)
    )
