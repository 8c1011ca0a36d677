"""Every e-mail the contact centre sends, queued in the caller's transaction.

Messages go through the portal's outbox: stored with the inquiry, sent by a task after the
transaction commits, retried while the mail server is away. The requester hears from us in
their own language; staff in the language they chose for the admin.
"""

import re

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from contact.models import Inquiry, InquiryMessage, contact_page_for
from home.frame.models import FooterContent
from portal.locales import in_language_or_default
from portal.mail import absolute_url
from portal.outbox import queue_email

from .routing import members_of

TEMPLATES = "contact/email"


def status_url(inquiry: Inquiry, token: str) -> str:
    page = contact_page_for(inquiry.language)
    return absolute_url(page.route_url("status", token)) if page else ""


def contact_centre_for(language: str):
    """The contact centre the site's footer presents in that language, for "other ways to
    reach us"."""
    footer = in_language_or_default(
        FooterContent.objects.select_related("contact_centre"), language
    )
    return footer.contact_centre if footer else None


def _headers(inquiry: Inquiry) -> dict:
    return {"X-Inquiry-Reference": inquiry.reference or ""}


def _reply_to(inquiry: Inquiry) -> list[str] | None:
    return [inquiry.queue.mailbox] if inquiry.queue.mailbox else None


def _requester_context(inquiry: Inquiry) -> dict:
    topic = inquiry.topic.in_language(inquiry.language) if inquiry.topic_id else None
    return {
        "inquiry": inquiry,
        "reference": inquiry.reference,
        "topic": topic,
        "contact_centre": contact_centre_for(inquiry.language),
    }


def acknowledge(inquiry: Inquiry, token: str) -> InquiryMessage:
    """Tell the requester we have their message, its reference and when to expect an answer.

    The e-mail carries the working status link; the copy kept in the thread does not (the
    outbox forgets the e-mail's text once it has been delivered)."""
    context = {**_requester_context(inquiry), "status_url": status_url(inquiry, token)}
    return _to_requester(
        inquiry,
        "acknowledgement",
        context,
        InquiryMessage.Kind.ACKNOWLEDGEMENT,
        secret=token,
    )


def without_secret(text: str, secret: str, language: str) -> str:
    """The text with every link that holds the secret (and the secret itself) replaced by a
    placeholder that opens nothing."""
    if not secret:
        return text
    with translation.override(language):
        placeholder = gettext("[link to the inquiry's status]")
    text = re.sub(rf"\S*{re.escape(secret)}\S*", placeholder, text)
    return text.replace(secret, placeholder)


def send_reply(inquiry: Inquiry, body: str, author) -> InquiryMessage:
    context = {**_requester_context(inquiry), "body": body, "author": author}
    return _to_requester(inquiry, "reply", context, InquiryMessage.Kind.REPLY, author=author)


def _to_requester(inquiry, template, context, kind, author=None, secret="") -> InquiryMessage:
    email = queue_email(
        f"{TEMPLATES}/{template}",
        inquiry.email,
        context,
        inquiry.language,
        purpose=f"contact.{template}",
        headers=_headers(inquiry),
        reply_to=_reply_to(inquiry),
    )
    return InquiryMessage.objects.create(
        inquiry=inquiry,
        kind=kind,
        author=author,
        subject=without_secret(email.subject, secret, inquiry.language),
        body=without_secret(email.body_text, secret, inquiry.language),
        email=email,
    )


def staff_language(user) -> str:
    profile = getattr(user, "wagtail_userprofile", None)
    language = getattr(profile, "preferred_language", "") or ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def notify_queue(inquiry: Inquiry) -> int:
    """Tell the queue's mailbox and members that something new arrived. The message names
    the reference and the topic and links to the admin; the requester's words and address
    stay in the admin, so that staff mailboxes hold no personal data."""
    recipients = {}
    if inquiry.queue.mailbox:
        recipients[inquiry.queue.mailbox.lower()] = settings.LANGUAGE_CODE
    for member in members_of(inquiry.queue).exclude(email="").select_related("wagtail_userprofile"):
        recipients.setdefault(member.email.lower(), staff_language(member))
    admin_url = absolute_url(reverse("contact_inquiries:edit", args=[inquiry.pk]))
    for address, language in sorted(recipients.items()):
        topic = inquiry.topic.in_language(language) if inquiry.topic_id else None
        queue_email(
            f"{TEMPLATES}/queue_notification",
            address,
            {"inquiry": inquiry, "topic": topic, "admin_url": admin_url},
            language,
            purpose="contact.notification",
            headers=_headers(inquiry),
        )
    return len(recipients)
