"""The work of the public sign-up forms that depends on whether an address is known.

Timing told whether an address was subscribed: the request for a new address created a row
and rendered the confirmation e-mail, the one for a confirmed address stopped after a lookup,
measurably sooner. Now the request only validates the form, counts it against the
limits and enqueues one of these tasks, the same for every address; the lookup, the new row
and the e-mail (or nothing) happen here, in the worker, where their time tells nobody
anything. The tasks return nothing, so the task results hold no fact about an address.
"""

from django_tasks import task

from home.models import Topic

from . import services
from .models import Subscriber
from .models.subscribers import address_key


@task()
def process_signup(
    email: str,
    language: str,
    topics: list[int],
    source: str,
    consent_text: str,
    consent_page: str,
    consent_language: str,
    ip_hash: str = "",
) -> None:
    """Record the sign-up and ask for confirmation (services.subscribe decides)."""
    services.subscribe(
        services.SignUp(
            email=email,
            language=language,
            # A topic deleted since the form was sent is left out.
            topics=list(Topic.objects.filter(pk__in=topics)),
            source=source,
            consent_text=consent_text,
            consent_page=consent_page,
            consent_language=consent_language,
            ip_hash=ip_hash,
        )
    )


@task()
def process_resend(email: str) -> None:
    """Send the confirmation again: only for a pending sign-up of this address."""
    subscriber = Subscriber.objects.filter(email_key=address_key(email)).first()
    if subscriber is not None:
        services.resend_confirmation(subscriber)
