"""Records kept for the editors: the review reminders already sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewReminder(models.Model):
    """One weekly reminder to one content owner; the row is what makes the weekly command
    safe to run twice (the unique week is claimed in the same transaction as the e-mail)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("content owner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    week = models.DateField(_("week starting"))
    page_count = models.PositiveIntegerField(_("pages listed"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")
        constraints = [
            models.UniqueConstraint(fields=["owner", "week"], name="one_review_reminder_a_week")
        ]

    def __str__(self):
        return f"{self.owner_id} {self.week:%Y-%m-%d}"
