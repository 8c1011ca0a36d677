"""The outbox forgets: a delivered message keeps an operator's record without personal data,
a failed one loses its texts at once and its recipient after OUTBOX_RETENTION_DAYS, settled
rows are purged, and forget_address reaches every row of an erased address."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from portal.models import OutgoingEmail
from portal.outbox import deliver_email, forget_address, purge_outbox
from tests.contact.factories import InquiryFactory

pytestmark = pytest.mark.django_db

SECRET_LINK = "https://socialnibydleni.example/odber/potvrdit/tajny-odkaz-123/"


def queued(to="Jana@Example.cz", **fields):
    defaults = {
        "purpose": "newsletter.confirm",
        "to": to,
        "subject": "Potvrzení pro Janu",
        "body_text": f"Dobrý den, potvrďte: {SECRET_LINK}",
        "body_html": f'<p><a href="{SECRET_LINK}">Potvrdit</a></p>',
        "headers": {"Content-Language": "cs", "List-Unsubscribe": f"<{SECRET_LINK}>"},
        "reply_to": ["fronta@socialnibydleni.example"],
        "next_attempt_at": timezone.now(),
    }
    return OutgoingEmail.objects.create(**{**defaults, **fields})


def aged(email, days):
    OutgoingEmail.objects.filter(pk=email.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_a_delivered_email_keeps_an_operators_record_without_personal_data():
    email = queued()
    assert deliver_email.call(email.pk) == "sent"
    [sent] = mail.outbox
    assert sent.to == ["Jana@Example.cz"] and SECRET_LINK in sent.body  # what went out
    email.refresh_from_db()
    assert (email.to, email.subject, email.body_text, email.body_html) == ("", "", "", "")
    assert email.headers == {"Content-Language": "cs"} and email.reply_to == []
    assert email.recipient_domain == "example.cz"
    assert email.purpose == "newsletter.confirm" and email.status == "sent"
    assert email.attempts == 1 and email.sent_at and email.created_at
    assert "jana" not in str(email).lower()


def test_a_failed_email_loses_its_texts_at_once_and_its_recipient_after_the_retention_period(
    monkeypatch, settings
):
    settings.OUTBOX_RETENTION_DAYS = 7

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({"jana@example.cz": (550, b"no such user")})

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    email = queued()
    InquiryFactory().messages.create(kind="reply", subject="Re", body="—", email=email)
    assert deliver_email.call(email.pk) == "failed"
    email.refresh_from_db()
    assert email.body_text == email.body_html == "" and SECRET_LINK not in str(email.headers)
    assert email.to == "Jana@Example.cz" and "jana@example.cz" in email.last_error  # for now

    assert purge_outbox() == {"scrubbed": 0, "deleted": 0}  # too young to go
    aged(email, days=8)
    assert purge_outbox() == {"scrubbed": 1, "deleted": 0}  # a thread still points to it
    email.refresh_from_db()
    assert email.to == "" and email.recipient_domain == "example.cz"
    assert "jana" not in email.last_error.lower() and "550" in email.last_error
    assert email.status == "failed" and email.attempts == 1


def test_settled_rows_older_than_the_retention_period_are_deleted(settings):
    settings.OUTBOX_RETENTION_DAYS = 7
    old_sent, young_sent, old_failed, old_waiting = (queued() for _ in range(4))
    deliver_email.call(old_sent.pk)
    deliver_email.call(young_sent.pk)
    OutgoingEmail.objects.filter(pk=old_failed.pk).update(status="failed")
    for email in (old_sent, old_failed, old_waiting):
        aged(email, days=8)
    kept_by_a_thread = queued()
    deliver_email.call(kept_by_a_thread.pk)
    aged(kept_by_a_thread, days=400)
    InquiryFactory().messages.create(kind="reply", subject="Re", body="—", email=kept_by_a_thread)

    assert purge_outbox() == {"scrubbed": 1, "deleted": 2}

    remaining = set(OutgoingEmail.objects.values_list("pk", flat=True))
    assert remaining == {young_sent.pk, old_waiting.pk, kept_by_a_thread.pk}


def test_the_sweeper_command_purges_the_outbox(settings, capsys):
    settings.OUTBOX_RETENTION_DAYS = 7
    email = queued()
    deliver_email.call(email.pk)
    aged(email, days=8)
    call_command("send_queued_email")
    assert not OutgoingEmail.objects.exists()
    assert "deleted 1" in capsys.readouterr().out


def test_forget_address_withdraws_the_services_own_waiting_mail_whatever_the_spelling():
    own = queued(to="Jana@Example.cz")
    other_service = queued(to="jana@example.cz", purpose="contact.reply")
    someone_else = queued(to="petr@example.cz", body_text="Psala nám JANA@example.cz.")
    failed = queued(to="jana@example.cz", purpose="contact.reply", status="failed")
    kept = queued(to="jana@example.cz", purpose="newsletter.confirm", status="failed")

    assert forget_address(" jana@EXAMPLE.cz ", purposes=["newsletter."], keep=[kept.pk]) == 3

    assert not OutgoingEmail.objects.filter(pk=own.pk).exists()
    other_service.refresh_from_db()  # another service keeps the address; its mail still goes
    assert other_service.to == "jana@example.cz" and other_service.status == "pending"
    someone_else.refresh_from_db()
    assert someone_else.to == "petr@example.cz"
    assert someone_else.body_text == "Psala nám [adresa vymazána]."
    failed.refresh_from_db()
    assert (failed.to, failed.body_text, failed.recipient_domain) == ("", "", "example.cz")
    kept.refresh_from_db()
    assert kept.to == "jana@example.cz"
    assert forget_address("") == 0
