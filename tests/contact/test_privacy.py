"""Retention: finished inquiries are anonymised after their queue's period, suspected spam
is deleted after 30 days; one person's data is found, exported and erased by address."""

from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from contact import privacy
from contact.models import Inquiry, Status
from contact.privacy import months_before
from contact.workflow import services
from portal.models import OutgoingEmail

from .factories import InquiryFactory, QueueFactory

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime(2026, 11, 25, 3, 0))


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime(2026, 11, 25), 12, datetime(2025, 11, 25)),
        (datetime(2026, 3, 31), 1, datetime(2026, 2, 28)),
        (datetime(2026, 1, 15), 1, datetime(2025, 12, 15)),
        (datetime(2026, 12, 31), 24, datetime(2024, 12, 31)),
    ],
)
def test_months_before(moment, months, expected):
    assert months_before(moment, months) == expected


def answered(queue, finished_days_ago, **fields):
    inquiry = InquiryFactory(queue=queue, status=Status.ANSWERED, **fields)
    inquiry.finished_at = NOW - timedelta(days=finished_days_ago)
    inquiry.save()
    return inquiry


def test_finished_inquiries_are_anonymised_after_their_queues_retention_period(staff):
    short = QueueFactory(retention_months=6)
    long = QueueFactory(retention_months=24)
    old_short = answered(short, finished_days_ago=200)
    young_short = answered(short, finished_days_ago=100)
    old_long = answered(long, finished_days_ago=200)
    still_open = InquiryFactory(queue=short, status=Status.IN_PROGRESS)
    Inquiry.objects.filter(pk=still_open.pk).update(received_at=NOW - timedelta(days=900))
    address = old_short.email
    services.reply(old_short, "Odpověď pro Janu Dvořákovou", by=staff)
    services.add_note(old_short, "Paní Dvořáková volala", by=staff)

    result = privacy.apply_retention(now=NOW)

    assert (result.anonymised, result.spam_deleted) == (1, 0)
    old_short.refresh_from_db()
    assert (old_short.name, old_short.email, old_short.phone) == ("", "", "")
    assert old_short.message == privacy.ERASED
    assert old_short.anonymised_at is not None
    # The statistics stay.
    assert old_short.reference and old_short.queue == short and old_short.status == Status.ANSWERED
    assert [m.body for m in old_short.messages.all()] == [privacy.ERASED]
    assert [n.body for n in old_short.notes.all()] == [privacy.ERASED]
    assert not OutgoingEmail.objects.filter(to=address).exists()
    for untouched in (young_short, old_long, still_open):
        untouched.refresh_from_db()
        assert untouched.anonymised_at is None and untouched.email
    assert ModelLogEntry.objects.filter(action="contact.inquiry.anonymised").count() == 1
    # Running it again changes nothing.
    assert privacy.apply_retention(now=NOW).anonymised == 0


def test_suspected_spam_is_deleted_after_30_days():
    old = InquiryFactory(status=Status.SPAM, reference=None, received_at=NOW - timedelta(days=31))
    young = InquiryFactory(status=Status.SPAM, reference=None, received_at=NOW - timedelta(days=29))
    real = InquiryFactory(received_at=NOW - timedelta(days=400))
    assert privacy.apply_retention(now=NOW).spam_deleted == 1
    assert set(Inquiry.objects.all()) == {young, real}
    assert ModelLogEntry.objects.get(action="contact.inquiry.spam_deleted").object_id == str(old.pk)


def test_the_daily_command_reports_and_can_only_count(capsys):
    InquiryFactory(
        status=Status.SPAM, reference=None, received_at=timezone.now() - timedelta(days=40)
    )
    call_command("contact_retention", "--dry-run")
    assert "Would have anonymised 0 inquiries, deleted 1 suspected spam." in capsys.readouterr().out
    assert Inquiry.objects.count() == 1
    call_command("contact_retention")
    assert "anonymised 0 inquiries, deleted 1 suspected spam." in capsys.readouterr().out
    assert not Inquiry.objects.exists()


def test_an_anonymised_inquiry_has_no_status_link_any_more():
    inquiry = InquiryFactory(status_token_hash=services.token_hash("tajne"))
    privacy.anonymise(inquiry)
    assert services.find_by_token("tajne") is None


def test_everything_about_an_address_is_exported_and_then_erased(staff):
    inquiry = InquiryFactory(email="Jana@Example.cz", phone="+420 600 000 000")
    services.add_note(inquiry, "Poznámka", by=staff)
    services.reply(inquiry, "Odpověď", by=staff)
    InquiryFactory(email="petr@example.cz")

    document = privacy.export("jana@example.cz")
    [exported] = document["inquiries"]
    assert exported["reference"] == inquiry.reference
    assert exported["phone"] == "+420 600 000 000"
    assert [m["text"] for m in exported["messages_sent"]][0].startswith("Odpověď")
    assert [n["text"] for n in exported["internal_notes"]] == ["Poznámka"]

    assert privacy.erase("jana@example.cz") == 1
    assert privacy.export("jana@example.cz")["inquiries"] == []
    assert not OutgoingEmail.objects.filter(to__iexact="jana@example.cz").exists()
    assert Inquiry.objects.filter(email="petr@example.cz").exists()
