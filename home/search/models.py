"""Searches that found nothing, counted per day for the editors' report."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from home.search.analysis import fold

_WORD = re.compile(r"\w+")


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


class SearchSynonym(TranslatableMixin, models.Model):
    """Words and abbreviations readers use for the same thing, applied to every search.

    A query holding one of the forms also finds pages with any other: "NNO" finds
    "nezisková organizace" and "neziskovka". Saving one bumps the site generation (every
    save in the home app does), which retires the cached list at once in every process.
    """

    forms = models.TextField(
        _("equivalent words"),
        max_length=1000,
        help_text=_(
            "Separated by commas: words, phrases and abbreviations that mean the same, "
            "for example “NNO, nezisková organizace, neziskovka”."
        ),
    )

    panels = [FieldPanel("forms")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return self.forms

    def folded_forms(self) -> list[str]:
        """The distinct folded phrases, each a space-separated run of words."""
        phrases = []
        for form in self.forms.split(","):
            phrase = " ".join(_WORD.findall(fold(form)))
            if phrase and phrase not in phrases:
                phrases.append(phrase)
        return phrases

    def clean(self):
        super().clean()
        if len(self.folded_forms()) < 2:
            raise ValidationError({"forms": _("Give at least two words that mean the same.")})


class SearchZeroFollow(models.Model):
    """How often a way forward from a search without results was taken, per day: no query,
    person or time kept, only which way ("via") it was."""

    via = models.CharField(_("way forward"), max_length=20)
    day = models.DateField(_("day"), db_index=True)
    count = models.PositiveIntegerField(_("times followed"), default=1)

    class Meta:
        verbose_name = _("way forward from a search without results")
        verbose_name_plural = _("ways forward from searches without results")
        constraints = [models.UniqueConstraint(fields=["via", "day"], name="one_follow_a_day")]

    def __str__(self):
        return self.via


class SearchWord(models.Model):
    """A word of the published pages, folded, as the "did you mean" suggestions know it.

    Built from the pages' own text (home.search.typos), so a suggestion is always a word
    some page holds; ``display`` is its commonest written form, with its diacritics.
    """

    language = models.CharField(_("language"), max_length=8)
    word = models.CharField(_("word"), max_length=60)
    display = models.CharField(_("written form"), max_length=60)

    class Meta:
        verbose_name = _("search vocabulary word")
        verbose_name_plural = _("search vocabulary")
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="one_word_per_language")
        ]

    def __str__(self):
        return self.display
