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
