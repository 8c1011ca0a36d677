"""The glossary of the field's terms, and the page that lists it from A to Z."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from home.pages.mixins import ChangeDateMixin, ReviewMixin, SearchableMixin
from home.search.analysis import fold
from portal.abuse import searching_too_often, too_many_requests


class GlossaryTerm(TranslatableMixin, ChangeDateMixin, index.Indexed, models.Model):
    term = models.CharField(_("term"), max_length=120)
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("The anchor of the term on the glossary page.")
    )
    definition = RichTextField(_("definition"), features=["bold", "italic", "link"])
    synonyms = models.CharField(
        _("other forms and abbreviations"),
        max_length=500,
        blank=True,
        help_text=_(
            "Separated by commas: abbreviations and inflected forms that articles use, "
            "for example “sociálního bytu, sociální byty”."
        ),
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("slug"),
        FieldPanel("definition"),
        FieldPanel("synonyms"),
    ]
    search_fields = [index.SearchField("term"), index.AutocompleteField("term")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_glossary_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.term

    def clean(self):
        # The locale is not a form field, so the form's own unique check leaves it out.
        super().clean()
        taken = GlossaryTerm.objects.filter(locale_id=self.locale_id, slug=self.slug)
        if self.locale_id and taken.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"slug": _("Another term in this language already has this slug.")}
            )

    @property
    def forms(self) -> list[str]:
        """The term and every other form an article may use, longest first."""
        others = [part.strip() for part in self.synonyms.split(",")]
        return sorted({self.term.strip(), *filter(None, others)}, key=len, reverse=True)

    @property
    def short_definition(self) -> str:
        return Truncator(strip_tags(self.definition)).chars(160)

    @property
    def letter(self) -> str:
        return fold(self.term[:1]).upper() or "#"


class GlossaryPage(SearchableMixin, ReviewMixin, Page):
    # Folded and stemmed title (and text) in the index: home.pages.mixins.SearchableMixin.
    search_fields = [*Page.search_fields, *SearchableMixin.search_fields]
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), *ReviewMixin.review_panels]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("glossary")

    def serve(self, request, *args, **kwargs):
        if request.GET.get("q", "").strip() and searching_too_often(request):
            return too_many_requests(request, retry_after=60)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = list(GlossaryTerm.objects.filter(locale_id=self.locale_id))
        # Diacritics folded: "Č" files under "C", as readers scanning the A to Z expect.
        terms.sort(key=lambda term: fold(term.term).lower())
        query = request.GET.get("q", "").strip()[:100]
        if query:
            wanted = fold(query).lower()
            terms = [
                term
                for term in terms
                if wanted in fold(" ".join([term.term, term.synonyms, term.definition])).lower()
            ]
        letters: dict[str, list] = {}
        for term in terms:
            letters.setdefault(term.letter, []).append(term)
        context.update({"query": query, "terms": terms, "letters": letters})
        return context
