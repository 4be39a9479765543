"""Files written before sections became lists of blocks keep working.

One contained step, before validation: each section written the old way (a mapping of
fields) becomes blocks in the order the old fiche printed them. The file gets one warning
saying how to write it in the new form, and each key whose meaning changed gets a message
saying exactly what to write instead (a warning when the conversion is certain, an error
when it is not). A :class:`PathMap` takes every path of the converted data back to the
file's own lines and keys.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from ..model.types import DataPath

_FREE_KEYS = ("texte", "faits", "liste", "tableau")
_INSTITUTE_EVENTS = {
    "création": "creation",
    "inauguration": "inauguration",
    "ouverture": "ouverture",
}
FORMAT_WARNING = (
    "fichier écrit à l'ancien format (sections en champs) : il est lu après conversion, "
    "dans l'ordre habituel des sections ; écrivez chaque section comme une liste de blocs "
    "(« - texte: … », « - visites: [ … ] », « - communaute: { … } »), dans l'ordre de la "
    "page : voir le README, « Le format des données »"
)


@dataclass(frozen=True, slots=True)
class Note:
    """A message about an old key, at its path in the file."""

    path: DataPath
    message: str
    severity: str = "warning"


@dataclass
class PathMap:
    """Paths of the converted data -> paths of the file, by longest prefix."""

    moves: dict[DataPath, DataPath] = field(default_factory=dict)

    def move(self, new: DataPath, old: DataPath) -> None:
        """Record that ``new`` (and what lies under it) comes from ``old``."""
        self.moves[new] = old

    def old(self, path: DataPath) -> DataPath:
        """The file's path for a path of the converted data."""
        for length in range(len(path), 0, -1):
            prefix = path[:length]
            if prefix in self.moves:
                return self.moves[prefix] + path[length:]
        return path


@dataclass
class Conversion:
    """The converted data, where each of its paths comes from, and the messages."""

    data: Any
    paths: PathMap
    notes: list[Note]
    converted: bool = False


def _copy(value: Any, memo: dict[int, Any]) -> Any:
    """copy.deepcopy() of parsed data (mappings, lists, plain values), several times
    faster: a value written once and cited by YAML aliases stays one value."""
    kind = type(value)
    if kind is dict or kind is list:
        copied = memo.get(id(value))
        if copied is None:
            if kind is dict:
                copied = memo[id(value)] = {}
                for key, item in value.items():
                    copied[key] = _copy(item, memo)
            else:
                copied = memo[id(value)] = []
                copied.extend(_copy(item, memo) for item in value)
        return copied
    if kind in _IMMUTABLE:
        return value
    return copy.deepcopy(value, memo)


_IMMUTABLE = {str, int, float, bool, type(None)}


def convert(data: Any) -> Conversion:
    """Convert the old-form sections of a parsed file; other data is left as it is."""
    paths = PathMap()
    if not isinstance(data, dict):
        return Conversion(data, paths, [])
    result = dict(data)
    notes: list[Note] = []
    converter = _Converter(paths, notes)
    first: DataPath | None = None
    for key, convert_section in _SECTIONS.items():
        value = data.get(key)
        if isinstance(value, dict):
            result[key] = convert_section(converter, (key,), _copy(value, {}))
            first = first or (key,)
    extras = data.get("sections_supplementaires")
    if isinstance(extras, list):
        result["sections_supplementaires"] = []
        for index, extra in enumerate(extras):
            if (
                isinstance(extra, dict)
                and "contenu" not in extra
                and any(k in extra for k in _FREE_KEYS)
            ):
                path = ("sections_supplementaires", index)
                kept = {k: v for k, v in extra.items() if k not in _FREE_KEYS}
                kept["contenu"] = converter.free(path, extra, (*path, "contenu"))
                result["sections_supplementaires"].append(kept)
                first = first or path
            else:
                result["sections_supplementaires"].append(extra)
    if first is None:
        return Conversion(data, paths, [])
    converter.rewrite_references(result)
    return Conversion(result, paths, [Note(first, FORMAT_WARNING), *notes], True)


class _Converter:
    """The conversion of each old section; it records paths and messages as it goes."""

    def __init__(self, paths: PathMap, notes: list[Note]):
        self.paths = paths
        self.notes = notes
        self.texts: list[tuple[list[dict], int]] = []

    # --- helpers ------------------------------------------------------------------------

    def block(
        self, blocks: list[dict], section: DataPath, kind: str, value: Any, old: DataPath
    ) -> dict:
        """Append a block ``{kind: value}`` that comes from ``old`` (an empty list, which
        the old form allowed, gives no block)."""
        if value == [] and kind != "texte":
            return {}
        new = (*section, len(blocks))
        self.paths.move(new, old[:-1] if old[-1] == kind else old)
        self.paths.move((*new, kind), old)
        block = {kind: value}
        blocks.append(block)
        return block

    def text(self, blocks: list[dict], section: DataPath, value: Any, old: DataPath) -> None:
        """Append a text block for an old "texte" field."""
        if value is not None:
            self.block(blocks, section, "texte", value, old)
            self.texts.append((blocks, len(blocks) - 1))

    def unknown(self, blocks: list[dict], section: DataPath, data: dict, known: tuple) -> None:
        """Keys the old section did not have: kept, so that validation names them."""
        for key, value in data.items():
            if key not in known:
                self.block(blocks, section, key, value, (*section, key))

    def rename(self, path: DataPath, message: str, severity: str = "warning") -> None:
        self.notes.append(Note(path, message, severity))

    def rewrite_references(self, data: dict) -> None:
        """{relations_politiques.x} and {relations_economiques.x} were section prefixes."""
        for blocks, index in self.texts:
            text = blocks[index].get("texte")
            if isinstance(text, str):
                text = re.sub(r"\{relations_politiques\.", "{", text)
                text = re.sub(r"\{relations_economiques\.(?!produits\.)", "{echanges.", text)
                blocks[index]["texte"] = text.replace("{relations_economiques.", "{")

    def free(self, path: DataPath, data: dict, section: DataPath) -> list[dict]:
        """An old free body (texte, faits, liste, tableau) as blocks."""
        blocks: list[dict] = []
        self.text(blocks, section, data.get("texte"), (*path, "texte"))
        for key in ("faits", "liste", "tableau"):
            if key in data:
                self.block(blocks, section, key, data[key], (*path, key))
        return blocks

    # --- sections -----------------------------------------------------------------------

    def political(self, path: DataPath, data: dict) -> list[dict]:
        blocks: list[dict] = []
        if "relations_diplomatiques" in data:
            self.block(
                blocks,
                path,
                "relations_diplomatiques",
                data["relations_diplomatiques"],
                (*path, "relations_diplomatiques"),
            )
        if "accords" in data:
            self.block(blocks, path, "accords", data["accords"], (*path, "accords"))
            for index, agreement in enumerate(_items(data["accords"])):
                if agreement.get("occasion"):
                    self.rename(
                        (*path, "accords", index, "occasion"),
                        "« occasion » s'écrit désormais avec son article (« la visite du "
                        f"président … ») : écrivez « occasion: la {agreement['occasion']} » "
                        "si l'article manque, et retirez-le des textes qui la citent",
                    )
        self.text(blocks, path, data.get("texte"), (*path, "texte"))
        self.unknown(blocks, path, data, ("relations_diplomatiques", "accords", "texte"))
        return blocks

    def presence(self, path: DataPath, data: dict) -> list[dict]:
        blocks: list[dict] = []
        after: list[tuple[Any, DataPath]] = []
        for key in ("communaute", "ambassade_postes", "communaute_en_france"):
            if key == "ambassade_postes":
                self._posts(blocks, path, data)
                continue
            community = data.get(key)
            if not isinstance(community, dict):
                if key in data:
                    self.block(blocks, path, key, community, (*path, key))
                continue
            community = dict(community)
            text = community.pop("texte", None)
            if text is not None:
                after.append((text, (*path, key, "texte")))
            if community.get("nombre") is None and text is not None:
                continue  # only prose: the text block says it
            self._approximation(community, (*path, key))
            community.setdefault("unite", "ressortissants")  # the old default
            self.block(blocks, path, key, community, (*path, key))
        for text, old in after:
            self.text(blocks, path, text, old)
        self.text(blocks, path, data.get("texte"), (*path, "texte"))
        known = ("communaute", "ambassade", "postes", "communaute_en_france", "texte")
        self.unknown(blocks, path, data, known)
        return blocks

    def _approximation(self, community: dict, path: DataPath) -> None:
        approximation = community.pop("approximation", None)
        if approximation is None:
            return
        number = community.get("nombre")
        community["nombre"] = f"{approximation} {number}"
        self.rename(
            (*path, "approximation"),
            f"« approximation » et « nombre » n'en font plus qu'un : écrivez « nombre: "
            f"{approximation} {number} »",
        )

    def _posts(self, blocks: list[dict], path: DataPath, data: dict) -> None:
        posts: list[Any] = []
        moves: list[tuple[int, DataPath]] = []
        embassy = data.get("ambassade")
        if isinstance(embassy, dict):
            post = {"type": "ambassade", **{k: v for k, v in embassy.items() if k != "residence"}}
            residence = embassy.get("residence")
            if residence is not None:
                match = re.fullmatch(r"(?:à|a) (.+?) \((.+)\)", str(residence).strip())
                if match and "ville" not in embassy:
                    post["ville"], post["pays"] = match.groups()
                    self.rename(
                        (*path, "ambassade", "residence"),
                        "« ambassade » devient un poste ; écrivez-le dans « postes » : "
                        f"« - type: ambassade », « ville: {match.group(1)} », « pays: "
                        f"{match.group(2)} » (la fiche écrit « L'ambassade de France à "
                        f"{match.group(1)} ({match.group(2)}) est compétente pour … »)",
                    )
                else:
                    self.rename(
                        (*path, "ambassade", "residence"),
                        "« residence » ne s'écrit plus : l'ambassade qui couvre le pays depuis "
                        "l'étranger est un poste, avec sa ville et son pays : « - type: "
                        "ambassade », « ville: Suva », « pays: Fidji »",
                        "error",
                    )
            posts.append(post)
            moves.append((0, (*path, "ambassade")))
        elif "ambassade" in data:
            posts.append(embassy)
            moves.append((0, (*path, "ambassade")))
        old_posts = data.get("postes")
        for index, post in enumerate(_items(old_posts)):
            if "depuis" in post:
                self.rename(
                    (*path, "postes", index, "depuis"),
                    "« depuis » ne s'écrit plus : un poste qui couvre le pays depuis "
                    "l'étranger s'écrit avec sa ville et son pays (« ville: Suva », « pays: "
                    "Fidji ») ; la fiche écrit « La section consulaire de l'ambassade de "
                    "France à Suva (Fidji) est compétente pour … »",
                    "error",
                )
                continue  # its error says what to write; the post is left out meanwhile
            moves.append((len(posts), (*path, "postes", index)))
            posts.append(post)
        if not posts:
            if old_posts is not None and not isinstance(old_posts, list):
                self.block(blocks, path, "postes", old_posts, (*path, "postes"))
            return
        self.block(blocks, path, "postes", posts, (*path, "postes"))
        new = (*path, len(blocks) - 1, "postes")
        for index, old in moves:
            self.paths.move((*new, index), old)

    def visits(self, path: DataPath, data: dict) -> list[dict]:
        blocks: list[dict] = []
        self.text(blocks, path, data.get("texte"), (*path, "texte"))
        if "liste" in data:
            items = data["liste"]
            converted = []
            for index, visit in enumerate(items if isinstance(items, list) else []):
                converted.append(self._visit(visit, (*path, "liste", index)))
            block = self.block(
                blocks,
                path,
                "visites",
                converted if isinstance(items, list) else items,
                (*path, "liste"),
            )
            block["presentation"] = "tableau"
            new = (*path, len(blocks) - 1, "visites")
            for index, visit in enumerate(converted):
                old = (*path, "liste", index)
                self.paths.move((*new, index), old)
                if isinstance(visit, dict) and isinstance(visit.get("visiteurs"), dict):
                    self.paths.move((*new, index, "visiteurs", "nom"), (*old, "personnalite"))
                    self.paths.move((*new, index, "visiteurs", "fonction"), (*old, "fonction"))
                    self.paths.move((*new, index, "visiteurs"), (*old, "personnalite"))
        self.unknown(blocks, path, data, ("texte", "liste"))
        return blocks

    def _visit(self, visit: Any, old: DataPath) -> Any:
        if not isinstance(visit, dict) or "personnalite" not in visit:
            return visit
        visit = dict(visit)
        name = visit.pop("personnalite")
        function = visit.pop("fonction", None)
        person: dict[str, Any] = {"nom": name}
        shown = f"nom: {name}"
        if function is not None:
            # Tables print the function without its determiner: the one guessed here never
            # shows; the message asks for the right one.
            determined = _with_determiner(str(function))
            person["fonction"] = determined
            shown += f", fonction: {determined}"
        visit["visiteurs"] = person
        self.rename(
            (*old, "personnalite"),
            f"« personnalite » et « fonction » deviennent « visiteurs » : écrivez « visiteurs: "
            f"{{{shown}}} » (la fonction prend son article : le, la, l')",
        )
        return visit

    def ambassadors(self, path: DataPath, data: dict) -> list[dict]:
        blocks: list[dict] = []
        for key, kind in (
            ("de_france", "ambassadeur_de_france"),
            ("en_france", "ambassadeur_en_france"),
        ):
            if key in data:
                self.block(blocks, path, kind, data[key], (*path, key))
        self.unknown(blocks, path, data, ("de_france", "en_france"))
        return blocks

    def economy(self, path: DataPath, data: dict) -> list[dict]:
        blocks: list[dict] = []
        self.text(blocks, path, data.get("texte"), (*path, "texte"))
        if "secteurs" in data:
            self.block(blocks, path, "secteurs", data["secteurs"], (*path, "secteurs"))
        if "echanges" in data:
            block = self.block(blocks, path, "echanges", data["echanges"], (*path, "echanges"))
            new = (*path, len(blocks) - 1)
            for option in ("devise", "source"):
                if option in data:
                    block[option] = data[option]
                    self.paths.move((*new, option), (*path, option))
        if "produits" in data:
            self.block(blocks, path, "produits", data["produits"], (*path, "produits"))
        known = ("texte", "secteurs", "echanges", "produits", "devise", "source")
        self.unknown(blocks, path, data, known)
        return blocks

    def cooperation(self, path: DataPath, data: dict) -> list[dict]:
        blocks: list[dict] = []
        self.text(blocks, path, data.get("texte"), (*path, "texte"))
        network = data.get("alliances_francaises")
        if isinstance(network, dict):
            self.block(
                blocks,
                path,
                "alliances_francaises",
                {k: v for k, v in network.items() if k != "texte"},
                (*path, "alliances_francaises"),
            )
            self.text(blocks, path, network.get("texte"), (*path, "alliances_francaises", "texte"))
        elif "alliances_francaises" in data:
            self.block(
                blocks, path, "alliances_francaises", network, (*path, "alliances_francaises")
            )
        if "etablissements_scolaires" in data:
            self.block(
                blocks,
                path,
                "etablissements_scolaires",
                data["etablissements_scolaires"],
                (*path, "etablissements_scolaires"),
            )
        if "instituts" in data:
            institutes = data["instituts"]
            if isinstance(institutes, list):
                institutes = [
                    self._institute(item, (*path, "instituts", index))
                    for index, item in enumerate(institutes)
                ]
            self.block(blocks, path, "instituts", institutes, (*path, "instituts"))
        scholarships = data.get("bourses")
        if isinstance(scholarships, dict):
            if "programmes" in scholarships:
                self.block(
                    blocks,
                    path,
                    "bourses",
                    scholarships["programmes"],
                    (*path, "bourses", "programmes"),
                )
            self.text(blocks, path, scholarships.get("texte"), (*path, "bourses", "texte"))
        elif "bourses" in data:
            self.block(blocks, path, "bourses", scholarships, (*path, "bourses"))
        known = (
            "texte",
            "alliances_francaises",
            "etablissements_scolaires",
            "instituts",
            "bourses",
        )
        self.unknown(blocks, path, data, known)
        return blocks

    def _institute(self, institute: Any, old: DataPath) -> Any:
        if not isinstance(institute, dict) or not (
            {"date", "evenement", "precisions"} & set(institute)
        ):
            return institute
        institute = dict(institute)
        date = institute.pop("date", None)
        event = str(institute.pop("evenement", "création"))
        details = institute.pop("precisions", None)
        key = _INSTITUTE_EVENTS.get(event)
        if key is None:
            self.rename(
                (*old, "evenement"),
                f"« evenement: {event} » ne s'écrit plus : écrivez la date de création "
                "(« creation: … »), d'inauguration (« inauguration: … ») ou d'ouverture "
                "(« ouverture: … »)",
                "error",
            )
            key = "creation"
        if date is not None:
            institute[key] = date
            self.rename(
                (*old, "date"),
                f"« date » et « evenement » n'en font plus qu'un : écrivez « {key}: {date} »",
            )
            text = institute.get("texte")
            if isinstance(text, str):
                institute["texte"] = re.sub(r"\{date(?=[.}])", "{" + key, text)
        if details is not None:
            match = re.fullmatch(r"par (.+)", str(details).strip())
            if match and key != "creation":
                institute["par"] = {"groupe": match.group(1)}
                self.rename(
                    (*old, "precisions"),
                    "« precisions » ne s'écrit plus : écrivez "
                    f"« par: {{groupe: {match.group(1)}}} »",
                )
            elif match:
                institute["fondateurs"] = [match.group(1)]
                self.rename(
                    (*old, "precisions"),
                    "« precisions » ne s'écrit plus : les institutions qui ont créé l'institut "
                    f"s'écrivent « fondateurs: [{match.group(1)}] »",
                )
            else:
                self.rename(
                    (*old, "precisions"),
                    "« precisions » ne s'écrit plus : écrivez qui a inauguré l'institut sous "
                    "« par » (« par: {groupe: les présidents …} ») ; une autre précision va "
                    "dans son texte",
                    "error",
                )
        if key == "creation" and institute.get("partenaires") and "fondateurs" not in institute:
            self.rename(
                (*old, "partenaires"),
                "si ces partenaires ont créé l'institut, écrivez-les sous « fondateurs », "
                "avec leur article (la fiche écrit alors « Créé en … par … ») ; sinon, "
                "rien à changer",
            )
        return institute

    def other(self, path: DataPath, data: dict) -> list[dict]:
        blocks = self.free(path, data, path)
        self.unknown(blocks, path, data, _FREE_KEYS)
        return blocks


_SECTIONS = {
    "relations_politiques": _Converter.political,
    "presence_francaise": _Converter.presence,
    "visites": _Converter.visits,
    "ambassadeurs": _Converter.ambassadors,
    "relations_economiques": _Converter.economy,
    "cooperation": _Converter.cooperation,
    "autres_cooperations": _Converter.other,
}


def _items(value: Any) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _with_determiner(function: str) -> str:
    from .. import grammar

    if grammar.determiner(function) is not None:
        return function
    return ("l'" if re.match(r"[aeiouéèêh]", function, re.I) else "le ") + function
