"""Promoted results, "did you mean" and the ways forward of a search without results."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.search.models import SearchZeroFollow
from home.search.typos import rebuild_vocabulary
from tests import factories

pytestmark = pytest.mark.django_db


def search(client, query):
    response = client.get("/hledat/", {"q": query})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def body(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


@pytest.mark.both_databases
def test_promoted_pages_come_first_and_once(client, section):
    plain = factories.ArticlePageFactory(
        parent=section, title="Obecní byty", summary="S.", body=body("Obecní byty.")
    )
    pinned = factories.ArticlePageFactory(
        parent=section, title="Jak požádat", summary="S.", body=body("Žádost o byt.")
    )
    also = factories.ArticlePageFactory(
        parent=section, title="Byty obce", summary="S.", body=body("Obecní byty a nájem.")
    )
    query = Query.get("obecní byty")
    SearchPromotion.objects.create(query=query, page=pinned, sort_order=0, description="Začněte")
    SearchPromotion.objects.create(query=query, page=also, sort_order=1)
    soup = search(client, "Obecni byty")  # unaccented and capitalised: the same promotion
    promoted = [a.get_text() for a in soup.select(".search-result--promoted a")]
    assert promoted == ["Jak požádat", "Byty obce"]
    listed = [a.get_text() for a in soup.select("ol.search-results .search-result__title a")]
    assert listed == [plain.title]
    assert "Začněte" in soup.select_one(".search-result--promoted").get_text()


@pytest.mark.both_databases
def test_a_promotion_applies_at_once_and_alone_is_no_miss(client, section):
    from home.search.models import SearchMiss

    pinned = factories.ArticlePageFactory(parent=section, title="Kam se obrátit")
    assert search(client, "pomoc ihned").select(".search-zero")  # cached: no promotions yet
    assert SearchMiss.objects.get().count == 1
    SearchPromotion.objects.create(query=Query.get("pomoc ihned"), page=pinned, sort_order=0)
    soup = search(client, "pomoc ihned")
    assert [a.get_text() for a in soup.select(".search-result--promoted a")] == ["Kam se obrátit"]
    assert soup.select(".search-zero") == []
    assert SearchMiss.objects.get().count == 1


@pytest.mark.both_databases
def test_did_you_mean_corrects_a_misspelt_word(client, seed_article):
    rebuild_vocabulary()
    soup = search(client, "spoluprace s obcemy")
    suggestion = soup.select_one(".search-suggestion a")
    assert suggestion is not None
    assert suggestion.get_text() == "spolupráce s obcemi"
    assert parse_qs(urlsplit(suggestion["href"]).query)["q"] == ["spolupráce s obcemi"]
    assert "Měli jste na mysli" in soup.select_one(".search-suggestion").get_text()


@pytest.mark.both_databases
def test_did_you_mean_is_not_shown_when_the_search_finds_pages(client, seed_article):
    rebuild_vocabulary()
    assert search(client, "spolupráce obce").select(".search-suggestion") == []
    assert search(client, "xylofonista").select(".search-suggestion") == []  # nothing close


@pytest.mark.both_databases
def test_published_pages_join_the_vocabulary(client, section):
    page = factories.ArticlePageFactory(parent=section, title="Ubytovna", summary="S.")
    page.save_revision().publish()
    assert search(client, "ubitovna").select_one(".search-suggestion a").get_text() == "ubytovna"


def test_zero_results_offer_ways_forward_and_count_them(
    client, home, section, topic_index, audience_index
):
    factories.AudienceFactory(name="Obce")
    factories.TopicFactory(name="Dluhy")
    glossary = factories.GlossaryPageFactory(parent=home)
    factories.GlossaryTermFactory(term="ORP", slug="orp", synonyms="obec s rozšířenou působností")
    soup = search(client, "obec s rozšířenou působností")
    zero = soup.select_one(".search-zero")
    assert zero is not None
    link = zero.select_one(".search-zero__glossary a")
    assert link.get_text() == "ORP"
    target = parse_qs(urlsplit(link["href"]).query)
    assert target["via"] == ["glossary"]
    assert target["to"] == [f"{glossary.url}#orp"]
    assert "Dluhy" in zero.get_text()
    assert "Obce" in zero.get_text()
    response = client.get(link["href"])
    assert response.status_code == 302
    assert response["Location"] == f"{glossary.url}#orp"
    assert SearchZeroFollow.objects.get(via="glossary").count == 1
    client.get(link["href"])
    assert SearchZeroFollow.objects.get(via="glossary").count == 2


def test_the_way_forward_never_leaves_the_site(client, home):
    for target in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        response = client.get("/hledat/dal/", {"via": "topic", "to": target})
        assert response.status_code == 302
        assert response["Location"] == "/hledat/"
    assert not SearchZeroFollow.objects.exists()


@pytest.mark.both_databases
def test_a_search_without_results_costs_at_most_ten_queries(
    client, seed_article, django_assert_max_num_queries
):
    rebuild_vocabulary()
    search(client, "zcela neznamy")  # warms the site frame, as any earlier visit does
    for query in ("spoluprace s obcemy", "xylofonista"):
        with django_assert_max_num_queries(10):
            search(client, query)


def test_the_misses_report_offers_a_promotion_with_the_query_filled_in(admin_client, home):
    from home.search.misses import record_search_miss

    record_search_miss("bytová nouze praha", ["bytova", "nouze", "praha"])
    soup = BeautifulSoup(admin_client.get("/admin/reports/search-misses/").content, "html.parser")
    row = next(tr for tr in soup.select("tbody tr") if "bytova nouze praha" in tr.get_text())
    link = row.select_one("a")["href"]
    assert parse_qs(urlsplit(link).query)["query_string"] == ["bytova nouze praha"]
    form = BeautifulSoup(admin_client.get(link).content, "html.parser")
    assert form.select_one('input[name="query_string"]')["value"] == "bytova nouze praha"
