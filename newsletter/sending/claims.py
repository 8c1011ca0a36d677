"""Claiming deliveries for a worker, and giving them back.

A worker claims a batch of due, pending deliveries with SELECT … FOR UPDATE SKIP LOCKED (two
workers never get the same row), marks them as being sent by it, and loads what sending
needs as plain values (on PostgreSQL all in one statement). Transient errors return
deliveries to the queue with exponential backoff and jitter; the reaper returns the claims
of workers that died.
"""

import logging
from datetime import timedelta
from typing import NamedTuple

from django.conf import settings
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from portal.outbox import backoff

from ..models import Delivery, Subscriber

# The sender's logger: these warnings are part of how a send reports an outage.
logger = logging.getLogger("newsletter.sending")

MAX_ATTEMPTS = 6


class Recipient(NamedTuple):
    """One claimed delivery and its subscriber, as loaded for sending.

    Plain values rather than model instances: building a thousand Delivery and Subscriber
    objects per batch cost more than anymail's whole work for the same messages.
    """

    pk: int  # the delivery's
    attempts: int
    language: str  # the delivery's: which rendering of the issue this person gets
    subscriber_id: int | None  # None once the subscriber has been erased
    email: str | None
    subscriber_status: str | None
    subscriber_language: str | None  # the language of their links
    link_secret: str | None

    @property
    def subscribed(self) -> bool:
        return self.subscriber_status == Subscriber.Status.CONFIRMED


def claim(send_id: int, worker: str, size: int) -> list[Recipient]:
    """Claim up to size due, pending deliveries for worker and load them for sending."""
    if db_connection.vendor == "postgresql":
        return _claim_in_one_statement(send_id, worker, size)
    return load(_claim_ids(send_id, worker, size))


def claim_batch(send_id: int, worker: str, size: int) -> list[int]:
    """The ids of the deliveries claimed (what the tests and the admin need)."""
    return [recipient.pk for recipient in claim(send_id, worker, size)]


def _claim_ids(send_id: int, worker: str, size: int) -> list[int]:
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


def load(ids: list[int]) -> list[Recipient]:
    """The claimed deliveries with their subscribers' current state, in one query: an
    unsubscribe that happened since the send started is seen here."""
    rows = (
        Delivery.objects.filter(pk__in=ids)
        .order_by("pk")
        .values_list(
            "pk",
            "attempts",
            "language",
            "subscriber_id",
            "subscriber__email",
            "subscriber__status",
            "subscriber__language",
            "subscriber__link_secret",
        )
    )
    return [Recipient._make(row) for row in rows]


def _claim_in_one_statement(send_id: int, worker: str, size: int) -> list[Recipient]:
    """The same claim and load as _claim_ids() and load(), as one statement (its own
    transaction): the rows are locked with SKIP LOCKED, marked and returned with their
    subscribers' current state in one round trip, without building a query per batch."""
    ops = db_connection.ops
    deliveries = ops.quote_name(Delivery._meta.db_table)
    subscribers = ops.quote_name(Subscriber._meta.db_table)
    now = timezone.now()
    with db_connection.cursor() as cursor:
        cursor.execute(
            f"WITH claimed AS (UPDATE {deliveries} SET status = %s, claimed_at = %s, "  # noqa: S608 - model names
            "claimed_by = %s, attempts = attempts + 1 WHERE id IN ("
            f"SELECT id FROM {deliveries} WHERE send_id = %s AND status = %s "
            "AND (next_attempt_at IS NULL OR next_attempt_at <= %s) "
            "ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED) "
            "RETURNING id, attempts, language, subscriber_id) "
            "SELECT c.id, c.attempts, c.language, c.subscriber_id, s.email, s.status, "
            f"s.language, s.link_secret FROM claimed c LEFT JOIN {subscribers} s "
            "ON s.id = c.subscriber_id ORDER BY c.id",
            [Delivery.Status.SENDING, now, worker, send_id, Delivery.Status.PENDING, now, size],
        )
        return [Recipient._make(row) for row in cursor.fetchall()]


def release(recipients, error, acknowledgements) -> None:
    """Back to the queue after a transient error; given up after MAX_ATTEMPTS."""
    now = timezone.now()
    text = f"{type(error).__name__}: {error}"[:2000]
    for recipient in recipients:
        if recipient.attempts >= MAX_ATTEMPTS:
            acknowledgements.one(recipient.pk, Delivery.Status.FAILED, error=error)
        else:
            Delivery.objects.filter(pk=recipient.pk).update(
                status=Delivery.Status.PENDING,
                next_attempt_at=now + backoff(recipient.attempts),
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
