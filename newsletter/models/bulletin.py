"""Issues of the bulletin are pages: drafts, preview, revisions, workflow, translation, and a
public archive come from Wagtail.

Models are the bottom of the app: they import no other newsletter module but the models.
The archive page's sign-up form comes from a template tag (newsletter_tags), and its RSS
feed, which is one of the page's routes, is defined here.
"""

from django.contrib.syndication.views import Feed
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.pages.models import paginate
from home.search.analysis import clean_query, fold, query_terms, stem_text
from home.search.hits import wagtail_query
from portal.abuse import searching_too_often, too_many_requests

from .sending import Send

TEASER_PAGE_TYPES = ["home.ArticlePage", "home.NewsPage"]


class ArticleTeaserBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Article"), page_type=TEASER_PAGE_TYPES)
    summary = blocks.TextBlock(
        label=_("Summary"),
        required=False,
        help_text=_("Leave empty to use the article's own summary."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Article teaser")
        template = "newsletter/blocks/article_teaser.html"
        description = _("Title, summary, image and link of a published article, filled in for you.")


class BulletinStreamBlock(blocks.StreamBlock):
    teaser = ArticleTeaserBlock()
    text = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "ol", "ul"],
        template="blocks/paragraph_block.html",
    )


class BulletinIndexPage(RoutablePageMixin, Page):
    """The bulletin's own page: the sign-up form and the archive of sent issues."""

    # Its routes' arguments (a topic, an audience, a place) are public: the route cache may
    # remember them (portal.caching.routes).
    route_arguments_are_public = True

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletter.BulletinPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("bulletin")

    def sent_issues(self):
        sent = Send.objects.filter(status__in=[Send.Status.SENDING, Send.Status.DONE])
        sent_keys = list(sent.values_list("page__translation_key", flat=True).distinct())
        issues = BulletinPage.objects.child_of(self).live().public()
        return issues.filter(translation_key__in=sent_keys)

    @path("")
    def archive(self, request):
        query = clean_query(request.GET.get("q", ""))
        issues = self.sent_issues()
        terms = query_terms(query)
        if terms and searching_too_often(request):
            return too_many_requests(request, retry_after=60)
        if terms:
            # The site search's analysis: inflected forms, synonyms (home.search).
            issues = issues.search(wagtail_query(query, get_language()))
        else:
            issues = issues.order_by("-issue_date", "-pk")
        return self.render(
            request,
            context_overrides={
                "issues": paginate(request, issues),
                "query": query,
                "query_string": f"q={query}" if query else "",
            },
        )

    @path("feed/", name="feed")
    def feed(self, request):
        return BulletinFeed(self)(request)


class BulletinPage(Page):
    issue_date = models.DateField(_("issue date"))
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link", "ol", "ul"])
    body = StreamField(BulletinStreamBlock(), verbose_name=_("contents"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("issue_date"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("folded_search_text"),
        index.SearchField("search_body_stems"),
        index.FilterField("translation_key"),
    ]
    parent_page_types = ["newsletter.BulletinIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("bulletin issue")
        verbose_name_plural = _("bulletin issues")

    def _searchable_text(self) -> str:
        parts = [self.title, strip_tags(self.intro)]
        parts.extend(self.body.stream_block.get_searchable_content(self.body))
        return " ".join(part for part in parts if part)

    def folded_search_text(self) -> str:
        return fold(self._searchable_text())

    def search_body_stems(self) -> str:
        return stem_text(self._searchable_text(), self.locale.language_code)


class BulletinFeed(Feed):
    """RSS of the issues sent so far, in the archive's language."""

    title = _("Social housing bulletin")
    description = _("Issues of the social housing bulletin (Zpravodaj).")

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return self.index_page.url

    def items(self):
        return self.index_page.sent_issues().order_by("-issue_date", "-pk")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return strip_tags(item.intro)

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at
