"""The home page's listings and an article's own content are rendered once per site
generation (portal.caching.fragments): the next request after a publish shows the change,
a preview shows the draft, and nothing per request is ever kept."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.demo.media import listing_image_file
from portal.caching.fragments import page_fragment, shared_fragment
from portal.caching.generation import bump_generation
from tests import factories

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def main_of(response):
    return str(soup_of(response).select_one("main"))


def rendered_templates(response):
    return [template.name for template in response.templates]


def newest_titles(client):
    soup = soup_of(client.get("/"))
    return [a.get_text() for a in soup.select("#newest-heading ~ .cards .card__title a")]


def test_the_home_page_listings_are_rendered_once_per_generation(client, section, footer):
    factories.ArticlePageFactory(parent=section, title="Bydlení první")
    first = client.get("/")
    second = client.get("/")
    assert "includes/page_card.html" in rendered_templates(first)
    assert "includes/page_card.html" not in rendered_templates(second)
    assert main_of(second) == main_of(first)


def test_a_published_article_shows_on_the_home_page_at_the_next_request(client, section, footer):
    factories.ArticlePageFactory(parent=section, title="Starší článek")
    assert newest_titles(client) == ["Starší článek"]
    article = factories.ArticlePageFactory(parent=section, title="Nový článek", live=False)
    assert newest_titles(client) == ["Starší článek"]  # a draft is not public
    article.save_revision().publish()
    assert sorted(newest_titles(client)) == ["Nový článek", "Starší článek"]


def test_a_renamed_section_and_topic_show_on_the_home_page_at_the_next_request(
    client, section, topic_index, footer
):
    topic = factories.TopicFactory(name="Bezdomovectví")
    client.get("/")
    section.title = "Metodika a návody"
    section.save_revision().publish()
    topic.name = "Ztráta bydlení"
    topic.save()
    soup = soup_of(client.get("/"))
    assert "Metodika a návody" in soup.select_one("#sections-heading").parent.get_text()
    assert "Ztráta bydlení" in soup.select_one("#topics-heading").parent.get_text()


def test_an_unpublished_article_leaves_the_home_page_at_the_next_request(client, section, footer):
    article = factories.ArticlePageFactory(parent=section, title="Zrušený článek")
    assert newest_titles(client) == ["Zrušený článek"]
    article.unpublish()
    assert newest_titles(client) == []


def test_the_home_page_title_comes_from_the_page_not_the_fragment(client, home, section, footer):
    client.get("/")
    home.title = "Vítejte na portálu"
    home.save_revision().publish()
    assert soup_of(client.get("/")).h1.get_text() == "Vítejte na portálu"


def test_an_article_is_rendered_once_per_generation_and_shows_a_publish_at_once(
    client, section, footer
):
    topic = factories.TopicFactory(name="Sociální práce")
    article = factories.ArticlePageFactory(
        parent=section,
        body=[{"type": "paragraph", "value": "<p>První znění.</p>"}],
        topics=[topic],
    )
    first = client.get(article.url)
    second = client.get(article.url)
    assert "includes/body.html" in rendered_templates(first)
    assert "includes/body.html" not in rendered_templates(second)
    assert main_of(second) == main_of(first)

    article.body = [{"type": "paragraph", "value": "<p>Druhé znění.</p>"}]
    article.save_revision().publish()
    body = soup_of(client.get(article.url)).select_one(".body").get_text()
    assert "Druhé znění." in body
    assert "První znění." not in body

    topic.name = "Sociální služby"
    topic.save()
    tags = soup_of(client.get(article.url)).select_one(".taxonomy-tags").get_text()
    assert "Sociální služby" in tags


def test_a_related_article_published_later_shows_at_the_next_request(client, section, footer):
    article = factories.ArticlePageFactory(parent=section, title="Hlavní článek")
    related = factories.ArticlePageFactory(parent=section, title="Související", live=False)
    article.related_pages.create(page=related)
    article.save_revision().publish()
    assert soup_of(client.get(article.url)).select_one(".related") is None
    related.save_revision().publish()
    cards = soup_of(client.get(article.url)).select(".related .card__title a")
    assert [a.get_text() for a in cards] == ["Související"]


def test_a_preview_shows_the_draft_not_the_kept_article(client, section, footer):
    article = factories.ArticlePageFactory(
        parent=section, body=[{"type": "paragraph", "value": "<p>Zveřejněné znění.</p>"}]
    )
    client.get(article.url)  # the live content is now kept
    article.body = [{"type": "paragraph", "value": "<p>Rozpracované znění.</p>"}]
    article.title = "Rozpracovaný titulek"
    preview = article.make_preview_request()
    text = BeautifulSoup(preview.content, "html.parser").select_one("main").get_text()
    assert "Rozpracované znění." in text
    assert "Rozpracovaný titulek" in text
    live = soup_of(client.get(article.url)).select_one("main").get_text()
    assert "Zveřejněné znění." in live


def request_on_the_site(home):
    return RequestFactory().get("/", HTTP_HOST="localhost")


def counting(html):
    calls = []

    def render():
        calls.append(1)
        return html

    return render, calls


def test_a_fragment_holding_a_csrf_token_is_never_kept(home):
    render, calls = counting('<input type="hidden" name="csrfmiddlewaretoken" value="secret">')
    for _ in range(2):
        shared_fragment(request_on_the_site(home), "with-a-form", render)
        page_fragment(request_on_the_site(home), home, render)
    assert len(calls) == 4


def test_a_fragment_is_kept_until_the_generation_changes(home):
    render, calls = counting("<p>Stejné pro všechny.</p>")
    for _ in range(2):
        assert shared_fragment(request_on_the_site(home), "plain", render) == render()
    calls.clear()
    shared_fragment(request_on_the_site(home), "plain", render)
    assert calls == []
    bump_generation()
    shared_fragment(request_on_the_site(home), "plain", render)
    assert calls == [1]


def test_each_language_and_site_keeps_its_own_fragment(home):
    render, calls = counting("<p>Stejné pro všechny.</p>")
    for language in ("cs", "en", "cs", "en"):
        with translation.override(language):
            shared_fragment(request_on_the_site(home), "plain", render)
    assert len(calls) == 2
    other_root = factories.HomePageFactory(parent=Page.get_first_root_node())
    Site.objects.create(hostname="jinde.example", root_page=other_root)
    elsewhere = RequestFactory().get("/", HTTP_HOST="jinde.example")
    with translation.override("cs"):
        shared_fragment(elsewhere, "plain", render)
    assert len(calls) == 3


def test_without_the_shared_cache_fragments_are_rendered_every_time(home, monkeypatch):
    monkeypatch.setattr("portal.caching.fragments.generation", lambda request=None: None)
    render, calls = counting("<p>Stejné pro všechny.</p>")
    for _ in range(2):
        shared_fragment(request_on_the_site(home), "plain", render)
        page_fragment(request_on_the_site(home), home, render)
    assert len(calls) == 4


def queries_for(client, url):
    client.get(url)  # warm: renditions, the frame and the fragments
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured]


def test_warm_home_page_and_article_cost_one_query_each(client, section, topic_index, footer):
    topic = factories.TopicFactory()
    audience = factories.AudienceFactory()
    image = get_image_model()(title="Karta", file=listing_image_file("karta", (10, 80, 140)))
    image.save()
    articles = factories.ArticlePageFactory.create_batch(
        3, parent=section, listing_image=image, topics=[topic], audiences=[audience]
    )
    articles[0].related_pages.create(page=articles[1])
    articles[0].save_revision().publish()
    # The page itself: everything else comes from the frame and the fragments.
    assert len(queries_for(client, "/")) == 1
    assert len(queries_for(client, articles[0].url)) == 1
