"""Provider events: hard bounces and complaints suppress at once, soft bounces after a few."""

import pytest
from anymail.signals import AnymailTrackingEvent, tracking

from newsletter.models import Delivery, Subscriber, SuppressedAddress
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def event(event_type, recipient, **extra):
    tracking.send(
        sender=object,
        event=AnymailTrackingEvent(event_type=event_type, recipient=recipient, **extra),
        esp_name="TestESP",
    )


def test_hard_bounce_suppresses_after_one_event():
    subscriber = SubscriberFactory(email="neni@seznam.cz")
    event("bounced", "neni@seznam.cz", reject_reason="bounced")
    subscriber.refresh_from_db()
    assert subscriber.status == "suppressed"
    assert SuppressedAddress.objects.get().reason == "hard_bounce"


def test_complaint_suppresses_and_marks_the_delivery(issue, no_auto_workers):
    from newsletter.sending.sends import start_send

    subscriber = SubscriberFactory(email="spam@seznam.cz")
    send = start_send(issue)
    delivery = send.deliveries.get()
    event("complained", "spam@seznam.cz", metadata={"delivery": str(delivery.pk)})
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.BOUNCED
    subscriber.refresh_from_db()
    assert subscriber.status == "suppressed"
    assert SuppressedAddress.is_suppressed("SPAM@seznam.cz")


def test_soft_bounces_suppress_only_after_the_threshold(settings):
    settings.NEWSLETTER_SOFT_BOUNCE_LIMIT = 3
    subscriber = SubscriberFactory(email="plna@seznam.cz")
    for _ in range(2):
        event("deferred", "plna@seznam.cz")
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed" and subscriber.soft_bounces == 2
    event("delivered", "plna@seznam.cz")
    subscriber.refresh_from_db()
    assert subscriber.soft_bounces == 0
    for _ in range(3):
        event("bounced", "plna@seznam.cz", reject_reason="timed_out")
    subscriber.refresh_from_db()
    assert subscriber.status == "suppressed"
    assert SuppressedAddress.objects.get().reason == "soft_bounces"


def test_suppression_outlives_erasure_and_blocks_new_sign_ups(client, home):
    from newsletter import services
    from tests.newsletter.helpers import signup_data

    subscriber = SubscriberFactory(email="stezovatel@seznam.cz")
    event("complained", "stezovatel@seznam.cz")
    services.erase(Subscriber.objects.get(pk=subscriber.pk))
    assert not Subscriber.objects.exists()
    client.post("/odber/", signup_data("stezovatel@seznam.cz"))
    assert not Subscriber.objects.exists()


def test_events_without_a_recipient_are_ignored():
    event("bounced", None)
    assert not SuppressedAddress.objects.exists()
