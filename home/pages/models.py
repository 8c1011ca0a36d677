"""Page types of the guidance site and the tree they may form.

HomePage -> SectionPage (methodology, guidance) -> ArticlePage
         -> NewsIndexPage -> NewsPage
         -> TopicIndexPage, AudienceIndexPage (browse by taxonomy)
         -> StandardPage (about, privacy ...)
         -> AudienceLandingPage -> FaqPage, HelpSignpostPage; HelpPointDirectoryPage
"""

from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.pages.blocks import GuidanceStreamBlock, headings_with_anchors, table_of_contents
from home.pages.mixins import ReviewMixin, SearchableMixin, TeaserMixin, with_card_images
from home.pages.querysets import published
from portal.caching.cacheable_query import query_chose

LISTING_PAGE_SIZE = 12


def paginate(request, queryset, per_page=LISTING_PAGE_SIZE):
    # get_page() turns a missing, non-numeric or out-of-range ?page= into a valid page; only
    # the canonical number of a page after the first may be cached under its query.
    asked = request.GET.get("page")
    page = Paginator(queryset, per_page).get_page(asked)
    if page.number > 1 and asked == str(page.number):
        query_chose(request, "page", asked)
    return page


def subpage_url(page, name, query="") -> str:
    """A route's address with the filters in force, /kontaktni-mista/export/csv/?kraj=praha."""
    url = page.url + page.reverse_subpage(name)
    return f"{url}?{query}" if query else url


def live_in_locale(model, locale_id):
    return with_card_images(published(model.objects.filter(locale_id=locale_id)))


class SectionPage(SearchableMixin, Page):
    """A section of guidance, for example "Metodika", listing its articles."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        *SearchableMixin.search_fields,
    ]

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = ["home.ArticlePage", "home.SectionPage", "home.StandardPage"]

    class Meta:
        verbose_name = _("section")

    def searchable_parts(self):
        return [self.title, self.intro]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = live_in_locale(ArticlePage, self.locale_id).child_of(self)
        context["articles"] = paginate(request, articles.order_by("-first_published_at", "-pk"))
        context["subsections"] = published(SectionPage.objects.child_of(self))
        return context


class GuidancePage(SearchableMixin, TeaserMixin, Page):
    """Common ground of articles and news: teaser, body, taxonomy and related pages."""

    body = StreamField(GuidanceStreamBlock(), verbose_name=_("body"), blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        *SearchableMixin.search_fields,
    ]
    taxonomy_panels = [
        MultiFieldPanel(
            [
                InlinePanel("page_topics", label=_("Topic")),
                InlinePanel("page_audiences", label=_("Audience")),
            ],
            heading=_("Topics and audiences"),
        ),
        InlinePanel("related_pages", label=_("Related article"), max_num=6),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template renders the body, the tags and the related cards inside a page
        # fragment (portal.caching.fragments), so while it is kept none of this runs.
        body_blocks = SimpleLazyObject(lambda: headings_with_anchors(self.body))
        context["body_blocks"] = body_blocks
        context["toc"] = SimpleLazyObject(lambda: table_of_contents(body_blocks))
        context["topics"] = SimpleLazyObject(
            lambda: [link.topic for link in self.page_topics.select_related("topic")]
        )
        context["audiences"] = SimpleLazyObject(
            lambda: [link.audience for link in self.page_audiences.select_related("audience")]
        )
        context["related"] = SimpleLazyObject(self.related_live_pages)
        return context

    def related_live_pages(self):
        """The editor's picks, in this page's language: a translated page points at the
        same picks as its source, so each pick is shown in its translation when live."""
        keys = [link.page.translation_key for link in self.related_pages.select_related("page")]
        if not keys:
            return []
        found = {}
        for model in (ArticlePage, NewsPage):
            candidates = published(model.objects.filter(translation_key__in=keys))
            for page in with_card_images(candidates.filter(locale_id=self.locale_id)):
                found[page.translation_key] = page
        return [found[key] for key in keys if key in found]


class ArticlePage(ReviewMixin, GuidancePage):
    """A methodology or guidance article."""

    content_panels = [
        *Page.content_panels,
        *TeaserMixin.teaser_panels,
        FieldPanel("body"),
        *GuidancePage.taxonomy_panels,
        *ReviewMixin.review_panels,
    ]

    parent_page_types = ["home.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")


class NewsIndexPage(SearchableMixin, Page):
    # Folded and stemmed title (and text) in the index: home.pages.mixins.SearchableMixin.
    search_fields = [*Page.search_fields, *SearchableMixin.search_fields]
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = live_in_locale(NewsPage, self.locale_id).child_of(self).order_by("-date", "-pk")
        context["news"] = paginate(request, news)
        return context


class NewsPage(GuidancePage):
    date = models.DateField(_("date"), help_text=_("The date the news is about or was issued."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        *TeaserMixin.teaser_panels,
        FieldPanel("body"),
        *GuidancePage.taxonomy_panels,
    ]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")


class StandardPage(SearchableMixin, Page):
    """A plain page: about the programme, privacy notice, accessibility statement."""

    body = StreamField(GuidanceStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body"), *SearchableMixin.search_fields]
    parent_page_types = ["home.HomePage", "home.SectionPage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["body_blocks"] = headings_with_anchors(self.body)
        context["toc"] = table_of_contents(context["body_blocks"])
        return context


class RelatedPage(Orderable):
    """An editor's pick of a related article, in the order the editor chose."""

    source = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page", ["home.ArticlePage", "home.NewsPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
