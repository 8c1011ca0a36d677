"""Sending a batch as one provider call with per-recipient merge data (anymail).

Where the provider supports it, a batch of deliveries in one language becomes one API call:
the body carries merge fields for each person's unsubscribe and preferences links, anymail's
`merge_data` fills them, `merge_headers` gives each recipient their own `List-Unsubscribe`
header, and the provider answers with a status and a message id per recipient. The
acknowledgements then go to the database as one statement per batch instead of one per
message.

The trade-off against sending message by message: if a worker is killed in the instant
between the provider accepting the call and the acknowledgement, the whole batch (not one
message) is in doubt and goes out again after the reaper returns it. The window is one
database round trip per batch.

Switched on by NEWSLETTER_MERGE_FIELD, the provider's merge-field syntax with NAME where the
field name goes: `{{NAME}}` (Postmark, Amazon SES, Resend), `%recipient.NAME%` (Mailgun),
`{{ params.NAME }}` (Brevo). Only anymail backends can do this: Django's SMTP backend would
send one message with every address in To, so the system check newsletter.E001 refuses it.
"""

from urllib.parse import urlsplit

from anymail.backends.base import AnymailBaseBackend
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from portal.outbox import PERMANENT_ERRORS, TRANSIENT_ERRORS

from ..models import Delivery
from . import claims
from .delivery_status import row
from .rendering import PREFERENCES_MARK, UNSUBSCRIBE_MARK

# What providers answer for a recipient they took on, and for one they refused.
ACCEPTED = {"sent", "queued", "scheduled", "unknown"}


def enabled() -> bool:
    return bool(getattr(settings, "NEWSLETTER_MERGE_FIELD", ""))


def merge_field(name: str) -> str:
    return settings.NEWSLETTER_MERGE_FIELD.replace("NAME", name)


def send(recipients, contents, links, mail_connection, acknowledgements) -> str:
    """Send the batch as one call per language; "sent" or "paused for an outage"."""
    if not isinstance(mail_connection, AnymailBaseBackend):
        raise ImproperlyConfigured("NEWSLETTER_MERGE_FIELD needs an anymail e-mail backend")
    groups: dict[str, list] = {}
    for recipient in recipients:
        groups.setdefault(recipient.language, []).append(recipient)
    languages = list(groups)
    for position, language in enumerate(languages):
        group = groups[language]
        message = merge_message(contents[language], group, links, mail_connection)
        try:
            mail_connection.send_messages([message])
        except PERMANENT_ERRORS as error:
            now = timezone.now()
            acknowledgements.many(
                [row(r.pk, Delivery.Status.FAILED, "", error, now) for r in group]
            )
        except TRANSIENT_ERRORS as error:
            # The provider is struggling: this group and the ones after it wait together.
            claims.release(
                [r for later in languages[position:] for r in groups[later]],
                error,
                acknowledgements,
            )
            return "paused for an outage"
        else:
            acknowledgements.many(rows_from_statuses(group, message))
    return "sent"


def merge_message(content, group, links, mail_connection):
    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    unsubscribe, preferences = merge_field("unsubscribe"), merge_field("preferences")

    def personalise(text):
        return text.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(PREFERENCES_MARK, preferences)

    message = EmailMultiAlternatives(
        subject=content.subject,
        body=personalise(content.text),
        to=[recipient.email for recipient in group],
        connection=mail_connection,
        headers={
            "List-Id": f"<zpravodaj.{domain}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Content-Language": content.language,
        },
    )
    message.attach_alternative(personalise(content.html), "text/html")
    message.merge_data, message.merge_headers, message.merge_metadata = {}, {}, {}
    for recipient in group:
        email = recipient.email
        own_unsubscribe, own_preferences = links.urls(recipient)
        message.merge_data[email] = {"unsubscribe": own_unsubscribe, "preferences": own_preferences}
        message.merge_headers[email] = {"List-Unsubscribe": f"<{own_unsubscribe}>"}
        # Returned in tracking webhooks, which turn bounces into suppressions.
        message.merge_metadata[email] = {"delivery": str(recipient.pk)}
    return message


def rows_from_statuses(group, message) -> list[list]:
    """Each recipient's own outcome from the provider's answer: accepted with its message
    id, or refused with the provider's reason (a recipient it did not answer for counts as
    refused, never as sent)."""
    recipients = message.anymail_status.recipients
    now = timezone.now()
    rows = []
    for recipient in group:
        status = recipients.get(recipient.email)
        if status is not None and status.status in ACCEPTED:
            message_id = "" if status.message_id is None else str(status.message_id)
            rows.append(row(recipient.pk, Delivery.Status.SENT, message_id, now=now))
        else:
            refused = status.status if status is not None else "no status"
            rows.append(row(recipient.pk, Delivery.Status.FAILED, error=f"provider: {refused}"))
    return rows


@checks.register(checks.Tags.compatibility)
def merge_batches_need_anymail(app_configs, **kwargs):
    if not enabled() or settings.EMAIL_BACKEND.startswith("anymail."):
        return []
    return [
        checks.Error(
            "NEWSLETTER_MERGE_FIELD is set but EMAIL_BACKEND is not an anymail backend.",
            hint="Merge batches would send one message with every address in To. Unset "
            "NEWSLETTER_MERGE_FIELD or send through an anymail provider (EMAIL_URL=anymail://…).",
            id="newsletter.E001",
        )
    ]
