"""What the public picks when they ask: topics, translated, each pointing to a queue."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from home.pages.mixins import ChangeDateMixin
from portal.locales import in_language_or_default

from .i18n import one_per_translation
from .queues import Queue


class InquiryTopicQuerySet(models.QuerySet):
    def for_language(self, language_code) -> list["InquiryTopic"]:
        """Every topic once, in the reader's language or in Czech, in the editors' order."""
        topics = one_per_translation(self.select_related("locale", "queue"), language_code)
        return sorted(topics, key=lambda topic: (topic.sort_order, topic.name))


class InquiryTopic(TranslatableMixin, ChangeDateMixin, models.Model):
    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(
        _("hint"), max_length=300, blank=True, help_text=_("Shown under the topic in the form.")
    )
    queue = models.ForeignKey(
        Queue, verbose_name=_("queue"), on_delete=models.PROTECT, related_name="topics"
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = InquiryTopicQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("queue"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("inquiry topic")
        verbose_name_plural = _("inquiry topics")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def in_language(self, language_code) -> "InquiryTopic":
        """This topic as a reader of that language sees it (Czech without a translation)."""
        if self.locale.language_code == language_code:
            return self
        translations = InquiryTopic.objects.filter(translation_key=self.translation_key)
        return in_language_or_default(translations, language_code) or self
