"""Development and aid programmes: "Union européenne, 11e FED (2014-2020) : 372 M EUR,
dont 184 M EUR pour la gouvernance…", or the page's own sentence citing the amounts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import french
from ..french import Units
from ..model.blocks import AidBlock
from ..model.economy import Aid
from ..model.quantities import money_text
from ..model.types import DataPath
from ..tree import Block
from .records import record_blocks
from .references import Value

if TYPE_CHECKING:
    from .context import Context


def aid_names(aid: Aid, units: Units) -> dict[str, Value]:
    """{bailleur}, {programme}, {annee}, {periode}, {montant}, {total}, {objet},
    {parts.cle} (its amount) and {parts.cle.objet}."""
    names: dict[str, Value] = {
        "bailleur": aid.donor,
        "total": money_text(aid.total, aid.currency, units),
    }
    for key, value in (
        ("programme", aid.programme),
        ("annee", str(aid.year) if aid.year else None),
        ("periode", aid.period),
        ("objet", aid.purpose),
    ):
        if value:
            names[key] = value
    if aid.amount:
        names["montant"] = aid.amount.text(units)
    for part in aid.parts:
        if part.key:
            names[f"parts.{part.key}"] = part.amount.text(units)
            names[f"parts.{part.key}.objet"] = part.purpose
    return names


def aid_line(aid: Aid, units: Units) -> str:
    """ "Fonds Pacifique (2017) : 178 500 EUR, réparti entre …"; "…, dont …" when the
    parts do not make the whole amount."""
    head = ", ".join(x for x in (aid.donor, aid.programme) if x)
    when = aid.period or (str(aid.year) if aid.year else None)
    if when:
        head += f" ({when})"
    value = aid.amount.text(units) if aid.amount else money_text(aid.total, aid.currency, units)
    if aid.parts:
        parts = [f"{p.purpose} ({p.amount.text(units)})" for p in aid.parts]
        partial = aid.breakdown == "partielle"
        value += (", dont " if partial else ", réparti entre ") + french.join(parts)
    elif aid.purpose:
        value += f" ({aid.purpose})"
    return f"{head} : {value}"


def aids(ctx: Context, block: AidBlock, path: DataPath, used: set[str]) -> list[Block]:
    """One line per programme, or its own sentence."""
    return record_blocks(ctx, path, "aides", block.aids, used, lambda a: aid_line(a, ctx.units))
