"""The contact centre with real background workers, on each task backend (database and RQ):
an inquiry is acknowledged and its queue notified by a worker process, and a message the
mail server refuses is retried after its backoff (on RQ, through the worker's scheduler)."""

import time
from datetime import timedelta

from contact.models import Inquiry
from portal.abuse import form_started_token
from portal.models import OutgoingEmail
from tests.task_workers import deferred_tasks, make_deferred_tasks_due, wait_for

FORM = "/napiste-nam/"
REQUESTER = "jana@example.cz"


def question(topic):
    """What a person sends who took their time over the form."""
    return {
        "topic": topic.pk,
        "message": "Jak má obec postupovat, když chce zřídit sociální byt?",
        "requester_type": "municipality",
        "region": "pardubicky",
        "name": "Jana Dvořáková",
        "email": REQUESTER,
        "website": "",
        "form_started": form_started_token(time.time() - 60),
        "visit": "c" * 32,
    }


def all_sent():
    emails = list(OutgoingEmail.objects.values_list("status", flat=True))
    return emails and set(emails) == {OutgoingEmail.Status.SENT}


def test_an_inquiry_is_acknowledged_and_its_queue_notified_by_a_worker(
    background_tasks, client, contact_page, topic, footer, staff
):
    workers, sink = background_tasks, background_tasks.sink
    assert client.post(FORM, question(topic)).status_code == 302
    inquiry = Inquiry.objects.get()

    wait_for(all_sent, 30, "the acknowledgement and the notification", workers)
    [acknowledgement] = sink.to(REQUESTER)
    assert inquiry.reference in acknowledgement.message["Subject"]
    [notification] = sink.to(staff.email)
    assert inquiry.reference in notification.message["Subject"]
    # The queue's shared mailbox too; each message once.
    sent_to = sorted(item.recipients[0] for item in sink.received)
    assert sent_to == sorted([REQUESTER, topic.queue.mailbox.lower(), staff.email.lower()])
    # A delivered row keeps only the recipient's domain (portal.outbox.scrub).
    assert sorted(OutgoingEmail.objects.values_list("recipient_domain", flat=True)) == sorted(
        address.rpartition("@")[2].lower() for address in sent_to
    )
    assert not OutgoingEmail.objects.exclude(to="").exists()
    assert len(sent_to) == 3


def test_a_refused_acknowledgement_is_retried_after_its_backoff(
    background_tasks, client, contact_page, topic, footer
):
    workers, sink = background_tasks, background_tasks.sink
    sink.handler.refuse_from = 1  # the mail server is down: every message is refused
    assert client.post(FORM, question(topic)).status_code == 302
    emails = set(OutgoingEmail.objects.values_list("pk", flat=True))

    def every_retry_enqueued():
        retries = {task[1][0]: task for task in deferred_tasks(workers.backend)}
        return retries if set(retries) == emails else None

    # After the refusal each worker enqueued the next attempt, deferred to the time the
    # backoff chose (half a minute or more away).
    retries = wait_for(every_retry_enqueued, 30, "a retry of every refused message", workers)
    acknowledgement = OutgoingEmail.objects.get(to=REQUESTER)
    assert acknowledgement.status == OutgoingEmail.Status.PENDING
    assert acknowledgement.attempts == 1
    assert "SMTPDataError" in acknowledgement.last_error
    task_path, _args, run_after = retries[acknowledgement.pk]
    assert task_path == "portal.outbox.deliver_email"
    # RQ keeps whole seconds.
    assert abs(run_after - acknowledgement.next_attempt_at) < timedelta(seconds=1)
    assert acknowledgement.next_attempt_at - acknowledgement.created_at > timedelta(seconds=20)
    time.sleep(1)
    acknowledgement.refresh_from_db()
    assert acknowledgement.attempts == 1, "not retried before its time"

    sink.handler.refuse_from = None  # the server is back, and the backoff has passed
    make_deferred_tasks_due(workers.backend)
    wait_for(all_sent, 30, "the retried messages", workers)
    assert [item.recipients for item in sink.to(REQUESTER)] == [[REQUESTER]]
    acknowledgement.refresh_from_db()
    assert acknowledgement.attempts == 2
