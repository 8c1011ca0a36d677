"""Every page type renders, with the content and structure readers rely on."""

import pytest
from bs4 import BeautifulSoup

from tests import factories

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def article(section, topic_index, audience_index, footer):
    topic = factories.TopicFactory(name="Spolupráce obcí a NNO", slug="spoluprace")
    audience = factories.AudienceFactory(name="Obce", slug="obce")
    contact = footer.contact_centre
    return factories.ArticlePageFactory(
        parent=section,
        title="Jak spolupracovat",
        summary="Krátké shrnutí.",
        topics=[topic],
        audiences=[audience],
        body=[
            {"type": "heading", "value": {"heading": "Sociální práce", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Obec poskytuje byty.</p>"},
            {"type": "heading", "value": {"heading": "Sociální práce", "level": "h2"}},
            {"type": "heading", "value": {"heading": "Podrobnosti", "level": "h3"}},
            {"type": "callout", "value": {"tone": "warning", "title": "Pozor", "text": "<p>x</p>"}},
            {"type": "quote", "value": {"quote": "Bydlení je základ.", "attribution": "Jana"}},
            {
                "type": "accordion",
                "value": {
                    "title": "Otázky",
                    "items": [{"question": "Kdo?", "answer": "<p>Obec.</p>"}],
                },
            },
            {"type": "contact_box", "value": {"heading": "Poradíme", "contact": contact.pk}},
        ],
    )


def test_article_shows_title_summary_body_and_unique_heading_anchors(client, article):
    soup = soup_of(client.get(article.url))
    assert soup.h1.get_text(strip=True) == "Jak spolupracovat"
    assert "Krátké shrnutí." in soup.select_one(".lead").get_text()
    ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids)), "every id on the page is unique"
    h2_ids = [h2["id"] for h2 in soup.select(".body h2[id]")]
    assert h2_ids[:2] == ["socialni-prace", "socialni-prace-2"]
    assert soup.select_one(".body h3#podrobnosti")


def test_article_table_of_contents_lists_the_h2_headings(client, article):
    soup = soup_of(client.get(article.url))
    links = [(a["href"], a.get_text()) for a in soup.select(".toc a")]
    assert links == [("#socialni-prace", "Sociální práce"), ("#socialni-prace-2", "Sociální práce")]


def test_article_renders_every_block_type(client, article):
    soup = soup_of(client.get(article.url))
    assert soup.select_one(".callout.callout--warning")
    assert soup.select_one("figure.quote blockquote").get_text(strip=True) == "Bydlení je základ."
    assert soup.select_one("details.accordion__item summary").get_text() == "Kdo?"
    assert "+420 800 000 000" in soup.select_one(".contact-box").get_text()


def test_document_block_shows_format_and_size(client, section):
    document = factories_document()
    page = factories.ArticlePageFactory(
        parent=section,
        body=[{"type": "document", "value": {"document": document.pk, "title": "Vzor"}}],
    )
    link = soup_of(client.get(page.url)).select_one(".document-link")
    assert link.a["href"] == document.url
    assert "PDF" in link.get_text()
    assert f"PDF, {document.file_size}" in link.get_text(" ", strip=True)


def factories_document():
    from wagtail.documents import get_document_model

    from home.demo.media import pdf_file

    file = pdf_file("vzor", "Vzor")
    document = get_document_model()(title="Vzor koncepce", file=file, file_size=file.size)
    document.save()
    return document


def test_article_links_its_topics_and_audiences_to_their_browse_pages(client, article):
    soup = soup_of(client.get(article.url))
    hrefs = [a["href"] for a in soup.select(".taxonomy-tags a")]
    assert hrefs == ["/temata/spoluprace/", "/pro-koho/obce/"]


def test_topic_page_lists_live_articles_of_the_topic_only(client, section, topic_index):
    topic = factories.TopicFactory(slug="spoluprace")
    other = factories.TopicFactory(slug="jine")
    listed = factories.ArticlePageFactory(parent=section, title="S tématem", topics=[topic])
    factories.ArticlePageFactory(parent=section, title="Jiné téma", topics=[other])
    draft = factories.ArticlePageFactory(parent=section, title="Koncept", topics=[topic])
    draft.unpublish()
    soup = soup_of(client.get("/temata/spoluprace/"))
    titles = [a.get_text() for a in soup.select(".card__title a")]
    assert titles == [listed.title]


def test_unknown_topic_is_a_404(client, topic_index):
    assert client.get("/temata/neexistuje/").status_code == 404


def test_topic_index_counts_live_pages_per_topic(client, section, topic_index):
    topic = factories.TopicFactory(name="Dostupné bydlení")
    factories.ArticlePageFactory.create_batch(3, parent=section, topics=[topic])
    text = soup_of(client.get("/temata/")).select_one(".tile").get_text(" ", strip=True)
    assert "Dostupné bydlení" in text
    assert "3 stránky" in text


def test_audience_page_lists_articles_for_the_audience(client, section, audience_index):
    audience = factories.AudienceFactory(slug="nno", name="Neziskové organizace")
    page = factories.ArticlePageFactory(parent=section, audiences=[audience])
    soup = soup_of(client.get("/pro-koho/nno/"))
    assert soup.h1.get_text() == "Neziskové organizace"
    assert [a["href"] for a in soup.select(".card__title a")] == [page.url]


def test_section_lists_newest_articles_first_and_paginates(client, section):
    factories.ArticlePageFactory.create_batch(14, parent=section)
    soup = soup_of(client.get(section.url))
    titles = [a.get_text() for a in soup.select(".card__title a")]
    assert len(titles) == 12
    newest = soup_of(client.get(section.url)).select_one(".card__title a").get_text()
    assert newest == titles[0]
    second = soup_of(client.get(section.url + "?page=2"))
    assert len(second.select(".card__title a")) == 2
    assert second.select_one('.pagination a[rel="prev"]')


@pytest.mark.parametrize("page_param", ["999", "abc", "-1", "0"])
def test_section_pagination_tolerates_any_page_parameter(client, section, page_param):
    factories.ArticlePageFactory.create_batch(2, parent=section)
    assert client.get(section.url, {"page": page_param}).status_code == 200


def test_news_index_lists_news_by_date(client, news_index):
    import datetime

    older = factories.NewsPageFactory(parent=news_index, date=datetime.date(2026, 1, 1))
    newer = factories.NewsPageFactory(parent=news_index, date=datetime.date(2026, 6, 1))
    soup = soup_of(client.get(news_index.url))
    assert [a.get_text() for a in soup.select(".card__title a")] == [newer.title, older.title]
    assert soup.select_one(".card__meta time")["datetime"] == "2026-06-01"


def test_standard_page_renders_its_body(client, home):
    page = factories.StandardPageFactory(
        parent=home,
        title="O projektu",
        body=[{"type": "paragraph", "value": "<p>Portál programu.</p>"}],
    )
    assert "Portál programu." in soup_of(client.get(page.url)).select_one("main").get_text()


def test_home_page_shows_sections_newest_articles_topics_audiences(
    client, section, topic_index, audience_index, footer
):
    factories.TopicFactory(name="Sociální práce")
    factories.AudienceFactory(name="Obce")
    factories.ArticlePageFactory.create_batch(8, parent=section)
    soup = soup_of(client.get("/"))
    assert section.title in soup.select_one("#sections-heading").find_next("ul").get_text()
    assert len(soup.select("#newest-heading ~ .cards .card")) == 6
    assert "Sociální práce" in soup.select_one("#topics-heading").parent.get_text()
    assert "Obce" in soup.select_one("#audiences-heading").parent.get_text()


def test_footer_shows_newsletter_contact_centre_funding_and_write_to_us(client, home, footer):
    soup = soup_of(client.get("/"))
    text = soup.select_one("footer").get_text(" ", strip=True)
    assert "Přihlaste se k odběru novinek a Zpravodaje sociálního bydlení" in text
    assert footer.contact_centre.name in text
    assert "CZ.03.2.63/0.0/0.0/15_017/0003539" in text
    assert "Webové stránky byly vytvořeny v rámci projektu MPSV." in text
    write_to_us = soup.find("a", string="Napište nám")
    assert write_to_us["href"] == f"mailto:{footer.contact_centre.email}"


def test_missing_page_gets_the_czech_404_page(client, home):
    response = client.get("/tahle-stranka-neni/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "Stránka nenalezena"
    assert soup.html["lang"] == "cs"


def test_500_page_is_czech_and_self_contained():
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert '<html lang="cs">' in html
    assert "Omlouváme se, něco se pokazilo" in html
    assert "{%" not in html
