"""Queue transactional e-mail, deliver it with retries, and forget it once it is no longer
needed (see portal.models.OutgoingEmail).

A stored message holds personal data and working secrets (confirmation and status links)
only until it is settled: on delivery it is scrubbed down to an operator's record; on failure
its texts go at once and its recipient and error after OUTBOX_RETENTION_DAYS; forget_address
reaches every row of an address that a person has asked to be erased.
"""

import logging
import random
import re
import smtplib
from collections.abc import Iterable
from datetime import timedelta

from anymail.exceptions import AnymailError, AnymailRecipientsRefused
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import default_task_backend, task

from .addresses import without_address
from .mail import email_message, render_email
from .models import OutgoingEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BASE_DELAY_SECONDS = 60
MAX_DELAY_SECONDS = 6 * 3600
# Refusals that another attempt cannot fix: the address itself was rejected.
PERMANENT_ERRORS = (smtplib.SMTPRecipientsRefused, AnymailRecipientsRefused)
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError, AnymailError)


def queue_email(
    template: str,
    to: str,
    context: dict,
    language: str,
    purpose: str,
    headers: dict | None = None,
    reply_to: list[str] | None = None,
) -> OutgoingEmail:
    """Render now, store in the caller's transaction, send once that transaction commits."""
    subject, text, html = render_email(template, context, language)
    email = OutgoingEmail.objects.create(
        purpose=purpose,
        to=to,
        subject=subject[:300],
        body_text=text,
        body_html=html,
        headers={"Content-Language": language, **(headers or {})},
        reply_to=reply_to or [],
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(lambda: deliver_email.enqueue(email.pk))
    return email


def backoff(attempts: int) -> timedelta:
    """Exponential backoff with full jitter: retries from many workers do not line up."""
    ceiling = min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** max(attempts - 1, 0))
    return timedelta(seconds=random.uniform(ceiling / 2, ceiling))  # noqa: S311 - not crypto


def as_message(email: OutgoingEmail, connection=None) -> EmailMultiAlternatives:
    return email_message(
        email.subject,
        email.body_text,
        email.body_html,
        email.to,
        headers=email.headers,
        reply_to=email.reply_to,
        connection=connection,
    )


@task()
def deliver_email(email_id: int) -> str:
    """Send one queued message; on a transient error schedule another attempt."""
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, status=OutgoingEmail.Status.PENDING)
            .first()
        )
        if email is None:
            return "nothing to do"  # sent already, or another worker holds it
        message = as_message(email)
        try:
            message.send()
        except PERMANENT_ERRORS as error:
            _record_failure(email, error, permanent=True)
            return "failed"
        except TRANSIENT_ERRORS as error:
            _record_failure(email, error, permanent=False)
            retry_at = email.next_attempt_at
        else:
            email.status = OutgoingEmail.Status.SENT
            email.sent_at = timezone.now()
            email.attempts += 1
            email.last_error = ""
            status = getattr(message, "anymail_status", None)
            email.message_id = (getattr(status, "message_id", None) or "")[:300] if status else ""
            scrub(email)  # delivered: nothing personal, no working link stays behind
            email.save()
            return "sent"
    if email.status == OutgoingEmail.Status.PENDING and default_task_backend.supports_defer:
        deliver_email.using(run_after=retry_at).enqueue(email.pk)
    return "retry"


def _record_failure(email, error, permanent):
    email.attempts += 1
    email.last_error = f"{type(error).__name__}: {error}"[:2000]
    if permanent or email.attempts >= MAX_ATTEMPTS:
        email.status = OutgoingEmail.Status.FAILED
        email.next_attempt_at = None
        # Nothing sends it again: its texts (and the links in them) go now; the recipient and
        # the error stay for the operator until purge_outbox.
        email.body_text = email.body_html = ""
        email.headers = _kept_headers(email.headers)
        logger.warning(
            "Gave up on %s (%s) after %s attempts", email.pk, email.purpose, email.attempts
        )
    else:
        email.next_attempt_at = timezone.now() + backoff(email.attempts)
    email.save()


def send_due_emails(limit: int = 500) -> dict[str, int]:
    """Deliver every pending message whose time has come (the periodic sweeper: catches
    messages whose task was lost, and retries where the task backend cannot defer)."""
    due = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.PENDING, next_attempt_at__lte=timezone.now()
    ).order_by("next_attempt_at")
    counts: dict[str, int] = {}
    for email_id in due.values_list("pk", flat=True)[:limit]:
        outcome = deliver_email.call(email_id)
        counts[outcome] = counts.get(outcome, 0) + 1
    return counts


# Forgetting


def _domain(address: str) -> str:
    return address.rpartition("@")[2].strip().lower()[:255]


def _kept_headers(headers: dict) -> dict:
    # List-Unsubscribe and the like carry secrets; the language is all an operator needs.
    return {k: v for k, v in (headers or {}).items() if k == "Content-Language"}


def _redact(text: str, address: str, replacement: str) -> str:
    return re.sub(re.escape(address), replacement, text, flags=re.IGNORECASE) if text else text


def scrub(email: OutgoingEmail) -> None:
    """Reduce a row to an operator's record (the caller saves it): purpose, dates, attempts,
    status, the provider's message id and the recipient's domain stay; the address, the
    subject, the texts (with any working link), the headers and the reply-to go, and the
    address leaves the last error."""
    address = email.to
    if address:
        email.recipient_domain = _domain(address)
        email.last_error = without_address(email.last_error, address)
    email.to = ""
    email.subject = ""
    email.body_text = ""
    email.body_html = ""
    email.headers = _kept_headers(email.headers)
    email.reply_to = []


SCRUBBED_FIELDS = [
    "to",
    "recipient_domain",
    "subject",
    "body_text",
    "body_html",
    "headers",
    "reply_to",
    "last_error",
]


def _mentions(address: str) -> models.Q:
    return (
        models.Q(to__iexact=address)
        | models.Q(subject__icontains=address)
        | models.Q(body_text__icontains=address)
        | models.Q(body_html__icontains=address)
        | models.Q(last_error__icontains=address)
    )


def forget_address(address: str, *, purposes: Iterable[str] = (), keep: Iterable[int] = ()) -> int:
    """Erase an address from the outbox; returns how many rows were deleted or changed.

    - A message still waiting to go to the address is withdrawn (deleted) when its purpose
      starts with one of `purposes` (the erasing service's own mail). Another service's
      waiting message still goes out - that service keeps the address anyway - and is
      scrubbed on delivery.
    - Every settled (sent or failed) row addressed to it, or mentioning it, is scrubbed.
    - A waiting message to someone else that mentions the address has it replaced.
    - Rows whose ids are in `keep` are left alone (an erasure that reaches only part of what
      is held about the address, such as the queues one member of staff may see).
    """
    address = address.strip()
    if not address:
        return 0
    purposes = tuple(purposes)
    changed = 0
    with transaction.atomic():
        rows = (
            OutgoingEmail.objects.select_for_update()
            .filter(_mentions(address))
            .exclude(pk__in=list(keep))
        )
        for email in rows:
            pending = email.status == OutgoingEmail.Status.PENDING
            addressed = email.to.strip().casefold() == address.casefold()
            if pending and addressed:
                if purposes and email.purpose.startswith(purposes):
                    email.delete()
                    changed += 1
                continue  # otherwise another service's message to the person: it still goes
            if pending:
                _replace_in_texts(email, address)
            else:
                scrub(email)
            email.save(update_fields=SCRUBBED_FIELDS)
            changed += 1
    return changed


def _replace_in_texts(email: OutgoingEmail, address: str) -> None:
    language = (email.headers or {}).get("Content-Language") or settings.LANGUAGE_CODE
    with translation.override(language):
        replacement = gettext("[address erased]")
    email.subject = _redact(email.subject, address, replacement)[:300]
    email.body_text = _redact(email.body_text, address, replacement)
    email.body_html = _redact(email.body_html, address, replacement)
    email.last_error = _redact(email.last_error, address, replacement)


# Retention


def _referenced() -> models.Q:
    """Rows another record points to (an inquiry's thread shows whether its e-mail went)."""
    condition = models.Q()
    for relation in OutgoingEmail._meta.get_fields(include_hidden=True):
        if relation.auto_created and not relation.concrete and relation.one_to_many:
            column = relation.field.attname
            related = relation.related_model._base_manager.exclude(**{f"{column}__isnull": True})
            condition |= models.Q(pk__in=related.values(column))
    return condition


def purge_outbox(now=None) -> dict[str, int]:
    """Settled rows older than OUTBOX_RETENTION_DAYS: scrub what still carries personal data
    (failed messages), then delete the rows no other record points to. Run with the sweeper
    (`manage.py send_queued_email`)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.OUTBOX_RETENTION_DAYS)
    settled = OutgoingEmail.objects.filter(
        status__in=[OutgoingEmail.Status.SENT, OutgoingEmail.Status.FAILED],
        created_at__lt=cutoff,
    )
    scrubbed = 0
    with transaction.atomic():
        carrying = settled.exclude(to="", subject="", body_text="", body_html="")
        for email in carrying.select_for_update():
            scrub(email)
            email.save(update_fields=SCRUBBED_FIELDS)
            scrubbed += 1
    referenced = _referenced()
    unreferenced = settled.exclude(referenced) if referenced else settled
    deleted, _by_model = unreferenced.delete()
    return {"scrubbed": scrubbed, "deleted": deleted}
