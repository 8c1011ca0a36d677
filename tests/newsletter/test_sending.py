"""Sending an issue: one delivery per confirmed subscriber, in their language, exactly once."""

import pytest
from django.core import mail
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from newsletter.models import Delivery, Send, Subscriber
from newsletter.sending import claims
from newsletter.sending import sends as sending
from newsletter.sending.sends import AlreadySent, process_send, send_batch, start_send
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def sent_to():
    return sorted(message.to[0] for message in mail.outbox)


def test_every_confirmed_subscriber_gets_one_delivery_and_no_one_else(
    issue, no_auto_workers, django_capture_on_commit_callbacks
):
    confirmed = SubscriberFactory.create_batch(3)
    SubscriberFactory(status="pending")
    SubscriberFactory(status="unsubscribed")
    SubscriberFactory(status="suppressed")
    with django_capture_on_commit_callbacks(execute=True):
        send = start_send(issue)
        assert no_auto_workers == []  # workers start only once the send is committed
    assert no_auto_workers == [send.pk]
    assert sorted(send.deliveries.values_list("subscriber_id", flat=True)) == sorted(
        s.pk for s in confirmed
    )
    assert process_send.call(send.pk) == "done"
    assert sent_to() == sorted(s.email for s in confirmed)
    send.refresh_from_db()
    assert send.status == "done" and send.finished_at
    assert set(send.deliveries.values_list("status", flat=True)) == {"sent"}


def test_the_same_issue_cannot_be_sent_twice(issue, no_auto_workers):
    start_send(issue)
    with pytest.raises(AlreadySent):
        start_send(issue)
    with pytest.raises(IntegrityError):
        Send.objects.create(page=issue, scheduled_for=issue.first_published_at)


def test_message_carries_one_click_unsubscribe_and_a_visible_link(issue, no_auto_workers):
    subscriber = SubscriberFactory()
    process_send.call(start_send(issue).pk)
    [message] = mail.outbox
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http://testserver/odber/odhlasit/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = unsubscribe.strip("<>")
    html = message.alternatives[0][0]
    assert url in message.body and url in html
    assert "/odber/nastaveni/" in html
    assert f"http://testserver{issue.url}" in html  # view in browser
    assert message.subject == issue.title
    assert message.to == [subscriber.email]
    delivery = Delivery.objects.get()
    assert f"delivery-{delivery.pk}" in message.extra_headers["Message-ID"]
    assert delivery.message_id == message.extra_headers["Message-ID"]


def test_email_is_email_safe_html_with_a_plain_text_part_and_no_tracking(issue, no_auto_workers):
    SubscriberFactory()
    process_send.call(start_send(issue).pk)
    [message] = mail.outbox
    html = message.alternatives[0][0]
    assert "<style" not in html and 'style="' in html  # styles inlined for mail clients
    assert 'role="presentation"' in html  # layout tables
    assert "Úvod čísla." in message.body and "<p>" not in message.body
    for article in issue.body:
        assert article.value["page"].title in html
        assert article.value["page"].title in message.body
    assert "<img" not in html or 'width="1"' not in html  # no tracking pixel
    assert "utm_" not in html and "track" not in html.lower()


def test_each_language_gets_its_translation_and_czech_when_none_is_published(
    issue, no_auto_workers
):
    from wagtail.models import Locale

    english = Locale.objects.create(language_code="en")
    czech_reader = SubscriberFactory(language="cs")
    english_reader = SubscriberFactory(language="en")
    process_send.call(start_send(issue).pk)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address[english_reader.email].subject == issue.title  # no translation: Czech
    assert by_address[english_reader.email].extra_headers["Content-Language"] == "en"
    assert "/en/subscription/unsubscribe/" in by_address[english_reader.email].body
    mail.outbox.clear()

    second = issue.copy(update_attrs={"slug": "druhe-cislo", "title": "Druhé číslo"})
    home = issue.get_parent().get_parent()
    english_home = home.copy_for_translation(english)
    english_home.save_revision().publish()
    english_index = issue.get_parent().copy_for_translation(english)
    english_index.save_revision().publish()
    translated = second.copy_for_translation(english)
    translated.title = "Second issue"
    translated.save_revision().publish()
    second.save_revision().publish()
    process_send.call(start_send(second).pk)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address[english_reader.email].subject == "Second issue"
    assert by_address[czech_reader.email].subject == "Druhé číslo"


def test_an_unsubscribe_during_a_running_send_takes_effect_at_once(issue, no_auto_workers):
    first, second = SubscriberFactory.create_batch(2)
    send = start_send(issue)
    assert send_batch(send.pk, "worker", size=1) == "sent"
    Subscriber.objects.filter(pk=second.pk).update(status="unsubscribed")
    process_send.call(send.pk)
    assert sent_to() == [first.email]
    assert Delivery.objects.get(subscriber=second).status == "unsubscribed"


def test_a_refused_recipient_is_marked_failed_and_the_rest_go_out(
    issue, no_auto_workers, monkeypatch
):
    import smtplib

    SubscriberFactory(email="neexistuje@seznam.cz")
    SubscriberFactory(email="jana@seznam.cz")
    real_send = mail.backends.locmem.EmailBackend.send_messages

    def refuse_one(self, messages):
        if messages[0].to == ["neexistuje@seznam.cz"]:
            raise smtplib.SMTPRecipientsRefused({"neexistuje@seznam.cz": (550, b"No such user")})
        return real_send(self, messages)

    monkeypatch.setattr(mail.backends.locmem.EmailBackend, "send_messages", refuse_one)
    assert process_send.call(start_send(issue).pk) == "done"
    assert sent_to() == ["jana@seznam.cz"]
    failed = Delivery.objects.get(status="failed")
    assert "SMTPRecipientsRefused" in failed.error


def test_pause_stops_workers_and_resume_finishes(issue, no_auto_workers):
    SubscriberFactory.create_batch(3)
    send = start_send(issue)
    send_batch(send.pk, "worker", size=1)
    sending.pause(send)
    assert process_send.call(send.pk) == "not sending (paused)"
    assert len(mail.outbox) == 1
    sending.resume(send)
    assert process_send.call(send.pk) == "done"
    assert len(mail.outbox) == 3


def test_claims_of_a_dead_worker_are_reaped_and_sent(issue, no_auto_workers):
    import datetime

    SubscriberFactory.create_batch(2)
    send = start_send(issue)
    claimed = claims.claim_batch(send.pk, "dead-worker", size=2)
    assert len(claimed) == 2
    assert process_send.call(send.pk) == "waiting for retries"  # claims are not stale yet
    assert mail.outbox == []
    assert sending.reap_stale_claims(older_than=datetime.timedelta(0)) == 2
    assert process_send.call(send.pk) == "done"
    assert len(mail.outbox) == 2


def test_progress_counts_by_language_and_status(issue, no_auto_workers):
    SubscriberFactory.create_batch(2, language="cs")
    SubscriberFactory(language="en")
    send = start_send(issue)
    send_batch(send.pk, "worker", size=2)
    figures = sending.progress(send)
    assert figures["total"] == 3
    assert figures["totals"]["sent"] == 2
    assert figures["totals"]["waiting"] == 1
    assert figures["by_language"]["en"]["waiting"] + figures["by_language"]["cs"]["waiting"] == 1


def test_queries_per_batch_do_not_grow_with_the_batch_beyond_one_per_message(
    issue, no_auto_workers
):
    """Claiming, loading subscribers, content and links are per batch; the only per-message
    query is the acknowledgement that makes a crash lose or repeat nothing."""
    SubscriberFactory.create_batch(30)
    send = start_send(issue)

    def queries(size):
        with CaptureQueriesContext(connection) as captured:
            assert send_batch(send.pk, "worker", size=size) == "sent"
        return len(captured)

    small, large = queries(5), queries(20)
    assert large - small == 15  # one acknowledgement per message, nothing else grows
    assert small - 5 <= 8  # claim, load, content, links: once per batch


def test_scheduled_send_starts_when_due(issue, no_auto_workers):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    SubscriberFactory()
    later = timezone.now() + datetime.timedelta(hours=2)
    send = start_send(issue, scheduled_for=later)
    assert send.status == "scheduled" and not send.deliveries.exists()
    call_command("newsletter_maintenance", stdout=open("/dev/null", "w"))  # noqa: SIM115
    send.refresh_from_db()
    assert send.status == "scheduled"
    Send.objects.filter(pk=send.pk).update(scheduled_for=timezone.now())
    assert sending.begin_due_sends() == 1
    send.refresh_from_db()
    assert send.status == "sending" and send.deliveries.count() == 1
