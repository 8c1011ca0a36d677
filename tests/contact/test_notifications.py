"""E-mails: the acknowledgement, the queue's notice and replies, each in the right language,
through a real SMTP server, and none lost while the mail server is down."""

import time
from email.header import decode_header, make_header

import pytest
from django.core import mail
from django.utils import formats, timezone, translation

from contact.models import Inquiry, Status
from contact.staff.canned import canned_reply
from contact.workflow import services
from portal.abuse import form_started_token
from portal.models import OutgoingEmail
from portal.outbox import send_due_emails
from tests import factories as content

from .conftest import translate_page, translate_snippet
from .factories import CannedAnswerFactory, InquiryFactory

pytestmark = pytest.mark.django_db


def ask(client, path, topic, email="jana@example.cz"):
    return client.post(
        path,
        {
            "topic": topic.pk,
            "message": "Jak zřídit sociální byt?",
            "email": email,
            "form_started": form_started_token(time.time() - 60),
        },
    )


def body_of(received):
    """The text part of a message the SMTP server received."""
    for part in received.message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode(part.get_content_charset())
    raise AssertionError("no text part")


def subject_of(received):
    return str(make_header(decode_header(received.message["Subject"])))


def long_date(day, language):
    with translation.override(language):
        return formats.date_format(day, "DATE_FORMAT")


@pytest.mark.parametrize(
    ("language", "path", "subject", "greeting"),
    [
        ("cs", "/napiste-nam/", "Přijali jsme váš dotaz", "Dobrý den,"),
        ("en", "/en/write-to-us/", "We have received your question", "Hello,"),
    ],
)
def test_the_acknowledgement_arrives_in_the_requesters_language_with_reference_and_due_date(
    client,
    english_contact_page,
    topic,
    footer,
    smtp_sink,
    django_capture_on_commit_callbacks,
    language,
    path,
    subject,
    greeting,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, path, topic)
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    [received] = smtp_sink.to("jana@example.cz")
    message = received.message
    assert subject_of(received) == f"{subject} {inquiry.reference}"
    assert message["Content-Language"] == language
    assert message["X-Inquiry-Reference"] == inquiry.reference
    assert message["Reply-To"] == topic.queue.mailbox
    text = body_of(received)
    assert text.startswith(greeting)
    assert inquiry.reference in text
    assert long_date(inquiry.due_date, language) in text
    status_path = response["Location"].replace("odeslano", "stav").replace("sent", "status")
    assert f"http://testserver{status_path}" in text
    assert footer.contact_centre.phone in text  # other ways to reach us
    html = next(p for p in message.walk() if p.get_content_type() == "text/html")
    assert inquiry.reference in html.get_payload(decode=True).decode()
    # The queue hears about it too, without the requester's words or address.
    notices = [r for r in smtp_sink.received if r.recipients == [topic.queue.mailbox]]
    assert len(notices) == 1
    notice = body_of(notices[0])
    assert inquiry.reference in notice
    assert "jana@example.cz" not in notice and "sociální byt" not in notice
    assert f"/admin/contact/inquiries/edit/{inquiry.pk}/" in notice


def test_staff_are_told_in_the_language_they_chose_for_the_admin(topic, staff):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"
    profile.save()
    services.receive(
        services.NewInquiry(kind="question", message="Dotaz", language="cs", topic=topic)
    )
    notice = OutgoingEmail.objects.get(to=staff.email)
    assert notice.subject.startswith("New inquiry SB-")
    assert OutgoingEmail.objects.get(to=topic.queue.mailbox).subject.startswith("Nový dotaz SB-")


@pytest.mark.parametrize(
    ("language", "subject"),
    [("cs", "Odpověď na váš dotaz"), ("en", "Answer to your question")],
)
def test_a_reply_goes_out_in_the_requesters_language_with_the_reference_in_the_subject(
    staff, django_capture_on_commit_callbacks, language, subject
):
    inquiry = InquiryFactory(language=language, status=Status.IN_PROGRESS)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(inquiry, "Dobrý den,\npostupujte podle metodiky.", by=staff)
    [message] = mail.outbox
    assert message.to == [inquiry.email]
    assert message.subject == f"{subject} {inquiry.reference}"
    assert message.extra_headers["Content-Language"] == language
    assert "postupujte podle metodiky" in message.body
    assert inquiry.reference in message.body


def test_a_mail_outage_delays_but_loses_nothing(
    client, contact_page, topic, staff, smtp_sink, django_capture_on_commit_callbacks
):
    smtp_sink.stop()
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, "/napiste-nam/", topic)
    # The person got their reference although no e-mail could leave.
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert client.get(response["Location"]).status_code == 200
    waiting = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING)
    assert waiting.count() == 3
    assert all("ConnectionRefusedError" in email.last_error for email in waiting)
    assert smtp_sink.received == []

    smtp_sink.start()
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())  # the backoff has passed
    assert send_due_emails() == {"sent": 3}
    assert send_due_emails() == {}  # and nothing goes twice
    recipients = sorted(r.recipients[0] for r in smtp_sink.received)
    assert recipients == sorted(["jana@example.cz", staff.email, topic.queue.mailbox])
    [acknowledgement] = smtp_sink.to("jana@example.cz")
    assert inquiry.reference in subject_of(acknowledgement)
    assert inquiry.messages.get().email.status == OutgoingEmail.Status.SENT


def test_a_canned_answer_speaks_the_requesters_language_and_links_its_pages(
    home, section, english, rf
):
    article = content.ArticlePageFactory(parent=section, title="Spolupráce", slug="spoluprace")
    answer = CannedAnswerFactory(
        title="Spolupráce", body="Odpověď najdete zde.", links=[("page", article)]
    )
    czech = canned_reply(answer, "cs")
    assert czech.startswith("Odpověď najdete zde.")
    assert "Spolupráce: http://testserver/metodika-" in czech

    translate_page(home, english, title="Social housing", slug="social-housing")
    translate_page(section, english, title="Methodology", slug="methodology")
    translate_page(article, english, title="Cooperation", slug="cooperation")
    translate_snippet(answer, english, title="Cooperation", body="Here is the answer.")
    english_reply = canned_reply(answer, "en")
    assert english_reply.startswith("Here is the answer.")
    assert "Cooperation: http://testserver/en/methodology/cooperation/" in english_reply
