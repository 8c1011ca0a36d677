"""The demo's English pages have no Czech left in their bodies (editors' day, item 2): the
FAQ questions of /en/methodology/what-is-social-housing/ and the signpost's steps were Czech,
their lists stored in a format wagtail-localize extracts nothing from."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

pytestmark = pytest.mark.django_db

CZECH_LETTERS = re.compile(r"[ěščřžýáíéůúťďňĚŠČŘŽÝÁÍÉŮÚŤĎŇ]")


def strings_of(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from strings_of(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_of(value)
    elif isinstance(data, str):
        yield data


def test_no_english_page_has_czech_in_its_streams(shared_demo_site):
    english = Locale.objects.get(language_code="en")
    czech = []
    for page in Page.objects.filter(locale=english).specific():
        for field in page._meta.get_fields():
            if isinstance(field, StreamField):
                raw = json.loads(json.dumps(list(getattr(page, field.name).raw_data), default=str))
                czech += [
                    (page.url_path, text) for text in strings_of(raw) if CZECH_LETTERS.search(text)
                ]
    assert czech == []


def test_the_english_faq_of_what_is_social_housing_is_english(client, shared_demo_site):
    with translation.override("en"):
        response = client.get("/en/methodology/what-is-social-housing/")
    soup = BeautifulSoup(response.content, "html.parser")
    questions = [summary.get_text(strip=True) for summary in soup.select(".accordion summary")]
    assert questions == ["Who can apply for a social flat?", "Who provides social flats?"]


def test_the_strategy_article_shows_its_image_and_table_in_both_languages(client, shared_demo_site):
    czech = BeautifulSoup(
        client.get("/metodika/lokalni-koncepce-socialniho-bydleni/").content, "html.parser"
    )
    assert czech.select_one(".figure img")["alt"] == (
        "Kresba domu se šikmou střechou na zeleném pozadí"
    )
    assert czech.select_one(".table caption").get_text() == (
        "Kroky přípravy koncepce a jejich obvyklá délka"
    )
    with translation.override("en"):
        response = client.get("/en/methodology/local-social-housing-strategy/")
    english = BeautifulSoup(response.content, "html.parser")
    assert english.select_one(".figure img")["alt"] == (
        "Drawing of a house with a pitched roof on a green background"
    )
    assert [th.get_text() for th in english.select(".table th")] == [
        "Step",
        "Usual length (months)",
    ]
    assert english.select_one(".table td").get_text() == "Assessing needs"
