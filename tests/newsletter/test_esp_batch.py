"""Merge batches: one provider call per batch and language, each recipient with their own
links and List-Unsubscribe header, and one acknowledgement statement per batch."""

import pytest
from anymail.exceptions import AnymailAPIError
from anymail.message import AnymailRecipientStatus
from django.core import mail
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsletter.models import Delivery
from newsletter.sending.sends import process_send, send_batch, start_send
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def merge_batches(settings):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    settings.NEWSLETTER_MERGE_FIELD = "{{NAME}}"
    settings.ANYMAIL = {}


def test_a_batch_is_one_call_per_language_with_each_persons_own_links(
    issue, no_auto_workers, merge_batches
):
    czech = SubscriberFactory.create_batch(3, language="cs")
    english = SubscriberFactory(language="en")
    assert process_send.call(start_send(issue).pk) == "done"

    assert len(mail.outbox) == 2  # one call for Czech, one for English
    by_language = {m.extra_headers["Content-Language"]: m for m in mail.outbox}
    message = by_language["cs"]
    assert message.anymail_test_params["is_batch_send"] is True
    assert sorted(message.to) == sorted(s.email for s in czech)
    assert by_language["en"].to == [english.email]
    assert "{{unsubscribe}}" in message.body and "{{unsubscribe}}" in message.alternatives[0][0]
    assert "/odber/odhlasit/" not in message.body  # no one's link is in the shared body
    links = {
        email: data["unsubscribe"]
        for email, data in message.anymail_test_params["merge_data"].items()
    }
    assert len(set(links.values())) == 3
    assert all(url.startswith("http://testserver/odber/odhlasit/") for url in links.values())
    headers = message.anymail_test_params["merge_headers"]
    assert {email: h["List-Unsubscribe"] for email, h in headers.items()} == {
        email: f"<{url}>" for email, url in links.items()
    }
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    deliveries = Delivery.objects.all()
    assert {d.status for d in deliveries} == {"sent"}
    assert all(d.message_id != "" and d.sent_at for d in deliveries)
    metadata = message.anymail_test_params["merge_metadata"]
    assert sorted(int(m["delivery"]) for m in metadata.values()) == sorted(
        d.pk for d in deliveries if d.language == "cs"
    )


def test_recipients_the_provider_refuses_are_failed_and_the_rest_sent(
    issue, no_auto_workers, merge_batches, monkeypatch
):
    from anymail.backends.test import EmailBackend

    SubscriberFactory(email="jana@seznam.cz")
    SubscriberFactory(email="neexistuje@seznam.cz")

    def answer(self, payload, message):
        message.anymail_test_params = payload.get_params()
        mail.outbox.append(message)
        return {
            "recipient_status": {
                "jana@seznam.cz": AnymailRecipientStatus(message_id="m-1", status="queued"),
                "neexistuje@seznam.cz": AnymailRecipientStatus(message_id=None, status="invalid"),
            }
        }

    monkeypatch.setattr(EmailBackend, "post_to_esp", answer)
    assert process_send.call(start_send(issue).pk) == "done"
    sent = Delivery.objects.get(subscriber__email="jana@seznam.cz")
    refused = Delivery.objects.get(subscriber__email="neexistuje@seznam.cz")
    assert (sent.status, sent.message_id) == ("sent", "m-1")
    assert (refused.status, refused.error) == ("failed", "provider: invalid")


def test_a_provider_outage_puts_the_whole_batch_back_and_nothing_counts_as_sent(
    issue, no_auto_workers, merge_batches, monkeypatch
):
    from anymail.backends.test import EmailBackend

    SubscriberFactory.create_batch(3)
    send = start_send(issue)

    real_post = EmailBackend.post_to_esp

    def outage(self, payload, message):
        raise AnymailAPIError("503 Service Unavailable")

    monkeypatch.setattr(EmailBackend, "post_to_esp", outage)
    assert send_batch(send.pk, "worker") == "paused for an outage"
    deliveries = list(Delivery.objects.all())
    assert {d.status for d in deliveries} == {"pending"}
    assert all(d.next_attempt_at and "503" in d.error for d in deliveries)

    monkeypatch.setattr(EmailBackend, "post_to_esp", real_post)
    assert Delivery.objects.update(next_attempt_at=None) == 3  # the backoff has passed
    assert send_batch(send.pk, "worker") == "sent"
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}


def test_queries_per_batch_are_constant_whatever_the_batch_size(
    issue, no_auto_workers, merge_batches
):
    SubscriberFactory.create_batch(30)
    send = start_send(issue)

    def queries(size):
        with CaptureQueriesContext(connection) as captured:
            assert send_batch(send.pk, "worker", size=size) == "sent"
        return len(captured)

    assert queries(5) == queries(20)


def test_merge_batches_with_a_non_anymail_backend_are_refused_at_start(settings):
    settings.NEWSLETTER_MERGE_FIELD = "{{NAME}}"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    with pytest.raises(SystemCheckError, match="newsletter.E001"):
        call_command("check")
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    call_command("check")
