"""The glossary: terms from A to Z with anchors and a search, and the first use of each term
in an article linked to its entry, never inside a link, a heading or another term."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.editorial.translation_status import translatable_snippet_models
from home.glossary.linking import Entry, entries_for, link_terms
from tests import factories

pytestmark = pytest.mark.django_db

BYT = Entry(
    "sociální byt", ("sociálních bytech", "sociální byt"), "/slovnik/#byt", "sociální byt: …"
)
NNO = Entry("NNO", ("NNO",), "/slovnik/#nno", "NNO: nezisková organizace")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def links(html):
    soup = BeautifulSoup(html, "html.parser")
    return [(a["href"], a.get_text()) for a in soup.select("a.glossary-term")]


def test_first_occurrence_of_a_term_or_its_form_is_linked_once():
    html = "<p>V sociálních bytech žijí rodiny. Sociální byt je nájemní byt.</p>"
    assert links(link_terms(html, [BYT])) == [("/slovnik/#byt", "sociálních bytech")]


def test_terms_inside_links_headings_and_summaries_are_left_alone():
    html = (
        '<h2>Sociální byt</h2><p><a href="/x/">sociální byt</a></p>'
        "<details><summary>Co je NNO?</summary><p>NNO pomáhají.</p></details>"
    )
    result = link_terms(html, [BYT, NNO])
    assert links(result) == [("/slovnik/#nno", "NNO")]
    soup = BeautifulSoup(result, "html.parser")
    assert soup.h2.get_text() == "Sociální byt" and not soup.h2.a
    assert soup.summary.get_text() == "Co je NNO?"
    assert soup.find("a", href="/x/").get_text() == "sociální byt"


def test_abbreviations_match_only_in_capitals_and_whole_words():
    html = "<p>Slovo nnoha ani nno nic. Až NNO.</p>"
    assert links(link_terms(html, [NNO])) == [("/slovnik/#nno", "NNO")]


def test_markup_and_text_around_a_term_survive():
    html = '<p>Obec a <b>NNO</b> &amp; partneři, <a href="/o/">odkaz</a>.</p>'
    result = link_terms(html, [NNO])
    assert result == (
        '<p>Obec a <b><a class="glossary-term" href="/slovnik/#nno" '
        'title="NNO: nezisková organizace">NNO</a></b> &amp; partneři, <a href="/o/">odkaz</a>.</p>'
    )


def test_without_terms_the_html_is_untouched():
    assert link_terms("<p>a &lt; b</p>", []) == "<p>a &lt; b</p>"


@pytest.fixture
def glossary(home):
    page = factories.GlossaryPageFactory(parent=home, last_reviewed="2026-10-01")
    factories.GlossaryTermFactory(
        term="sociální byt",
        slug="socialni-byt",
        synonyms="sociálních bytech",
        definition="<p>Byt pro domácnost v bytové nouzi.</p>",
    )
    factories.GlossaryTermFactory(term="ORP", slug="orp", synonyms="obec s rozšířenou působností")
    factories.GlossaryTermFactory(term="Čtvrť", slug="ctvrt")
    return page


def test_article_links_terms_to_the_glossary(client, section, glossary):
    article = factories.ArticlePageFactory(
        parent=section,
        body=[
            {"type": "heading", "value": {"heading": "Sociální byt", "level": "h2"}},
            {"type": "paragraph", "value": "<p>V sociálních bytech pracuje ORP.</p>"},
            {"type": "paragraph", "value": "<p>Sociální byt podruhé.</p>"},
        ],
    )
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    found = soup.select("main a.glossary-term")
    assert [(a["href"], a.get_text()) for a in found] == [
        ("/slovnik-pojmu/#socialni-byt", "sociálních bytech"),
        ("/slovnik-pojmu/#orp", "ORP"),
    ]
    assert found[0]["title"] == "sociální byt: Byt pro domácnost v bytové nouzi."


def test_terms_are_read_once_and_kept_until_a_term_changes(glossary):
    with CaptureQueriesContext(connection) as cold:
        entries_for("cs")
    with CaptureQueriesContext(connection) as warm:
        assert {entry.term for entry in entries_for("cs")} == {"sociální byt", "ORP", "Čtvrť"}
    assert len(warm.captured_queries) == 0
    # The glossary page, its site (Wagtail caches the root paths) and the terms.
    assert 0 < len(cold.captured_queries) <= 4
    factories.GlossaryTermFactory(term="ETHOS", slug="ethos")
    assert "ETHOS" in {entry.term for entry in entries_for("cs")}


def test_glossary_page_lists_terms_from_a_to_z_with_anchors(client, glossary):
    soup = BeautifulSoup(client.get(glossary.url).content, "html.parser")
    assert [dt.get_text() for dt in soup.select("dl.glossary dt")] == [
        "Čtvrť",
        "ORP",
        "sociální byt",
    ]
    assert [a.get_text() for a in soup.select(".glossary-letters a")] == ["C", "O", "S"]
    assert soup.select_one("dt#socialni-byt")
    assert soup.select_one("#pismeno-c").name == "h2"
    assert "Stránka naposledy zkontrolována" in soup.select_one(".review-info").get_text()


def test_glossary_search_ignores_case_and_diacritics(client, glossary):
    soup = BeautifulSoup(client.get(glossary.url + "?q=ROZSIRENOU").content, "html.parser")
    assert [dt.get_text() for dt in soup.select("dl.glossary dt")] == ["ORP"]
    assert "1 pojem" in soup.select_one("main [role=status]").get_text()


def test_glossary_terms_are_in_the_translation_report():
    from home.glossary.models import GlossaryTerm

    assert GlossaryTerm in translatable_snippet_models()


def test_glossary_terms_export_as_csv(admin_client, glossary):
    response = admin_client.get("/admin/snippets/home/glossaryterm/?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "sociální byt" in text and "sociálních bytech" in text


def test_only_one_glossary_per_language(home, glossary):
    from home.glossary.models import GlossaryPage

    assert not GlossaryPage.can_create_at(home)


def test_editor_adds_a_term_in_the_admin_and_a_duplicate_slug_is_refused(admin_client):
    from wagtail.test.utils.form_data import rich_text

    from home.glossary.models import GlossaryTerm

    data = {
        "term": "krizové bydlení",
        "slug": "krizove-bydleni",
        "definition": rich_text("<p>Okamžité ubytování.</p>"),
        "synonyms": "krizového bydlení",
    }
    url = "/admin/snippets/home/glossaryterm/add/?locale=cs"
    assert admin_client.post(url, data).status_code == 302
    term = GlossaryTerm.objects.get(slug="krizove-bydleni")
    assert term.forms == ["krizového bydlení", "krizové bydlení"]
    assert term.locale.language_code == "cs"
    again = admin_client.post(url, {**data, "term": "jiné"})
    assert again.status_code == 200
    assert GlossaryTerm.objects.count() == 1


BYT_ONLY = Entry("sociální byt", ("sociální byt",), "/slovnik/#byt", "sociální byt: …")


@pytest.mark.parametrize(
    "text, linked",
    [
        ("Nájem sociálního bytu je levnější.", "sociálního bytu"),
        ("V sociálních bytech žijí rodiny.", "sociálních bytech"),
        ("SOCIÁLNÍM BYTEM se rozumí nájemní byt.", "SOCIÁLNÍM BYTEM"),
    ],
)
def test_an_inflected_form_links_the_term_without_an_editor_listing_it(text, linked):
    assert links(link_terms(f"<p>{text}</p>", [BYT_ONLY])) == [("/slovnik/#byt", linked)]


def test_a_shared_beginning_alone_links_nothing():
    """ "sociálka" and "bytový" share beginnings with the term, not its stems."""
    html = "<p>Sociálka přišla. Sociální práce. Bytový fond.</p>"
    assert links(link_terms(html, [BYT_ONLY])) == []


def test_the_words_of_a_term_must_stand_together():
    html = "<p>Sociální, a potom byt.</p>"
    assert links(link_terms(html, [BYT_ONLY])) == []


def test_english_terms_match_their_inflections_too():
    term = Entry("municipality", ("municipality",), "/en/glossary/#m", "…", language="en")
    html = "<p>Municipalities provide housing.</p>"
    assert links(link_terms(html, [term])) == [("/en/glossary/#m", "Municipalities")]
