"""Synthetic but realistic fiches for the benchmarks.

Every fiche is a different (invented) country with a unique file name, valid against
the model, and written the way a desk officer writes one: block texts, dates as
AAAA-MM-JJ, a few references to data ({pays.au}, {solde}…) in the prose. Sizes vary
on purpose: most fiches are short or medium, about one in eight is a long one with
50 to 150 visits and a hand-typed table of 100+ rows, because those are the fiches
that dominate build time and memory.

Everything is drawn from one :class:`random.Random` seeded by the caller, so two runs
with the same seed write byte-identical files and their timings are comparable.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

# --- vocabulary ---------------------------------------------------------------------------

_ONSETS = ["b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br",
           "tr", "gr", "ch", "st", "kh", "dr"]  # fmt: skip
_VOWELS = ["a", "e", "i", "o", "ou", "é", "è", "a", "o", "ai", "ï", "u"]
_FEMININE_ENDINGS = ["ie", "anie", "ésie", "onie", "arie", "ande", "ine"]
_MASCULINE_ENDINGS = ["stan", "an", "or", "al", "ak", "ouri", "ind", "ège"]

_FIRST_NAMES = ["Marie", "Jean", "Claire", "Pierre", "Anne", "Luc", "Sophie", "Paul",
                "Isabelle", "François", "Catherine", "Nicolas", "Élisabeth", "Olivier",
                "Hélène", "Thierry", "Agnès", "Jérôme", "Laurence", "Rémi", "Noursoultan",
                "Kaïrat", "Aïgul", "Timour", "Zarina", "Dilnoza", "Arman", "Saule"]  # fmt: skip
_LAST_NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
               "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel",
               "Garcia", "Fontaine", "Chevalier", "Rousseau", "Abdrakhmanov", "Tokaïev",
               "Nazarbaïeva", "Seitkali", "Joumabaïev", "Ermekova", "Ospanov"]  # fmt: skip
_FUNCTIONS = ["président de la République", "Premier ministre",
              "ministre des affaires étrangères", "ministre de l'Économie et des Finances",
              "ministre des Armées", "secrétaire d'État chargé du commerce extérieur",
              "ministre de l'Enseignement supérieur et de la Recherche",
              "président du Sénat", "président de l'Assemblée nationale",
              "ministre de la Culture", "vice-ministre des affaires étrangères",
              "délégation parlementaire du groupe d'amitié"]  # fmt: skip
_PURPOSES = ["signature d'une feuille de route de coopération économique",
             "inauguration du nouveau campus franco-{adj}",
             "forum d'affaires bilatéral et rencontres avec les entreprises françaises",
             "consultations politiques entre ministères des affaires étrangères",
             "participation à la conférence internationale sur le climat",
             "réunion de la commission intergouvernementale",
             "visite d'État", "entretiens bilatéraux", "salon international de l'aéronautique",
             "lancement de l'année croisée culturelle"]  # fmt: skip
_SECTORS = ["hydrocarbures", "construction", "uranium", "aéronautique", "ferroviaire",
            "agroalimentaire", "eau et assainissement", "énergies renouvelables",
            "santé", "distribution", "luxe", "banque et assurance", "spatial",
            "tourisme", "défense", "transports urbains"]  # fmt: skip
_PRODUCTS = [("petrole", "pétrole brut", "importations"),
             ("gaz", "gaz naturel", "importations"),
             ("metaux", "métaux non ferreux", "importations"),
             ("textile", "produits textiles", "importations"),
             ("aeronefs", "aéronefs et engins spatiaux", "exportations"),
             ("pharmacie", "produits pharmaceutiques", "exportations"),
             ("machines", "machines industrielles", "exportations"),
             ("cosmetiques", "parfums et cosmétiques", "exportations")]  # fmt: skip
_SUBJECTS = ["La coopération bilatérale", "Le dialogue politique", "Notre relation",
             "La présence économique française", "Le partenariat stratégique",
             "La coopération universitaire", "L'action culturelle de l'ambassade",
             "Le réseau des entreprises françaises", "La coopération décentralisée",
             "Le programme de bourses du Gouvernement français"]  # fmt: skip
_VERBS = ["s'est nettement renforcé", "a connu une dynamique soutenue",
          "s'appuie sur des échanges réguliers", "a été relancé", "demeure dense",
          "s'est diversifié", "progresse de manière continue",
          "reste marqué par la crise sanitaire", "a franchi une nouvelle étape"]  # fmt: skip
_COMPLEMENTS = ["depuis la signature du traité de partenariat",
                "à la faveur de plusieurs visites de haut niveau",
                "dans les domaines de l'énergie, des transports et de la santé",
                "grâce à l'engagement des collectivités territoriales",
                "avec le soutien de l'Agence française de développement",
                "malgré un contexte régional difficile",
                "au bénéfice des étudiants et des chercheurs des deux pays",
                "notamment dans le cadre du programme « Make Our Planet Great Again »",
                "en lien étroit avec les partenaires européens",
                "comme l'a souligné la dernière commission mixte"]  # fmt: skip
_TAILS = ["Plusieurs projets structurants sont en cours d'instruction.",
          "Les prochaines consultations devraient se tenir à Paris.",
          "Cette dynamique reste toutefois fragile et appelle un suivi attentif.",
          "Une feuille de route commune fixe les priorités pour les trois prochaines années.",
          "Les entreprises françaises y voient un marché d'avenir, en particulier pour les "
          "PME et les ETI.",
          "Le nombre d'étudiants accueillis en France a doublé en dix ans."]  # fmt: skip
_AGREEMENTS = [("partenariat", "traité de partenariat stratégique"),
               ("amitie", "traité d'amitié et de coopération"),
               ("fiscal", "convention fiscale"),
               ("culturel", "accord de coopération culturelle, scientifique et technique"),
               ("defense", "accord de coopération en matière de défense"),
               ("investissements",
                "accord de protection réciproque des investissements")]  # fmt: skip
_EXTRA_SECTIONS = [("defense", "Coopération de défense"),
                   ("accords", "Accords bilatéraux en vigueur"),
                   ("decentralisee", "Coopération décentralisée"),
                   ("securite", "Coopération de sécurité intérieure"),
                   ("jumelages", "Jumelages")]  # fmt: skip
_STANDARD_SECTIONS = ["relations_politiques", "presence_francaise", "visites",
                      "ambassadeurs", "relations_economiques", "cooperation"]  # fmt: skip


def slugify(name: str) -> str:
    """The file stem fiche-pays derives from a country name (same rule as the model)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


class _Writer:
    """Draws one fiche's content from a shared random generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    # --- small pieces ---------------------------------------------------------------------

    def word(self, syllables: int) -> str:
        return "".join(
            self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS) for _ in range(syllables)
        )

    def person(self) -> str:
        return f"{self.rng.choice(_FIRST_NAMES)} {self.rng.choice(_LAST_NAMES)}"

    def city(self) -> str:
        return self.word(self.rng.randint(2, 3)).capitalize()

    def day(self, first: int, last: int) -> dt.date:
        start = dt.date(first, 1, 1).toordinal()
        return dt.date.fromordinal(self.rng.randint(start, dt.date(last, 12, 31).toordinal()))

    def sentence(self, country: dict[str, str]) -> str:
        rng = self.rng
        text = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_COMPLEMENTS)}"
        if rng.random() < 0.3:
            text += f", {rng.choice(_COMPLEMENTS)}"
        if rng.random() < 0.25:
            text += f" {country['au']}"
        return text + "."

    def prose(self, country: dict[str, str], paragraphs: int, refs: Sequence[str] = ()) -> str:
        """Paragraphs of 2 to 7 sentences, the given references woven into the first."""
        result = []
        for index in range(paragraphs):
            sentences = [self.sentence(country) for _ in range(self.rng.randint(2, 7))]
            if self.rng.random() < 0.3:
                sentences.append(self.rng.choice(_TAILS))
            if index == 0 and refs:
                sentences.insert(1, " ".join(refs))
            # Wrapped at ~88 columns like a hand-written file; single breaks are spaces.
            result.append(_wrap(" ".join(sentences)))
        return "\n\n".join(result) + "\n"

    # --- sections -------------------------------------------------------------------------

    def country(self, name: str, feminine: bool) -> dict[str, Any]:
        elided = name[0].lower() in "aeiouyéèâîô"
        if feminine:
            forms = (
                "en " + name,
                ("de l'" if elided else "de la ") + name,
                ("l'" if elided else "la ") + name,
            )
        else:
            forms = (
                ("en " if elided else "au ") + name,
                ("de l'" if elided else "du ") + name,
                ("l'" if elided else "le ") + name,
            )
        adjective = slugify(name)[:6] + "ien"
        return {
            "nom": name,
            "code": "".join(self.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(2)),
            "au": forms[0],
            "du": forms[1],
            "le": forms[2],
            "adjectif": adjective,
            "adjectif_feminin": adjective + "ne",
        }

    def visits(self, count: int, updated: dt.date, adjective: str) -> list[dict[str, Any]]:
        rng = self.rng
        visits = []
        for _ in range(count):
            start = self.day(2005, updated.year - 1)
            visit: dict[str, Any] = {
                "date": start.isoformat(),
                "sens": rng.choice(
                    ["vers_le_pays", "vers_la_france", "vers_la_france", "pays_tiers"]
                ),
                "personnalite": self.person(),
            }
            kind = rng.random()
            if kind < 0.3:
                visit["fin"] = (start + dt.timedelta(days=rng.randint(1, 3))).isoformat()
            elif kind < 0.45:
                visit["date"] = start.isoformat()[:7]  # only the month is known
            if rng.random() < 0.85:
                visit["fonction"] = rng.choice(_FUNCTIONS)
            if rng.random() < 0.6:
                visit["lieu"] = self.city()
            if rng.random() < 0.5:
                visit["objet"] = rng.choice(_PURPOSES).format(adj=adjective)
            visits.append(visit)
        return visits

    def economy(self, country: dict[str, str], updated: dt.date) -> dict[str, Any]:
        rng = self.rng
        last = updated.year - 1
        years = list(range(last - rng.randint(1, 5), last + 1))
        exports = rng.uniform(50, 5000)
        imports = rng.uniform(50, 5000)
        trade = []
        for year in years:
            exports *= rng.uniform(0.7, 1.4)
            imports *= rng.uniform(0.7, 1.4)
            trade.append(
                {
                    "annee": year,
                    "exportations": round(exports),
                    "importations": round(imports),
                    "part_de_marche": round(rng.uniform(0.3, 12), 1),
                }
            )
        trade[-1]["rang_fournisseur"] = rng.randint(1, 20)
        trade[-1]["rang_fournisseur_europeen"] = rng.randint(1, 6)
        if rng.random() < 0.5:
            trade[-1]["entreprises_francaises"] = rng.randint(10, 900)
        products = []
        for key, label, flow in rng.sample(_PRODUCTS, rng.randint(1, 4)):
            values = {}
            for entry in trade[-2:]:
                # A product is a share of its flow: never more than the total (checked).
                values[entry["annee"]] = round(entry[flow] * rng.uniform(0.05, 0.9), 1)
            products.append({"cle": key, "libelle": label, "flux": flow, "valeurs": values})
        refs = [
            f"En {{annee}}, le solde des échanges s'établit à {{solde}} "
            f"(contre {{solde.precedent}} en {{annee_precedente}}) ; nos exportations vers "
            f"{country['le']} ont atteint {{exportations}} ({{exportations.evolution}}) et "
            f"la part de marché de la France ressort à {{part_de_marche}}."
        ]
        return {
            "devise": "EUR",
            "source": "Douanes françaises",
            "echanges": trade,
            "produits": products,
            "secteurs": rng.sample(_SECTORS, rng.randint(2, 8)),
            "texte": self.prose(country, rng.randint(1, 4), refs),
        }

    def cooperation(self, country: dict[str, str], size: float) -> dict[str, Any]:
        rng = self.rng
        alliances = []
        for _ in range(rng.randint(1, max(1, round(6 * size)))):
            alliance: dict[str, Any] = {"ville": self.city(), "creation": rng.randint(1950, 2020)}
            if rng.random() < 0.7:
                alliance["etudiants"] = rng.randint(50, 3000)
            else:
                alliance["remarque"] = "pôle labellisé par la Fondation des Alliances françaises"
            alliances.append(alliance)
        total = sum(a.get("etudiants", 0) for a in alliances) + rng.randint(0, 2000)
        institutes = []
        for _ in range(rng.randint(0, 3)):
            institutes.append(
                {
                    "nom": f"Institut franco-{country['adjectif']} de {self.word(2)}",
                    "date": self.day(1995, 2020).isoformat(),
                    "evenement": rng.choice(["création", "inauguration", "ouverture"]),
                    "partenaires": [f"université de {self.city()}" for _ in range(3)],
                    "etudiants": rng.randint(20, 2000),
                    "annee_etudiants": "2022-2023",
                    "texte": self.prose(country, 1, ["Il accueille {etudiants}."]),
                }
            )
        return {
            "texte": self.prose(country, rng.randint(1, 3)),
            "alliances_francaises": {"total_etudiants": total, "liste": alliances},
            "instituts": institutes,
            "etablissements_scolaires": [
                {
                    "nom": f"Lycée français {self.person()}",
                    "ville": self.city(),
                    "eleves": rng.randint(80, 1800),
                    "annee_eleves": "2023-2024",
                }
                for _ in range(rng.randint(0, 3))
            ],
            "bourses": {
                "programmes": [{"nom": self.word(2).capitalize() + "-Verne"}, {"nom": "Aralia"}],
                "texte": self.prose(country, 1),
            },
        }

    def free_body(self, country: dict[str, str], rows: int) -> dict[str, Any]:
        """Text, facts, a list and, when ``rows``, a hand-typed table."""
        rng = self.rng
        body: dict[str, Any] = {"texte": self.prose(country, rng.randint(1, 3))}
        if rng.random() < 0.6:
            body["faits"] = [
                {"libelle": rng.choice(_SUBJECTS), "valeur": rng.choice(_COMPLEMENTS)}
                for _ in range(rng.randint(1, 5))
            ]
        if rng.random() < 0.5:
            body["liste"] = [self.sentence(country) for _ in range(rng.randint(2, 8))]
        if rows:
            body["tableau"] = {
                "titre": "Principaux accords et arrangements bilatéraux",
                "entetes": ["Date", "Intitulé", "Lieu de signature"],
                "lignes": [
                    [
                        self.day(1992, 2023).isoformat(),
                        rng.choice(_AGREEMENTS)[1].capitalize() + " " + rng.choice(_COMPLEMENTS),
                        self.city(),
                    ]
                    for _ in range(rows)
                ],
                "source": "Base des traités et accords de la France",
            }
        return body

    # --- the fiche ------------------------------------------------------------------------

    def fiche(self, name: str, feminine: bool, large: bool) -> dict[str, Any]:
        """One complete fiche; ``large`` gives many visits and a table of 100+ rows."""
        rng = self.rng
        size = rng.uniform(1.5, 2.5) if large else rng.choice([0.3, 0.5, 0.8, 1.0, 1.2])
        country = self.country(name, feminine)
        updated = self.day(2023, 2025)
        agreements = [
            {"cle": key, "titre": title, "signature": self.day(1992, 2015).isoformat()[:7]}
            for key, title in rng.sample(_AGREEMENTS, rng.randint(1, 4))
        ]
        political_refs = [
            "La France et {pays.le} ont établi leurs relations diplomatiques "
            "{relations_diplomatiques.quand}."
        ]
        visit_count = rng.randint(50, 150) if large else rng.randint(2, round(10 + 20 * size))
        fiche: dict[str, Any] = {
            "pays": country,
            "document": {
                "titre": "Relations bilatérales",
                "mise_a_jour": updated.isoformat(),
                "service": "Direction de l'Europe continentale",
                "mots_cles": [name, "relations bilatérales"],
            },
            "relations_politiques": {
                "relations_diplomatiques": self.day(1960, 1995).isoformat(),
                "accords": agreements,
                "texte": self.prose(country, rng.randint(1, round(2 + 3 * size)), political_refs),
            },
            "presence_francaise": {
                "communaute": {
                    "nombre": rng.randint(40, 25000),
                    "unite": "inscrits au registre",
                    "date": updated.year - 1,
                },
                "ambassade": {"ville": self.city()},
                "postes": [
                    {"type": "consulat général", "ville": self.city()}
                    for _ in range(rng.randint(0, 3))
                ],
                "communaute_en_france": {"nombre": rng.randint(100, 90000)},
                "texte": self.prose(country, 1),
            },
            "visites": {
                "texte": self.prose(country, rng.randint(1, 2)),
                "liste": self.visits(visit_count, updated, country["adjectif"]),
            },
            "ambassadeurs": {
                "de_france": {
                    "nom": self.person(),
                    "civilite": rng.choice(["M.", "Mme"]),
                    # a September before the update: a later date is refused (checks.py)
                    "depuis": f"{updated.year - rng.randint(1, 4)}-09",
                },
                "en_france": {"nom": self.person()},
            },
            "relations_economiques": self.economy(country, updated),
            "cooperation": self.cooperation(country, size),
        }
        # Long hand-typed tables go either in "autres coopérations" or in an extra section.
        big_rows = rng.randint(100, 250) if large else 0
        table_in_other = bool(big_rows) and rng.random() < 0.5
        small_rows = rng.randint(3, 30) if rng.random() < 0.4 else 0
        fiche["autres_cooperations"] = self.free_body(
            country, big_rows if table_in_other else small_rows
        )
        extra = []
        for index, (key, title) in enumerate(rng.sample(_EXTRA_SECTIONS, rng.randint(0, 3))):
            rows = big_rows if (big_rows and not table_in_other and index == 0) else 0
            if not rows and rng.random() < 0.3:
                rows = rng.randint(3, 20)
            section = {"cle": key, "titre": title, **self.free_body(country, rows)}
            if rng.random() < 0.5:
                section["apres"] = rng.choice(_STANDARD_SECTIONS)
            extra.append(section)
        if big_rows and not table_in_other and not extra:
            extra.append(
                {
                    "cle": "accords",
                    "titre": "Accords bilatéraux en vigueur",
                    **self.free_body(country, big_rows),
                }
            )
        if extra:
            fiche["sections_supplementaires"] = extra
        fiche["informations_complementaires"] = [
            {
                "titre": f"Présentation {country['du']} (France Diplomatie)",
                "url": f"https://www.diplomatie.gouv.fr/fr/dossiers-pays/{slugify(name)}/",
            },
            {
                "titre": f"Ambassade de France {country['au']}",
                "url": f"https://{country['code'].lower()}.ambafrance.org/",
            },
        ]
        return fiche


def _wrap(text: str, width: int = 88) -> str:
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Block style ("|") for texts, as desk officers write them (libyaml when available)."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def country_names(rng: random.Random, count: int) -> list[tuple[str, bool]]:
    """``count`` invented country names with distinct slugs, and whether each is feminine."""
    writer = _Writer(rng)
    names: list[tuple[str, bool]] = []
    seen: set[str] = set()
    while len(names) < count:
        feminine = rng.random() < 0.55
        ending = rng.choice(_FEMININE_ENDINGS if feminine else _MASCULINE_ENDINGS)
        name = (writer.word(rng.randint(1, 2)) + ending).capitalize()
        if rng.random() < 0.08:
            name = f"{name}-{writer.word(2).capitalize()}"
        slug = slugify(name)
        if slug and slug not in seen:
            seen.add(slug)
            names.append((name, feminine))
    return names


def generate(folder: Path, count: int, seed: int = 20240501) -> list[Path]:
    """Write ``count`` fiches into ``folder``; return their paths, sorted.

    The first fiche is always a large one, so that even a tiny run exercises long
    tables; after that about one fiche in eight is large.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    writer = _Writer(rng)
    paths = []
    for index, (name, feminine) in enumerate(country_names(rng, count)):
        large = index == 0 or rng.random() < 0.125
        data = writer.fiche(name, feminine, large)
        path = folder / f"{slugify(name)}.yaml"
        text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
        path.write_text(f"# Fiche synthétique (benchmark), graine {seed}.\n{text}", "utf-8")
        paths.append(path)
    return sorted(paths)
