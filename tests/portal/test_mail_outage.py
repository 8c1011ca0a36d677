"""A mail outage while people use the public forms: nothing is lost, nothing goes twice.

The sign-up and the question are accepted while the SMTP server is down; their e-mails wait
in the outbox and go out once, each, when the server is back.
"""

import time

import pytest
from django.utils import timezone

from contact.models import Inquiry
from newsletter.models import Subscriber
from portal.abuse import form_started_token
from portal.models import OutgoingEmail
from portal.outbox import send_due_emails
from tests.contact import factories as contact_factories
from tests.newsletter.helpers import signup_data

pytestmark = pytest.mark.django_db


def test_sign_up_and_question_survive_an_smtp_outage(
    client, home, footer, smtp_sink, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_CHECK_DELIVERABILITY = False
    contact_factories.ContactPageFactory(parent=home)
    staff = contact_factories.UserFactory(email="tym@socialnibydleni.example")
    queue = contact_factories.QueueFactory(name="Metodická podpora", members=[staff])
    topic = contact_factories.InquiryTopicFactory(name="Sociální bydlení v obci", queue=queue)
    smtp_sink.stop()

    with django_capture_on_commit_callbacks(execute=True):
        signed_up = client.post("/odber/", signup_data("jana@example.cz"))
        asked = client.post(
            "/napiste-nam/",
            {
                "topic": topic.pk,
                "message": "Jak má obec postupovat, když chce zřídit sociální byt?",
                "requester_type": "municipality",
                "region": "pardubicky",
                "name": "Petr Novák",
                "email": "petr@example.cz",
                "website": "",
                "form_started": form_started_token(time.time() - 60),
                "visit": "d" * 32,
            },
        )

    # The person sees success both times; the rows exist; the e-mails wait.
    assert signed_up.status_code == 302 and asked.status_code == 302
    assert Subscriber.objects.filter(email="jana@example.cz", status="pending").exists()
    inquiry = Inquiry.objects.get(email="petr@example.cz")
    assert inquiry.reference.startswith("SB-")
    waiting = OutgoingEmail.objects.filter(status="pending")
    assert {email.to for email in waiting} >= {"jana@example.cz", "petr@example.cz"}
    assert all("ConnectionRefusedError" in email.last_error for email in waiting)
    assert smtp_sink.received == []

    smtp_sink.start()
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())
    outcome = send_due_emails()
    assert outcome == {"sent": waiting.model.objects.filter(status="sent").count()}
    assert send_due_emails() == {}  # the next run of the scheduler sends nothing again

    recipients = sorted(message.recipients[0] for message in smtp_sink.received)
    assert recipients.count("jana@example.cz") == 1
    assert recipients.count("petr@example.cz") == 1
    assert "tym@socialnibydleni.example" in recipients  # the queue heard of the question
    acknowledgement = next(m for m in smtp_sink.received if m.recipients == ["petr@example.cz"])
    assert inquiry.reference in acknowledgement.message.as_string()
    assert not OutgoingEmail.objects.exclude(status="sent").exists()
