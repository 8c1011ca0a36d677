"""Sending an issue: exactly once per subscriber, resumable after any crash or outage.

start_send() records a Send, renders the issue once per language and creates one Delivery
per confirmed subscriber (one INSERT … SELECT under a unique constraint). Workers
(process_send tasks, any number, on any machine) claim batches of pending deliveries with
SELECT … FOR UPDATE SKIP LOCKED (claims.py), re-check that each subscriber is still
confirmed, send the batch over one connection and record each accepted message at once
(delivery_status.py), so that a killed worker leaves at most the one message it was
handing over in doubt (with a provider's merge batches switched on, each batch is one call
instead: esp_batch.py). Transient errors put deliveries back with exponential backoff and
jitter; permanent ones mark them failed. A reaper returns claims of dead workers to the
queue.
"""

import logging
import os
import socket
import time
import uuid
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import get_connection
from django.db import InterfaceError, OperationalError, transaction
from django.db import connection as db_connection
from django.db.models import Count, Min
from django.db.models.constants import OnConflict
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import default_task_backend, task
from wagtail.models import Locale

from portal.caching.invalidation import content_changed
from portal.mail import absolute_url, email_message
from portal.outbox import PERMANENT_ERRORS, TRANSIENT_ERRORS

from ..models import Delivery, Send, SendContent, Subscriber
from ..tokens import ManageTokens
from . import claims, esp_batch
from .claims import reap_stale_claims
from .delivery_status import Acknowledgements, fast_acknowledgements
from .rendering import PREFERENCES_MARK, UNSUBSCRIBE_MARK, render_issue, sending_languages

logger = logging.getLogger(__name__)

MAX_RECONNECTIONS = 5
PARALLEL_WORKERS = 2


class AlreadySent(Exception):
    """An issue goes out once; a second send of the same issue is refused."""


def start_send(page, user=None, scheduled_for=None) -> Send:
    """Send an issue now, or at scheduled_for. Idempotent per issue."""
    now = timezone.now()
    source = source_page(page)
    with transaction.atomic():
        if Send.objects.filter(page=source).exclude(status=Send.Status.CANCELLED).exists():
            raise AlreadySent
        send = Send.objects.create(page=source, created_by=user, scheduled_for=scheduled_for or now)
        if scheduled_for is None or scheduled_for <= now:
            _begin(send)
    return send


def source_page(page):
    """Sends belong to the issue's original (Czech) page, whatever language started them."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page.specific
    original = page.get_translation_or_none(default)
    return (original or page).specific


def begin_due_sends(now=None) -> int:
    """Start scheduled sends whose time has come (run by the maintenance command)."""
    now = now or timezone.now()
    started = 0
    for send_id in Send.objects.filter(
        status=Send.Status.SCHEDULED, scheduled_for__lte=now
    ).values_list("pk", flat=True):
        with transaction.atomic():
            send = Send.objects.select_for_update().get(pk=send_id)
            if send.status == Send.Status.SCHEDULED:
                _begin(send)
                started += 1
    return started


def _begin(send: Send) -> None:
    """Render each language once and create every delivery; workers start after commit."""
    send.status = Send.Status.SENDING
    send.started_at = timezone.now()
    send.save(update_fields=["status", "started_at"])
    for language in sending_languages():
        rendered = render_issue(send.page, language)
        SendContent.objects.get_or_create(send=send, language=language, defaults=rendered)
    _create_deliveries(send)
    transaction.on_commit(lambda: launch_workers(send.pk))


def _create_deliveries(send: Send) -> int:
    """One pending delivery per confirmed subscriber, in a single INSERT … SELECT: the rows
    never pass through Python (for 100,000 subscribers that was most of start_send's time and
    memory). The unique constraint still guards against a second delivery per person."""
    ops = db_connection.ops
    languages = sending_languages()
    fields = {name: Delivery._meta.get_field(name) for name in _NEW_DELIVERY_COLUMNS}
    subscriber = Subscriber._meta
    sql = (
        f"{ops.insert_statement(on_conflict=OnConflict.IGNORE)} "  # noqa: S608 - model names
        f"{ops.quote_name(Delivery._meta.db_table)} "
        f"({', '.join(ops.quote_name(field.column) for field in fields.values())}) "
        # Subscriber.objects.confirmed(), in the subscriber's language where the issue is
        # rendered in it, else the default language.
        f"SELECT %s, id, CASE WHEN language IN ({', '.join(['%s'] * len(languages))}) "
        "THEN language ELSE %s END, %s, 0, '', '', '' "
        f"FROM {ops.quote_name(subscriber.db_table)} WHERE status = %s ORDER BY id "
        f"{ops.on_conflict_suffix_sql(list(fields.values()), OnConflict.IGNORE, None, None)}"
    )
    params = [
        send.pk,
        *languages,
        settings.LANGUAGE_CODE,
        Delivery.Status.PENDING,
        Subscriber.Status.CONFIRMED,
    ]
    with db_connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


# Every column without a database default, in the order _create_deliveries() fills them.
_NEW_DELIVERY_COLUMNS = [
    "send",
    "subscriber",
    "language",
    "status",
    "attempts",
    "claimed_by",
    "message_id",
    "error",
]


def launch_workers(send_id: int, count: int = PARALLEL_WORKERS) -> None:
    for _worker in range(count):
        process_send.enqueue(send_id)


@task()
def process_send(send_id: int) -> str:
    """Send batches until nothing is due; then finish, or come back when retries are due."""
    worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    reap_stale_claims(send_id)
    reconnections = 0
    while True:
        try:
            with fast_acknowledgements():
                while True:
                    status = (
                        Send.objects.filter(pk=send_id).values_list("status", flat=True).first()
                    )
                    if status != Send.Status.SENDING:
                        return f"not sending ({status})"
                    if send_batch(send_id, worker) == "empty":
                        break
            return _finish_or_wait(send_id)
        except (OperationalError, InterfaceError):
            # The database went away (a restart, a failover): reconnect and carry on; what
            # this worker had claimed is in the table, so nothing is lost or sent twice.
            reconnections += 1
            if reconnections > MAX_RECONNECTIONS:
                raise
            logger.warning("Database connection lost while sending; reconnecting")
            db_connection.close()
            time.sleep(min(2**reconnections, 30))


def _finish_or_wait(send_id: int) -> str:
    waiting = Delivery.objects.filter(
        send_id=send_id, status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING]
    ).aggregate(count=Count("pk"), next_due=Min("next_attempt_at"))
    if not waiting["count"]:
        if Send.objects.filter(pk=send_id, status=Send.Status.SENDING).update(
            status=Send.Status.DONE, finished_at=timezone.now()
        ):
            content_changed(f"bulletin send {send_id} done")  # the archive shows sent issues
        return "done"
    next_due = waiting["next_due"]
    if next_due and default_task_backend.supports_defer:
        process_send.using(run_after=next_due).enqueue(send_id)
    return "waiting for retries"


def send_batch(send_id: int, worker: str, size: int | None = None, mail_connection=None) -> str:
    """Claim and send one batch. Returns "empty", "sent" or "paused for an outage"."""
    recipients = claims.claim(send_id, worker, size or settings.NEWSLETTER_BATCH_SIZE)
    if not recipients:
        return "empty"
    gone = [r.pk for r in recipients if not r.subscribed]
    if gone:
        Delivery.objects.filter(pk__in=gone).update(status=Delivery.Status.UNSUBSCRIBED)
        recipients = [r for r in recipients if r.subscribed]
    contents = {c.language: c for c in SendContent.objects.filter(send_id=send_id)}
    acknowledgements = Acknowledgements()
    try:
        return _send_recipients(recipients, contents, acknowledgements, mail_connection)
    finally:
        acknowledgements.close()


def _send_recipients(recipients, contents, acknowledgements, mail_connection) -> str:
    links = _LinkMaker()
    mail_connection = mail_connection or get_connection()
    try:
        mail_connection.open()
    except TRANSIENT_ERRORS as error:
        claims.release(recipients, error, acknowledgements)
        return "paused for an outage"
    try:
        if esp_batch.enabled():
            return esp_batch.send(recipients, contents, links, mail_connection, acknowledgements)
        headers = _ListHeaders()
        for index, recipient in enumerate(recipients):
            message = build_message(
                contents[recipient.language], recipient, links, mail_connection, headers
            )
            try:
                mail_connection.send_messages([message])
            except PERMANENT_ERRORS as error:
                acknowledgements.one(recipient.pk, Delivery.Status.FAILED, error=error)
            except TRANSIENT_ERRORS as error:
                # The server or the provider is struggling: the rest of the batch waits too.
                claims.release(recipients[index:], error, acknowledgements)
                return "paused for an outage"
            else:
                acknowledgements.one(recipient.pk, Delivery.Status.SENT, _message_id(message))
    finally:
        mail_connection.close()
    return "sent"


class _LinkMaker:
    """Per-recipient unsubscribe and preferences links: each URL is reversed once per batch
    and language, and one signed token serves both links of a message."""

    def __init__(self):
        self.prefixes = {}
        self.token = ManageTokens()

    def prefixes_for(self, language: str) -> tuple[str, str]:
        if language not in self.prefixes:
            with translation.override(language):
                self.prefixes[language] = tuple(
                    absolute_url(reverse(f"newsletter:{name}", args=["TOKEN"])).split("TOKEN")
                    for name in ("unsubscribe", "preferences")
                )
        return self.prefixes[language]

    def urls(self, recipient) -> tuple[str, str]:
        token = self.token(recipient.subscriber_id, recipient.link_secret)
        (unsubscribe, after_u), (preferences, after_p) = self.prefixes_for(
            recipient.subscriber_language
        )
        return f"{unsubscribe}{token}{after_u}", f"{preferences}{token}{after_p}"


class _ListHeaders:
    """What is the same in every message's headers, worked out once per batch."""

    def __init__(self):
        self.domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
        self.list_id = f"<zpravodaj.{self.domain}>"


def build_message(content: SendContent, recipient, links, mail_connection, headers=None):
    headers = headers or _ListHeaders()
    unsubscribe, preferences = links.urls(recipient)

    def personalise(text):
        return text.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(PREFERENCES_MARK, preferences)

    message = email_message(
        subject=content.subject,
        text=personalise(content.text),
        html=personalise(content.html),
        to=recipient.email,
        connection=mail_connection,
        headers={
            "Message-ID": make_msgid(f"delivery-{recipient.pk}", domain=headers.domain),
            "List-Id": headers.list_id,
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Content-Language": recipient.language,
        },
    )
    # Read by anymail's backends and returned in tracking webhooks.
    message.metadata = {"delivery": str(recipient.pk)}
    return message


def _message_id(message) -> str:
    status = getattr(message, "anymail_status", None)
    if status is not None and status.message_id:
        return str(status.message_id)[:300]
    return message.extra_headers["Message-ID"][:300]


def pause(send: Send) -> None:
    if Send.objects.filter(pk=send.pk, status=Send.Status.SENDING).update(
        status=Send.Status.PAUSED
    ):
        content_changed(f"bulletin send {send.pk} paused")


def resume(send: Send) -> None:
    updated = Send.objects.filter(pk=send.pk, status=Send.Status.PAUSED).update(
        status=Send.Status.SENDING
    )
    if updated:
        content_changed(f"bulletin send {send.pk} resumed")
        transaction.on_commit(lambda: launch_workers(send.pk))


def progress(send: Send) -> dict:
    """Counts by status, overall and per language, for the admin ("waiting" is pending and
    being sent together)."""
    statuses = [choice for choice, _label in Delivery.Status.choices]
    rows = send.deliveries.values("language", "status").annotate(count=Count("pk"))
    by_language: dict[str, dict[str, int]] = {}
    totals = dict.fromkeys(statuses, 0)
    for row in rows:
        counts = by_language.setdefault(row["language"], dict.fromkeys(statuses, 0))
        counts[row["status"]] = row["count"]
        totals[row["status"]] += row["count"]
    for counts in [*by_language.values(), totals]:
        counts["waiting"] = counts["pending"] + counts["sending"]
    return {"totals": totals, "by_language": by_language, "total": sum(totals[s] for s in statuses)}


def recipients_by_language() -> dict[str, int]:
    counts = dict(
        Subscriber.objects.confirmed().values_list("language").annotate(count=Count("pk"))
    )
    return {code: counts.get(code, 0) for code in sending_languages()}
