"""Feeds, sitemap and robots.txt list what readers and crawlers should find."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_articles_rss_lists_live_articles_newest_first(client, section):
    old = factories.ArticlePageFactory(parent=section, title="Starší", summary="A")
    new = factories.ArticlePageFactory(parent=section, title="Novější", summary="B")
    factories.ArticlePageFactory(parent=section, title="Koncept").unpublish()
    old.first_published_at = new.first_published_at - datetime.timedelta(days=3)
    old.save()
    response = client.get("/feeds/articles.rss")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Sociální bydlení: metodika a rady"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Novější", "Starší"]
    assert items[0].findtext("description") == "B"
    assert items[0].findtext("link") == f"http://testserver{new.url}"


def test_news_atom_lists_news_by_their_date(client, news_index):
    factories.NewsPageFactory(parent=news_index, title="Leden", date=datetime.date(2026, 1, 5))
    factories.NewsPageFactory(parent=news_index, title="Červen", date=datetime.date(2026, 6, 5))
    response = client.get("/feeds/news.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Červen", "Leden"]
    assert entries[0].findtext(f"{ATOM}published").startswith("2026-06-05")


def test_feeds_are_capped(client, section):
    factories.ArticlePageFactory.create_batch(25, parent=section)
    channel = ET.fromstring(client.get("/feeds/articles.rss").content).find("channel")
    assert len(channel.findall("item")) == 20


@pytest.mark.parametrize(
    "url", ["/feeds/articles.rss", "/feeds/articles.atom", "/feeds/news.rss", "/feeds/news.atom"]
)
def test_every_feed_is_valid_xml_even_when_empty(client, home, url):
    response = client.get(url)
    assert response.status_code == 200
    ET.fromstring(response.content)


def test_sitemap_lists_live_pages_only(client, section):
    live = factories.ArticlePageFactory(parent=section)
    draft = factories.ArticlePageFactory(parent=section)
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = {loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")}
    assert f"http://localhost{live.url}" in locations
    assert f"http://localhost{section.url}" in locations
    assert not any(draft.slug in location for location in locations)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /hledat/" in lines
    assert "Disallow: /en/search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
