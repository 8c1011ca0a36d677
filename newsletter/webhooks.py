"""Provider events (anymail's tracking signal) that keep the list clean.

A hard bounce or a spam complaint suppresses the address after one event; soft bounces after
NEWSLETTER_SOFT_BOUNCE_LIMIT in a row (a confirmation or a delivered message resets them).
"""

from anymail.signals import EventType, RejectReason, tracking
from django.conf import settings
from django.db.models import F
from django.dispatch import receiver

from .models import Delivery, Subscriber, SuppressedAddress
from .models.subscribers import address_key
from .services import suppress, unsubscribe

HARD_REASONS = {RejectReason.BOUNCED, RejectReason.INVALID, None}


@receiver(tracking)
def handle_tracking_event(sender, event, esp_name, **kwargs):
    recipient = event.recipient
    if not recipient:
        return
    delivery_id = (event.metadata or {}).get("delivery")
    if event.event_type == EventType.COMPLAINED:
        suppress(recipient, SuppressedAddress.Reason.COMPLAINT)
        _mark_delivery(delivery_id, event, Delivery.Status.BOUNCED)
    elif event.event_type == EventType.BOUNCED and event.reject_reason in HARD_REASONS:
        suppress(recipient, SuppressedAddress.Reason.HARD_BOUNCE)
        _mark_delivery(delivery_id, event, Delivery.Status.BOUNCED)
    elif event.event_type in (EventType.BOUNCED, EventType.DEFERRED):
        _soft_bounce(recipient)
    elif event.event_type == EventType.DELIVERED:
        Subscriber.objects.filter(email_key=address_key(recipient)).update(soft_bounces=0)
    elif event.event_type == EventType.UNSUBSCRIBED:
        subscriber = Subscriber.objects.filter(email_key=address_key(recipient)).first()
        if subscriber is not None:
            unsubscribe(subscriber)


def _soft_bounce(recipient):
    subscribers = Subscriber.objects.filter(email_key=address_key(recipient))
    subscribers.update(soft_bounces=F("soft_bounces") + 1)
    if subscribers.filter(soft_bounces__gte=settings.NEWSLETTER_SOFT_BOUNCE_LIMIT).exists():
        suppress(recipient, SuppressedAddress.Reason.SOFT_BOUNCES)


def _mark_delivery(delivery_id, event, status):
    deliveries = Delivery.objects.all()
    if delivery_id and str(delivery_id).isdigit():
        deliveries = deliveries.filter(pk=int(delivery_id))
    elif event.message_id:
        # Spelled out so that the partial index on message ids serves the lookup whatever
        # the query plan (they are indexed only once there is one).
        deliveries = deliveries.filter(message_id=event.message_id).exclude(message_id="")
    else:
        return
    deliveries.update(status=status, error=(event.description or event.mta_response or "")[:2000])
