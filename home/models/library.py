"""The document library: every listed document, filtered by type, audience, topic, year and
language, with RSS and Atom feeds of the filtered list (home.library_feeds)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .mixins import ReviewMixin
from .pages import paginate
from .taxonomy import Audience, Topic


def feed_urls(query: str) -> dict:
    from django.urls import reverse

    suffix = f"?{query}" if query else ""
    return {
        "rss": reverse("feed-documents-rss") + suffix,
        "atom": reverse("feed-documents-atom") + suffix,
    }


class DocumentLibraryPage(ReviewMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), *ReviewMixin.review_panels]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("document library")

    def filter_form(self, request):
        from home.library import LibraryFilterForm, document_years

        return LibraryFilterForm(
            request.GET,
            topics=list(Topic.objects.filter(locale_id=self.locale_id)),
            audiences=list(Audience.objects.filter(locale_id=self.locale_id)),
            years=document_years(),
            reader_language=self.locale.language_code,
        )

    def filtered_documents(self, form):
        from home.library import library_documents

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
