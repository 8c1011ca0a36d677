"""Filing an inquiry and working it: one service per action, each in the audit log."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from contact.models import (
    ArticleSuggestion,
    Channel,
    Inquiry,
    InquiryMessage,
    Kind,
    Queue,
    Status,
    allowed_next,
)
from contact.models.choices import TRANSITIONS
from contact.workflow import services
from portal.models import OutgoingEmail

from .factories import InquiryFactory, QueueFactory, UserFactory

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2026, 11, 25, 10, 0))


def new(topic=None, **fields):
    defaults = {
        "kind": Kind.QUESTION,
        "message": "Jak má obec zřídit sociální byt?",
        "language": "cs",
        "email": "jana@example.cz",
        "topic": topic,
        "received_at": NOW,
    }
    return services.NewInquiry(**{**defaults, **fields})


def actions(inquiry):
    return list(
        ModelLogEntry.objects.filter(object_id=str(inquiry.pk))
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_an_inquiry_is_routed_numbered_dated_and_acknowledged(topic, staff):
    received = services.receive(new(topic))
    inquiry = received.inquiry
    assert inquiry.reference == "SB-2026-00001"
    assert inquiry.queue == topic.queue
    assert inquiry.status == Status.NEW
    assert inquiry.due_date == datetime.date(2026, 12, 9)  # ten working days
    assert services.find_by_token(received.token) == inquiry
    assert inquiry.status_token_hash != received.token  # only a hash is kept
    purposes = sorted(OutgoingEmail.objects.values_list("purpose", "to"))
    assert purposes == sorted(
        [
            ("contact.acknowledgement", "jana@example.cz"),
            ("contact.notification", staff.email),
            ("contact.notification", topic.queue.mailbox),
        ]
    )
    assert inquiry.messages.get().kind == InquiryMessage.Kind.ACKNOWLEDGEMENT
    assert actions(inquiry) == ["contact.inquiry.received"]


def test_e_mails_leave_only_after_the_inquiry_is_committed(
    topic, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.receive(new(topic))
        assert mail.outbox == []
        # Read before delivery: a delivered row keeps no recipient (portal.outbox.scrub).
        queued = sorted(OutgoingEmail.objects.values_list("to", flat=True))
    assert len(callbacks) == 3
    assert sorted(message.to[0] for message in mail.outbox) == queued
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}


def test_an_inquiry_that_fails_to_save_sends_nothing(topic, monkeypatch):
    def broken_routing(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr("contact.workflow.services.notifications.notify_queue", broken_routing)
    with pytest.raises(RuntimeError):
        services.receive(new(topic))
    assert not Inquiry.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_suspected_spam_is_kept_but_never_numbered_acknowledged_or_announced(topic):
    received = services.receive(new(topic, spam_reasons=("honeypot",)))
    inquiry = received.inquiry
    assert received.token is None
    assert inquiry.status == Status.SPAM
    assert inquiry.reference is None
    assert inquiry.spam_reasons == ["honeypot"]
    assert not OutgoingEmail.objects.exists()
    assert actions(inquiry) == ["contact.inquiry.suspected_spam"]


def test_releasing_spam_numbers_acknowledges_and_announces_it(topic, staff):
    inquiry = services.receive(new(topic, spam_reasons=("time-trap: too fast",))).inquiry
    services.change_status(inquiry, Status.NEW, by=staff)
    inquiry.refresh_from_db()
    assert inquiry.reference.startswith("SB-")
    assert inquiry.status_token_hash
    assert OutgoingEmail.objects.filter(purpose="contact.acknowledgement").count() == 1


def test_staff_logged_inquiries_are_routed_like_web_ones_and_may_skip_the_acknowledgement(
    topic, staff
):
    inquiry = services.receive(
        new(topic, channel=Channel.PHONE, email="", phone="+420 600 000 000", logged_by=staff)
    ).inquiry
    assert inquiry.channel == Channel.PHONE
    assert inquiry.logged_by == staff
    assert inquiry.reference
    assert not OutgoingEmail.objects.filter(purpose="contact.acknowledgement").exists()
    assert actions(inquiry) == ["contact.inquiry.logged"]


def test_the_queue_assigns_new_inquiries_as_it_is_set_to(topic, staff):
    topic.queue.assignment = Queue.Assignment.DEFAULT_OWNER
    topic.queue.default_owner = staff
    topic.queue.save()
    inquiry = services.receive(new(topic)).inquiry
    assert inquiry.assignee == staff
    assert actions(inquiry) == ["contact.inquiry.received", "contact.inquiry.assigned"]


def test_suggestions_shown_during_the_visit_are_linked_to_the_inquiry(topic, section):
    from tests.factories import ArticlePageFactory

    article = ArticlePageFactory(parent=section)
    ArticleSuggestion.objects.create(visit="a" * 32, page=article, language="cs")
    inquiry = services.receive(new(topic, visit="a" * 32)).inquiry
    assert ArticleSuggestion.objects.get().inquiry == inquiry


ALL = list(Status)
PAIRS = [(old, new_status) for old in ALL for new_status in ALL if old != new_status]


@pytest.mark.parametrize(("old", "new_status"), PAIRS)
def test_status_transitions_follow_the_workflow(staff, old, new_status):
    inquiry = InquiryFactory(status=old, reference=None if old == Status.SPAM else "SB-2026-07777")
    if new_status in TRANSITIONS[old]:
        services.change_status(inquiry, new_status, by=staff)
        inquiry.refresh_from_db()
        assert inquiry.status == new_status
        entry = ModelLogEntry.objects.get(action="contact.inquiry.status_changed")
        assert entry.data == {"old": old, "new": new_status}
        assert entry.user == staff
    else:
        with pytest.raises(ValidationError):
            services.change_status(inquiry, new_status, by=staff)
        inquiry.refresh_from_db()
        assert inquiry.status == old


def test_every_status_can_be_left_and_closed_inquiries_can_be_reopened():
    assert all(allowed_next(status) for status in Status)
    assert Status.IN_PROGRESS in allowed_next(Status.CLOSED)


def test_waiting_for_the_requester_pauses_the_due_date(staff):
    inquiry = InquiryFactory(status=Status.IN_PROGRESS, due_date=datetime.date(2026, 12, 9))
    services.change_status(inquiry, Status.WAITING, by=staff, today=datetime.date(2026, 12, 1))
    inquiry.refresh_from_db()
    assert inquiry.paused_on == datetime.date(2026, 12, 1)
    assert not inquiry.is_overdue(datetime.date(2026, 12, 20))  # paused, never overdue
    services.change_status(inquiry, Status.IN_PROGRESS, by=staff, today=datetime.date(2026, 12, 4))
    inquiry.refresh_from_db()
    assert inquiry.paused_on is None
    assert inquiry.due_date == datetime.date(2026, 12, 14)  # three working days later


def test_finishing_records_when_and_reopening_gives_a_new_due_date(staff):
    inquiry = InquiryFactory(status=Status.IN_PROGRESS, due_date=datetime.date(2026, 1, 5))
    services.change_status(inquiry, Status.CLOSED, by=staff)
    inquiry.refresh_from_db()
    assert inquiry.finished_at is not None
    services.change_status(inquiry, Status.IN_PROGRESS, by=staff, today=datetime.date(2026, 11, 25))
    inquiry.refresh_from_db()
    assert inquiry.finished_at is None
    assert inquiry.due_date == datetime.date(2026, 12, 9)


def test_only_members_of_the_queue_can_be_assigned(queue, staff):
    inquiry = InquiryFactory(queue=queue)
    outsider = UserFactory()
    with pytest.raises(ValidationError):
        services.assign(inquiry, outsider, by=staff)
    services.assign(inquiry, staff, by=staff)
    inquiry.refresh_from_db()
    assert inquiry.assignee == staff
    assert ModelLogEntry.objects.get(action="contact.inquiry.assigned").data == {
        "assignee": staff.get_full_name()
    }


def test_moving_to_another_queue_drops_an_owner_who_does_not_belong_there(queue, staff):
    inquiry = InquiryFactory(queue=queue, assignee=staff)
    other = QueueFactory()
    services.move(inquiry, other, by=staff)
    inquiry.refresh_from_db()
    assert (inquiry.queue, inquiry.assignee) == (other, None)
    entry = ModelLogEntry.objects.get(action="contact.inquiry.moved")
    assert entry.data == {"old": queue.name, "new": other.name}


def test_notes_are_kept_and_logged(staff):
    inquiry = InquiryFactory()
    services.add_note(inquiry, "Zavolat zpět", by=staff)
    assert inquiry.notes.get().body == "Zavolat zpět"
    assert actions(inquiry) == ["contact.inquiry.note_added"]


def test_a_reply_goes_to_the_requester_and_answers_the_inquiry(staff):
    inquiry = InquiryFactory(status=Status.IN_PROGRESS)
    message = services.reply(inquiry, "Dobrý den, postupujte takto.", by=staff)
    inquiry.refresh_from_db()
    assert inquiry.status == Status.ANSWERED
    assert message.kind == InquiryMessage.Kind.REPLY
    assert message.email.to == inquiry.email
    assert inquiry.reference in message.subject
    assert actions(inquiry) == ["contact.inquiry.replied", "contact.inquiry.status_changed"]


def test_a_reply_that_asks_something_waits_for_the_requester(staff):
    inquiry = InquiryFactory(status=Status.NEW)
    services.reply(inquiry, "Pošlete nám prosím usnesení rady.", by=staff, then=Status.WAITING)
    inquiry.refresh_from_db()
    assert inquiry.status == Status.WAITING


@pytest.mark.parametrize(
    ("fields", "problem"),
    [({"email": ""}, "no e-mail address"), ({"status": Status.SPAM}, "spam")],
)
def test_replies_need_an_address_and_a_real_inquiry(staff, fields, problem):
    inquiry = InquiryFactory(**fields)
    with translation.override("en"), pytest.raises(ValidationError, match=problem):
        services.reply(inquiry, "Odpověď", by=staff)
    assert not OutgoingEmail.objects.exists()
