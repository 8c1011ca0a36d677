"""The document library: filters by type, audience, topic, year and language that never
fail, pagination that keeps them, and RSS and Atom feeds of the filtered list."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile

from tests import factories
from tests.contact.conftest import translate_page, translate_snippet

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [a.get_text() for a in soup_of(response).select(".document-item__title a")]


@pytest.fixture
def library(home):
    return factories.DocumentLibraryPageFactory(parent=home, last_reviewed="2026-10-01")


@pytest.fixture
def catalogue(db):
    work = factories.TopicFactory(name="Sociální práce", slug="socialni-prace")
    towns = factories.AudienceFactory(name="Obce", slug="obce")
    method = factories.GuidanceDocumentFactory(
        title="Metodika", document_type="methodology", year=2025, pages=14
    )
    method.topics.add(work)
    method.audiences.add(towns)
    factories.GuidanceDocumentFactory(title="Analýza", document_type="analysis", year=2024)
    factories.GuidanceDocumentFactory(title="Leták", document_type="leaflet", year=2025)
    factories.GuidanceDocumentFactory(title="Overview", document_type="analysis", language="en")
    factories.GuidanceDocumentFactory(title="Příloha článku", in_library=False)
    return {"topic": work, "audience": towns}


def test_lists_documents_in_the_readers_language_with_their_details(client, library, catalogue):
    response = client.get(library.url)
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Analýza", "Leták", "Metodika"]
    item = soup_of(response).find("a", string="Metodika").find_parent("li")
    assert "PDF" in item.get_text() and "14 stran" in item.get_text()
    assert item.select_one(".accessible-format a")
    review = soup_of(response).select_one(".review-info").get_text()
    assert "Stránka naposledy zkontrolována: 1. 10. 2026" in review


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?type=analysis", ["Analýza"]),
        ("?year=2025", ["Leták", "Metodika"]),
        ("?topic=socialni-prace", ["Metodika"]),
        ("?audience=obce", ["Metodika"]),
        ("?type=analysis&language=all", ["Analýza", "Overview"]),
        ("?language=en", ["Overview"]),
    ],
)
def test_each_filter_narrows_the_list(client, library, catalogue, query, expected):
    assert sorted(titles(client.get(library.url + query))) == expected


def test_invalid_filters_are_explained_and_left_out(client, library, catalogue):
    response = client.get(library.url + "?type=smlouva&year=loni&topic=neni&page=x")
    assert response.status_code == 200
    notice = soup_of(response).select_one(".notice-panel").get_text()
    assert "Některé filtry nešlo použít" in notice
    assert "smlouva" in notice and "loni" in notice
    assert sorted(titles(response)) == ["Analýza", "Leták", "Metodika"]


def test_pagination_keeps_the_filters(client, library, catalogue):
    for number in range(13):
        factories.GuidanceDocumentFactory(title=f"Analýza {number}", document_type="analysis")
    soup = soup_of(client.get(library.url + "?type=analysis"))
    assert soup.select_one(".pagination a[rel=next]")["href"] == (
        "?type=analysis&language=cs&page=2"
    )
    second = client.get(library.url + "?type=analysis&language=cs&page=2")
    assert len(titles(second)) == 2


def test_english_library_filters_by_the_english_term(client, library, catalogue):
    english = factories.Locale.objects.get_or_create(language_code="en")[0]
    translate_page(library.get_parent().specific, english, slug="social-housing")
    english_library = translate_page(library, english, title="Documents", slug="documents")
    translate_snippet(catalogue["topic"], english, name="Social work", slug="social-work")
    response = client.get(english_library.url + "?topic=social-work&language=all")
    assert response.status_code == 200
    assert titles(response) == ["Metodika"]
    assert "v češtině" not in response.content.decode()
    assert "in Czech" in response.content.decode()


def test_rss_feed_lists_the_filtered_documents(client, library, catalogue):
    soup = soup_of(client.get(library.url + "?type=analysis"))
    feed_url = soup.select_one(".feeds a").get("href")
    assert feed_url == "/feeds/documents.rss?type=analysis&language=cs"
    response = client.get(feed_url)
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Sociální bydlení: Knihovna dokumentů"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Analýza"]
    assert items[0].find("enclosure").get("type") == "application/pdf"
    assert items[0].findtext("link").startswith("http://testserver/documents/")


def test_atom_feed_of_all_languages(client, library, catalogue):
    response = client.get("/feeds/documents.atom?language=all&year=bad")
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert sorted(entry.findtext(f"{ATOM}title") for entry in entries) == [
        "Analýza",
        "Leták",
        "Metodika",
        "Overview",
    ]


def test_feed_without_a_library_is_404(client, home):
    assert client.get("/feeds/documents.rss").status_code == 404


def test_library_query_count_does_not_grow_with_documents(
    client, library, catalogue, django_assert_max_num_queries
):
    client.get(library.url)
    with django_assert_max_num_queries(30) as few:
        client.get(library.url)
    warm = len(few.captured_queries)  # read now: the next request resets the query log
    for number in range(10):
        factories.GuidanceDocumentFactory(
            title=f"Leták {number}", file=SimpleUploadedFile(f"l{number}.docx", b"PK")
        ).topics.add(catalogue["topic"])
    client.get(library.url)  # new documents retire the cached frame: warm it again
    with django_assert_max_num_queries(warm):
        client.get(library.url)


def test_only_one_library_per_language(home, library):
    from home.library.models import DocumentLibraryPage

    assert not DocumentLibraryPage.can_create_at(home)
