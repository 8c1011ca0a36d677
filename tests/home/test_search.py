"""Search that ignores diacritics and case, on PostgreSQL and on SQLite alike."""

import pytest
from bs4 import BeautifulSoup

from home.search.analysis import clean_query, fold, highlight, query_terms
from tests import factories

pytestmark = pytest.mark.django_db


def result_titles(client, query, **params):
    response = client.get("/hledat/", {"q": query, **params})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select(".search-result__title a")], soup


@pytest.mark.both_databases
@pytest.mark.parametrize("query", ["Pardubice", "spolupráce", "spoluprace", "SPOLUPRÁCE"])
def test_seed_article_is_found_whatever_the_diacritics_and_case(client, seed_article, query):
    from home.demo import seed

    titles, _soup = result_titles(client, query)
    assert seed.TITLE in titles


@pytest.mark.both_databases
def test_search_needs_every_word(client, seed_article):
    from home.demo import seed

    assert seed.TITLE in result_titles(client, "Pardubice Brno")[0]
    assert result_titles(client, "Pardubice Ostrava")[0] == []


@pytest.mark.both_databases
def test_search_finds_nothing_for_unknown_words(client, seed_article):
    titles, soup = result_titles(client, "xylofonista")
    assert titles == []
    assert "0 výsledků" in soup.select_one(".search-summary").get_text()


@pytest.mark.both_databases
def test_search_skips_draft_and_private_pages(client, section):
    factories.ArticlePageFactory(parent=section, title="Veřejný Pardubice")
    draft = factories.ArticlePageFactory(parent=section, title="Koncept Pardubice")
    draft.unpublish()
    assert result_titles(client, "pardubice")[0] == ["Veřejný Pardubice"]


@pytest.mark.both_databases
def test_results_are_paginated(client, section):
    factories.ArticlePageFactory.create_batch(
        13, parent=section, summary="Dostupné bydlení v obci Kolín."
    )
    first, soup = result_titles(client, "kolin")
    assert len(first) == 10
    assert "13 výsledků" in soup.select_one(".search-summary").get_text()
    next_link = soup.select_one('.pagination a[rel="next"]')["href"]
    assert next_link == "?q=kolin&page=2"
    second, _soup = result_titles(client, "kolin", page=2)
    assert len(second) == 3
    assert not set(first) & set(second)


@pytest.mark.both_databases
@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 10_000,
        "spolupráce " * 1_000,
        "'; DROP TABLE wagtailcore_page; --",
        '" OR 1=1 --',
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        'spolu* AND NOT (x OR y) NEAR/2 "',
        "\x00\x01\x1b[31m",
        "😀 ☃ ∑",
        "%",
        "\\",
    ],
)
def test_absurd_queries_get_a_normal_page(client, seed_article, query):
    response = client.get("/hledat/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")


@pytest.mark.both_databases
def test_highlighting_escapes_what_editors_wrote(client, section):
    factories.ArticlePageFactory(
        parent=section,
        title="Bezpečnost",
        summary="<b>Pardubice</b> & <script>alert('x')</script> Pardubice",
    )
    _titles, soup = result_titles(client, "pardubice")
    excerpt = soup.select_one(".search-result p")
    assert [mark.get_text() for mark in excerpt.select("mark")] == ["Pardubice", "Pardubice"]
    assert excerpt.select("script") == []
    assert excerpt.select("b") == []
    assert "<script>alert('x')</script>" in excerpt.get_text()


def test_query_string_is_shown_back_escaped(client, seed_article):
    response = client.get("/hledat/", {"q": "<b>spolupráce</b>"})
    assert b"&lt;b&gt;spolupr\xc3\xa1ce&lt;/b&gt;" in response.content


def test_search_is_not_indexed_by_robots(client, seed_article):
    soup = BeautifulSoup(client.get("/hledat/", {"q": "bydleni"}).content, "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_search_refuses_writes(client, seed_article):
    assert client.post("/hledat/", {"q": "x"}).status_code == 405


# Unit tests of the folding and highlighting helpers.


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("SPOLUPRÁCE", "spoluprace"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy", "prilis zlutoucky kun upel dabelske ody"),
        ("Straße", "strasse"),
    ],
)
def test_fold_removes_diacritics_and_case(text, folded):
    assert fold(text) == folded


def test_clean_query_caps_length_and_drops_control_characters():
    assert clean_query("a\x00b\nc") == "a b c"
    assert len(clean_query("x" * 10_000)) == 200


def test_query_terms_keep_words_only_and_cap_their_number():
    assert query_terms("Spolupráce; DROP TABLE--") == ["spoluprace", "drop", "table"]
    assert len(query_terms(" ".join(f"w{n}" for n in range(50)))) == 12


def test_highlight_marks_whole_words_by_prefix_and_escapes_the_rest():
    html = highlight("Spolupráce obcí <a> NNO", ["spoluprac"])
    assert html == "<mark>Spolupráce</mark> obcí &lt;a&gt; NNO"


def test_highlight_centres_the_excerpt_on_the_first_match():
    text = "úvod " * 200 + "Pardubice" + " závěr" * 200
    html = highlight(text, ["pardubice"])
    assert html.startswith("…")
    assert "<mark>Pardubice</mark>" in html
    assert html.endswith("…")


def test_searches_are_limited_per_client_with_a_translated_429(client, seed_article, settings):
    from django.core.cache import cache

    settings.SEARCH_PER_IP = "3/m"
    cache.clear()
    # Opening the empty search page is not a search and costs nothing.
    for _ in range(5):
        assert client.get("/hledat/").status_code == 200
    for _ in range(3):
        assert client.get("/hledat/", {"q": "spolupráce"}).status_code == 200
    refused = client.get("/hledat/", {"q": "Pardubice"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert '<html lang="cs"' in refused.content.decode()
    other = client.get("/hledat/", {"q": "Pardubice"}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 200
    cache.clear()
