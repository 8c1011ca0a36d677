"""The demo site's contact centre: the page in both languages, queues, rules, topics."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup

from contact.demo import build_contact_demo
from contact.models import CannedAnswer, ContactPage, InquiryTopic, Queue, RoutingRule
from home.frame.models import FooterContent

RESERVED = ("@example.com", "@example.org", "@example.net", "@example.invalid")


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


def test_demo_inquiries_are_filed_like_real_ones_in_every_status(site):
    from contact.demo_inquiries import INQUIRIES
    from contact.models import Inquiry, Status

    inquiries = Inquiry.objects.select_related("topic", "queue", "routed_by")
    assert inquiries.count() == len(INQUIRIES)
    assert {inquiry.status for inquiry in inquiries} == {
        Status.NEW,
        Status.IN_PROGRESS,
        Status.WAITING,
        Status.ANSWERED,
        Status.CLOSED,
        Status.REFERRED,
        Status.SPAM,
    }
    assert all(inquiry.email.endswith(RESERVED) for inquiry in inquiries)
    real = inquiries.exclude(status=Status.SPAM).order_by("received_at")
    references = [inquiry.reference for inquiry in real]
    assert all(re.fullmatch(r"SB-\d{4}-\d{5}", reference) for reference in references)
    assert references == sorted(set(references))  # unique, in the order they came
    assert all(inquiry.due_date >= inquiry.received_at.date() for inquiry in real)
    assert inquiries.get(status=Status.SPAM).reference is None
    for inquiry in inquiries:
        finished = inquiry.status in {Status.ANSWERED, Status.CLOSED, Status.REFERRED}
        assert (inquiry.finished_at is not None) == finished
        assert (inquiry.paused_on is not None) == (inquiry.status == Status.WAITING)
    # The routing rules in the demo did their work: feedback to the website team, a question
    # about funding to methodology, a topic's question to the topic's queue.
    for feedback in inquiries.filter(kind="feedback"):
        assert feedback.queue.name == "Obsah webu" and feedback.page is not None
    assert inquiries.filter(routed_by__name="Dotazy na financování").exists()
    english = inquiries.filter(language="en").exclude(topic=None)
    assert english and all(inquiry.topic.locale.language_code == "en" for inquiry in english)


def test_demo_inquiries_arrived_over_the_past_weeks(site):
    from django.utils import timezone

    from contact.models import Inquiry

    ages = [timezone.now() - inquiry.received_at for inquiry in Inquiry.objects.all()]
    assert max(ages) < timedelta(days=60) and max(ages) > timedelta(days=40)
    assert min(ages) < timedelta(days=1)


def test_loading_the_inquiries_again_adds_nothing_and_mails_nobody(site, mailoutbox):
    from contact.demo_inquiries import build_demo_inquiries
    from contact.models import Inquiry
    from portal.models import OutgoingEmail

    before = Inquiry.objects.count()
    assert build_demo_inquiries(site, log=lambda _message: None) == []
    assert Inquiry.objects.count() == before
    # The retention command deletes old spam; the demo does not bring it back.
    Inquiry.objects.filter(status="spam").delete()
    assert build_demo_inquiries(site, log=lambda _message: None) == []
    assert Inquiry.objects.count() == before - 1
    assert mailoutbox == []
    assert not OutgoingEmail.objects.exists()
