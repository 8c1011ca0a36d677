"""Erasure by address reaches every table, and no stored text keeps a working status link:
the acknowledgement carries it to the requester, the thread and the outbox do not keep it."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.utils import timezone

from contact import privacy
from contact.models import InquiryMessage, Kind
from contact.workflow import services
from portal.models import OutgoingEmail
from portal.outbox import deliver_email, send_due_emails
from tests.traces import rows_mentioning

from .factories import InquiryFactory, QueueFactory, UserFactory

pytestmark = pytest.mark.django_db

ADDRESS = "Jana.Novakova@Example.cz"
STATUS_LINK = re.compile(r"https?://\S+/stav/([A-Za-z0-9_-]+)/")


def new(topic, **fields):
    defaults = {
        "kind": Kind.QUESTION,
        "message": "Jak má obec zřídit sociální byt?",
        "language": "cs",
        "email": ADDRESS,
        "name": "Jana Nováková",
        "topic": topic,
    }
    return services.NewInquiry(**{**defaults, **fields})


def test_after_the_personal_data_erasure_no_table_holds_the_address(
    client, staff, topic, contact_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.receive(new(topic)).inquiry  # acknowledgement and notices go out
    services.reply(inquiry, f"Dobrý den, odpověď posíláme na {ADDRESS}.", by=staff)  # waits
    services.add_note(inquiry, f"Psát jen na {ADDRESS.lower()}", by=staff)
    OutgoingEmail.objects.create(  # an earlier message the mail server refused
        purpose="contact.reply",
        to=ADDRESS.lower(),
        subject=f"Re: {inquiry.reference}",
        body_text="Dobrý den",
        status=OutgoingEmail.Status.FAILED,
        last_error=f"SMTPRecipientsRefused: {{'{ADDRESS.lower()}': (550, b'no such user')}}",
    )
    OutgoingEmail.objects.create(  # a colleague told about her, still waiting
        purpose="contact.notification",
        to=staff.email,
        subject="Nový dotaz",
        body_text=f"Volala paní z adresy {ADDRESS}.",
        headers={"Content-Language": "cs"},
        next_attempt_at=timezone.now() + timezone.timedelta(hours=1),
    )
    assert rows_mentioning(ADDRESS)  # the scan finds the address before the erasure

    client.force_login(staff)
    response = client.post(
        "/admin/contact/personal-data/",
        {"email": ADDRESS.lower(), "action": "erase", "confirm": "1"},
    )

    assert response.status_code == 302
    assert rows_mentioning(ADDRESS) == []
    notice = OutgoingEmail.objects.get(to=staff.email, status=OutgoingEmail.Status.PENDING)
    assert notice.body_text == "Volala paní z adresy [adresa vymazána]."  # it still goes


def test_an_erasure_within_ones_queues_leaves_the_other_queues_mail_to_go_out(staff, queue):
    other_queue = QueueFactory(name="Jiná fronta")
    mine = InquiryFactory(queue=queue, email=ADDRESS)
    theirs = InquiryFactory(queue=other_queue, email=ADDRESS)
    services.reply(mine, "Odpověď z mé fronty", by=staff)
    waiting = services.reply(theirs, "Odpověď z jiné fronty", by=UserFactory()).email

    assert privacy.erase(ADDRESS.lower(), user=staff) == 1

    assert not OutgoingEmail.objects.filter(body_text__contains="mé fronty").exists()
    waiting.refresh_from_db()
    assert waiting.to == ADDRESS and waiting.status == OutgoingEmail.Status.PENDING
    assert deliver_email.call(waiting.pk) == "sent"
    assert [message.to for message in mail.outbox] == [[ADDRESS]]


def test_no_stored_text_holds_the_working_status_link_of_a_delivered_acknowledgement(
    client, topic, contact_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        received = services.receive(new(topic))
    [sent] = [message for message in mail.outbox if message.to == [ADDRESS]]
    link = STATUS_LINK.search(sent.body)
    token = link.group(1)
    assert token == received.token
    assert client.get(urlparse(link.group(0)).path).status_code == 200  # the e-mail's works

    assert rows_mentioning(token) == []
    stored = InquiryMessage.objects.get(kind=InquiryMessage.Kind.ACKNOWLEDGEMENT)
    assert "[odkaz na stav dotazu]" in stored.body
    assert received.inquiry.reference in stored.body  # the rest of the copy is intact
    kept = [stored.subject, stored.body, *OutgoingEmail.objects.values_list("body_text", flat=True)]
    for text in kept:  # nothing kept opens the inquiry: no link, no token-shaped word
        for url in re.findall(r"https?://\S+", text):
            page = client.get(urlparse(url).path)
            assert received.inquiry.reference not in page.content.decode()
        for word in re.findall(r"[A-Za-z0-9_-]{16,}", text):
            assert services.find_by_token(word) is None


def test_the_status_link_waits_in_the_outbox_only_until_the_acknowledgement_is_delivered(
    topic, contact_page, english_contact_page
):
    received = services.receive(new(topic, language="en"))  # not committed: nothing sent yet
    stored = InquiryMessage.objects.get(kind=InquiryMessage.Kind.ACKNOWLEDGEMENT)
    assert received.token not in stored.body
    assert "[link to the inquiry's status]" in stored.body
    waiting = OutgoingEmail.objects.get(purpose="contact.acknowledgement")
    assert received.token in waiting.body_text  # what the requester will receive

    assert send_due_emails() == {"sent": 3}

    [sent] = [message for message in mail.outbox if message.to == [ADDRESS]]
    assert received.token in sent.body
    assert rows_mentioning(received.token) == []
    assert services.find_by_token(received.token) == received.inquiry  # the link still works
