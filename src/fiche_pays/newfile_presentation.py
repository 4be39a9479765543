"""`fiche-pays new PAYS --type presentation`: a commented "Présentation du pays" file.

As for relations fiches (:mod:`fiche_pays.newfile`), the file validates as written (the
country and the document filled in) and each section is an example, commented out; under
each field, « → » shows the line the fiche prints for it, composed by fiche-pays itself
(with the sections before it: the density appears under the population, computed from
the area), so the comment cannot lie. Example figures are dated the year before the
update date, so that, uncommented, none is later than the fiche.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from . import countries, examples
from .composer.presentation import TITLES

# Each section's example, one top-level key after the other. {year}: the year before the
# update; {city}: a placeholder city.
_EXAMPLES: dict[str, str] = {
    "donnees_generales": """\
nom_officiel: République de …
regime: régime présidentiel
chef_de_l_etat:
  civilite: M.
  nom: {person}
  naissance: 1960-05-17
  elu: {year}-04-10
  # un souverain : {{civilite: S.M., fonction: le Roi, nom: …}} → « S.M. le Roi … »
chef_du_gouvernement:
  intitule: Premier ministre
  civilite: Mme
  nom: {person}
  depuis: {year}-09
autres_dirigeants:
  - {{intitule: Président de l'Assemblée nationale, civilite: M., nom: {person}}}
""",
    "donnees_geographiques": """\
superficie: {{valeur: 100000}}
capitale: {{nom: {city}, population: {{valeur: 1200000, date: {year}}}}}
villes_principales:
  - {{nom: Deuxième ville, population: {{valeur: 450000, date: {year}}}}}
  - {{nom: Troisième ville}}
langues_officielles:
  - {{nom: français}}
  - {{nom: langue du pays, remarque: langue nationale}}
langues_courantes: [{{nom: anglais}}]
monnaie:
  nom: franc CFA
  unite: FCFA
  taux_de_change: {{euros: 1, monnaie: 655.957, date: {year}-12, source: BCEAO}}
fete_nationale: {{jour: 1, mois: 8, objet: fête de l'indépendance}}
""",
    "donnees_demographiques": """\
population: {{valeur: 5000000, date: {year}, source: Banque mondiale}}
# densite : calculée (population / superficie) ; indiquée, elle est vérifiée
population_urbaine: {{valeur: 48, date: {year}}}
croissance_demographique: {{valeur: 2.1, date: {year}, source: Banque mondiale}}
esperance_de_vie: {{valeur: 68.5, femmes: 70.2, hommes: 66.9, date: {year}}}
alphabetisation: {{valeur: 62.3, date: {year}, source: UNESCO}}
religions:
  date: {year}
  source: recensement
  liste:
    - {{nom: islam, part: 55}}
    - {{nom: christianisme, part: 40, dont: [{{nom: catholiques, part: 25}}]}}
idh: {{valeur: 0.55, rang: 160, sur: 193, date: {year}, source: PNUD}}
""",
    "donnees_economiques": """\
pib: {{valeur: 20, unite: Md, devise: USD, date: {year}, source: FMI}}
# pib_par_habitant : calculé (PIB / population de la même année) ; indiqué, il est vérifié
croissance: {{valeur: 5.6, date: {year}, source: FMI}}
inflation: {{valeur: 2.4, date: {year}, source: FMI}}
chomage: {{valeur: 6.1, date: {year}, remarque: au sens du BIT}}
dette_publique: {{valeur: 54.2, date: {year}, source: FMI}}
solde_budgetaire: {{valeur: -3.1, date: {year}, source: FMI}}
balance_commerciale: {{valeur: -1.2, unite: Md, devise: USD, date: {year}}}
principaux_clients:
  date: {year}
  source: OMC
  liste: [{{nom: Inde, part: 15}}, {{nom: Chine, part: 12}}]
secteurs:
  date: {year}
  liste:
    - {{nom: secteur primaire, part: 25}}
    - {{nom: secteur secondaire, part: 20}}
    - {{nom: secteur tertiaire, part: 55}}
echanges_avec_la_france:
  exportations: {{valeur: 180, unite: M, devise: EUR, date: {year}, source: Douanes}}
  importations: {{valeur: 40, unite: M, devise: EUR, date: {year}, source: Douanes}}
liens:
  - titre: Situation économique (DG Trésor)
    url: https://www.tresor.economie.gouv.fr/Pays/
""",
    "autres_donnees": """\
classements:
  - nom: Indice de perception de la corruption
    rang: 70
    sur: 180
    date: {year}
    source: Transparency International
faits:
  - {{libelle: Notation souveraine, valeur: B+ (S&P)}}
""",
    "gouvernement": """\
membres:
  - {{civilite: M., nom: {person}, fonction: le Ministre des Affaires étrangères}}
  - {{civilite: Mme, nom: {person}, fonction: la Ministre de l'Économie}}
date: {year}-10-01
""",
    "presence_francaise": """\
ambassade: {{ville: {city}, site: {website}}}
communaute: {{nombre: 1250, unite: personnes inscrites au registre, date: {year}-12-31}}
""",
    "elements_d_actualite": """\
politique_interieure:
  texte: |
    Un paragraphe de la page, qui peut citer les données de la fiche : {{pays.le}} est
    dirigé par {{chef_de_l_etat}}. Une ligne vide commence un nouveau paragraphe.
politique_etrangere:
  texte: Un paragraphe sur la politique étrangère.
situation_economique:
  texte: |
    La croissance a atteint {{croissance}} en {{croissance.date}} (source : {{croissance.source}}).
""",
    "informations_complementaires": """\
- titre: Présentation du pays (France Diplomatie)
  url: https://www.diplomatie.gouv.fr/fr/dossiers-pays/
""",
}


def presentation_file(country: countries.CountryForms, updated: dt.date) -> str:
    """The commented data file of a "Présentation du pays" fiche for ``country``."""
    from .newfile import country_head

    head = country_head(country, updated, "Présentation du pays", "présentation du pays")
    year = updated.year - 1
    sections = {
        key: text.format(
            year=year, city=examples.CITY, person=examples.PERSON, website=examples.WEBSITE
        )
        for key, text in _EXAMPLES.items()
    }
    printed = _printed(head, sections)
    lines = [
        f"# Fiche « Présentation du pays » : {country.name}.",
        "# Fichier créé par `fiche-pays new --type presentation` : complétez-le d'après la",
        "# page à reproduire, puis vérifiez-le avec `fiche-pays validate`.",
        "#",
        "# Enlevez le « # » des lignes d'un exemple pour l'utiliser (la ligne de la section",
        "# comprise), remplacez toutes ses valeurs, puis supprimez sa ligne « exemple » :",
        "# `validate` refuse une section qui l'a encore, et toute valeur d'exemple restée",
        "# (« Prénom Nom », « Nom de la ville »…). Supprimez ce qui ne sert pas. Sous chaque",
        "# champ, « → » montre ce que la fiche en écrit. Chaque chiffre a sa valeur, et selon",
        "# ce que l'on sait son unité, sa date et sa source ; un chiffre de plus de 3 ans avant",
        "# la mise à jour est signalé. Dates : AAAA-MM-JJ, AAAA-MM ou AAAA. Les textes citent",
        "# les données par leur nom entre accolades : {population}, {pib.date}, {chef_de_l_etat}.",
        "# Format complet : README, « Présentation du pays ».",
        "",
        head,
    ]
    for key, body in sections.items():
        lines += [f"# --- {TITLES[key]} ---", f"# {key}:"]
        for index, chunk in enumerate(_chunks(body)):
            lines += [f"#   {line}".rstrip() for line in chunk.splitlines()]
            lines += [f"#   #   → {line}" for line in printed[key][index]]
        if not body.startswith("- "):  # a section that is a mapping: marked as an example
            lines.append(f"#   {examples.MARKER_KEY}: {examples.MARKER}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _chunks(body: str) -> list[str]:
    """The fields of a section's example, each with its lines (a comment goes with the
    field before it)."""
    chunks: list[list[str]] = []
    for line in body.splitlines():
        if chunks and line.startswith((" ", "#")):
            chunks[-1].append(line)
        else:
            chunks.append([line])
    return ["\n".join(c) for c in chunks]


def _printed(head: str, sections: dict[str, str]) -> dict[str, list[list[str]]]:
    """What the fiche prints for each field of each example, composed with the sections
    before it: only the lines the field adds."""
    from .composer import compose
    from .model.presentation import Presentation
    from .newfile import document_texts

    data: dict[str, Any] = yaml.safe_load(head)
    printed: dict[str, list[list[str]]] = {}

    def texts(candidate: dict[str, Any]) -> list[str]:
        with examples.allowed():  # the examples' own values, to show what they print
            return document_texts(compose(Presentation.model_validate(candidate)))

    for key, body in sections.items():
        printed[key] = []
        chunks = _chunks(body)
        before = texts(data)
        for index in range(len(chunks)):
            value = yaml.safe_load("\n".join(chunks[: index + 1]))
            after = texts({**data, key: value})
            printed[key].append([line for line in after if line not in before])
            before = after
        data[key] = yaml.safe_load(body)
    return printed
