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

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives
from django.db import InterfaceError, OperationalError
from django.db import connection as db_connection
from django.utils import timezone

from portal.outbox import PERMANENT_ERRORS, TRANSIENT_ERRORS

from .models import Delivery
from .rendering import PREFERENCES_MARK, UNSUBSCRIBE_MARK

# What providers answer for a recipient they took on, and for one they refused.
ACCEPTED = {"sent", "queued", "scheduled", "unknown"}


def enabled() -> bool:
    return bool(getattr(settings, "NEWSLETTER_MERGE_FIELD", ""))


def merge_field(name: str) -> str:
    return settings.NEWSLETTER_MERGE_FIELD.replace("NAME", name)


def send(deliveries, contents, links, mail_connection, release) -> str:
    """Send the batch as one call per language; "sent" or "paused for an outage"."""
    from anymail.backends.base import AnymailBaseBackend

    if not isinstance(mail_connection, AnymailBaseBackend):
        raise ImproperlyConfigured("NEWSLETTER_MERGE_FIELD needs an anymail e-mail backend")
    groups: dict[str, list] = {}
    for delivery in deliveries:
        groups.setdefault(delivery.language, []).append(delivery)
    languages = list(groups)
    for position, language in enumerate(languages):
        group = groups[language]
        message = merge_message(contents[language], group, links, mail_connection)
        try:
            mail_connection.send_messages([message])
        except PERMANENT_ERRORS as error:
            acknowledge([_row(d, Delivery.Status.FAILED, error=error) for d in group])
        except TRANSIENT_ERRORS as error:
            # The provider is struggling: this group and the ones after it wait together.
            release([d for later in languages[position:] for d in groups[later]], error)
            return "paused for an outage"
        else:
            acknowledge(_rows_from_statuses(group, message))
    return "sent"


def merge_message(content, group, links, mail_connection):
    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    unsubscribe, preferences = merge_field("unsubscribe"), merge_field("preferences")

    def personalise(text):
        return text.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(PREFERENCES_MARK, preferences)

    message = EmailMultiAlternatives(
        subject=content.subject,
        body=personalise(content.text),
        to=[delivery.subscriber.email for delivery in group],
        connection=mail_connection,
        headers={
            "List-Id": f"<zpravodaj.{domain}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Content-Language": content.language,
        },
    )
    message.attach_alternative(personalise(content.html), "text/html")
    message.merge_data, message.merge_headers, message.merge_metadata = {}, {}, {}
    for delivery in group:
        email = delivery.subscriber.email
        own_unsubscribe, own_preferences = links.urls(delivery.subscriber)
        message.merge_data[email] = {"unsubscribe": own_unsubscribe, "preferences": own_preferences}
        message.merge_headers[email] = {"List-Unsubscribe": f"<{own_unsubscribe}>"}
        # Returned in tracking webhooks, which turn bounces into suppressions.
        message.merge_metadata[email] = {"delivery": str(delivery.pk)}
    return message


def _rows_from_statuses(group, message):
    recipients = message.anymail_status.recipients
    rows = []
    for delivery in group:
        status = recipients.get(delivery.subscriber.email)
        if status is not None and status.status in ACCEPTED:
            message_id = "" if status.message_id is None else str(status.message_id)
            rows.append(_row(delivery, Delivery.Status.SENT, message_id))
        else:
            refused = status.status if status is not None else "no status"
            rows.append(_row(delivery, Delivery.Status.FAILED, error=f"provider: {refused}"))
    return rows


def _row(delivery, status, message_id="", error=None):
    if error is not None and not isinstance(error, str):
        error = f"{type(error).__name__}: {error}"
    return [
        status,
        message_id[:300],
        (error or "")[:2000],
        timezone.now() if status == Delivery.Status.SENT else None,
        delivery.pk,
    ]


def acknowledge(rows) -> None:
    """One statement for the whole batch; retried once on a fresh connection, because the
    messages have gone out and must not look unsent after a database restart."""
    try:
        _update(rows)
    except (OperationalError, InterfaceError):
        db_connection.close()
        _update(rows)


def _update(rows) -> None:
    table = db_connection.ops.quote_name(Delivery._meta.db_table)
    with db_connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET status = %s, message_id = %s, error = %s, sent_at = %s "  # noqa: S608 - table name from the model
            "WHERE id = %s",
            rows,
        )


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
