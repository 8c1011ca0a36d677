"""The demo shows the document library, the glossary and the accessibility statement, in
Czech and in English."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_demo_library_lists_czech_documents_and_all_languages_on_request(client, shared_demo_site):
    soup = soup_of(client.get("/dokumenty/"))
    metas = [p.get_text() for p in soup.select(".document-item .document-link__meta")]
    assert "PDF, 5,3 KB, 32 stran" in metas
    assert len(soup.select(".document-item .accessible-format")) == len(metas)
    everything = soup_of(client.get("/dokumenty/?language=all"))
    assert "PDF, 3,5 KB, 20 stran, v angličtině" in everything.get_text()


def test_demo_english_library_shows_the_english_document(client, shared_demo_site):
    soup = soup_of(client.get("/en/documents/"))
    assert [a.get_text() for a in soup.select(".document-item__title a")] == [
        "Housing First in Europe: an overview (demo)"
    ]
    assert "PDF, 3.5 KB, 20 pages" in soup.get_text()


def test_demo_glossary_in_both_languages_and_linked_from_the_seed_article(client, shared_demo_site):
    from home.demo import seed

    czech = soup_of(client.get("/slovnik-pojmu/"))
    assert {"ETHOS", "Housing First", "MOP", "ORP", "NNO", "bytová nouze"} <= {
        dt.get_text() for dt in czech.select("dl.glossary dt")
    }
    english = soup_of(client.get("/en/glossary/"))
    assert "housing need" in {dt.get_text() for dt in english.select("dl.glossary dt")}
    article = soup_of(client.get(f"/metodika/{seed.SLUG}/"))
    assert article.select("main a.glossary-term[href^='/slovnik-pojmu/#']")


def test_demo_statement_in_both_languages_from_the_footer(client, shared_demo_site):
    for link, heading in [("/pristupnost/", "Stav souladu"), ("/en/accessibility/", None)]:
        response = client.get(link, follow=True)
        soup = soup_of(response)
        assert soup.h1.get_text() in {"Prohlášení o přístupnosti", "Accessibility statement"}
        if heading:
            assert soup.find("h2", string=heading)
    english = soup_of(client.get("/en/accessibility-statement/"))
    assert "Ministry of Labour and Social Affairs is committed" in english.get_text()
    assert "Compliance status" in english.get_text()


# Every part the model statement (vyhláška č. 515/2020 Sb.) requires, as the demo words it.
STATEMENT_PARTS = {
    "cs": {
        "path": "/prohlaseni-o-pristupnosti/",
        "sections": [
            "Stav souladu",
            "Nepřístupný obsah",
            "Vypracování tohoto prohlášení o přístupnosti",
            "Zpětná vazba a kontaktní údaje",
            "Postup pro vymáhání práva",
            "Další informace",
        ],
        "reasons": [
            "Nesoulad se zákonem č. 99/2019 Sb.",
            "Nepřiměřená zátěž",
            "Obsah, který nespadá do působnosti platných právních předpisů",
            "Přístupné alternativy",
        ],
        "texts": [
            "Ministerstvo práce a sociálních věcí se zavazuje zpřístupnit své internetové "
            "stránky v souladu se zákonem č. 99/2019 Sb.",
            "Toto prohlášení o přístupnosti se vztahuje na internetové stránky http://testserver",
            "jsou částečně v souladu se zákonem č. 99/2019 Sb., a to z důvodu nesouladů a "
            "výjimek uvedených níže",
            "nemají strukturu nadpisů ani textové popisy obrázků",
            "nepřiměřenou zátěží podle § 7 zákona č. 99/2019 Sb.",
            "zveřejněné před 23. září 2018",
            "Toto prohlášení bylo vypracováno dne 1. 9. 2026.",
            "Metoda použitá k vypracování prohlášení: vlastní posouzení provedené subjektem "
            "veřejného sektoru.",
            "Prohlášení bylo naposledy přezkoumáno dne 1. 10. 2026.",
            "Odpovíme bez zbytečného odkladu, nejpozději do 30 dnů.",
            "podat podnět Digitální a informační agentuře",
            "Na Vápence 915/14, 130 00 Praha 3",
            "datová schránka yukd8p7",
        ],
        "library": "/dokumenty/",
        "report": "Oznámit problém s přístupností",
    },
    "en": {
        "path": "/en/accessibility-statement/",
        "sections": [
            "Compliance status",
            "Non-accessible content",
            "Preparation of this accessibility statement",
            "Feedback and contact information",
            "Enforcement procedure",
            "Additional information",
        ],
        "reasons": [
            "Non-compliance with Act No. 99/2019 Coll.",
            "Disproportionate burden",
            "Content outside the scope of the applicable legislation",
            "Accessible alternatives",
        ],
        "texts": [
            "Ministry of Labour and Social Affairs is committed to making its website "
            "accessible in accordance with Act No. 99/2019 Coll.",
            "This accessibility statement applies to the website http://testserver",
            "partially compliant with Act No. 99/2019 Coll., due to the non-compliances and "
            "exemptions listed below",
            "have no heading structure and no text descriptions of images",
            "disproportionate burden under section 7 of Act No. 99/2019 Coll.",
            "published before 23 September 2018",
            "This statement was prepared on 1. 9. 2026.",
            "Method used to prepare the statement: a self-assessment by the body.",
            "The statement was last reviewed on 1. 10. 2026.",
            "within 30 days at the latest",
            "Digital and Information Agency (Digitální a informační agentura)",
            "Na Vápence 915/14, 130 00 Prague 3",
        ],
        "library": "/en/documents/",
        "report": "Report an accessibility problem",
    },
}


@pytest.mark.parametrize("language", ["cs", "en"])
def test_demo_statement_has_every_part_of_the_model_statement(client, shared_demo_site, language):
    expected = STATEMENT_PARTS[language]
    main = soup_of(client.get(expected["path"])).select_one("main")
    statement = main.select_one(".accessibility-statement")
    assert [h2.get_text() for h2 in statement.select(":scope > h2")] == expected["sections"]
    assert [h3.get_text() for h3 in statement.select(":scope > h3")] == expected["reasons"]
    text = " ".join(main.get_text(" ", strip=True).split())
    for part in expected["texts"]:
        assert part in text, part
    # The accessible alternative leads to the library in the reader's language.
    assert statement.find("a", href=expected["library"])
    contact = statement.select_one(".statement-contact")
    assert contact.find("a", href="mailto:pristupnost@socialnibydleni.example")
    assert contact.find("a", href="tel:+420800000000")
    assert statement.find("a", string=expected["report"])
    assert statement.find("a", href="https://www.dia.gov.cz/")
    assert statement.find("a", href="mailto:posta@dia.gov.cz")
