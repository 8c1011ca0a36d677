"""The sender's cheap paths keep its guarantees: batch-made links are Django's own signed
tokens, deliveries are created once per person in one statement, claims load each
subscriber's current state, and acknowledgements (one by one or a whole batch) record each
delivery's own outcome, even across a lost database connection."""

import datetime

import psycopg
import pytest
from django.core import mail, signing
from django.db import connection
from django.utils import timezone

from newsletter.models import Delivery, Subscriber
from newsletter.sending import claims
from newsletter.sending.delivery_status import Acknowledgements, row
from newsletter.sending.sends import _create_deliveries, process_send, start_send
from newsletter.tokens import (
    MANAGE,
    ManageTokens,
    TokenInvalid,
    make_manage_token,
    subscriber_for,
)
from tests.newsletter.factories import SubscriberFactory


@pytest.mark.django_db
def test_batch_links_are_the_same_signed_tokens_and_open_only_their_own_page(monkeypatch):
    first, second = SubscriberFactory.create_batch(2)
    monkeypatch.setattr(signing.time, "time", lambda: 1_800_000_000.5)
    tokens = ManageTokens()
    for subscriber in (first, second):
        token = tokens(subscriber.pk, subscriber.link_secret)
        assert token == make_manage_token(subscriber)
        assert subscriber_for(token, MANAGE) == subscriber
    # Another person's id under this signature, or a new link secret, opens nothing.
    payload, stamp, signature = tokens(first.pk, first.link_secret).split(":")
    forged = signing.b64_encode(f'{{"s":{second.pk},"k":"{first.link_secret}"}}'.encode())
    with pytest.raises(TokenInvalid):
        subscriber_for(f"{forged.decode()}:{stamp}:{signature}", MANAGE)
    first.new_link_secret()
    first.save()
    with pytest.raises(TokenInvalid):
        subscriber_for(f"{payload}:{stamp}:{signature}", MANAGE)


@pytest.mark.django_db
def test_deliveries_are_created_once_per_person_in_a_language_the_issue_has(issue, no_auto_workers):
    czech, english, other = SubscriberFactory.create_batch(3)
    Subscriber.objects.filter(pk=english.pk).update(language="en")
    Subscriber.objects.filter(pk=other.pk).update(language="de")  # a language since removed
    SubscriberFactory(status="pending")
    send = start_send(issue)
    languages = dict(send.deliveries.values_list("subscriber_id", "language"))
    assert languages == {czech.pk: "cs", english.pk: "en", other.pk: "cs"}
    assert _create_deliveries(send) == 0  # a second pass adds no one twice
    assert send.deliveries.count() == 3
    assert set(send.deliveries.values_list("status", "attempts", "error")) == {("pending", 0, "")}


@pytest.mark.django_db
def test_a_claim_loads_each_subscribers_current_state_and_skips_the_erased(issue, no_auto_workers):
    staying, leaving, erased = SubscriberFactory.create_batch(3)
    send = start_send(issue)
    Subscriber.objects.filter(pk=leaving.pk).update(status="unsubscribed")
    erased.delete()  # "forget me" while the send is waiting
    recipients = {r.pk: r for r in claims.claim(send.pk, "worker-1", size=10)}
    by_subscriber = {r.subscriber_id: r for r in recipients.values()}
    assert by_subscriber[staying.pk].subscribed
    assert by_subscriber[staying.pk].email == staying.email
    assert by_subscriber[staying.pk].link_secret == staying.link_secret
    assert by_subscriber[staying.pk].attempts == 1
    assert not by_subscriber[leaving.pk].subscribed
    assert not by_subscriber[None].subscribed and by_subscriber[None].email is None
    claimed = Delivery.objects.filter(pk__in=recipients)
    assert set(claimed.values_list("status", "claimed_by", "attempts")) == {
        ("sending", "worker-1", 1)
    }
    assert claims.claim(send.pk, "worker-2", size=10) == []  # nothing claimed twice

    Delivery.objects.update(status="pending")
    assert process_send.call(send.pk) == "done"
    assert [m.to for m in mail.outbox] == [[staying.email]]
    assert Delivery.objects.filter(subscriber=None).get().status == "unsubscribed"


@pytest.mark.django_db
def test_a_batch_acknowledgement_records_each_deliverys_own_outcome(issue, no_auto_workers):
    SubscriberFactory.create_batch(4)
    send = start_send(issue)
    ids = sorted(send.deliveries.values_list("pk", flat=True))
    now = timezone.now()
    acknowledgements = Acknowledgements()
    acknowledgements.many(
        [
            row(ids[0], "sent", "<a'1\"@mail>", now=now),
            row(ids[1], "failed", error="provider: invalid"),
            row(ids[2], "sent", "ž-2", now=now),
            row(ids[3], "failed", error=ValueError("x" * 3000)),
        ]
    )
    acknowledgements.close()
    got = {d.pk: d for d in Delivery.objects.all()}
    assert (got[ids[0]].status, got[ids[0]].message_id, got[ids[0]].sent_at) == (
        "sent",
        "<a'1\"@mail>",
        now,
    )
    assert (got[ids[1]].status, got[ids[1]].error, got[ids[1]].sent_at) == (
        "failed",
        "provider: invalid",
        None,
    )
    assert (got[ids[2]].status, got[ids[2]].message_id) == ("sent", "ž-2")
    assert got[ids[3]].status == "failed" and got[ids[3]].error.startswith("ValueError: xxx")
    assert len(got[ids[3]].error) == 2000


@pytest.mark.django_db
def test_a_merge_batch_failing_in_its_second_language_keeps_the_first_ones_results(
    issue, no_auto_workers, settings, monkeypatch
):
    from anymail.backends.test import EmailBackend
    from anymail.exceptions import AnymailAPIError
    from anymail.message import AnymailRecipientStatus

    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    settings.NEWSLETTER_MERGE_FIELD = "{{NAME}}"
    settings.ANYMAIL = {}
    czech = SubscriberFactory.create_batch(2, language="cs")
    english = SubscriberFactory(language="en")

    def english_fails(self, payload, message):
        if message.extra_headers["Content-Language"] == "en":
            raise AnymailAPIError("503 Service Unavailable")
        return {
            "recipient_status": {
                email: AnymailRecipientStatus(message_id=f"id-{email}", status="queued")
                for email in message.to
            }
        }

    monkeypatch.setattr(EmailBackend, "post_to_esp", english_fails)
    send = start_send(issue)
    assert process_send.call(send.pk) == "waiting for retries"
    sent = Delivery.objects.filter(subscriber__in=czech)
    assert set(sent.values_list("status", flat=True)) == {"sent"}
    assert dict(sent.values_list("subscriber__email", "message_id")) == {
        s.email: f"id-{s.email}" for s in czech
    }  # each person's own id
    waiting = Delivery.objects.get(subscriber=english)
    assert waiting.status == "pending" and waiting.next_attempt_at > timezone.now()
    assert "503" in waiting.error and waiting.message_id == ""


@pytest.mark.postgres_only
def test_acknowledgements_survive_a_lost_connection_and_prepare_again(
    committed_db, issue, no_auto_workers
):
    SubscriberFactory.create_batch(2)
    send = start_send(issue)
    first, second = sorted(send.deliveries.values_list("pk", flat=True))
    acknowledgements = Acknowledgements()
    acknowledgements.one(first, "sent", "m-1")
    backend = connection.connection.info.backend_pid
    settings_dict = connection.settings_dict
    with psycopg.connect(
        f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:{settings_dict['PORT']}"
        f"/{settings_dict['NAME']}",
        autocommit=True,
    ) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [backend])
    acknowledgements.one(second, "sent", "m-2")  # on a new session, prepared again
    acknowledgements.close()
    assert connection.connection.info.backend_pid != backend
    assert dict(Delivery.objects.values_list("pk", "message_id")) == {
        first: "m-1",
        second: "m-2",
    }
    recent = timezone.now() - datetime.timedelta(minutes=1)
    assert Delivery.objects.filter(status="sent", sent_at__gt=recent).count() == 2
