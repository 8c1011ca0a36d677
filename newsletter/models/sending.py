"""Sends of a bulletin issue and their per-recipient deliveries.

One Delivery per (send, subscriber) under a unique constraint is the ledger that makes
sending resumable: whatever happens to a worker, the table says who has been sent what.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Send(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        SENDING = "sending", _("sending")
        PAUSED = "paused", _("paused")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")

    page = models.ForeignKey(
        "newsletter.BulletinPage",
        verbose_name=_("issue"),
        on_delete=models.PROTECT,
        related_name="sends",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    scheduled_for = models.DateTimeField(_("send at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("send")
        verbose_name_plural = _("sends")
        ordering = ["-created_at"]
        permissions = [("send_bulletin", _("Can send bulletin issues"))]
        constraints = [
            # An issue goes out once: a second send would mail everyone again.
            models.UniqueConstraint(
                fields=["page"],
                condition=~models.Q(status="cancelled"),
                name="one_send_per_issue",
            )
        ]

    def __str__(self):
        return f"{self.page} ({self.get_status_display()})"


class SendContent(models.Model):
    """The issue as rendered for one language when the send started: every recipient of a
    language gets the same text even if editors change the page meanwhile."""

    send = models.ForeignKey(Send, on_delete=models.CASCADE, related_name="contents")
    language = models.CharField(max_length=10)
    subject = models.CharField(max_length=300)
    html = models.TextField()
    text = models.TextField()
    archive_url = models.URLField(max_length=500)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["send", "language"], name="one_content_per_language")
        ]

    def __str__(self):
        return f"{self.send_id}/{self.language}: {self.subject}"


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        BOUNCED = "bounced", _("bounced")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed before sending")

    # No index of its own: one_delivery_per_person starts with send and serves its lookups,
    # and every index is written again on each claim and each acknowledgement.
    send = models.ForeignKey(
        Send, on_delete=models.CASCADE, related_name="deliveries", db_index=False
    )
    # Kept (without the person) when a subscriber is erased, so the send's figures stay true.
    subscriber = models.ForeignKey(
        "newsletter.Subscriber", null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    language = models.CharField(max_length=10)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=100, blank=True)
    message_id = models.CharField(max_length=300, blank=True)
    error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["send", "subscriber"], name="one_delivery_per_person")
        ]
        indexes = [
            # Partial, so that rows stop being indexed here once they are sent (claims, the
            # reaper and the finish check look only for waiting ones), and a message id is
            # indexed once there is one: fewer index writes per claim and acknowledgement.
            models.Index(
                fields=["send", "status", "next_attempt_at"],
                name="delivery_due",
                condition=models.Q(status__in=["pending", "sending"]),
            ),
            models.Index(
                fields=["message_id"],
                name="delivery_message_id",
                condition=~models.Q(message_id=""),
            ),
        ]

    def __str__(self):
        return f"{self.send_id}/{self.subscriber_id}: {self.status}"
