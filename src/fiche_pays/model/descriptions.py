"""The JSON schema of each fiche kind, for editors (``fiche-pays schema``), in French.

Pydantic describes each model by its docstring, written in English for the code's
readers; an editor shows these descriptions to the desk officer when hovering a key.
Each model gets its French description here; :func:`json_schema` puts them in place
and refuses to leave an English docstring in (a model added without its French
description fails the test of this module).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

DESCRIPTIONS = {
    "Agreement": "Un accord, un traité ou une déclaration : une date par étape franchie "
    "(signature, entrée en vigueur…).",
    "AgreementsBlock": "Accords, traités et déclarations.",
    "Aid": "Un programme d'aide ou de développement, par bailleur ou canal, avec son montant "
    "et ses parts.",
    "AidBlock": "Programmes d'aide et de développement.",
    "AidPart": "Une part d'un programme d'aide : ce qu'elle finance et son montant.",
    "Alliance": "Une Alliance française.",
    "AllianceNetwork": "Le réseau des Alliances françaises.",
    "AlliancesBlock": "Le réseau des Alliances françaises.",
    "Ambassador": "Un ambassadeur, avec sa date d'accréditation et sa résidence s'il y a lieu.",
    "Area": "Une superficie en km².",
    "Balance": "Un solde, avec son signe : en % du PIB, ou un montant en M ou Md d'une devise.",
    "Capital": "La capitale ; « officielle » quand le siège du gouvernement est ailleurs.",
    "City": "Une ville, avec sa population et une remarque facultative.",
    "Community": "Un chiffre de communauté : les Français dans le pays, ou l'inverse.",
    "CommunityBlock": "La communauté française dans le pays : un chiffre ou plusieurs.",
    "CommunityInFranceBlock": "La communauté du pays en France : un chiffre ou plusieurs.",
    "Country": "Le pays et les formes dont la phrase française a besoin (au, du, le…).",
    "Currency": "La monnaie, son code et son taux de change avec l'euro.",
    "CurrentAffairs": "Éléments d'actualité.",
    "Debt": "Dette publique en % du PIB (elle peut dépasser 100 %).",
    "Demography": "Données démographiques.",
    "Density": "Une densité saisie par le rédacteur : seulement vérifiée contre population / "
    "superficie.",
    "DiplomaticRelationsBlock": "La date d'établissement des relations diplomatiques.",
    "DocumentInfo": "Le document : son titre, sa date de mise à jour, son service.",
    "Earlier": "Une valeur antérieure d'un chiffre : « (7 500 USD en 2016) ».",
    "Economy": "Données économiques.",
    "Embassy": "L'ambassade de France : sa ville et son site internet.",
    "Event": "Un événement daté : une légation ouverte, une ambassade fermée, une loi votée.",
    "EventsBlock": "Événements datés.",
    "ExchangeRate": "« 1 euro = 516 tengués » ou « 100 FCFA = 0,15 euro ».",
    "ExtraSection": "Une section propre à certains pays : coopération de défense, liste datée "
    "d'accords, ou seule section d'une page (« Présentation »).",
    "ExtraTextSection": "Une section d'actualité propre au pays : « Situation sécuritaire »…",
    "FactsBlock": "Lignes « Libellé : valeur » saisies à la main.",
    "FranceTrade": "Les échanges entre la France et le pays.",
    "FreeFact": "Une ligne « Libellé : valeur » saisie à la main.",
    "FreeTable": "Un tableau saisi à la main : une ligne d'en-tête et des lignes de même largeur.",
    "ForeignAmbassadorBlock": "L'ambassadeur du pays en France.",
    "FrenchAmbassadorBlock": "L'ambassadeur de France dans le pays.",
    "FrenchPresence": "Présence française, telle que les pages de présentation la donnent.",
    "GeneralData": "Données générales.",
    "Geography": "Données géographiques.",
    "Government": "Composition du gouvernement.",
    "Hdi": "Indice de développement humain : une valeur entre 0 et 1, et un rang mondial.",
    "HeadOfState": "Le chef de l'État, qui peut aussi diriger le gouvernement.",
    "Inflation": "Inflation en % ; une hyperinflation se compte en milliers.",
    "Institute": "Un institut, centre ou université conjoint, de formation ou de recherche.",
    "InstitutesBlock": "Instituts conjoints de formation et de recherche.",
    "Islands": "Le nombre d'îles d'un territoire : « répartis sur plus de 170 îles ».",
    "Language": "Une langue, avec une remarque facultative : « kazakh (langue d'État) ».",
    "Leader": "Un chef d'État ou de gouvernement, depuis quand, avec une remarque facultative.",
    "LifeExpectancy": "Espérance de vie à la naissance en années, avec celle des femmes et des "
    "hommes si elle est connue.",
    "Link": "Un lien sous « Informations complémentaires ».",
    "ListBlock": "Une liste à puces saisie à la main.",
    "Minister": "Un membre du gouvernement : la fonction est obligatoire.",
    "NamedRanking": "Un classement sous « Autres données » : indice Mo Ibrahim, Doing Business…",
    "NationalDay": "La fête nationale : un jour de l'année, ou plusieurs jours d'un même mois.",
    "Office": "Une fonction d'un dirigeant : « président de la République depuis mars 2021 ».",
    "OtherData": "Autres données : classements et lignes saisies à la main.",
    "OtherLeader": "Un autre titulaire nommé par la page ; le libellé est alors obligatoire.",
    "PageLink": "Un lien pour en savoir plus ; sans titre, l'adresse elle-même est montrée.",
    "Party": "Une personne, ou un groupe (« une délégation arménienne ») avec son chef s'il "
    "y a lieu.",
    "PerCapita": "Un montant par habitant, en unités de la devise (PIB par habitant).",
    "Person": "Une personne : un nom, une fonction (avec son article), ou les deux.",
    "Population": "Un nombre d'habitants, saisi en habitants, en milliers ou en millions.",
    "PositiveMoney": "Un montant qui ne peut pas être négatif (PIB, exportations).",
    "Post": "Un poste : sa nature, sa ou ses villes, et son pays quand ce n'est pas celui de "
    "la fiche (une ambassade qui couvre le pays depuis l'étranger).",
    "PostsBlock": "Les postes de la France pour le pays : ambassade, consulats, Institut français…",
    "PostsInFranceBlock": "Les postes du pays en France.",
    "PresentationDocument": "Le document : son titre, sa date de mise à jour, son service.",
    "Product": "Un produit des exportations ou importations françaises : avec des valeurs "
    "annuelles, une part des échanges ; sans, ce dont les échanges sont faits (« les échanges "
    "portent sur … »).",
    "ProductsBlock": "Produits des exportations et importations françaises.",
    "Programme": "Un programme de bourses.",
    "Rate": "Un taux de variation annuel en %, qui peut être négatif (croissance).",
    "ScholarshipsBlock": "Programmes de bourses cofinancés.",
    "School": "Un établissement scolaire français à l'étranger.",
    "SchoolsBlock": "Établissements scolaires français.",
    "SectorsBlock": "Secteurs où les entreprises françaises sont implantées.",
    "Share": "Un pourcentage entre 0 et 100 (part urbaine, alphabétisation, chômage).",
    "ShareItem": "Une religion, un groupe, un secteur ou un partenaire commercial, avec sa part "
    "ou son montant.",
    "ShareList": "Une liste de parts avec une date et une source : religions, secteurs, clients…",
    "TableBlock": "Un tableau saisi à la main.",
    "TextBlock": "Du texte ; une ligne vide commence un nouveau paragraphe ; il peut citer des "
    "données : {pays.le}.",
    "TextSection": "Une section de texte, avec des liens pour en savoir plus.",
    "TradeBlock": "Les échanges par année (et les rangs non datés) : lignes de faits, tableau et "
    "graphique.",
    "TradeYear": "Les chiffres d'échanges d'une année, en millions de la devise du bloc ; sans "
    "année, des chiffres valables à la date de mise à jour (rangs qu'une page ne date pas).",
    "Visit": "Une visite ou un entretien : quand, qui, où, avec qui, pourquoi.",
    "VisitsBlock": "Visites et entretiens : lignes (ou tableaux) pour ceux qui n'ont pas leur "
    "propre phrase.",
}
ROOT_DESCRIPTIONS = {
    "relations": "Fiche « Relations bilatérales » d'un pays : sections de blocs dans l'ordre "
    "de la page, avec le pays et la date de mise à jour.",
    "presentation": "Fiche « Présentation du pays » : données générales, géographiques, "
    "démographiques et économiques, présence française, actualité.",
}


class UntranslatedSchema(ValueError):
    """A model of the schema has no French description (its English docstring showed)."""


def json_schema(root: type[BaseModel], kind: str) -> dict[str, Any]:
    """The JSON schema of ``root`` (a fiche kind) with every model described in French."""
    schema = root.model_json_schema(by_alias=True)
    schema["description"] = ROOT_DESCRIPTIONS[kind]
    missing = []
    for name, definition in schema.get("$defs", {}).items():
        if "description" not in definition:
            continue
        if name in DESCRIPTIONS:
            definition["description"] = DESCRIPTIONS[name]
        else:
            missing.append(name)
    if missing:
        raise UntranslatedSchema(f"descriptions françaises manquantes : {', '.join(missing)}")
    return schema
