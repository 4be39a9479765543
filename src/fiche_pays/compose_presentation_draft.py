"""Validated presentation fiche -> document tree (draft of issue 11, phase 1).

Sections in the order of the published pages: Données générales, géographiques,
démographiques, économiques, then Autres données, Composition du gouvernement,
Présence française, Éléments d'actualité (with its level-2 sections) and Informations
complémentaires. A fact line reads "Label (année) : valeur (détails ; source : X)".
Unlike the relations fiche, a figure the prose cites keeps its line: the data part
of a presentation is the reader's fixed table of reference.
"""

from __future__ import annotations

from . import references
from .compose import Wording, _posts, community_value, document_timestamp, fact, paragraphs
from .french import Units, typography
from .model_presentation_draft import (
    City,
    Economy,
    Leader,
    PageLink,
    Presentation,
    TextSection,
)
from .model_presentation_figures_draft import (
    Balance,
    Dated,
    Figure,
    ShareList,
)
from .tree import Block, BulletList, Document, Fact, Facts, Meta, Paragraph, Run, Section
from .wording_presentation_draft import (
    currency,
    dated_label,
    density,
    derived_per_capita,
    earlier,
    inhabitants,
    leader,
    life_expectancy,
    money,
    national_day,
    person,
    ranking,
    share,
    share_list,
    value,
    with_details,
)

TITLES = {
    "donnees_generales": "Données générales",
    "donnees_geographiques": "Données géographiques",
    "donnees_demographiques": "Données démographiques",
    "donnees_economiques": "Données économiques",
    "autres_donnees": "Autres données",
    "gouvernement": "Composition du gouvernement",
    "presence_francaise": "Présence française",
    "elements_d_actualite": "Éléments d'actualité",
    "informations_complementaires": "Informations complémentaires",
}
CURRENT_TITLES = {
    "politique_interieure": "Politique intérieure",
    "politique_etrangere": "Politique étrangère",
    "situation_economique": "Situation économique",
}


def compose(fiche: Presentation, wording: Wording | None = None) -> Document:
    """Build the document tree of a validated presentation fiche."""
    wording = wording or Wording()
    units = wording.units
    names = reference_names(fiche, units)
    builders = {
        "donnees_generales": lambda: _general(fiche),
        "donnees_geographiques": lambda: _geography(fiche),
        "donnees_demographiques": lambda: _demography(fiche),
        "donnees_economiques": lambda: _economy(fiche, units),
        "autres_donnees": lambda: _other(fiche),
        "gouvernement": lambda: _government(fiche),
        "presence_francaise": lambda: _presence(fiche, names),
        "elements_d_actualite": lambda: _current_affairs(fiche, names),
        "informations_complementaires": lambda: _links(fiche.links),
    }
    sections = []
    for key, build in builders.items():
        children = build()
        if children:
            sections.append(Section(key, typography(TITLES[key]), 1, tuple(children)))
    return Document(_meta(fiche, wording), tuple(sections))


def _meta(fiche: Presentation, wording: Wording) -> Meta:
    doc, country = fiche.document, fiche.country
    updated = doc.updated
    title = typography(f"{country.name} — {doc.title}")
    return Meta(
        title=title,
        country=typography(country.name),
        kind=typography(doc.title),
        date=updated.first_day,
        timestamp=document_timestamp(updated.first_day),
        date_label=typography(f"Mise à jour : {updated.text()}"),
        short_title=title,
        author=typography(doc.author or doc.service or wording.default_author),
        subject=typography(f"Présentation {country.of_form}"),
        keywords=tuple(typography(k) for k in dict.fromkeys([country.name, *doc.keywords])),
        service=typography(doc.service) if doc.service else None,
        toc_title=wording.toc_title,
    )


# --- lines ---------------------------------------------------------------------------------


def figure_line(
    label: str,
    figure: Dated,
    text: str | None = None,
    details: list[str] | None = None,
    units: Units | None = None,
) -> Fact:
    """ "Label (2017) : value (details ; source : X)", earlier values among the details;
    ``text`` defaults to the figure's own wording."""
    units = units or Units()
    details = list(details or [])
    if isinstance(figure, Figure):
        text = value(figure, units) if text is None else text
        details += [figure.note] if figure.note else []
        details += earlier(figure, units)
    return fact(dated_label(label, figure), with_details(text or "", details, figure.source))


def _list_line(label: str, shares: ShareList | None, units: Units) -> list[Fact]:
    if shares is None:
        return []
    value = share_list(shares, units)
    if shares.source:
        value += f" (source : {shares.source})"
    return [fact(dated_label(label, shares), value)]


def _facts(rows: list[Fact]) -> list[Block]:
    return [Facts(tuple(rows))] if rows else []


def _links(links: list[PageLink]) -> list[Block]:
    if not links:
        return []
    items = tuple((Run(typography(link.title or link.url), href=link.url),) for link in links)
    return [BulletList(items)]


# --- sections ---------------------------------------------------------------------------------


def _general(fiche: Presentation) -> list[Block]:
    general = fiche.general
    if general is None:
        return []
    rows = []
    if general.official_name:
        rows.append(fact("Nom officiel", general.official_name))
    if general.regime:
        rows.append(fact("Nature du régime", general.regime))
    head = general.head_of_state
    if head:
        usual = "Chef de l'État et du gouvernement" if head.heads_government else "Chef de l'État"
        rows.append(fact(head.label or usual, leader(head)))
    if general.head_of_government:
        chief = general.head_of_government
        rows.append(fact(chief.label or "Chef du gouvernement", leader(chief)))
    rows += [fact(other.label, leader(other)) for other in general.other_leaders]
    return _facts(rows)


def _city(city: City) -> str:
    population = city.population
    details = []
    if population:
        text = inhabitants(population)
        details.append(f"{text} en {population.date.text()}" if population.date else text)
    if city.note:
        details.append(city.note)
    if population and population.source:
        details.append(f"source : {population.source}")
    return f"{city.name} ({' ; '.join(details)})" if details else city.name


def _plural_label(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


def _geography(fiche: Presentation) -> list[Block]:
    geo = fiche.geography
    if geo is None:
        return []
    rows = []
    if geo.area:
        rows.append(figure_line("Superficie", geo.area))
    if geo.eez:
        rows.append(figure_line("Zone économique exclusive", geo.eez))
    if geo.capital:
        label = "Capitale officielle" if geo.capital.official else "Capitale"
        rows.append(fact(label, _city(geo.capital)))
    if geo.cities:
        rows.append(fact("Villes principales", ", ".join(_city(c) for c in geo.cities)))
    for languages, singular, plural in (
        (geo.official_languages, "Langue officielle", "Langues officielles"),
        (geo.spoken_languages, "Langue courante", "Langues courantes"),
    ):
        if languages:
            value = ", ".join(f"{x.name} ({x.note})" if x.note else x.name for x in languages)
            rows.append(fact(_plural_label(singular, plural, len(languages)), value))
    if geo.currency:
        name, details = currency(geo.currency)
        rows.append(fact("Monnaie", with_details(name, details, None)))
    if geo.national_day:
        rows.append(fact("Fête nationale", national_day(geo.national_day)))
    return _facts(rows)


def _demography(fiche: Presentation) -> list[Block]:
    demo = fiche.demography
    if demo is None:
        return []
    rows = []
    population = demo.population
    if population:
        details = []
        urban = demo.urban_share
        if urban:
            text = f"population urbaine : {share(urban)}"
            if urban.date and urban.date != population.date:
                text += f" en {urban.date.text()}"
            if urban.source and urban.source != population.source:
                text += f", source : {urban.source}"
            details.append(text)
        rows.append(figure_line("Population", population, details=details))
    derived = fiche.derived_density()
    if demo.density:
        rows.append(figure_line("Densité", demo.density))
    elif derived is not None:
        rows.append(fact(dated_label("Densité", population), density(derived)))
    if demo.growth:
        rows.append(figure_line("Croissance démographique", demo.growth))
    if demo.life_expectancy:
        value, details = life_expectancy(demo.life_expectancy)
        rows.append(figure_line("Espérance de vie", demo.life_expectancy, value, details))
    if demo.literacy:
        rows.append(figure_line("Taux d'alphabétisation", demo.literacy))
    units = Units()
    if demo.religions:
        religions = demo.religions
        single = len(religions.items) == 1 and not religions.items[0].parts
        rows += _list_line("Religion" if single else "Religions", religions, units)
    rows += _list_line("Groupes ethniques", demo.ethnic_groups, units)
    if demo.hdi:
        value, details = ranking(demo.hdi)
        rows.append(figure_line("Indice de développement humain", demo.hdi, value, details))
    return _facts(rows)


def _economy(fiche: Presentation, units: Units) -> list[Block]:
    eco = fiche.economy
    if eco is None:
        return []
    rows = []
    if eco.gdp:
        rows.append(figure_line("PIB", eco.gdp, units=units))
    rows += _per_capita(fiche, eco, units)
    for label, figure in (
        ("Taux de croissance", eco.growth),
        ("Taux d'inflation", eco.inflation),
        ("Taux de chômage", eco.unemployment),
    ):
        if figure:
            rows.append(figure_line(label, figure, units=units))
    if eco.public_debt:
        rows.append(figure_line("Dette publique", eco.public_debt, units=units))
    for label, item in (
        ("Solde budgétaire", eco.budget_balance),
        ("Solde courant", eco.current_account),
        ("Balance commerciale", eco.trade_balance),
    ):
        if isinstance(item, Balance):
            rows.append(figure_line(label, item, units=units))
    rows += _list_line("Principaux clients", eco.clients, units)
    rows += _list_line("Principaux fournisseurs", eco.suppliers, units)
    rows += _list_line("Part des secteurs d'activité dans le PIB", eco.sectors, units)
    trade, the = eco.france, fiche.country.the_form
    if trade:
        for label, flow in (
            (f"Exportations de la France vers {the}", trade.exports),
            (f"Importations françaises depuis {the}", trade.imports),
            (f"Échanges commerciaux entre la France et {the}", trade.total),
        ):
            if flow:
                rows.append(figure_line(label, flow, units=units))
    return [*_facts(rows), *_links(eco.links)]


def _per_capita(fiche: Presentation, eco: Economy, units: Units) -> list[Fact]:
    if eco.gdp_per_capita:
        stated = eco.gdp_per_capita
        return [figure_line("PIB par habitant", stated, units=units)]
    derived = fiche.derived_gdp_per_capita()
    if derived is None or eco.gdp is None:
        return []
    value = derived_per_capita(derived, eco.gdp.currency, units)
    return [fact(dated_label("PIB par habitant", eco.gdp), value)]


def _other(fiche: Presentation) -> list[Block]:
    other = fiche.other
    if other is None:
        return []
    rows = []
    for item in other.rankings:
        value, details = ranking(item)
        label = dated_label(item.name, item)
        rows.append(fact(label, with_details(value, details, item.source)))
    rows += [fact(f.label, f.value) for f in other.facts]
    return _facts(rows)


def _government(fiche: Presentation) -> list[Block]:
    government = fiche.government
    if government is None:
        return []
    blocks: list[Block] = []
    if government.date:
        blocks.append(Paragraph((Run(typography(f"Composition au {government.date.text()} :")),)))
    items = tuple((Run(typography(f"{person(m)}, {m.office}")),) for m in government.members)
    return [*blocks, BulletList(items)]


def _presence(fiche: Presentation, names: dict[str, str]) -> list[Block]:
    presence = fiche.presence
    if presence is None:
        return []
    rows = []
    embassy = presence.embassy
    if embassy and embassy.website:
        where = f" à {embassy.city}" if embassy.city else ""
        label = typography(f"Site internet de l'ambassade de France{where}")
        rows.append(Fact(label, (Run(embassy.website, href=embassy.website),)))
    elif embassy and embassy.city:
        rows.append(fact("Ambassade de France", embassy.city))
    rows += _posts(presence.posts)
    if presence.community and presence.community.count is not None:
        label = f"Communauté française {fiche.country.in_form}"
        rows.append(fact(label, community_value(presence.community)))
    text = []
    if presence.community and presence.community.text:
        text += _prose(presence.community.text, names)
    text += _prose(presence.text, names)
    return [*_facts(rows), *text]


def _current_affairs(fiche: Presentation, names: dict[str, str]) -> list[Block | Section]:
    current = fiche.current_affairs
    if current is None:
        return []
    parts: list[tuple[str, str, TextSection | None]] = [
        (key, title, getattr(current, attribute))
        for (key, title), attribute in zip(
            CURRENT_TITLES.items(), ("domestic", "foreign", "economic"), strict=True
        )
    ]
    parts += [(extra.key, extra.title, extra) for extra in current.extra]
    return [
        Section(key, typography(title), 2, (*_prose(part.text, names), *_links(part.links)))
        for key, title, part in parts
        if part is not None
    ]


def _prose(text: str | None, names: dict[str, str]) -> list[Block]:
    if not text:
        return []
    resolved, _ = references.resolve(text, names)
    return [Paragraph((Run(p),)) for p in paragraphs(resolved)]


# --- names prose may refer to ---------------------------------------------------------------


def reference_names(fiche: Presentation, units: Units) -> dict[str, str]:
    """The worded values a text may cite: {population}, {pib.date}, {chef_de_l_etat}…"""
    c = fiche.country
    names = {
        f"pays.{k}": v
        for k, v in (
            ("nom", c.name),
            ("code", c.code),
            ("au", c.in_form),
            ("du", c.of_form),
            ("le", c.the_form),
            ("adjectif", c.adjective),
            ("adjectif_feminin", c.adjective_feminine),
        )
        if v
    }
    updated = fiche.document.updated
    names |= {"document.mise_a_jour": updated.text(), "document.mise_a_jour.quand": updated.when()}
    general = fiche.general
    if general:
        for key, value in (("nom_officiel", general.official_name), ("regime", general.regime)):
            if value:
                names[key] = value
        for key, who in (
            ("chef_de_l_etat", general.head_of_state),
            ("chef_du_gouvernement", general.head_of_government),
        ):
            if who:
                names |= _leader_names(key, who)
    figures: list[tuple[str, Dated | None, str | None]] = []
    demo, eco = fiche.demography, fiche.economy
    if demo:
        figures += [
            ("population", demo.population, demo.population and inhabitants(demo.population)),
            ("population_urbaine", demo.urban_share, demo.urban_share and share(demo.urban_share)),
            ("croissance_demographique", demo.growth, demo.growth and share(demo.growth)),
            ("alphabetisation", demo.literacy, demo.literacy and share(demo.literacy)),
        ]
        if demo.hdi:
            figures.append(("idh", demo.hdi, ranking(demo.hdi)[0]))
            if demo.hdi.rank is not None:
                names["idh.rang"] = ranking(demo.hdi.model_copy(update={"value": None}))[0]
    if eco:
        figures += [
            ("pib", eco.gdp, eco.gdp and money(eco.gdp, units)),
            ("croissance", eco.growth, eco.growth and share(eco.growth)),
            ("inflation", eco.inflation, eco.inflation and share(eco.inflation)),
            ("chomage", eco.unemployment, eco.unemployment and share(eco.unemployment)),
        ]
    for key, figure, text in figures:
        if figure is None or text is None:
            continue
        names[key] = typography(text)
        if figure.date:
            names[f"{key}.date"] = figure.date.text()
        if figure.source:
            names[f"{key}.source"] = figure.source
    return names


def _leader_names(key: str, who: Leader) -> dict[str, str]:
    names = {key: person(who), f"{key}.nom": who.name}
    for attribute, date in (("depuis", who.since), ("elu", who.elected)):
        if date:
            names[f"{key}.{attribute}"] = date.text()
            names[f"{key}.{attribute}.quand"] = date.when()
    return names
