"""`fiche-pays new PAYS`: a commented data file for a country, ready to fill in.

The country's French names and forms come from the countries table
(:mod:`fiche_pays.countries`, names checked against Babel's). The file validates as
written: the country and the document are filled in, and every section is an example of
its blocks, commented out, each followed by the line or sentence the fiche prints for it
(composed by fiche-pays itself, so the comment cannot lie). A desk officer uncomments
what the page says and replaces the example values.

One writer per fiche kind (:data:`WRITERS`): a kind plugs its own in.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from typing import Any

import yaml

from . import countries, examples
from .composer.relations import TITLES
from .kinds import PRESENTATION, RELATIONS
from .tree import Block, BulletList, Facts, Paragraph, Section, Table, iter_sections, plain

# The example blocks of each section, in the new format. {visite} and the like are
# filled from the country's forms before composing.
_EXAMPLES: dict[str, str] = {
    "relations_politiques": """\
- relations_diplomatiques: 1992-01-25
- accords:
    - cle: partenariat
      titre: traité de partenariat stratégique
      signature: 2008-06-12
      lieu: Paris
      entree_en_vigueur: 2010
- evenements:
    - date: 2001-10
      quoi: ouverture du consulat général de France
- texte: |
    Un paragraphe de la page, qui peut citer les données de la fiche : {{pays.le}}.
    Une ligne vide commence un nouveau paragraphe.
""",
    "presence_francaise": """\
- postes:
    - type: ambassade
      site: {website}
    - type: consulat général
      ville: {city}
- communaute:
    nombre: 1250
    unite: personnes inscrites au registre
    date: 2023-12-31
    binationaux: environ 400
- communaute_en_france:
    nombre: environ 30000
    inscrits: 16000
""",
    "visites": """\
- visites:
    - date: 2023-07-10
      fin: 2023-07-12
      sens: vers_le_pays
      nature: visite officielle
      visiteurs:
        fonction: le président de la République
        nom: {person}
      lieu: {name}
    - date: 2022-11
      sens: vers_la_france
      visiteurs:
        groupe: une délégation parlementaire
        chef: {{fonction: le président de l'Assemblée}}
      lieu: Paris
    - date: 2021-05-04
      sens: vers_la_france
      visiteurs: {{fonction: le ministre des Affaires étrangères, civilite: M., nom: {person}}}
      recu_par: {{fonction: son homologue}}
      lieu: Paris
      texte: "{{quand}}, {{visiteurs}}, a été reçu {{lieu.au}} par {{recu_par}}."
""",
    "ambassadeurs": """\
- ambassadeur_de_france:
    civilite: Mme
    nom: {person}
    depuis: 2022-09
- ambassadeur_en_france:
    civilite: M.
    nom: {person}
""",
    "relations_economiques": """\
- devise: EUR
  source: Douanes françaises
  echanges:
    - annee: 2022
      exportations: 424
      importations: 316
    - annee: 2023
      exportations: 594
      importations: 377
      part_de_marche: 2.2
      rang_fournisseur: 8
- produits:
    - cle: pharmacie
      libelle: spécialités pharmaceutiques
      flux: exportations
- secteurs: [agroalimentaire, énergie, transports]
- aides:
    - bailleur: Agence française de développement
      annee: 2023
      montant: 12 M EUR
      parts:
        - {{objet: eau et assainissement, montant: 8 M EUR}}
        - {{objet: énergie, montant: 4 M EUR}}
- texte: |
    Un paragraphe qui commente les échanges de {{annee}} (citer {{{{solde}}}} ici ôterait la
    ligne du solde : une donnée n'est dite qu'une fois).
""",
    "cooperation": """\
- alliances_francaises:
    total_etudiants: 2000
    liste:
      - {{ville: {city}, creation: 2004, etudiants: 950}}
- etablissements_scolaires:
    - {{nom: lycée français, ville: {city}, eleves: 650, annee_eleves: 2023-2024}}
- instituts:
    - nom: {institute}
      creation: 2010
      fondateurs: [l'université de Lorraine]
- bourses:
    - {{nom: Programme de bourses, partenaire: Fondation de France}}
""",
    "autres_cooperations": """\
- texte: Un paragraphe sur la coopération de défense, de sécurité, décentralisée…
- liste: [un premier point, un second point]
- faits:
    - {{libelle: Coopération décentralisée, valeur: 12 partenariats}}
""",
}
_EXTRA = """\
- cle: defense
  titre: Coopération de défense
  apres: cooperation
  contenu:
    - texte: Une section propre au pays, placée après la section « apres ».
"""
_LINKS = """\
- titre: Présentation du pays (France Diplomatie)
  url: https://www.diplomatie.gouv.fr/fr/dossiers-pays/
"""


def relations_file(country: countries.CountryForms, updated: dt.date) -> str:
    """The commented data file of a "Relations bilatérales" fiche for ``country``."""
    head = country_head(country, updated, "Relations bilatérales", "relations bilatérales")
    sections = {key: _fill(text, country) for key, text in _EXAMPLES.items()}
    printed = _printed(head, sections)
    lines = [
        f"# Fiche France–{country.name} « Relations bilatérales ».",
        "# Fichier créé par `fiche-pays new` : complétez-le d'après la page à reproduire,",
        "# puis vérifiez-le avec `fiche-pays validate`.",
        "#",
        "# Chaque section est une suite de blocs, dans l'ordre de la page : enlevez le « # »",
        "# des lignes d'un exemple pour l'utiliser, remplacez toutes ses valeurs, puis",
        "# supprimez sa ligne « exemple » : `validate` refuse un bloc qui l'a encore, et toute",
        "# valeur d'exemple restée (« Prénom Nom », « Nom de la ville »…). Supprimez ce qui ne",
        "# sert pas. Sous chaque bloc, « → » montre ce que la fiche en écrit. Dates :",
        "# AAAA-MM-JJ, AAAA-MM ou AAAA.",
        "#",
        "# Un texte cite une donnée par son nom entre accolades : {pays.le} → « "
        f"{country.the} »,",
        "# {accords.partenariat.signature.quand} → « le 12 juin 2008 ». Une donnée qu'un texte",
        "# de sa section cite n'a plus de ligne à elle : elle n'est dite qu'une fois. Un élément",
        "# (visite, accord…) peut aussi avoir sa propre phrase, « texte », qui cite ses champs :",
        "# {quand}, {visiteurs}, {lieu.au}. Format complet : README, « Le format des données ».",
        "",
        head,
    ]
    for key, body in sections.items():
        lines += [f"# --- {TITLES[key]} ---", f"# {key}:"]
        for index, block in enumerate(_blocks(body)):
            lines += _commented(_marked(block), "  ")
            lines += [f"#   #   → {line}" for line in printed[key][index]]
        lines.append("")
    lines += [
        "# --- Sections propres au pays ---",
        "# sections_supplementaires:",
        *_commented(_marked_extra(_EXTRA), "  "),
        "",
        "# --- Informations complémentaires (liens) ---",
        "# informations_complementaires:",
        *_commented(_LINKS, "  "),
    ]
    return "\n".join(lines) + "\n"


def country_head(
    country: countries.CountryForms, updated: dt.date, title: str, keyword: str
) -> str:
    """The filled-in ``pays:`` and ``document:`` blocks of a new file, from the countries
    table: both files of a country get the same, so they agree."""
    pays: dict[str, Any] = {
        "nom": country.name,
        "code": country.code,
        "au": country.in_,
        "du": country.of,
        "le": country.the,
    }
    if country.of_bare != country.of:
        pays["de"] = country.of_bare
    if country.adjective:  # none in use for the Saint-Siège: the field is left out
        pays["adjectif"] = country.adjective
    if country.adjective_feminine:
        pays["adjectif_feminin"] = country.adjective_feminine
    document = {
        "titre": title,
        "mise_a_jour": updated.isoformat(),
        "mots_cles": [country.name, keyword],
    }
    text = yaml.safe_dump(
        {"pays": pays, "document": document}, allow_unicode=True, sort_keys=False, width=88
    )
    # The update date is a string in the dump: written as a date, it reads the same.
    text = text.replace(f"'{updated.isoformat()}'", updated.isoformat())
    return text.replace("document:\n", "document:\n  # service: Direction …\n", 1)


def _fill(text: str, country: countries.CountryForms) -> str:
    adjective = country.adjective
    institute = f"Institut franco-{adjective}" if adjective else f"Institut {country.of_bare}"
    return text.format(
        name=country.name,
        city=examples.CITY,
        person=examples.PERSON,
        website=examples.WEBSITE,
        institute=institute,
    )


def _blocks(body: str) -> list[str]:
    """The blocks of a section's example, each as its YAML lines."""
    blocks: list[list[str]] = []
    for line in body.splitlines():
        if line.startswith("- "):
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return ["\n".join(b) for b in blocks]


def _marked(block: str) -> str:
    """An example block with its last line ``exemple: …``, which the data format refuses
    until it is deleted (see :mod:`fiche_pays.examples`)."""
    return f"{block}\n  {examples.MARKER_KEY}: {examples.MARKER}"


def _marked_extra(text: str) -> str:
    """The extra section's example, its content block marked."""
    return text.rstrip("\n") + f"\n      {examples.MARKER_KEY}: {examples.MARKER}\n"


def _commented(text: str, indent: str) -> list[str]:
    return [f"# {indent}{line}".rstrip() for line in textwrap.dedent(text).splitlines()]


def _printed(head: str, sections: dict[str, str]) -> dict[str, list[list[str]]]:
    """What the fiche prints for each example block: the block composed alone, in its
    section, for the country of the file."""
    from .composer import compose
    from .model.relations import Fiche

    with examples.allowed():
        return _printed_examples(head, sections, compose, Fiche)


def _printed_examples(
    head: str, sections: dict[str, str], compose: Any, Fiche: Any
) -> dict[str, list[list[str]]]:
    base = yaml.safe_load(head)
    printed: dict[str, list[list[str]]] = {}
    for key, body in sections.items():
        printed[key] = []
        blocks = yaml.safe_load(body)
        for index in range(len(blocks)):
            # A block that cites another (a text citing an agreement) is composed with the
            # blocks before it, and only its own output kept.
            data = {**base, key: blocks[: index + 1]}
            before = {**base, key: blocks[:index]} if index else None
            lines = document_texts(compose(Fiche.model_validate(data)))
            if before:
                lines = [
                    x
                    for x in lines
                    if x not in document_texts(compose(Fiche.model_validate(before)))
                ]
            printed[key].append(lines)
    return printed


def document_texts(document: Any) -> list[str]:
    """Every line, paragraph and bullet of a composed document, as plain text, in
    reading order (sub-sections included)."""
    found: list[str] = []
    for section in iter_sections(document.sections):
        for node in section.children:
            if not isinstance(node, Section):
                found += _node_texts(node)
    return found


def _node_texts(node: Block) -> list[str]:
    match node:
        case Paragraph():
            return [plain(node.runs)]
        case Facts():
            return [f"{row.label} : {plain(row.value)}" for row in node.rows]
        case BulletList():
            return [plain(item) for item in node.items]
        case Table():
            return [f"tableau « {node.caption} » : {' | '.join(node.header)}"]
        case _:
            return [f"graphique « {node.title} »"]


# Imported here, once this module's helpers exist: the presentation's writer uses them.
from .newfile_presentation import presentation_file  # noqa: E402

WRITERS: dict[str, Callable[[countries.CountryForms, dt.date], str]] = {
    RELATIONS: relations_file,
    PRESENTATION: presentation_file,
}
"""The file writer of each fiche kind."""
