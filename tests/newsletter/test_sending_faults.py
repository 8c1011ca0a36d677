"""Faults while sending: the SMTP server going down, two workers at once, a worker killed.

Each ends the same way: every confirmed subscriber has exactly one accepted message."""

import collections
import datetime
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection, connections
from django.utils import timezone

from newsletter.models import Delivery
from newsletter.sending import claims
from newsletter.sending.sends import process_send, start_send
from tests.newsletter.factories import SubscriberFactory

ROOT = Path(__file__).resolve().parents[2]


def accepted_per_address(sink):
    return collections.Counter(item.recipients[0] for item in sink.received)


@pytest.mark.django_db
def test_smtp_server_down_mid_send_then_back_loses_nothing_and_sends_nothing_twice(
    issue, no_auto_workers, smtp_sink
):
    subscribers = SubscriberFactory.create_batch(10)
    smtp_sink.handler.refuse_from = 5  # the server fails on the 5th message and after
    send = start_send(issue)
    assert process_send.call(send.pk) == "waiting for retries"
    assert len(smtp_sink.received) == 4
    waiting = Delivery.objects.filter(status="pending")
    assert waiting.count() == 6
    assert all(d.next_attempt_at > timezone.now() for d in waiting)
    assert "SMTPDataError" in waiting.first().error

    smtp_sink.handler.refuse_from = None  # the server is back
    waiting.update(next_attempt_at=timezone.now())  # and the backoff has passed
    assert process_send.call(send.pk) == "done"
    counts = accepted_per_address(smtp_sink)
    assert counts == {s.email: 1 for s in subscribers}


@pytest.mark.django_db
def test_smtp_server_unreachable_at_the_start_of_a_batch(issue, no_auto_workers, smtp_sink):
    subscribers = SubscriberFactory.create_batch(3)
    smtp_sink.stop()
    send = start_send(issue)
    assert process_send.call(send.pk) == "waiting for retries"
    assert Delivery.objects.filter(status="pending", attempts=1).count() == 3
    smtp_sink.start()
    Delivery.objects.update(next_attempt_at=timezone.now())
    assert process_send.call(send.pk) == "done"
    assert accepted_per_address(smtp_sink) == {s.email: 1 for s in subscribers}


@pytest.mark.postgres_only
def test_two_workers_at_once_send_each_issue_exactly_once(
    committed_db, issue, no_auto_workers, smtp_sink, settings
):
    settings.NEWSLETTER_BATCH_SIZE = 7
    subscribers = SubscriberFactory.create_batch(80)
    send = start_send(issue)
    outcomes = []

    def worker():
        try:
            outcomes.append(process_send.call(send.pk))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert accepted_per_address(smtp_sink) == {s.email: 1 for s in subscribers}
    workers = set(Delivery.objects.values_list("claimed_by", flat=True))
    assert len(workers) == 2, "both workers took part"
    assert "done" in outcomes


def _worker_environment(smtp_port, batch_size):
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        url = (
            f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:{settings_dict['PORT']}"
            f"/{settings_dict['NAME']}"
        )
    else:
        url = f"sqlite:///{settings_dict['NAME']}"
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        DATABASE_URL=url,
        WORKER_SMTP_PORT=str(smtp_port),
        WORKER_BATCH_SIZE=str(batch_size),
    )
    return env


WORKER = """
import django, os, sys
django.setup()
from django.conf import settings
settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
settings.EMAIL_HOST = "127.0.0.1"
settings.EMAIL_PORT = int(os.environ["WORKER_SMTP_PORT"])
settings.EMAIL_TIMEOUT = 30
settings.NEWSLETTER_BATCH_SIZE = int(os.environ["WORKER_BATCH_SIZE"])
from newsletter.sending.sends import process_send, reap_stale_claims
import datetime
if "--reap" in sys.argv:
    reap_stale_claims(older_than=datetime.timedelta(0))
print(process_send.call(int(sys.argv[1])))
"""


def test_worker_killed_mid_send_then_restarted_sends_each_issue_exactly_once(
    committed_db, issue, no_auto_workers, smtp_sink
):
    subscribers = SubscriberFactory.create_batch(25)
    send = start_send(issue)
    smtp_sink.handler.hold_at = 13  # the worker will be mid-message, in its second batch
    env = _worker_environment(smtp_sink.port, batch_size=10)
    worker = subprocess.Popen(  # noqa: S603 - our own code
        [sys.executable, "-c", WORKER, str(send.pk)], cwd=ROOT, env=env
    )
    assert smtp_sink.handler.holding.wait(timeout=60), "the worker never reached message 13"
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    smtp_sink.handler.release.set()
    time.sleep(0.2)
    assert len(smtp_sink.received) == 12
    in_doubt = Delivery.objects.filter(status="sending").count()
    assert in_doubt == 8  # the rest of the killed worker's batch

    restarted = subprocess.run(  # noqa: S603
        [sys.executable, "-c", WORKER, str(send.pk), "--reap"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert restarted.returncode == 0, restarted.stderr
    assert restarted.stdout.strip() == "done"
    assert accepted_per_address(smtp_sink) == {s.email: 1 for s in subscribers}
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}


@pytest.mark.django_db
def test_retries_give_up_after_the_last_attempt(issue, no_auto_workers, smtp_sink):
    SubscriberFactory()
    smtp_sink.stop()
    send = start_send(issue)
    for _attempt in range(claims.MAX_ATTEMPTS):
        process_send.call(send.pk)
        Delivery.objects.update(next_attempt_at=timezone.now() - datetime.timedelta(seconds=1))
    delivery = Delivery.objects.get()
    assert delivery.status == "failed"
    assert delivery.attempts == claims.MAX_ATTEMPTS
