"""Canned answers: text staff start a reply from, in the requester's language, with links
to the pages that answer the question."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin

from home.pages.mixins import ChangeDateMixin


class CannedAnswer(TranslatableMixin, ChangeDateMixin, models.Model):
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"), help_text=_("Plain text; the links below are added after it.")
    )
    links = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        verbose_name=_("links to pages"),
        blank=True,
    )

    panels = [FieldPanel("title"), FieldPanel("body"), FieldPanel("links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("canned answer")
        verbose_name_plural = _("canned answers")
        ordering = ["title"]

    def __str__(self):
        return self.title
