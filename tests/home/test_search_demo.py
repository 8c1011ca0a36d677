"""The search over the demo site: the issue's own queries, the demo's synonyms."""

import pytest
from bs4 import BeautifulSoup

from home.search.models import SearchSynonym

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(shared_demo_site, db):
    return shared_demo_site


def search(client, query, path="/hledat/"):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def addresses(soup):
    return [a["href"] for a in soup.select("ol.search-results .search-result__title a")]


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("bytová nouze", "spoluprace-nno-s-obci"),
        ("podnájemní smlouva", "spoluprace-nno-s-obci"),
        ("pronájem obecních bytů", "spoluprace-nno-s-obci"),
        ("exekuci", "prevence-ztraty-bydleni"),
        ("neziskovky", "spoluprace-nno-s-obci"),
    ],
)
def test_the_issues_czech_queries_find_their_page(client, site, query, slug):
    assert any(slug in href for href in addresses(search(client, query))[:3])


# The pages about municipalities, as the relevance benchmark expects them (search_queries.py).
MUNICIPALITY_PAGES = (
    "ngos-working-with-municipalities",
    "local-social-housing-strategy",
    "municipalities/faq",
)


@pytest.mark.parametrize("query", ["municipality", "municipalities", "charity council"])
def test_english_inflections_and_synonyms(client, site, query):
    found = addresses(search(client, query, path="/en/search/"))
    assert any(page in href for href in found[:3] for page in MUNICIPALITY_PAGES), found


def test_the_demo_ships_synonyms_in_both_languages(site):
    languages = set(SearchSynonym.objects.values_list("locale__language_code", flat=True))
    assert languages == {"cs", "en"}
    assert SearchSynonym.objects.filter(forms__startswith="NNO,").exists()


def test_a_misspelt_demo_query_gets_a_suggestion(client, site):
    soup = search(client, "spoluprace s obcemy")
    assert soup.select_one(".search-suggestion a").get_text() == "spolupráce s obcemi"
