"""The root of each language's tree: the home page, with the newest guidance and the ways in."""

from django.conf import settings
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from home.frame.navigation import index_pages
from home.pages.models import ArticlePage, NewsIndexPage, NewsPage, SectionPage, live_in_locale
from home.pages.querysets import published
from home.taxonomy.models import Audience, AudienceIndexPage, Topic, TopicIndexPage


class HomePage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    # Feature apps (the bulletin, the contact centre) add their page types through settings,
    # so that this app never imports them.
    subpage_types = [
        "home.SectionPage",
        "home.NewsIndexPage",
        "home.TopicIndexPage",
        "home.AudienceIndexPage",
        "home.StandardPage",
        "home.AudienceLandingPage",
        "home.HelpSignpostPage",
        "home.HelpPointDirectoryPage",
        "home.DocumentLibraryPage",
        "home.GlossaryPage",
        "home.AccessibilityStatementPage",
        *settings.HOME_PAGE_FEATURE_CHILDREN,
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template renders these listings inside a shared fragment
        # (portal.caching.fragments), so while the fragment is kept they are never read and
        # building their querysets would be the larger part of the page's cost.
        locale_id = self.locale_id
        context["sections"] = SimpleLazyObject(
            lambda: published(SectionPage.objects.child_of(self)).in_menu()
        )
        context["newest_articles"] = SimpleLazyObject(
            lambda: live_in_locale(ArticlePage, locale_id).order_by("-first_published_at", "-pk")[
                :6
            ]
        )
        context["latest_news"] = SimpleLazyObject(
            lambda: live_in_locale(NewsPage, locale_id).order_by("-date", "-pk")[:3]
        )
        indexes = index_pages(request, locale_id)
        context["news_index"] = indexes.get(NewsIndexPage)
        context["topic_index"] = indexes.get(TopicIndexPage)
        context["audience_index"] = indexes.get(AudienceIndexPage)
        context["topics"] = SimpleLazyObject(lambda: Topic.objects.filter(locale_id=locale_id))
        context["audiences"] = SimpleLazyObject(
            lambda: Audience.objects.filter(locale_id=locale_id)
        )
        return context
