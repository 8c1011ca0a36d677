"""Fields and behaviour shared by the guidance page types."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.search import index

from home.search.analysis import DEFAULT_LANGUAGE, fold, stem_text

# Every rendition a listing card or a social preview asks for; prefetched in one query.
CARD_RENDITION = "fill-640x360|format-webp"
CARD_RENDITION_FILTERS = ["fill-640x360|format-webp", "fill-1200x630"]


class TeaserMixin(models.Model):
    """What listings, cards, feeds and social previews show of a page."""

    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("One or two sentences shown in listings, search results and previews."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    teaser_panels = [FieldPanel("summary"), FieldPanel("listing_image")]

    class Meta:
        abstract = True

    @property
    def meta_description(self) -> str:
        return self.search_description or self.summary


class ChangeDateMixin(models.Model):
    """When a snippet last changed: the translation report compares it with the last sync."""

    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        abstract = True


class SearchableMixin(models.Model):
    """Adds folded and stemmed copies of the page's text to the search index.

    Wagtail indexes the title and the body as the editor wrote them; queries are folded
    (``home.search.analysis``), so the folded copies are what a query meets. Their boosts
    rank, on PostgreSQL, the exact title above its stems, above the exact body, above the
    body's stems (``home.search.hits``): Wagtail maps at most four boosts to PostgreSQL's
    weights A-D, and 10 (document titles) and 2 (page titles) are Wagtail's own.
    """

    search_fields = [
        index.SearchField("search_title_folded", boost=10),
        index.SearchField("search_title_stems", boost=2),
        index.SearchField("folded_search_text", boost=1),
        index.SearchField("search_body_stems"),
    ]

    class Meta:
        abstract = True

    @classmethod
    def get_indexed_objects(cls):
        # The stems depend on the page's language: without this, re-indexing asked the
        # database for each page's locale, one query a page.
        return super().get_indexed_objects().select_related("locale")

    def searchable_parts(self) -> list[str]:
        parts = [self.title, getattr(self, "summary", "")]
        body = getattr(self, "body", None)
        if body is not None:
            parts.extend(body.stream_block.get_searchable_content(body))
        return parts

    def _search_body(self) -> str:
        parts = self.searchable_parts()
        if parts and parts[0] == self.title:
            parts = parts[1:]
        return " ".join(part for part in parts if part)

    def search_language(self) -> str:
        return self.locale.language_code if self.locale_id else DEFAULT_LANGUAGE

    def search_title_folded(self) -> str:
        return fold(self.title or "")

    def search_title_stems(self) -> str:
        return stem_text(self.title or "", self.search_language())

    def folded_search_text(self) -> str:
        return fold(self._search_body())

    def search_body_stems(self) -> str:
        return stem_text(self._search_body(), self.search_language())


def with_card_images(queryset):
    """Listing querysets fetch each card's image and its renditions without N+1 queries."""
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__in=CARD_RENDITION_FILTERS)
    )
    return queryset.select_related("listing_image").prefetch_related(
        Prefetch("listing_image__renditions", queryset=renditions)
    )


class ReviewMixin(models.Model):
    """Who answers for a guidance page and when it was last checked, as NHS.UK shows it.

    The owner is a staff account (reminders go to it); the public sees the team's name,
    never a person's account.
    """

    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("content owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person reminded when the page is due for review."),
    )
    owner_team = models.CharField(
        _("responsible team"),
        max_length=120,
        blank=True,
        help_text=_("Shown to readers, for example “Methodology team”."),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        help_text=_("Left empty, it is set to a year after the last review."),
    )

    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("content_owner"),
                FieldPanel("owner_team"),
                FieldPanel("last_reviewed"),
                FieldPanel("next_review_due"),
            ],
            heading=_("Review"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.last_reviewed and not self.next_review_due:
            self.next_review_due = self.last_reviewed + timedelta(
                days=settings.REVIEW_INTERVAL_DAYS
            )
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due < self.last_reviewed
        ):
            raise ValidationError(
                {"next_review_due": _("The next review cannot come before the last one.")}
            )

    def review_overdue(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return bool(self.next_review_due and self.next_review_due < today)
