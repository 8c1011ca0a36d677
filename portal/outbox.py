"""Queue transactional e-mail and deliver it with retries (see portal.models.OutgoingEmail)."""

import logging
import random
import smtplib
from datetime import timedelta

from anymail.exceptions import AnymailError, AnymailRecipientsRefused
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from .mail import render_email
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
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        to=[email.to],
        headers=email.headers,
        reply_to=email.reply_to or None,
        connection=connection,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    return message


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
