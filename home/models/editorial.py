"""Records kept for the editors: reminders already sent, and searches that found nothing."""

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


class SearchMiss(models.Model):
    """How often a (folded) query found nothing on a day: no person, address or time kept."""

    MAX_LENGTH = 100

    query = models.CharField(_("search query"), max_length=MAX_LENGTH)
    day = models.DateField(_("day"), db_index=True)
    count = models.PositiveIntegerField(_("searches"), default=1)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [models.UniqueConstraint(fields=["query", "day"], name="one_miss_a_day")]

    def __str__(self):
        return self.query
