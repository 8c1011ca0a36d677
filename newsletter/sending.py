"""Sending an issue: exactly once per subscriber, resumable after any crash or outage.

start_send() records a Send, renders the issue once per language and creates one Delivery
per confirmed subscriber (keyset-paginated bulk inserts under a unique constraint). Workers
(process_send tasks, any number, on any machine) claim batches of pending deliveries with
SELECT … FOR UPDATE SKIP LOCKED, re-check that each subscriber is still confirmed, send the
batch over one connection and acknowledge each accepted message at once, so that a killed
worker leaves at most the one message it was handing over in doubt (with a provider's merge
batches switched on, each batch is one call instead: newsletter/esp_batch.py). Transient
errors put deliveries back with exponential backoff and jitter; permanent ones mark them failed. A
reaper returns claims of dead workers to the queue.
"""

import logging
import os
import socket
import time
import uuid
from contextlib import contextmanager
from datetime import timedelta
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import InterfaceError, OperationalError, transaction
from django.db import connection as db_connection
from django.db.models import Count, F, Min, Q
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import default_task_backend, task

from portal.mail import absolute_url
from portal.outbox import PERMANENT_ERRORS, TRANSIENT_ERRORS, backoff

from . import esp_batch
from .models import Delivery, Send, SendContent, Subscriber
from .rendering import PREFERENCES_MARK, UNSUBSCRIBE_MARK, render_issue, sending_languages
from .tokens import make_manage_token

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
MAX_RECONNECTIONS = 5
INSERT_BATCH = 1000
PARALLEL_WORKERS = 2


class AlreadySent(Exception):
    """An issue goes out once; a second send of the same issue is refused."""


def start_send(page, user=None, scheduled_for=None) -> Send:
    """Send an issue now, or at scheduled_for. Idempotent per issue."""
    now = timezone.now()
    source = _source_page(page)
    with transaction.atomic():
        if Send.objects.filter(page=source).exclude(status=Send.Status.CANCELLED).exists():
            raise AlreadySent
        send = Send.objects.create(page=source, created_by=user, scheduled_for=scheduled_for or now)
        if scheduled_for is None or scheduled_for <= now:
            _begin(send)
    return send


def _source_page(page):
    """Sends belong to the issue's original (Czech) page, whatever language started them."""
    from wagtail.models import Locale

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
    created = 0
    last_id = 0
    languages = set(sending_languages())
    while True:
        chunk = list(
            Subscriber.objects.confirmed()
            .filter(pk__gt=last_id)
            .order_by("pk")
            .values_list("pk", "language")[:INSERT_BATCH]
        )
        if not chunk:
            return created
        Delivery.objects.bulk_create(
            [
                Delivery(
                    send=send,
                    subscriber_id=pk,
                    language=language if language in languages else settings.LANGUAGE_CODE,
                )
                for pk, language in chunk
            ],
            ignore_conflicts=True,
        )
        created += len(chunk)
        last_id = chunk[-1][0]


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
        Send.objects.filter(pk=send_id, status=Send.Status.SENDING).update(
            status=Send.Status.DONE, finished_at=timezone.now()
        )
        return "done"
    next_due = waiting["next_due"]
    if next_due and default_task_backend.supports_defer:
        process_send.using(run_after=next_due).enqueue(send_id)
    return "waiting for retries"


def claim_batch(send_id: int, worker: str, size: int) -> list[int]:
    now = timezone.now()
    with transaction.atomic():
        due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(due, send_id=send_id, status=Delivery.Status.PENDING)
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        if ids:
            Delivery.objects.filter(pk__in=ids).update(
                status=Delivery.Status.SENDING,
                claimed_at=now,
                claimed_by=worker,
                attempts=F("attempts") + 1,
            )
    return ids


def send_batch(send_id: int, worker: str, size: int | None = None, mail_connection=None) -> str:
    """Claim and send one batch. Returns "empty", "sent" or "paused for an outage"."""
    ids = claim_batch(send_id, worker, size or settings.NEWSLETTER_BATCH_SIZE)
    if not ids:
        return "empty"
    deliveries = list(
        Delivery.objects.filter(pk__in=ids).select_related("subscriber").order_by("pk")
    )
    gone = [d.pk for d in deliveries if not _still_subscribed(d.subscriber)]
    if gone:
        Delivery.objects.filter(pk__in=gone).update(status=Delivery.Status.UNSUBSCRIBED)
    contents = {c.language: c for c in SendContent.objects.filter(send_id=send_id)}
    links = _LinkMaker()
    mail_connection = mail_connection or get_connection()
    try:
        mail_connection.open()
    except TRANSIENT_ERRORS as error:
        _release([d for d in deliveries if d.pk not in gone], error)
        return "paused for an outage"
    try:
        if esp_batch.enabled():
            live = [d for d in deliveries if d.pk not in gone]
            return esp_batch.send(live, contents, links, mail_connection, release=_release)
        for index, delivery in enumerate(deliveries):
            if delivery.pk in gone:
                continue
            message = build_message(contents[delivery.language], delivery, links, mail_connection)
            try:
                mail_connection.send_messages([message])
            except PERMANENT_ERRORS as error:
                _mark(delivery, Delivery.Status.FAILED, error=error)
            except TRANSIENT_ERRORS as error:
                # The server or the provider is struggling: the rest of the batch waits too.
                rest = [d for d in deliveries[index:] if d.pk not in gone]
                _release(rest, error)
                return "paused for an outage"
            else:
                _mark(delivery, Delivery.Status.SENT, message_id=_message_id(message))
    finally:
        mail_connection.close()
    return "sent"


def _still_subscribed(subscriber) -> bool:
    return subscriber is not None and subscriber.status == Subscriber.Status.CONFIRMED


class _LinkMaker:
    """Per-recipient unsubscribe and preferences links: each URL is reversed once per batch
    and language, and one signed token serves both links of a message."""

    def __init__(self):
        self.prefixes = {}

    def prefix(self, name: str, language: str) -> str:
        key = (name, language)
        if key not in self.prefixes:
            with translation.override(language):
                self.prefixes[key] = absolute_url(reverse(f"newsletter:{name}", args=["TOKEN"]))
        return self.prefixes[key]

    def urls(self, subscriber: Subscriber) -> tuple[str, str]:
        token = make_manage_token(subscriber)
        return (
            self.prefix("unsubscribe", subscriber.language).replace("TOKEN", token),
            self.prefix("preferences", subscriber.language).replace("TOKEN", token),
        )


def build_message(content: SendContent, delivery: Delivery, links, mail_connection):
    subscriber = delivery.subscriber
    unsubscribe, preferences = links.urls(subscriber)
    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    message = EmailMultiAlternatives(
        subject=content.subject,
        body=content.text.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(
            PREFERENCES_MARK, preferences
        ),
        to=[subscriber.email],
        connection=mail_connection,
        headers={
            "Message-ID": make_msgid(f"delivery-{delivery.pk}", domain=domain),
            "List-Id": f"<zpravodaj.{domain}>",
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Content-Language": delivery.language,
        },
    )
    message.attach_alternative(
        content.html.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(PREFERENCES_MARK, preferences),
        "text/html",
    )
    # Read by anymail's backends and returned in tracking webhooks.
    message.metadata = {"delivery": str(delivery.pk)}
    return message


def _message_id(message) -> str:
    status = getattr(message, "anymail_status", None)
    if status is not None and status.message_id:
        return str(status.message_id)[:300]
    return message.extra_headers["Message-ID"][:300]


def _mark(delivery, status, message_id="", error=None):
    """Record the outcome of one message, surviving a lost database connection: the message
    has gone out, so its acknowledgement is retried once on a fresh connection (a database
    restart must not make a sent message look unsent, which would send it again)."""
    try:
        _acknowledge(delivery, status, message_id, error)
    except (OperationalError, InterfaceError):
        db_connection.close()
        _acknowledge(delivery, status, message_id, error)


def _acknowledge(delivery, status, message_id="", error=None):
    """Acknowledge one message at once, so that a killed worker leaves at most one in doubt.

    It is the send loop's only per-message query, so it skips the ORM's query building
    (about half of its cost): one plain parametrised UPDATE.
    """
    table = db_connection.ops.quote_name(Delivery._meta.db_table)
    with db_connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET status = %s, message_id = %s, error = %s, sent_at = %s "  # noqa: S608 - table name from the model
            "WHERE id = %s",
            [
                status,
                message_id,
                f"{type(error).__name__}: {error}"[:2000] if error else "",
                timezone.now() if status == Delivery.Status.SENT else None,
                delivery.pk,
            ],
        )


@contextmanager
def fast_acknowledgements():
    """On PostgreSQL, acknowledgements do not wait for the WAL flush while a worker sends.

    A killed worker loses nothing (the server already has each statement); only a crash of
    the database server itself could forget the last fraction of a second of them, and those
    few messages would go out again. Restored afterwards: other work on this connection keeps
    full durability.
    """
    postgres = db_connection.vendor == "postgresql"
    if postgres:
        with db_connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        if postgres:
            with db_connection.cursor() as cursor:
                cursor.execute("RESET synchronous_commit")


def _release(deliveries, error):
    """Back to the queue after a transient error; given up after MAX_ATTEMPTS."""
    now = timezone.now()
    text = f"{type(error).__name__}: {error}"[:2000]
    for delivery in deliveries:
        if delivery.attempts >= MAX_ATTEMPTS:
            _mark(delivery, Delivery.Status.FAILED, error=error)
        else:
            Delivery.objects.filter(pk=delivery.pk).update(
                status=Delivery.Status.PENDING,
                next_attempt_at=now + backoff(delivery.attempts),
                error=text,
            )
    logger.warning("Send paused by a transient error: %s", text)


def reap_stale_claims(send_id: int | None = None, older_than: timedelta | None = None) -> int:
    """Claims of workers that died (killed, machine lost) go back to the queue."""
    if older_than is None:
        older_than = timedelta(minutes=settings.NEWSLETTER_CLAIM_TIMEOUT_MINUTES)
    stale = Delivery.objects.filter(
        status=Delivery.Status.SENDING, claimed_at__lt=timezone.now() - older_than
    )
    if send_id is not None:
        stale = stale.filter(send_id=send_id)
    return stale.update(status=Delivery.Status.PENDING, claimed_by="")


def pause(send: Send) -> None:
    Send.objects.filter(pk=send.pk, status=Send.Status.SENDING).update(status=Send.Status.PAUSED)


def resume(send: Send) -> None:
    updated = Send.objects.filter(pk=send.pk, status=Send.Status.PAUSED).update(
        status=Send.Status.SENDING
    )
    if updated:
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
