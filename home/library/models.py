"""The document library: every listed document, filtered by type, audience, topic, year and
language, with RSS and Atom feeds of the filtered list (home.library.feeds)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from home.library.filters import LibraryFilterForm, document_years, library_documents
from home.pages.mixins import ReviewMixin, SearchableMixin
from home.pages.models import paginate
from home.taxonomy.models import Audience, Topic


def feed_urls(query: str) -> dict:
    from django.urls import reverse

    suffix = f"?{query}" if query else ""
    return {
        "rss": reverse("feed-documents-rss") + suffix,
        "atom": reverse("feed-documents-atom") + suffix,
    }


class DocumentLibraryPage(SearchableMixin, ReviewMixin, Page):
    # Folded and stemmed title (and text) in the index: home.pages.mixins.SearchableMixin.
    search_fields = [*Page.search_fields, *SearchableMixin.search_fields]
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), *ReviewMixin.review_panels]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("document library")

    def filter_form(self, request):
        return LibraryFilterForm(
            request.GET,
            topics=list(Topic.objects.filter(locale_id=self.locale_id)),
            audiences=list(Audience.objects.filter(locale_id=self.locale_id)),
            years=document_years(),
            reader_language=self.locale.language_code,
        )

    def filtered_documents(self, form):
        return form.filter(library_documents())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.filter_form(request)
        documents = self.filtered_documents(form)
        query = form.query_string()
        context.update(
            {
                "filter_form": form,
                "documents": paginate(request, documents),
                "filter_query": query,
                "feed_urls": feed_urls(query),
            }
        )
        return context
