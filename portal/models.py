"""The outbox of transactional e-mail (confirmations, acknowledgements, replies).

A message is rendered and stored in the same database transaction as whatever caused it, and
sent afterwards by a task that retries with backoff. A mail outage delays a message; it never
loses one. (Bulletin issues go out through the newsletter's own per-recipient deliveries.)

A row holds personal data (the address, the text, working links) only while it waits to be
sent: once delivered it keeps an operator's record - purpose, dates, attempts, status, the
provider's message id and the recipient's domain - and nothing else (portal.outbox.scrub).
A row that failed keeps its recipient and error for OUTBOX_RETENTION_DAYS; settled rows
older than that are deleted unless another record (an inquiry's thread) points to them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    purpose = models.CharField(_("purpose"), max_length=100, db_index=True)
    # Blank once the message has been delivered (or the address erased); the domain stays.
    to = models.EmailField(_("recipient"), max_length=320, blank=True)
    recipient_domain = models.CharField(_("recipient's domain"), max_length=255, blank=True)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    body_text = models.TextField(blank=True)
    body_html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    message_id = models.CharField(_("message id"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
            models.Index(fields=["status", "created_at"], name="outbox_settled"),
        ]

    def __str__(self):
        return f"{self.purpose} → {self.to or '…@' + self.recipient_domain}"


class FormCheckOutcome(models.Model):
    """How often the automation checks of a public form took each path on a day (accepted at
    once, asked to confirm, confirmed on the second step, caught by the honeypot): counts
    only, no person, address or time of day kept (portal.form_checks)."""

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", _("accepted at once")
        ASKED_TO_CONFIRM = "asked_to_confirm", _("asked to confirm")
        CONFIRMED = "confirmed", _("confirmed on the second step")
        HONEYPOT = "honeypot", _("rejected by the honeypot")

    day = models.DateField(_("day"))
    form = models.CharField(_("form"), max_length=50)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("form check outcome")
        verbose_name_plural = _("form check outcomes")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "form", "outcome"], name="one_form_check_count_a_day"
            )
        ]

    def __str__(self):
        return f"{self.day:%Y-%m-%d} {self.form} {self.outcome}: {self.count}"


class WorkerHeartbeat(models.Model):
    """The last sign of life of each running `manage.py db_worker` (portal.task_worker), which
    /readyz reads: a worker that stopped beating is gone even when no task waits for it.

    A worker writes its row every few seconds and deletes it when it exits; the row of a
    worker killed outright stays, its beat getting older, until a worker deletes it after
    HEARTBEAT_RETENTION. Not shown in the admin: it is an operator's signal, not content.
    """

    # django-tasks-db's worker id (host:pid:random, or --worker-id), at most 64 characters.
    worker_id = models.CharField(max_length=64, primary_key=True)
    started_at = models.DateTimeField()
    last_beat_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.worker_id} (last beat {self.last_beat_at:%Y-%m-%d %H:%M:%S})"
