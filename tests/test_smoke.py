"""The Kazakhstan fiche builds into a PDF and a DOCX that carry its title."""

from conftest import docx_text, pdf_text


def test_both_documents_carry_the_country_and_update(built):
    for text in (pdf_text(built["pdf"]), docx_text(built["docx"])):
        assert "Kazakhstan" in text
    assert "Mise à jour : 5 mai 2021" in pdf_text(built["pdf"])
    assert "Mise à jour : 5 mai 2021" in docx_text(built["docx"])
