"""Which articles the form suggested and which a person followed: how many questions the
site's own content answered before anyone had to write."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .inquiries import Inquiry


class ArticleSuggestion(models.Model):
    # A random id the form carries from its first display to its submission; it identifies a
    # visit to the form, never a person.
    visit = models.CharField(max_length=32, db_index=True)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=10)
    shown_at = models.DateTimeField(_("shown"), default=timezone.now)
    followed_at = models.DateTimeField(_("followed"), null=True, blank=True)
    inquiry = models.ForeignKey(
        Inquiry,
        verbose_name=_("inquiry sent anyway"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions",
    )

    class Meta:
        verbose_name = _("article suggestion")
        verbose_name_plural = _("article suggestions")
        constraints = [
            models.UniqueConstraint(fields=["visit", "page"], name="one_suggestion_per_visit")
        ]

    def __str__(self):
        return f"{self.visit}: {self.page_id}"
