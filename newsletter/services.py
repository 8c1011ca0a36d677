"""The subscription's life: sign-up, confirmation, preferences, unsubscribe, export, erasure.

Every door (the public forms, the admin, provider webhooks, management commands) goes
through these functions, so the rules hold whichever way a change arrives.
"""

import json
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from portal.addresses import without_address
from portal.mail import absolute_url
from portal.outbox import forget_address, queue_email

from .models import Delivery, Subscriber, SuppressedAddress
from .models.subscribers import address_key
from .tokens import make_confirm_token, make_manage_token

# Do not send a second confirmation within this time: it spares inboxes and stops a sign-up
# form being used to flood someone with mail.
CONFIRMATION_RESEND_INTERVAL = timedelta(minutes=10)


@dataclass(frozen=True)
class SignUp:
    email: str
    language: str
    topics: list
    source: str
    consent_text: str
    consent_page: str
    consent_language: str
    ip_hash: str = ""


def subscribe(signup: SignUp) -> Subscriber | None:
    """Record a sign-up and ask for confirmation. Idempotent: one row per address.

    What the person is told never depends on the outcome (no one can learn whether an address
    is subscribed). A confirmed subscriber stays as they are; everyone else gets (at most one
    per CONFIRMATION_RESEND_INTERVAL) a confirmation e-mail; suppressed addresses get none.
    """
    if SuppressedAddress.is_suppressed(signup.email):
        return None
    now = timezone.now()
    with transaction.atomic():
        subscriber = _get_or_create_locked(signup, now)
        if subscriber.status == Subscriber.Status.CONFIRMED:
            return subscriber
        if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            subscriber.status = Subscriber.Status.PENDING  # back only after a new confirmation
        _record_consent(subscriber, signup, now)
        subscriber.save()
        subscriber.topics.set(signup.topics)
        recently = subscriber.confirmation_sent_at and (
            now - subscriber.confirmation_sent_at < CONFIRMATION_RESEND_INTERVAL
        )
        if not recently:
            send_confirmation(subscriber)
    return subscriber


def _get_or_create_locked(signup: SignUp, now) -> Subscriber:
    existing = Subscriber.objects.select_for_update().filter(email_key=address_key(signup.email))
    subscriber = existing.first()
    if subscriber is not None:
        return subscriber
    try:
        with transaction.atomic():
            subscriber = Subscriber(email=signup.email, language=signup.language)
            _record_consent(subscriber, signup, now)
            subscriber.save()
            return subscriber
    except IntegrityError:
        # Two sign-ups of one address at the same moment: the other one created the row.
        return existing.get()


def _record_consent(subscriber, signup: SignUp, now):
    subscriber.email = signup.email
    subscriber.language = signup.language
    subscriber.source = signup.source
    subscriber.consent_text = signup.consent_text
    subscriber.consent_at = now
    subscriber.consent_page = signup.consent_page[:500]
    subscriber.consent_language = signup.consent_language
    subscriber.ip_hash = signup.ip_hash


def send_confirmation(subscriber: Subscriber) -> None:
    subscriber.confirmation_sent_at = timezone.now()
    subscriber.save(update_fields=["confirmation_sent_at", "updated_at"])
    with translation.override(subscriber.language):
        confirm_url = absolute_url(
            reverse("newsletter:confirm", args=[make_confirm_token(subscriber)])
        )
    queue_email(
        "newsletter/email/confirm",
        to=subscriber.email,
        context={
            "confirm_url": confirm_url,
            "valid_days": settings.NEWSLETTER_CONFIRMATION_DAYS,
        },
        language=subscriber.language,
        purpose="newsletter.confirm",
    )


def resend_confirmation(subscriber: Subscriber) -> None:
    """For "send it again": only pending subscribers, and not too often."""
    if subscriber.status != Subscriber.Status.PENDING:
        return
    sent = subscriber.confirmation_sent_at
    if sent and timezone.now() - sent < CONFIRMATION_RESEND_INTERVAL:
        return
    send_confirmation(subscriber)


def confirm(subscriber: Subscriber) -> bool:
    """Confirm a pending sign-up; True when this call confirmed it."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status != Subscriber.Status.PENDING:
            return False
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.soft_bounces = 0
        subscriber.save()
    return True


def unsubscribe(subscriber: Subscriber) -> None:
    """Takes effect at once, also for a send already under way (workers re-check status)."""
    Subscriber.objects.filter(
        pk=subscriber.pk,
        status__in=[Subscriber.Status.PENDING, Subscriber.Status.CONFIRMED],
    ).update(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now())


def update_preferences(subscriber: Subscriber, language: str, topics) -> None:
    subscriber.language = language
    subscriber.save(update_fields=["language", "updated_at"])
    subscriber.topics.set(topics)


def suppress(email: str, reason: str) -> None:
    """Never mail this address again (bounce, complaint, staff decision)."""
    SuppressedAddress.objects.get_or_create(
        address_hash=SuppressedAddress.hash_of(email), defaults={"reason": reason}
    )
    Subscriber.objects.filter(email_key=address_key(email)).update(
        status=Subscriber.Status.SUPPRESSED
    )


def export_data(subscriber: Subscriber) -> str:
    """Everything held about a subscriber, as JSON they can download."""
    data = {
        "email": subscriber.email,
        "status": subscriber.status,
        "language": subscriber.language,
        "topics": [topic.name for topic in subscriber.topics.all()],
        "source": subscriber.source,
        "consent": {
            "text": subscriber.consent_text,
            "given_at": subscriber.consent_at.isoformat(),
            "page": subscriber.consent_page,
            "language": subscriber.consent_language,
            "ip_address_kept": "hashed" if subscriber.ip_hash else "no",
        },
        "confirmation_sent_at": _iso(subscriber.confirmation_sent_at),
        "confirmed_at": _iso(subscriber.confirmed_at),
        "unsubscribed_at": _iso(subscriber.unsubscribed_at),
        "created_at": _iso(subscriber.created_at),
        "issues_sent": [
            {"issue": delivery.send.page.title, "status": delivery.status,
             "sent_at": _iso(delivery.sent_at)}
            for delivery in subscriber.deliveries.select_related("send__page")
        ],
    }  # fmt: skip
    return json.dumps(data, ensure_ascii=False, indent=2)


def erase(subscriber: Subscriber) -> None:
    """Forget the person: the row goes; deliveries stay as anonymous figures; a suppression
    already recorded for the address (complaint, bounce) stays in the ledger; the outbox
    forgets the address (a confirmation still waiting to go is withdrawn), and so do the
    errors recorded for deliveries (a refusal names the address, a batch's refusal names it
    on every delivery of the batch)."""
    with transaction.atomic():
        subscriber.deliveries.update(subscriber=None)
        subscriber.delete()
        naming = Delivery.objects.exclude(error="").filter(error__icontains=subscriber.email)
        for delivery in naming.only("pk", "error"):
            Delivery.objects.filter(pk=delivery.pk).update(
                error=without_address(delivery.error, subscriber.email)
            )
        forget_address(subscriber.email, purposes=["newsletter."])


def purge_unconfirmed(now=None) -> int:
    """Delete sign-ups never confirmed within NEWSLETTER_UNCONFIRMED_RETENTION_DAYS."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.NEWSLETTER_UNCONFIRMED_RETENTION_DAYS)
    stale = Subscriber.objects.filter(status=Subscriber.Status.PENDING, created_at__lt=cutoff)
    _total, deleted = stale.delete()
    return deleted.get("newsletter.Subscriber", 0)


def manage_url(subscriber: Subscriber, name: str) -> str:
    with translation.override(subscriber.language):
        return absolute_url(reverse(f"newsletter:{name}", args=[make_manage_token(subscriber)]))


def _iso(value):
    return value.isoformat() if value else None
