"""Rows stored before the outbox forgot (and acknowledgements stored with their status link)
are cleaned by the data migrations, run here against today's models."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from contact.workflow import services
from portal.models import OutgoingEmail
from tests.contact.factories import InquiryFactory
from tests.traces import rows_mentioning

pytestmark = pytest.mark.django_db

TOKEN = "bwZAn20JDMyzP_zgfEPuIzOxPTcPRrlZ"


def migration(app, name):
    return importlib.import_module(f"{app}.migrations.{name}")


def test_delivered_rows_from_before_are_scrubbed_and_failed_ones_lose_their_texts():
    link = f"https://socialnibydleni.example/napiste-nam/stav/{TOKEN}/"
    common = {"subject": "Přijali jsme váš dotaz", "body_text": link, "body_html": link}
    sent = OutgoingEmail.objects.create(
        purpose="contact.acknowledgement", to="Jana@Example.cz", status="sent", **common
    )
    failed = OutgoingEmail.objects.create(
        purpose="contact.reply", to="petr@example.cz", status="failed", **common
    )
    waiting = OutgoingEmail.objects.create(
        purpose="contact.reply", to="eva@example.cz", next_attempt_at=timezone.now(), **common
    )

    migration("portal", "0002_outbox_keeps_no_personal_data").scrub_settled(apps, None)

    sent.refresh_from_db()
    failed.refresh_from_db()
    waiting.refresh_from_db()
    assert (sent.to, sent.subject, sent.body_text, sent.recipient_domain) == (
        "",
        "",
        "",
        "example.cz",
    )
    assert failed.to == "petr@example.cz" and failed.body_text == failed.body_html == ""
    assert waiting.body_text == link  # still to be sent


def test_acknowledgements_stored_with_their_status_link_lose_the_link():
    inquiry = InquiryFactory(status_token_hash=services.token_hash(TOKEN))
    english = InquiryFactory(language="en")
    for item, path in ((inquiry, "napiste-nam/stav"), (english, "en/write-to-us/status")):
        item.messages.create(
            kind="acknowledgement",
            subject="Přijali jsme váš dotaz",
            body=f"Stav dotazu:\nhttps://socialnibydleni.example/{path}/{TOKEN}/\n\nDěkujeme",
        )
    reply = inquiry.messages.create(kind="reply", subject="Re", body="Viz /status/ stránky")

    migration("contact", "0003_stored_acknowledgements_without_status_links").redact_status_links(
        apps, None
    )

    assert rows_mentioning(TOKEN) == []
    assert inquiry.messages.get(kind="acknowledgement").body == (
        "Stav dotazu:\n[odkaz na stav dotazu]\n\nDěkujeme"
    )
    assert "[link to the inquiry's status]" in english.messages.get().body
    reply.refresh_from_db()
    assert reply.body == "Viz /status/ stránky"
