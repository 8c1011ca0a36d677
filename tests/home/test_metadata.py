"""Every page carries the metadata that browsers, assistive technology and crawlers read."""

import json

import pytest
from bs4 import BeautifulSoup

from tests import factories

pytestmark = pytest.mark.django_db


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld_graph(soup):
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return {node["@type"]: node for node in data["@graph"]}


@pytest.fixture
def article(section, footer):
    return factories.ArticlePageFactory(
        parent=section, title="Článek </script><script>x()</script>", summary="Shrnutí"
    )


def test_html_lang_skip_link_and_main_landmark(client, article):
    soup = soup_of(client, article.url)
    assert soup.html["lang"] == "cs"
    first_link = soup.body.find("a")
    assert first_link["href"] == "#main"
    assert first_link.get_text() == "Přeskočit na hlavní obsah"
    assert soup.find("main", id="main")


def test_breadcrumb_shows_the_path_from_the_home_page(client, home, section, article):
    crumbs = soup_of(client, article.url).select(".breadcrumbs li")
    assert [li.get_text(strip=True) for li in crumbs] == [home.title, section.title, article.title]
    assert crumbs[-1].find(attrs={"aria-current": "page"})
    assert crumbs[0].a["href"] == "/"


def test_open_graph_and_description(client, article):
    soup = soup_of(client, article.url)

    def og(name):
        return soup.find("meta", property=f"og:{name}")["content"]

    assert og("type") == "article"
    assert og("title") == article.title
    assert og("description") == "Shrnutí"
    assert og("url") == f"http://testserver{article.url}"
    assert og("locale") == "cs_CZ"
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Shrnutí"
    assert soup.find("link", rel="canonical")["href"] == f"http://testserver{article.url}"


def test_article_json_ld_has_article_breadcrumbs_and_organisation(client, home, article):
    soup = soup_of(client, article.url)
    graph = json_ld_graph(soup)
    assert set(graph) == {"Organization", "BreadcrumbList", "Article"}
    assert graph["Article"]["headline"] == article.title
    assert graph["Article"]["datePublished"].startswith(str(article.first_published_at.date()))
    assert graph["Article"]["dateModified"]
    assert graph["Article"]["inLanguage"] == "cs"
    assert graph["Article"]["publisher"] == {"@id": graph["Organization"]["@id"]}
    positions = [item["position"] for item in graph["BreadcrumbList"]["itemListElement"]]
    assert positions == [1, 2, 3]
    assert graph["Organization"]["contactPoint"]["telephone"] == "+420 800 000 000"


def test_json_ld_cannot_be_broken_out_of_by_a_title(client, article):
    html = client.get(article.url).content.decode()
    payload = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<script>" not in payload
    assert "\\u003C/script\\u003E" in payload


def test_news_is_a_news_article(client, news_index, footer):
    news = factories.NewsPageFactory(parent=news_index)
    assert "NewsArticle" in json_ld_graph(soup_of(client, news.url))


def test_home_page_has_organisation_only(client, home, footer):
    assert set(json_ld_graph(soup_of(client, "/"))) == {"Organization"}


def test_every_page_links_the_print_stylesheet_and_no_third_party_asset(client, article):
    soup = soup_of(client, article.url)
    assert soup.find("link", rel="stylesheet", media="print")
    for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src")):
        for element in soup.find_all(tag):
            url = element.get(attribute) or ""
            if element.get("rel") in (["canonical"],) or element.get("rel") == ["alternate"]:
                continue
            assert not url.startswith(("http://", "https://", "//")), url
