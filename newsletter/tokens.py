"""Signed links in the subscriber's e-mails.

A confirmation link expires (NEWSLETTER_CONFIRMATION_DAYS); unsubscribe and preferences
links never do. Every link is signed over the subscriber's id and their link secret, so it
cannot be turned into a link for another address, and giving the subscriber a new secret
(on erasure, or when they ask for it) makes all their old links void.
"""

from django.conf import settings
from django.core import signing

from .models import Subscriber

CONFIRM = "newsletter.confirm"
MANAGE = "newsletter.manage"


def _payload(subscriber: Subscriber) -> dict:
    return {"s": subscriber.pk, "k": subscriber.link_secret}


def make_confirm_token(subscriber: Subscriber) -> str:
    return signing.dumps(_payload(subscriber), salt=CONFIRM)


def make_manage_token(subscriber: Subscriber) -> str:
    """For unsubscribing and for the preferences page."""
    return signing.dumps(_payload(subscriber), salt=MANAGE)


class ManageTokens:
    """make_manage_token for a batch of recipients: one signer for the whole batch.

    The tokens are Django's own (TimestampSigner with the same salt: the tests compare them
    with signing.dumps), so the links verify as before and forging one is as hard as before.
    """

    def __init__(self):
        self.signer = signing.TimestampSigner(salt=MANAGE)

    def __call__(self, subscriber_id: int, link_secret: str) -> str:
        return self.signer.sign_object({"s": subscriber_id, "k": link_secret})


class TokenExpired(Exception):
    pass


class TokenInvalid(Exception):
    pass


def subscriber_for(token: str, purpose: str) -> Subscriber:
    """The subscriber a token was made for, or TokenExpired / TokenInvalid."""
    max_age = settings.NEWSLETTER_CONFIRMATION_DAYS * 86400 if purpose == CONFIRM else None
    try:
        payload = signing.loads(token, salt=purpose, max_age=max_age)
    except signing.SignatureExpired as error:
        raise TokenExpired from error
    except signing.BadSignature as error:
        raise TokenInvalid from error
    if not isinstance(payload, dict):
        raise TokenInvalid
    subscriber = Subscriber.objects.filter(pk=payload.get("s")).first()
    if subscriber is None or subscriber.link_secret != payload.get("k"):
        raise TokenInvalid
    return subscriber


def subscriber_for_expired(token: str) -> Subscriber:
    """For an expired confirmation link: who it was for, so a new link can be sent."""
    try:
        payload = signing.loads(token, salt=CONFIRM)
    except signing.BadSignature as error:
        raise TokenInvalid from error
    subscriber = Subscriber.objects.filter(pk=payload.get("s")).first()
    if subscriber is None or subscriber.link_secret != payload.get("k"):
        raise TokenInvalid
    return subscriber
