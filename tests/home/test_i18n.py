"""Czech at the root, English under /en/, and never Czech text under an English address."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale, Page

from home.pages.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


def translate(page, locale, title=None, slug=None, publish=True):
    """A real translation (Wagtail's copy for translation), optionally left as a draft."""
    translated = page.copy_for_translation(locale, copy_parents=False)
    translated.title = title or f"{page.title} (EN)"
    translated.slug = slug or f"{page.slug}-en"
    if hasattr(translated, "summary"):
        translated.summary = "An English summary."
    translated.save()
    revision = translated.save_revision()
    if publish:
        revision.publish()
    return Page.objects.get(pk=translated.pk).specific


@pytest.fixture
def bilingual(home, section, footer, english):
    article = factories.ArticlePageFactory(parent=section, title="Spolupráce", slug="spoluprace")
    untranslated = factories.ArticlePageFactory(parent=section, title="Jen česky", slug="jen")
    english_home = translate(home, english, title="Social housing", slug="social-housing")
    english_section = translate(section, english, title="Methodology", slug="methodology")
    english_article = translate(article, english, title="Cooperation", slug="cooperation")
    return {
        "home": home,
        "section": section,
        "article": article,
        "untranslated": untranslated,
        "english_home": english_home,
        "english_section": english_section,
        "english_article": english_article,
    }


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def switcher_link(soup):
    links = soup.select(".language-switcher a")
    assert len(links) == 1
    return links[0]


def test_czech_lives_at_the_root_and_english_under_en(client, bilingual):
    czech = soup_of(client.get("/"))
    assert czech.html["lang"] == "cs"
    english = client.get("/en/")
    assert english.status_code == 200
    assert soup_of(english).html["lang"] == "en"
    assert soup_of(english).h1.get_text() == "Social housing"
    article = client.get(bilingual["english_article"].url)
    assert bilingual["english_article"].url == "/en/methodology/cooperation/"
    assert soup_of(article).h1.get_text() == "Cooperation"


def test_a_czech_address_under_en_is_an_english_404(client, bilingual):
    response = client.get(f"/en/{bilingual['section'].slug}/jen/")
    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text() == "Page not found"
    assert "Obec poskytuje byty." not in response.content.decode()


def test_english_root_without_an_english_home_is_not_the_czech_home(client, home, english):
    response = client.get("/en/")
    assert response.status_code == 404
    assert home.title not in soup_of(response).h1.get_text()


def test_switcher_goes_to_the_translation_of_this_very_page(client, bilingual):
    soup = soup_of(client.get(bilingual["article"].url))
    link = switcher_link(soup)
    assert link["href"] == "/en/methodology/cooperation/"
    assert link["hreflang"] == "en"
    back = switcher_link(soup_of(client.get("/en/methodology/cooperation/")))
    assert back["href"] == bilingual["article"].url


def test_switcher_on_an_untranslated_page_explains_and_offers_both_ways(client, bilingual):
    untranslated = bilingual["untranslated"]
    soup = soup_of(client.get(untranslated.url))
    link = switcher_link(soup)
    assert link["href"] == f"/en/not-translated/{untranslated.pk}/"
    assert "not translated yet" in soup.select_one(".language-switcher").get_text()
    landing = client.get(link["href"])
    assert landing.status_code == 200
    page = soup_of(landing)
    assert page.html["lang"] == "en"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    hrefs = [a["href"] for a in page.select(".untranslated__choices a")]
    assert hrefs == [untranslated.url, "/en/"]


def test_not_translated_link_redirects_once_a_translation_is_live(client, bilingual, english):
    untranslated = bilingual["untranslated"]
    translated = translate(untranslated, english, title="Only Czech no more", slug="only")
    response = client.get(f"/en/not-translated/{untranslated.pk}/")
    assert response.status_code == 302
    assert response.url == translated.url


def test_a_draft_translation_counts_as_untranslated(client, bilingual, english):
    untranslated = bilingual["untranslated"]
    draft = translate(untranslated, english, title="Draft", slug="draft", publish=False)
    link = switcher_link(soup_of(client.get(untranslated.url)))
    assert link["href"] == f"/en/not-translated/{untranslated.pk}/"
    assert client.get(f"/en/methodology/{draft.slug}/").status_code == 404


def test_an_alias_of_a_czech_page_is_not_an_english_page(client, bilingual, english):
    untranslated = bilingual["untranslated"]
    alias = untranslated.create_alias(
        parent=bilingual["english_section"], update_locale=english, update_slug="alias"
    )
    response = client.get(alias.url)
    assert response.status_code == 404
    assert "not available in English" in soup_of(response).h1.get_text()
    link = switcher_link(soup_of(client.get(untranslated.url)))
    assert link["href"] == f"/en/not-translated/{untranslated.pk}/"


def test_hreflang_lists_live_translations_only(client, bilingual):
    def alternates(url):
        soup = soup_of(client.get(url))
        return {
            link["hreflang"]: link["href"]
            for link in soup.find_all("link", rel="alternate", hreflang=True)
        }

    assert alternates(bilingual["article"].url) == {
        "cs": f"http://testserver{bilingual['article'].url}",
        "x-default": f"http://testserver{bilingual['article'].url}",
        "en": "http://testserver/en/methodology/cooperation/",
    }
    assert set(alternates(bilingual["untranslated"].url)) == {"cs", "x-default"}


def test_sitemap_lists_both_languages_with_real_alternates_only(client, bilingual, english):
    translate(bilingual["untranslated"], english, title="Draft", slug="draft", publish=False)
    tree = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in tree.iter(f"{SITEMAP}url")
    }
    english_article = "http://localhost/en/methodology/cooperation/"
    czech_article = f"http://localhost{bilingual['article'].url}"
    assert entries[english_article] == {"cs": czech_article, "en": english_article}
    assert entries[czech_article] == {"cs": czech_article, "en": english_article}
    assert entries[f"http://localhost{bilingual['untranslated'].url}"] == {}
    assert not any("draft" in location for location in entries)


def test_feeds_are_per_language(client, bilingual):
    def titles(url):
        channel = ET.fromstring(client.get(url).content).find("channel")
        return {item.findtext("title") for item in channel.findall("item")}

    assert titles("/en/feeds/articles.rss") == {"Cooperation"}
    assert titles("/feeds/articles.rss") == {"Spolupráce", "Jen česky"}


def test_search_is_per_language(client, bilingual):
    def titles(url, query):
        soup = soup_of(client.get(url, {"q": query}))
        return [a.get_text() for a in soup.select(".search-result__title a")]

    assert titles("/en/search/", "cooperation") == ["Cooperation"]
    assert titles("/en/search/", "spoluprace") == []
    assert titles("/hledat/", "spoluprace") == ["Spolupráce"]


def test_search_page_switcher_keeps_the_query(client, bilingual):
    link = switcher_link(soup_of(client.get("/hledat/", {"q": "bydlení"})))
    assert link["href"] == "/en/search/?q=bydlen%C3%AD"


def test_404_switcher_offers_the_other_home_page(client, bilingual):
    link = switcher_link(soup_of(client.get("/neexistuje/")))
    assert link["href"] == "/en/"


def test_topic_pages_switch_to_the_translated_topic(client, bilingual, english):
    topic_index = factories.TopicIndexPageFactory(parent=bilingual["home"])
    translate(topic_index, english, title="Topics", slug="topics")
    topic = factories.TopicFactory(name="Sociální práce", slug="socialni-prace")
    english_topic = topic.copy_for_translation(english)
    english_topic.name, english_topic.slug = "Social work", "social-work"
    english_topic.save()
    link = switcher_link(soup_of(client.get("/temata/socialni-prace/")))
    assert link["href"] == "/en/topics/social-work/"
    untranslated_topic = factories.TopicFactory(slug="jen-cesky")
    link = switcher_link(soup_of(client.get(f"/temata/{untranslated_topic.slug}/")))
    assert link["href"] == f"/en/not-translated/{topic_index.pk}/"


def test_related_articles_show_in_the_pages_own_language(client, bilingual, english):
    from home.pages.models import RelatedPage

    article = bilingual["article"]
    RelatedPage.objects.create(source=article, page=bilingual["untranslated"])
    other = factories.ArticlePageFactory(parent=bilingual["section"], title="Druhý")
    english_other = translate(other, english, title="Second", slug="second")
    RelatedPage.objects.create(source=article, page=other)
    english_article = ArticlePage.objects.get(pk=bilingual["english_article"].pk)
    RelatedPage.objects.create(source=english_article, page=bilingual["untranslated"])
    RelatedPage.objects.create(source=english_article, page=other)
    soup = soup_of(client.get(english_article.url))
    assert [a.get_text() for a in soup.select(".related .card__title a")] == [english_other.title]


def test_footer_write_to_us_follows_the_language(client, bilingual, english):
    page = factories.StandardPageFactory(parent=bilingual["home"], slug="kontakt")
    english_page = translate(page, english, title="Contact", slug="contact")
    footer = bilingual["home"] and factories.FooterContentFactory._meta.model.objects.get()
    footer.write_to_us_page = page
    footer.save()
    english_footer = footer.copy_for_translation(english)
    english_footer.contact_centre = footer.contact_centre
    english_footer.save()
    soup = soup_of(client.get("/en/"))
    link = soup.find("a", string=english_footer.write_to_us_label)
    assert link["href"] == english_page.url


def test_english_page_dates_and_metadata_are_english(client, bilingual):
    soup = soup_of(client.get(bilingual["english_article"].url))
    assert soup.find("meta", property="og:locale")["content"] == "en_GB"
    assert soup.select_one(".skip-link").get_text() == "Skip to main content"
    assert (
        timezone.now() - datetime.timedelta(days=1)
        < bilingual["english_article"].first_published_at
    )
