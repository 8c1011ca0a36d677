"""Transactional e-mail waits out a mail outage and goes out when the server returns."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from portal.models import OutgoingEmail
from portal.outbox import MAX_ATTEMPTS, backoff, deliver_email, send_due_emails

pytestmark = pytest.mark.django_db


def queued(to="jana@example.cz", **fields):
    defaults = {
        "purpose": "test",
        "to": to,
        "subject": "Potvrzení",
        "body_text": "Dobrý den",
        "body_html": "<p>Dobrý den</p>",
        "next_attempt_at": timezone.now(),
    }
    return OutgoingEmail.objects.create(**{**defaults, **fields})


def test_a_queued_email_is_sent_once_and_marked(settings):
    email = queued()
    assert deliver_email.call(email.pk) == "sent"
    assert deliver_email.call(email.pk) == "nothing to do"
    email.refresh_from_db()
    assert email.status == "sent" and email.sent_at and email.attempts == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].alternatives[0][0] == "<p>Dobrý den</p>"


def test_a_queued_email_goes_with_its_language_reply_to_and_sender(settings):
    settings.DEFAULT_FROM_EMAIL = "portal@socialnibydleni.example"
    email = queued(headers={"Content-Language": "en"}, reply_to=["fronta@socialnibydleni.example"])
    deliver_email.call(email.pk)
    (message,) = mail.outbox
    assert message.from_email == "portal@socialnibydleni.example"
    assert message.to == ["jana@example.cz"] and message.subject == "Potvrzení"
    assert message.extra_headers == {"Content-Language": "en"}
    assert message.reply_to == ["fronta@socialnibydleni.example"]
    assert message.body == "Dobrý den"


def test_a_queued_email_without_html_goes_as_text_only():
    deliver_email.call(queued(body_html="").pk)
    assert mail.outbox[0].alternatives == []


def test_smtp_outage_then_recovery_loses_nothing_and_sends_nothing_twice(smtp_sink):
    emails = [queued(to=f"clovek{n}@example.cz") for n in range(3)]
    smtp_sink.stop()
    for email in emails:
        assert deliver_email.call(email.pk) == "retry"
    for email in emails:
        email.refresh_from_db()
        assert email.status == "pending"
        assert email.attempts == 1
        assert "ConnectionRefusedError" in email.last_error
        assert email.next_attempt_at > timezone.now()
    assert send_due_emails() == {}  # nothing is due before its backoff has passed
    smtp_sink.start()
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())
    assert send_due_emails() == {"sent": 3}
    assert send_due_emails() == {}
    assert sorted(r.recipients[0] for r in smtp_sink.received) == [e.to for e in emails]


def test_a_refused_recipient_fails_for_good(smtp_sink, monkeypatch):
    import smtplib

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({"x@example.cz": (550, b"no such user")})

    monkeypatch.setattr("django.core.mail.backends.smtp.EmailBackend.send_messages", refuse)
    email = queued(to="x@example.cz")
    assert deliver_email.call(email.pk) == "failed"
    email.refresh_from_db()
    assert email.status == "failed" and email.next_attempt_at is None


def test_gives_up_after_the_last_attempt(smtp_sink):
    smtp_sink.stop()
    email = queued(attempts=MAX_ATTEMPTS - 1)
    assert deliver_email.call(email.pk) == "retry"
    email.refresh_from_db()
    assert email.status == "failed"


def test_backoff_grows_and_is_capped():
    assert datetime.timedelta(seconds=30) <= backoff(1) <= datetime.timedelta(seconds=60)
    assert datetime.timedelta(seconds=240) <= backoff(4) <= datetime.timedelta(seconds=480)
    assert backoff(30) <= datetime.timedelta(hours=6)


def test_queueing_sends_after_commit(django_capture_on_commit_callbacks):
    from portal.outbox import queue_email

    with django_capture_on_commit_callbacks(execute=True):
        queue_email("email/test_message", "petr@example.cz", {"name": "Petr"}, "cs", purpose="test")
        assert mail.outbox == []
    assert [message.to for message in mail.outbox] == [["petr@example.cz"]]
    assert mail.outbox[0].subject == "Zkušební zpráva pro Petr"
    assert mail.outbox[0].extra_headers["Content-Language"] == "cs"
