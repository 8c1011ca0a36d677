"""Fields and behaviour shared by the guidance page types."""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model
from wagtail.search import index

from home.search import fold

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
    """Adds a diacritic-folded copy of the page's text to the search index."""

    search_fields = [index.SearchField("folded_search_text")]

    class Meta:
        abstract = True

    def searchable_parts(self) -> list[str]:
        parts = [self.title, getattr(self, "summary", "")]
        body = getattr(self, "body", None)
        if body is not None:
            parts.extend(body.stream_block.get_searchable_content(body))
        return parts

    def folded_search_text(self) -> str:
        return fold(" ".join(part for part in self.searchable_parts() if part))


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
