"""Searches that found nothing, counted per day for the editors' report."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
