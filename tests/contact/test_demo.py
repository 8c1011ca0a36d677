"""The demo site's contact centre: the page in both languages, queues, rules, topics."""

import pytest
from bs4 import BeautifulSoup

from contact.demo import build_contact_demo
from contact.models import CannedAnswer, ContactPage, InquiryTopic, Queue, RoutingRule
from home.models import FooterContent


@pytest.fixture
def site(shared_demo_site, db):
    return shared_demo_site


def test_the_contact_page_exists_in_czech_and_english(site, client):
    czech = client.get("/napiste-nam/")
    english = client.get("/en/write-to-us/")
    assert (czech.status_code, english.status_code) == (200, 200)
    assert BeautifulSoup(english.content, "html.parser").h1.get_text() == "Write to us"
    english_page = ContactPage.objects.get(locale__language_code="en")
    assert english_page.alias_of is None  # a real translation, not Czech text under /en/
    privacy = BeautifulSoup(english.content, "html.parser").select_one(".contact-form__privacy a")
    assert privacy["href"] == "/en/privacy-notice/"


def test_write_to_us_in_the_footer_leads_to_the_contact_page_in_each_language(site, client):
    for path, target in (("/", "/napiste-nam/"), ("/en/", "/en/write-to-us/")):
        soup = BeautifulSoup(client.get(path).content, "html.parser")
        assert soup.select_one(".site-footer__help a.button")["href"] == target
    assert FooterContent.objects.exclude(write_to_us_page=None).count() == 2


def test_topics_and_canned_answers_are_translated_and_routing_is_data(site):
    assert InquiryTopic.objects.filter(locale__language_code="en").count() == 4
    assert CannedAnswer.objects.filter(locale__language_code="en").count() == 1
    assert Queue.objects.filter(is_fallback=True).get().mailbox
    assert RoutingRule.objects.count() == 2


def test_building_it_again_creates_nothing(site):
    assert build_contact_demo(site, log=lambda _message: None) == []
