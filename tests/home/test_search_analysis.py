"""Inflection, synonyms and ranking of the search (home.search.analysis, home.search.hits)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page

from home.search.analysis import analyse_query, highlight, stem_text, word_stems
from home.search.hits import search_pages
from home.search.models import SearchSynonym
from tests import factories


def titles(client, query, path="/hledat/"):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select(".search-result__title a")]


def body(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


# Unit tests of the analysis: no database.


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("bytová", "bytové"),
        ("nouze", "nouzi"),
        ("podnájemní", "podnájemních"),
        ("smlouva", "smluv"),
        ("exekuci", "exekuce"),
        ("obce", "obcemi"),
        ("spolupráce", "spolupracovat"),
        ("pronájem", "pronajímají"),
        ("neziskovka", "neziskové"),
        ("BYTOVA", "bytové"),  # unaccented, upper case
        ("nouzi", "NOUZE"),
    ],
)
def test_czech_inflected_forms_share_a_stem(typed, written):
    assert word_stems(typed, "cs") & word_stems(written, "cs")


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("municipality", "municipalities"),
        ("Housing", "houses"),
        ("EVICTIONS", "eviction"),
        ("contracts", "contract"),
    ],
)
def test_english_inflected_forms_share_a_stem(typed, written):
    assert word_stems(typed, "en") & word_stems(written, "en")


def test_unrelated_words_share_no_stem():
    assert not word_stems("nouze", "cs") & word_stems("nájem", "cs")
    assert not word_stems("municipality", "en") & word_stems("housing", "en")


def test_stems_are_folded_and_listed_once():
    stems = stem_text("Bytové nouzi, bytová NOUZE", "cs").split()
    assert len(stems) == len(set(stems))
    assert all(stem == stem.casefold() and stem.isascii() for stem in stems)


def test_a_query_keeps_exact_forms_first_and_can_be_exact_only():
    term = analyse_query("bytové", "cs").groups[0].alternatives[0][0]
    assert term.forms[0] == "bytove"
    assert set(term.forms[1:]) == word_stems("bytové", "cs") - {"bytove"}
    assert analyse_query("bytové", "cs", stem=False).stems() == {"bytove"}


def test_a_synonym_phrase_becomes_alternatives():
    classes = [["nno", "neziskova organizace", "neziskovka"]]
    query = analyse_query("NNO a obec", "cs", synonyms=classes)
    nno = query.groups[0]
    assert [[t.exact for t in alt] for alt in nno.alternatives] == [
        ["nno"],
        ["neziskova", "organizace"],
        ["neziskovka"],
    ]
    phrase = analyse_query("nezisková organizace", "cs", synonyms=classes)
    assert len(phrase.groups) == 1
    assert [t.exact for t in phrase.groups[0].alternatives[1]] == ["nno"]


def test_highlight_marks_inflected_forms():
    query = analyse_query("bytová nouze", "cs")
    html = highlight("Lidé v bytové nouzi.", query.terms, stems=query.stems())
    assert html == "Lidé v <mark>bytové</mark> <mark>nouzi</mark>."


# The search itself, on both databases.


@pytest.mark.django_db
@pytest.mark.both_databases
@pytest.mark.parametrize(
    "query",
    ["bytová nouze", "bytova nouze", "podnájemní smlouva", "exekuce", "pronájem obecních bytů"],
)
def test_inflected_queries_find_the_page(client, section, query):
    factories.ArticlePageFactory(
        parent=section,
        title="Bydlení pro lidi v nouzi",
        summary="Shrnutí.",
        body=body(
            "Pro lidi v bytové nouzi obec pronajímá obecní byty na základě podnájemních "
            "smluv; pomůže i při exekuci."
        ),
    )
    assert titles(client, query) == ["Bydlení pro lidi v nouzi"]


@pytest.mark.django_db
@pytest.mark.both_databases
def test_exact_matches_rank_above_stem_matches(client, section):
    factories.ArticlePageFactory(
        parent=section, title="První", summary="Shrnutí.", body=body("Co dělat při exekuci.")
    )
    factories.ArticlePageFactory(
        parent=section, title="Druhý", summary="Shrnutí.", body=body("Když přijde exekuce.")
    )
    assert titles(client, "exekuce") == ["Druhý", "První"]
    assert titles(client, "exekuci") == ["První", "Druhý"]


@pytest.mark.django_db
@pytest.mark.both_databases
def test_titles_rank_above_bodies(client, section):
    factories.ArticlePageFactory(
        parent=section,
        title="Obecní byty",
        summary="Shrnutí.",
        body=body("Pravidla pro přidělení bydlení."),
    )
    factories.ArticlePageFactory(
        parent=section, title="Pravidla", summary="Shrnutí.", body=body("Co jsou obecní byty.")
    )
    assert titles(client, "obecni byty") == ["Obecní byty", "Pravidla"]
    # The accented title is folded for the index too: both spellings rank it first.
    assert titles(client, "Obecní byty")[0] == "Obecní byty"


@pytest.mark.django_db
@pytest.mark.both_databases
def test_english_pages_are_stemmed_as_english(section):
    english = Locale.objects.get_or_create(language_code="en")[0]
    factories.ArticlePageFactory(
        parent=section,
        locale=english,
        title="Working together",
        summary="A summary.",
        body=body("How municipalities and charities provide social housing."),
    )
    pages = Page.objects.live().filter(locale=english)
    for query in ("municipality", "Municipalities", "charity", "provided"):
        found = list(search_pages(pages, analyse_query(query, "en"))[0:10])
        assert [page.title for page in found] == ["Working together"], query


@pytest.mark.django_db
@pytest.mark.both_databases
def test_synonyms_edited_in_the_admin_apply_at_once(client, section):
    factories.ArticlePageFactory(
        parent=section,
        title="Neziskovky a obce",
        summary="Shrnutí.",
        body=body("Nezisková organizace zná klienty."),
    )
    assert titles(client, "NNO") == []
    synonym = SearchSynonym.objects.create(
        forms="NNO, nezisková organizace", locale=Locale.get_default()
    )
    assert titles(client, "NNO") == ["Neziskovky a obce"]
    assert titles(client, "nno obce") == ["Neziskovky a obce"]
    synonym.forms = "NNO, nevládní organizace"
    synonym.save()
    assert titles(client, "NNO") == []
    synonym.forms = "NNO, nezisková organizace"
    synonym.save()
    assert titles(client, "NNO") == ["Neziskovky a obce"]
    synonym.delete()
    assert titles(client, "NNO") == []


@pytest.mark.django_db
def test_a_synonym_needs_two_forms():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        SearchSynonym(forms="NNO, nno", locale=Locale.get_default()).full_clean()


@pytest.mark.django_db
@pytest.mark.both_databases
def test_a_search_costs_at_most_ten_queries(client, section, django_assert_max_num_queries):
    SearchSynonym.objects.create(forms="NNO, nezisková organizace", locale=Locale.get_default())
    factories.ArticlePageFactory.create_batch(
        12, parent=section, summary="Shrnutí.", body=body("Nezisková organizace v bytové nouzi.")
    )
    # Warms the site frame (and the zero-results page's part of it), as earlier visits do.
    client.get("/hledat/", {"q": "nno"})
    client.get("/hledat/", {"q": "zcela neznamy"})
    for query in ("nno bytova nouze", "xylofonista"):
        with django_assert_max_num_queries(10):
            assert client.get("/hledat/", {"q": query}).status_code == 200


@pytest.mark.django_db
@pytest.mark.both_databases
def test_other_searches_can_use_the_analysis(section):
    from home.pages.models import ArticlePage
    from home.search.hits import wagtail_query

    factories.ArticlePageFactory(
        parent=section, title="Dluhy", summary="S.", body=body("Když přijde exekuce.")
    )
    articles = ArticlePage.objects.live()
    assert [p.title for p in articles.search(wagtail_query("exekuci", "cs"))] == ["Dluhy"]
    assert list(articles.search(wagtail_query("exekuci xylofon", "cs"))) == []
    found = articles.search(wagtail_query("exekuci xylofon", "cs", any_word=True))
    assert [p.title for p in found] == ["Dluhy"]
    assert wagtail_query("?!", "cs") is None


def test_migrating_the_analysis_rebuilds_the_index(monkeypatch):
    from home.search import reindex

    class Migration:
        app_label, name = "home", "0002_search_analysis"

    class Other:
        app_label, name = "home", "0001_initial"

    called = []
    monkeypatch.setattr(reindex, "call_command", lambda name, **kw: called.append(name))
    reindex.reindex_after_migrate(None, plan=[(Other(), False)])
    assert called == []
    reindex.reindex_after_migrate(None, plan=[(Migration(), True)])  # unapplied: no
    assert called == []
    reindex.reindex_after_migrate(None, plan=[(Other(), False), (Migration(), False)])
    assert called == ["update_index", "update_search_vocabulary"]


def test_the_stemmers_are_pystemmers_c_ones():
    # snowballstemmer hands out PyStemmer's stemmers when it is installed: the same stems,
    # 30-80x faster and 9 MiB less per worker than its pure Python (bench/README.md).
    import Stemmer

    from home.search.analysis import _stemmer

    assert isinstance(_stemmer("cs"), Stemmer.Stemmer)
    assert isinstance(_stemmer("en"), Stemmer.Stemmer)


def test_every_migration_that_rebuilds_the_index_exists():
    from django.db.migrations.loader import MigrationLoader

    from home.search.reindex import REINDEX_AFTER

    assert set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations) >= REINDEX_AFTER


def test_a_words_stems_are_computed_once_and_cannot_be_changed():
    from home.search.analysis import word_stems

    first = word_stems("bytové", "cs")
    assert word_stems("bytové", "cs") is first
    assert isinstance(first, frozenset)


@pytest.mark.django_db
def test_reindexing_asks_no_query_per_page(section):
    # Stems depend on a page's language: its locale comes with the page, not a query each.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.search.backends import get_search_backend

    from home.pages.models import ArticlePage

    def count():
        # The reads: SQLite's index (FTS5) then writes each page's entry on its own, which
        # is the backend's way of storing, not a lookup per page.
        with CaptureQueriesContext(connection) as queries:
            pages = list(ArticlePage.get_indexed_objects())
            get_search_backend().add_bulk(ArticlePage, pages)
        return sum(query["sql"].lstrip().upper().startswith("SELECT") for query in queries)

    factories.ArticlePageFactory.create_batch(2, parent=section)
    few = count()
    factories.ArticlePageFactory.create_batch(8, parent=section)
    assert count() == few
