"""Audience entry points gather an audience's articles by topic, its FAQ and guides, and feeds."""

from datetime import date
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation

from home.guidance.models import AudienceLandingPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def taxonomy(db):
    return {
        "obce": factories.AudienceFactory(name="Obce", slug="obce"),
        "nno": factories.AudienceFactory(name="Neziskové organizace", slug="nno"),
        "prace": factories.TopicFactory(name="Sociální práce", slug="socialni-prace"),
        "koncepce": factories.TopicFactory(name="Koncepce", slug="koncepce"),
    }


@pytest.fixture
def landing(home, footer, taxonomy):
    return factories.AudienceLandingPageFactory(
        parent=home, title="Jsem obec", slug="jsem-obec", audience=taxonomy["obce"]
    )


@pytest.fixture
def articles(section, taxonomy):
    t = taxonomy
    return {
        "both": factories.ArticlePageFactory(
            parent=section,
            title="Pro obce i NNO o sociální práci",
            audiences=[t["obce"], t["nno"]],
            topics=[t["prace"]],
        ),
        "obce": factories.ArticlePageFactory(
            parent=section,
            title="Koncepce pro obce",
            audiences=[t["obce"]],
            topics=[t["koncepce"], t["prace"]],
        ),
        "nno": factories.ArticlePageFactory(
            parent=section, title="Jen pro NNO", audiences=[t["nno"]], topics=[t["prace"]]
        ),
    }


def card_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [title.get_text(strip=True) for title in soup.select(".card__title")]


def test_entry_point_lists_the_audiences_articles_only(client, landing, articles):
    response = client.get(landing.url)
    assert response.status_code == 200
    assert sorted(card_titles(response)) == ["Koncepce pro obce", "Pro obce i NNO o sociální práci"]


def test_one_article_serves_several_audiences(client, home, landing, articles, taxonomy):
    ngo = factories.AudienceLandingPageFactory(
        parent=home, slug="jsem-nno", audience=taxonomy["nno"]
    )
    assert "Pro obce i NNO o sociální práci" in card_titles(client.get(landing.url))
    assert "Pro obce i NNO o sociální práci" in card_titles(client.get(ngo.url))


def test_topic_filter_narrows_the_list_and_is_kept_in_the_form(client, landing, articles):
    response = client.get(landing.url, {"topic": "koncepce"})
    assert card_titles(response) == ["Koncepce pro obce"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("select[name=topic] option[selected]")["value"] == "koncepce"
    assert soup.find("form", class_="filter-form")["method"] == "get"


def test_an_article_in_two_topics_is_listed_once(client, landing, articles):
    assert card_titles(client.get(landing.url)).count("Koncepce pro obce") == 1


def test_unknown_topic_gives_a_friendly_message_and_the_whole_list(client, landing, articles):
    response = client.get(landing.url, {"topic": "<neexistuje>"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    message = soup.select_one(".error-message").get_text(" ", strip=True)
    assert "Téma „<neexistuje>“ neznáme" in message
    assert len(card_titles(response)) == 2


def test_entry_point_links_its_faq_and_guides_and_the_directory(client, home, landing):
    faq = factories.FaqPageFactory(parent=landing, title="Časté otázky obcí")
    directory = factories.HelpPointDirectoryPageFactory(parent=home)
    soup = BeautifulSoup(client.get(landing.url).content, "html.parser")
    links = {a["href"] for a in soup.select(".tiles a")}
    assert {faq.url, directory.url} <= links


def test_entry_point_without_documents_shows_no_empty_section(client, landing):
    assert landing.audience_documents() == []
    assert "documents-heading" not in client.get(landing.url).content.decode()


def test_entry_point_lists_its_audiences_documents_in_the_readers_language(
    client, home, landing, taxonomy
):
    library = factories.DocumentLibraryPageFactory(parent=home)
    t = taxonomy

    def document(title, audiences, topics=(), language="cs", in_library=True):
        made = factories.GuidanceDocumentFactory(
            title=title, language=language, in_library=in_library
        )
        made.audiences.set(audiences)
        made.topics.set(topics)
        return made

    document("Metodika pro obce", [t["obce"]], [t["koncepce"]])
    document("Pro obce i NNO", [t["obce"], t["nno"]], [t["prace"]])
    document("Jen pro NNO", [t["nno"]])
    document("Guide for municipalities", [t["obce"]], language="en")
    document("Mimo knihovnu", [t["obce"]], in_library=False)

    soup = BeautifulSoup(client.get(landing.url).content, "html.parser")
    section = soup.find("section", attrs={"aria-labelledby": "documents-heading"})
    titles = sorted(h.get_text(strip=True) for h in section.select(".document-item__title"))
    assert titles == ["Metodika pro obce", "Pro obce i NNO"]
    assert "PDF" in section.select_one(".document-link__meta").get_text()
    assert section.select_one(".accessible-format a") is not None
    assert section.find("a", string="Všechny dokumenty pro tuto skupinu v knihovně")["href"] == (
        f"{library.url}?audience=obce"
    )

    filtered = client.get(landing.url, {"topic": "koncepce"})
    soup = BeautifulSoup(filtered.content, "html.parser")
    assert [h.get_text(strip=True) for h in soup.select(".document-item__title")] == [
        "Metodika pro obce"
    ]


def test_entry_point_shows_its_review(client, landing):
    landing.last_reviewed = date(2026, 11, 2)
    landing.owner_team = "Metodický tým"
    landing.save_revision().publish()
    text = BeautifulSoup(client.get(landing.url).content, "html.parser").select_one(".review-info")
    assert "2. 11. 2026" in text.get_text()
    assert "Metodický tým" in text.get_text()


def test_filtered_feed_carries_only_the_topics_articles(client, landing, articles):
    response = client.get(landing.url + "feed/rss/", {"topic": "koncepce"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    assert [item.findtext("title") for item in channel.iter("item")] == ["Koncepce pro obce"]
    assert channel.findtext("title") == "Jsem obec: Koncepce"


def test_atom_feed_of_the_whole_audience(client, landing, articles):
    response = client.get(landing.url + "feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    atom = "{http://www.w3.org/2005/Atom}"
    assert sorted(entry.findtext(atom + "title") for entry in feed.iter(atom + "entry")) == [
        "Koncepce pro obce",
        "Pro obce i NNO o sociální práci",
    ]


def test_feed_of_an_unknown_topic_is_not_found(client, landing):
    assert client.get(landing.url + "feed/rss/", {"topic": "nic"}).status_code == 404


def test_listing_advertises_the_feeds_of_its_filter(client, landing):
    soup = BeautifulSoup(client.get(landing.url, {"topic": "koncepce"}).content, "html.parser")
    feeds = {link["href"]: link["type"] for link in soup.select("head link[rel=alternate][type]")}
    assert feeds[f"{landing.url}feed/atom/?topic=koncepce"] == "application/atom+xml"
    assert feeds[f"{landing.url}feed/rss/?topic=koncepce"] == "application/rss+xml"


def test_a_second_entry_point_for_one_audience_is_refused(home, landing, taxonomy):
    second = AudienceLandingPage(title="Jsem obec 2", slug="jsem-obec-2", audience=taxonomy["obce"])
    with translation.override("cs"), pytest.raises(ValidationError) as error:
        home.add_child(instance=second)
    assert "audience" in error.value.message_dict


def test_home_page_audience_tile_leads_to_the_entry_point(client, home, landing, taxonomy):
    factories.AudienceIndexPageFactory(parent=home)
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    hrefs = {a.strong.get_text(): a["href"] for a in soup.select(".tiles--audiences a")}
    assert hrefs["Obce"] == landing.url
    assert hrefs["Neziskové organizace"].endswith("/pro-koho/nno/")


def test_entry_point_listing_query_count_does_not_grow_with_articles(
    client, landing, section, taxonomy, django_assert_max_num_queries
):
    for _n in range(10):
        factories.ArticlePageFactory(parent=section, audiences=[taxonomy["obce"]])
    client.get(landing.url)  # warm the per-process caches (site root, locales)
    with django_assert_max_num_queries(40):
        response = client.get(landing.url)
    assert len(card_titles(response)) == 10
