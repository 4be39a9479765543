"""A "Relations bilatérales" page → the fiche's sections, as ordered lists of blocks.

The page is walked in order: a title opens a section (a standard one when the title is
one of its known wordings, else an extra section under the page's title); each
paragraph, list item or table becomes a block of the current section. Recognisers turn
the lines they understand into records (posts, communities, ambassadors, visits,
agreements, trade figures); what none understands stays a `texte`, `liste`, `faits` or
`tableau` block, word for word. A record keeps the page's sentence as its own `texte`
unless the line the fiche would generate for it says the same.
"""

from __future__ import annotations

import re

from . import wording
from .aid import aid
from .citations import agreements, diplomatic_relations, trade
from .dates import update_date
from .events import events
from .institutes import read_institutes
from .pieces import Imported, Piece, Section, merge, table_value
from .presence import ambassador, community, community_sentence, post
from .recognition import Recognised
from .sentences import comparable, split_sentences
from .source import Block, Source
from .tables import read_back
from .titles import RELATIONS, key_of, relations_section
from .visits import visit_item, visit_list_in_prose, visit_sentence

_PAGE_TITLES = re.compile(
    r"^(relations bilaterales|bilateral relations|la france et .+|france and .+|"
    r"presentation (du|de la|de l|des) .+)$"
)
# Records the data format gives no text of their own: kept as the page's line when the
# fiche would word them otherwise.
_NO_TEXT = ("ambassadeur_de_france", "ambassadeur_en_france")
_SINGLETONS = (
    "communaute",
    "communaute_en_france",
    "ambassadeur_de_france",
    "ambassadeur_en_france",
)


class Walk:
    """The state of the walk through a page."""

    def __init__(
        self,
        source: Source,
        country_names: tuple[str, ...],
        place: str | None = None,
        country: dict | None = None,
    ):
        self.source = source
        self.country = country  # the data file's `pays`, to compose a record's line
        self.place = place  # « au Laos »
        self.names = country_names
        self.sections: list[Section] = []
        self.current: Section | None = None
        self.updated: tuple[str, Block] | None = None
        self.page_titles: list[Block] = []
        self.consumed: list[tuple[str, str, str]] = []
        self.singletons: set[str] = set()
        self.keys: set[str] = set()
        self.links: list[dict] = []

    # --- sections ------------------------------------------------------------------------

    def heading(self, block: Block) -> None:
        key = relations_section(block.text)
        if key == "informations_complementaires":
            self.current = Section("informations_complementaires", block.text, line=block.line)
            return
        if key:
            existing = next((s for s in self.sections if s.key == key), None)
            if existing is None:
                existing = Section(key, None, line=block.line)
                if key_of(block.text) != key_of(RELATIONS[key][0]):
                    existing.page_title = block.text
                self.sections.append(existing)
            self.current = existing
            return
        if block.kind == "title":
            self.page_titles.append(block)
            return
        if _PAGE_TITLES.match(key_of(block.text)) and not self._has_content():
            self.page_titles.append(block)
            return
        section = Section(
            _extra_key(block.text, self.sections), block.text, extra=True, line=block.line
        )
        standard = [s.key for s in self.sections if not s.extra]
        if standard and standard[-1] != "informations_complementaires":
            section.after = standard[-1]
        self.sections.append(section)
        self.current = section

    def _has_content(self) -> bool:
        return any(s.pieces for s in self.sections)

    def section(self, block: Block) -> Section:
        if self.current is None:
            # Text before any section title: the page's opening, political by nature.
            self.current = Section("relations_politiques", None, line=block.line)
            self.current.pieces.append(
                Piece(
                    "_note",
                    None,
                    checks=["la page ne titre pas son début : rangé sous « Relations politiques »"],
                )
            )
            self.sections.append(self.current)
        return self.current

    def add(self, block: Block, piece: Piece) -> None:
        for found in piece.found:
            found.where = found.where or self.source.where(block)
        self.section(block).pieces.append(piece)

    # --- blocks --------------------------------------------------------------------------

    def block(self, block: Block) -> None:
        if block.kind in ("heading", "title"):
            self.heading(block)
            return
        if self._repeats(block):
            self.consumed.append(
                (self.source.where(block), block.text, "doublon de la ligne précédente")
            )
            return
        date = update_date(block.text) if block.kind in ("paragraph", "item") else None
        if date:
            self.updated = (date, block)
            self.consumed.append((self.source.where(block), block.text, "document.mise_a_jour"))
            return
        if self.current is not None and self.current.key == "informations_complementaires":
            self.link(block)
            return
        if block.kind == "table":
            self.table(block)
        elif block.kind == "caption":
            self.add(block, Piece("_caption", block.text, [block]))
        elif block.kind == "note" and self._after_table():
            table = self.current.pieces[-1]  # type: ignore[union-attr]
            table.value["source"] = re.sub(r"^Source\s*:\s*", "", block.text)  # type: ignore[index]
            table.origin.append(block)
        elif block.kind == "fact":
            self.line(block, fact=True)
        elif block.kind == "item":
            self.line(block, item=True)
        elif " : " in block.text[:90] and label_like(block.text):
            self.line(block)
        else:
            self.prose(block)

    def _repeats(self, block: Block) -> bool:
        """A copied page may repeat a line (once plain, once as a list item)."""
        pieces = self.current.pieces if self.current else []
        if not pieces or not pieces[-1].origin or block.kind == "table":
            return False
        return comparable(pieces[-1].origin[-1].text) == comparable(block.text)

    def _after_table(self) -> bool:
        pieces = self.current.pieces if self.current else []
        return bool(pieces) and pieces[-1].kind == "tableau"

    def link(self, block: Block) -> None:
        """A line of « Informations complémentaires »: a link, or text of that section."""
        url = block.href or (re.search(r"https?://\S+", block.text) or [None])[0]
        if url and url.startswith(("http://", "https://")) and block.kind in ("item", "paragraph"):
            url = url.rstrip(").,;")
            title = block.text if block.href else block.text.replace(url, "").strip(" :-–()")
            self.links.append({"titre": title or url, "url": url})
            self.consumed.append(
                (self.source.where(block), block.text, "informations_complementaires")
            )
            return
        # Not a link: the section keeps the page's title as an extra section.
        title = self.current.title if self.current else "Informations complémentaires"
        self.current = Section("complements", title, extra=True, line=block.line)
        self.sections.append(self.current)
        self.block(block)

    def table(self, block: Block) -> None:
        value = table_value(block)
        section = self.section(block)
        if section.pieces and section.pieces[-1].kind == "_caption":
            caption = section.pieces.pop()
            value["titre"] = caption.value
        self.add(block, Piece("tableau", value, [block]))

    def line(self, block: Block, item: bool = False, fact: bool = False) -> None:
        """A "Libellé : valeur" line or a list item: a record if a recogniser takes it."""
        text = block.text
        found = self._recognise_line(text, item or fact)
        if found is not None and not self._singleton_taken(found):
            self.record(block, found, kept_as="liste" if item else "faits")
            return
        if fact or (not item and label_like(text)):
            label, _, value = text.partition(" : ")
            self.add(
                block,
                Piece("faits", [{"libelle": label.strip(), "valeur": value.strip()}], [block]),
            )
        else:
            self.add(block, Piece("liste", [text], [block]))

    def _recognise_line(self, text: str, short: bool) -> Recognised | None:
        for recogniser in (post, ambassador):
            found = recogniser(text)
            if found:
                return found
        found = community(text, self.place)
        if found:
            return found
        adjectives = tuple((self.country or {}).get(k) for k in ("adjectif", "adjectif_feminin"))
        return visit_item(text, self.names, tuple(a for a in adjectives if a))

    def _singleton_taken(self, found: Recognised) -> bool:
        if found.kind not in _SINGLETONS:
            return False
        if found.kind in self.singletons:
            return True
        self.singletons.add(found.kind)
        return False

    def record(self, block: Block, found: Recognised, kept_as: str) -> None:
        """Place a record found in a line: generated line if it says the same, else the
        page's line as the record's text (a list item stays a list item)."""
        record = found.record
        printed = (
            wording.printed(self.country, found.kind, _as_list(found.kind, record))
            if (self.country)
            else None
        )
        if printed:
            found.generated = " ".join(printed)
        same = found.generated is not None and comparable(found.generated) == comparable(block.text)
        if same:
            self.add(
                block,
                Piece(found.kind, _as_list(found.kind, record), [block], [found], found.checks),
            )
            return
        if kept_as == "liste" and found.kind == "visites" and printed:
            # A visit of a list: its fields, and the page's line as its text, printed as
            # a bullet (`presentation: puces`): nothing is reworded.
            self.add(
                block,
                Piece(
                    "visites",
                    [{**record, "texte": escape(block.text)}],
                    [block],
                    [found],
                    found.checks,
                    options={"presentation": "puces"},
                ),
            )
            return
        if kept_as == "liste" or found.kind in _NO_TEXT or not printed:
            # A record with its own text would print as a paragraph: the list keeps the
            # page's line, and the record waits in a comment for a person to confirm.
            label, _, value = block.text.partition(" : ")
            line: object = [block.text]
            if kept_as == "faits":
                line = [{"libelle": label.strip(), "valeur": value.strip()}]
            self.add(
                block,
                Piece(
                    kept_as,
                    line,
                    [block],
                    [found],
                    [
                        *found.checks,
                        "fait reconnu, laissé en texte : la ligne générée ne "
                        "dirait pas mot pour mot la même chose (voir le commentaire)",
                    ],
                    note="proposed",
                ),
            )
            return
        text = escape(block.text)
        if isinstance(record, list):
            record = [*record[:-1], {**record[-1]}]
            record[0] = {**record[0], "texte": text}
        else:
            record = {**record, "texte": text}
        self.add(
            block, Piece(found.kind, _as_list(found.kind, record), [block], [found], found.checks)
        )

    def prose(self, block: Block) -> None:
        """A paragraph: its sentences, with the facts recognised in them."""
        sentences = split_sentences(block.text)
        if not sentences:
            return
        listed = visit_list_in_prose(block.text)
        if listed:
            self._listed_visits(block, listed)
            return
        visits: list[tuple[list[str], Recognised | None]] = []
        for sentence in sentences:
            found = visit_sentence(sentence, self.names)
            if found:
                visits.append(([sentence], found))
            elif visits:
                visits[-1][0].append(sentence)
            else:
                visits.append(([sentence], None))
        if any(found for _, found in visits):
            self._visits(block, visits)
            return
        programme = aid(block.text)
        if programme:  # the paragraph stays the programme's text, word for word
            record = {**programme.record, "texte": escape(block.text)}
            self.add(block, Piece("aides", [record], [block], [programme], programme.checks))
            return
        if len(sentences) >= 1:
            community_found = (
                community_sentence(sentences[0])
                if "ommunauté" in block.text or "Français" in block.text
                else None
            )
            if community_found and not self._singleton_taken(community_found):
                record = {**community_found.record, "texte": escape(sentences[0])}
                self.add(block, Piece("communaute", record, [block], [community_found]))
                rest = " ".join(sentences[1:])
                if rest:
                    self._text(block, rest)
                return
        self._text(block, block.text)

    def _text(self, block: Block, text: str) -> None:
        """A text block, with the facts its sentences name cited from fields."""
        pieces_before: list[Piece] = []
        words: dict[str, str] = {}
        out = escape(text)
        cited = (
            diplomatic_relations(out) if "relations_diplomatiques" not in self.singletons else None
        )
        if cited:
            self.singletons.add("relations_diplomatiques")
            out = cited.text
            words.update(cited.words or {})
            pieces_before.append(
                Piece(
                    "relations_diplomatiques",
                    cited.recognised.record["_"],
                    [block],
                    [cited.recognised],
                )
            )
        for found_agreement in agreements(out, self.keys):
            if found_agreement.text:
                out = found_agreement.text
                words.update(found_agreement.words or {})
            pieces_before.append(
                Piece(
                    "accords",
                    [found_agreement.recognised.record],
                    [block],
                    [found_agreement.recognised],
                    found_agreement.recognised.checks,
                )
            )
        for event in events(out, self.keys):
            out, words = event.text, {**words, **(event.words or {})}
            pieces_before.append(
                Piece("evenements", [event.recognised.record], [block], [event.recognised],
                      event.recognised.checks)
            )  # fmt: skip
        if "echanges" not in self.singletons:
            for found_trade in trade(out):
                self.singletons.add("echanges")
                if found_trade.text:
                    out = found_trade.text
                    words.update(found_trade.words or {})
                pieces_before.append(
                    Piece(
                        "echanges",
                        [found_trade.recognised.record],
                        [block],
                        [found_trade.recognised],
                    )
                )
        for piece in pieces_before:
            self.add(block, piece)
        self.add(block, Piece("texte", out, [block], words=words))

    def _visits(self, block: Block, visits: list[tuple[list[str], Recognised | None]]) -> None:
        records = []
        found_all = []
        lead: list[str] = []
        for sentences, found in visits:
            if found is None:
                lead = sentences
                continue
            text = " ".join([*lead, *sentences])
            lead = []
            records.append({**found.record, "texte": escape(text)})
            found_all.append(found)
        checks = [c for f in found_all for c in f.checks]
        self.add(block, Piece("visites", records, [block], found_all, checks))

    def _listed_visits(self, block: Block, listed: list[tuple[str, Recognised]]) -> None:
        """A prose list of visits: each a record, the sentence citing each one's date."""
        text = escape(block.text)
        records = []
        cited: dict[str, str] = {}
        for index, (words, found) in enumerate(listed, start=1):
            key = f"visite_{found.record['date'].replace('-', '_')}"
            while key in self.keys:
                key += f"_{index}"
            self.keys.add(key)
            records.append({"cle": key, **found.record})
            text = text.replace(f"({words})", "({visites." + key + ".date})", 1)
            cited["{visites." + key + ".date}"] = words
        self.add(
            block,
            Piece(
                "visites",
                records,
                [block],
                [f for _, f in listed],
                [c for _, f in listed for c in f.checks],
            ),
        )
        self.add(block, Piece("texte", text, [block], words=cited))


def _as_list(kind: str, record: object) -> object:
    return record if kind in _SINGLETONS or kind == "relations_diplomatiques" else [record]


def escape(text: str) -> str:
    """A page's text as a `texte` value: its braces are not citations."""
    return text.replace("{", "{{").replace("}", "}}")


def label_like(text: str) -> bool:
    """A « Libellé : valeur » line (a short label, no verb)."""
    label, colon, value = text.partition(" : ")
    words = label.split()
    return (
        bool(colon)
        and 0 < len(words) <= 8
        and "," not in label
        and bool(value.strip())
        and (not label.endswith("."))
        and not re.search(r"\b(est|sont|a|ont|était|sera)\b", label)
    )


def _extra_key(title: str, sections: list[Section]) -> str:
    words = key_of(title).split()
    key = "_".join(words)[:36] or "section"
    if not key[0].isalpha():
        key = "s_" + key
    taken = {s.key for s in sections} | set(RELATIONS)
    base, n = key, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def walk(
    source: Source,
    country_names: tuple[str, ...],
    place: str | None = None,
    country: dict | None = None,
) -> Walk:
    """Walk the page's blocks into sections; ``place``: the country with its preposition;
    ``country``: the data file's `pays` (records are composed with it)."""
    state = Walk(source, country_names, place, country)
    for block in source.blocks:
        state.block(block)
    for section in state.sections:
        if country:
            read_back(section, country, state.singletons)
            read_institutes(section, country)
        merge(section)
    return state


def to_imported(
    source: Source, state: Walk, header: list[str], top: dict, top_checks: dict
) -> Imported:
    """The walk's result as an :class:`Imported` relations fiche."""
    sections = [s for s in state.sections if s.key != "informations_complementaires"]
    if state.links:
        top = {**top}
    result = Imported("relations", header, top, top_checks, sections, consumed=state.consumed)
    return result
