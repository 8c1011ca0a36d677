"""The demo shows every guidance feature, in Czech and in English."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from home.demo import guidance, seed
from home.guidance.models import AudienceLandingPage, FaqPage, HelpSignpostPage
from home.help_points.models import HelpPoint, HelpPointDirectoryPage
from home.pages.models import ArticlePage

pytestmark = pytest.mark.django_db


def soup_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_one_entry_point_per_audience_in_both_languages(db, shared_demo_site):
    for language in ("cs", "en"):
        pages = AudienceLandingPage.objects.filter(locale__language_code=language).live()
        assert sorted(page.audience.locale.language_code for page in pages) == [language] * 3
    titles = set(
        AudienceLandingPage.objects.filter(locale__language_code="cs").values_list(
            "title", flat=True
        )
    )
    assert titles == {"Jsem obec", "Jsem nezisková organizace", "Potřebuji pomoc s bydlením"}


def test_ngo_faq_question_five_is_the_seed_article(client, db, shared_demo_site):
    faq = FaqPage.objects.get(locale__language_code="cs", slug="caste-otazky",
                              title="Časté otázky neziskových organizací")  # fmt: skip
    number, anchor, value = faq.numbered_questions()[4]
    assert (number, anchor, value["question"]) == (5, "otazka-5", guidance.SEED_QUESTION)
    assert value["read_more"].slug == seed.SLUG
    link = soup_of(client, faq.url).select_one("#otazka-5 .faq__more a")
    assert link["href"] == f"/metodika/{seed.SLUG}/"


def test_english_ngo_faq_links_the_english_seed_article(client, db, shared_demo_site):
    czech_article = ArticlePage.objects.get(locale__language_code="cs", slug=seed.SLUG)
    english_article = czech_article.get_translation(Locale.objects.get(language_code="en"))
    faq = FaqPage.objects.get(locale__language_code="en", title__contains="non-profit")
    soup = soup_of(client, faq.url)
    assert soup.select_one("#question-5 summary").get_text(" ", strip=True) == (
        "5. How can NGOs work with a municipality?"
    )
    assert soup.select_one("#question-5 .faq__more a")["href"] == english_article.url
    data = json.loads(soup.find("script", type="application/ld+json").string)
    faq_data = next(node for node in data["@graph"] if node["@type"] == "FAQPage")
    assert len(faq_data["mainEntity"]) == 5


def test_demo_entry_point_filters_by_topic(client, db, shared_demo_site):
    soup = soup_of(client, "/jsem-obec/", topic="koncepce-a-planovani")
    titles = [title.get_text(strip=True) for title in soup.select(".card__title")]
    assert titles == ["Jak připravit lokální koncepci sociálního bydlení"]


def test_demo_signpost_finds_help_in_usti(client, db, shared_demo_site):
    signpost = HelpSignpostPage.objects.get(locale__language_code="cs")
    assert signpost.get_parent().slug == "potrebuji-pomoc-s-bydlenim"
    soup = soup_of(client, signpost.url, kraj="ustecky")
    headings = [h.get_text() for h in soup.select("section.situation-group > h2")]
    assert headings == ["Nemám bydlení", "Mám bydlení, ale…"]
    assert len(soup.select(".help-point")) == 2
    assert seed.CONTACT_CENTRE_NAME in soup.select_one(".contact-box").get_text()


def test_demo_directory_in_english_searches_without_diacritics(client, db, shared_demo_site):
    directory = HelpPointDirectoryPage.objects.get(locale__language_code="en")
    soup = soup_of(client, directory.url, obec="ceske budejovice")
    assert [h.get_text() for h in soup.select(".help-point h3")] == [
        "Housing contact point České Budějovice (demo)"
    ]
    assert HelpPoint.objects.filter(locale__language_code="en").count() == len(guidance.HELP_POINTS)


def test_every_demo_guidance_page_shows_its_review(client, db, shared_demo_site):
    models = (AudienceLandingPage, FaqPage, HelpSignpostPage, HelpPointDirectoryPage)
    for model in models:
        for page in model.objects.live():
            review = soup_of(client, page.url).select_one(".review-info")
            assert review is not None, page.url
            assert "2026" in review.get_text(), page.url
