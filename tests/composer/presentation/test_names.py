"""The names a presentation's prose may cite, worded like the lines."""

from fiche_pays.composer.presentation.names import check_texts, reference_names
from fiche_pays.french import Units

from conftest import load_presentation, normalize, presentation


def test_reference_names_word_figures_like_the_lines():
    names = reference_names(load_presentation("kazakhstan"), Units())
    assert normalize(names["population"]) == "18,9 millions d'habitants"
    assert names["population.date"] == "2021"
    assert names["chef_de_l_etat"] == "M. Kassym-Jomart Tokaïev"
    assert names["pays.du"] == "du Kazakhstan"
    benin = reference_names(load_presentation("benin"), Units())
    assert normalize(benin["pib"]) == "9,4 Md USD" and benin["pib.source"] == "FMI"
    assert normalize(benin["idh.rang"]) == "167e sur 188 pays"


def test_derived_figures_can_be_cited():
    names = reference_names(load_presentation("kazakhstan"), Units())
    assert normalize(names["densite"]) == "6,9 hab./km²"
    assert normalize(names["superficie"]) == "2 724 900 km²"
    assert names["capitale"] == "Astana"
    benin = reference_names(load_presentation("benin"), Units())
    assert normalize(benin["pib_par_habitant"]) == "842 USD"


def test_an_unknown_name_is_found_with_a_suggestion():
    fiche = presentation(
        donnees_demographiques={"population": {"valeur": 3.2, "unite": "millions"}},
        elements_d_actualite={"politique_interieure": {"texte": "Pour {populaton} habitants."}},
    )
    (finding,) = check_texts(fiche)
    assert finding.path == ("elements_d_actualite", "politique_interieure", "texte")
    assert finding.message == (
        "référence {populaton} inconnue : cette donnée n'existe pas dans la fiche ; "
        "vouliez-vous dire {population} ?"
    )


def test_a_cited_percentage_reads_back_into_its_value():
    from fiche_pays import compose
    from fiche_pays.tree import iter_sections

    fiche = presentation(
        donnees_demographiques={"population": {"valeur": 18917200, "date": 2021}},
        donnees_economiques={"croissance": {"valeur": 4.1, "date": 2021}},
        elements_d_actualite={
            "situation_economique": {"texte": "Croissance : {croissance} ; {population}."}
        },
    )
    section = next(s for s in iter_sections(compose(fiche).sections) if s.key.startswith("situ"))
    runs = {r.text.replace("\u00a0", " "): r.source for r in section.children[0].runs}
    growth = runs["4,1 %"]
    assert growth.form == "pourcentage"
    assert growth.fields == (("donnees_economiques", "croissance", "valeur"),)
    population = runs["18,9 millions d’habitants"]
    assert population.form == "calcule" and "donnees_demographiques.population" in population.note
