"""On paper every internal link in the page's content is followed by its full address: the
server writes it into `data-print-url`, the print stylesheet shows it, the screen ignores it."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from home.frame.print_links import with_print_addresses
from tests import factories

pytestmark = pytest.mark.django_db

ROOT = "https://socialnibydleni.example"


@pytest.fixture
def site_root(home):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "socialnibydleni.example", 443
    site.save()
    return site.root_url


@pytest.fixture
def article(section, site_root):
    target = factories.ArticlePageFactory(parent=section, slug="sdilene-bydleni")
    document = factories.GuidanceDocumentFactory(title="Metodika")
    body = (
        f'<p>Viz <a linktype="page" id="{target.pk}">sdílené bydlení</a>, '
        f'<a linktype="document" id="{document.pk}">metodiku</a>, '
        '<a href="https://www.mpsv.cz/">MPSV</a>, '
        '<a href="mailto:info@socialnibydleni.example">e-mail</a>.</p>'
    )
    article = factories.ArticlePageFactory(
        parent=section, body=[{"type": "paragraph", "value": body}]
    )
    return {"page": article, "target": target, "document": document}


def links_in(response, selector="main"):
    soup = BeautifulSoup(response.content, "html.parser")
    return {a.get_text(" ", strip=True): a for a in soup.select(f"{selector} a")}


def test_internal_links_in_rich_text_carry_their_full_address_for_print(client, article, site_root):
    links = links_in(client.get(article["page"].url))
    assert site_root == ROOT
    page_link = links["sdílené bydlení"]
    # On screen the link is as it was: a path on this site.
    assert page_link["href"] == article["target"].url
    assert page_link["href"].startswith("/")
    assert page_link["data-print-url"] == ROOT + article["target"].url
    document_link = next(a for text, a in links.items() if text.startswith("metodiku"))
    assert document_link["data-print-url"] == ROOT + document_link["href"]
    # Other hosts' addresses and e-mail links already say everything (or nothing) on paper.
    assert "data-print-url" not in links["MPSV"].attrs
    assert "data-print-url" not in links["e-mail"].attrs


def test_links_written_by_templates_get_it_too_and_the_frame_does_not(client, article):
    response = client.get(article["page"].get_parent().url)
    main_links = [a for a in links_in(response).values() if a["href"].startswith("/")]
    assert main_links
    assert all(a["data-print-url"] == ROOT + a["href"] for a in main_links)
    soup = BeautifulSoup(response.content, "html.parser")
    assert not soup.select("header [data-print-url], footer [data-print-url]")


def test_only_double_quoted_hrefs_that_are_paths_are_addressed():
    html = (
        '<a href="/a/?x=1&amp;y=2">one</a>'
        '<a class="card" href="/b/">two</a>'
        '<a data-href="/c/">three</a>'
        '<a href="//cdn.example.com/d">four</a>'
        '<a href="#e">five</a>'
        '<abbr href="/f/">six</abbr>'
    )
    soup = BeautifulSoup(with_print_addresses(html, "http://x.example"), "html.parser")
    found = {tag.get_text(): tag.get("data-print-url") for tag in soup.find_all(True)}
    assert found == {
        "one": "http://x.example/a/?x=1&y=2",
        "two": "http://x.example/b/",
        "three": None,
        "four": None,
        "five": None,
        "six": None,
    }


def test_without_a_site_the_html_is_left_alone():
    html = '<a href="/a/">one</a>'
    assert with_print_addresses(html, "") == html
