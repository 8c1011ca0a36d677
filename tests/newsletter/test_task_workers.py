"""The bulletin with real background workers, on each task backend (database and RQ): a
person signs up, confirms, receives an issue sent by two worker processes, and unsubscribes;
a large send reaches every subscriber exactly once."""

import collections
import re

from django.test import Client

from newsletter.models import Delivery, Send, Subscriber
from newsletter.models.subscribers import address_key
from newsletter.sending.sends import start_send
from tests.newsletter.factories import BulletinPageFactory, SubscriberFactory
from tests.newsletter.helpers import path_of, signup_data
from tests.task_workers import wait_for

ISSUE_HEADER = "List-Unsubscribe"  # carried by issues only, not by the confirmation


def issues_per_address(sink):
    return collections.Counter(
        item.recipients[0] for item in sink.received if item.message[ISSUE_HEADER]
    )


def text_of(message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
    raise AssertionError("no text part")


def wait_until_done(send, workers, timeout=60):
    def done():
        return Send.objects.get(pk=send.pk).status == Send.Status.DONE

    wait_for(done, timeout, f"send {send.pk} to finish", workers)


def test_sign_up_confirm_receive_and_unsubscribe_through_background_workers(
    background_tasks, client, admin_client, issue
):
    workers, sink = background_tasks, background_tasks.sink
    assert client.post("/odber/", signup_data(email="jana@seznam.cz")).status_code == 302
    [confirmation] = wait_for(
        lambda: sink.to("jana@seznam.cz"), 30, "the confirmation e-mail", workers
    )
    link = re.search(r"https?://\S*/odber/potvrdit/\S+/", text_of(confirmation.message))
    assert client.post(path_of(link.group(0))).status_code == 200
    assert Subscriber.objects.get(email="jana@seznam.cz").status == "confirmed"
    others = SubscriberFactory.create_batch(20)

    response = admin_client.post(f"/admin/bulletin/send/{issue.pk}/", {"send": "1", "confirm": "1"})
    assert response.status_code == 302
    wait_until_done(Send.objects.get(page=issue), workers)
    everyone = ["jana@seznam.cz", *(s.email for s in others)]
    assert issues_per_address(sink) == dict.fromkeys(everyone, 1)

    # RFC 8058 one-click, as her mailbox provider would post it, from the issue's header.
    [received] = [item for item in sink.to("jana@seznam.cz") if item.message[ISSUE_HEADER]]
    unsubscribe = path_of(received.message[ISSUE_HEADER].strip("<>"))
    response = Client().post(
        unsubscribe,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert Subscriber.objects.get(email="jana@seznam.cz").status == "unsubscribed"

    sink.reset()
    next_issue = BulletinPageFactory(parent=issue.get_parent())
    next_issue.save_revision().publish()
    admin_client.post(f"/admin/bulletin/send/{next_issue.pk}/", {"send": "1", "confirm": "1"})
    wait_until_done(Send.objects.get(page=next_issue), workers)
    assert issues_per_address(sink) == dict.fromkeys(everyone[1:], 1)


def test_a_bulletin_sent_by_two_workers_reaches_every_subscriber_exactly_once(
    background_tasks, issue
):
    workers, sink = background_tasks, background_tasks.sink
    subscribers = SubscriberFactory.build_batch(300)
    for subscriber in subscribers:
        subscriber.email_key = address_key(subscriber.email)  # what save() would set
    Subscriber.objects.bulk_create(subscribers)
    # The first message is held at the mail server until the other worker has sent one:
    # both must be sending at the same time, however the machine schedules them.
    sink.handler.hold_at = 1
    send = start_send(issue)  # commits, and enqueues one process_send per worker
    assert sink.handler.holding.wait(timeout=30), f"nothing was sent\n{workers.output()}"
    wait_for(lambda: sink.received, 30, "the other worker to send", workers)
    sink.handler.release.set()
    wait_until_done(send, workers)

    assert issues_per_address(sink) == {s.email: 1 for s in subscribers}
    assert len(sink.received) == 300
    deliveries = Delivery.objects.filter(send=send)
    assert deliveries.count() == 300
    assert set(deliveries.values_list("status", flat=True)) == {"sent"}
    # Both workers sent, at the same time.
    spans = {}
    for worker, claimed, sent in deliveries.values_list("claimed_by", "claimed_at", "sent_at"):
        first, last = spans.get(worker, (claimed, sent))
        spans[worker] = (min(first, claimed), max(last, sent))
    assert len(spans) == 2, spans
    (first_start, first_end), (second_start, second_end) = spans.values()
    assert first_start < second_end and second_start < first_end, spans
