"""Topics and audiences: translatable snippets editors manage, and the pages to browse them."""

from django.db import models
from django.db.models import Count, Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from home.frame.i18n import untranslated_url, versions_from_urls
from home.frame.navigation import index_pages, locale_ids
from home.pages.mixins import ChangeDateMixin, SearchableMixin
from home.pages.models import ArticlePage, NewsPage, live_in_locale, paginate


class TaxonomyTerm(TranslatableMixin, ChangeDateMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("The last part of the term's web address.")
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Topic(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale")
        ]


class Audience(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_audience_slug_per_locale"
            )
        ]


class PageTopic(TranslatableMixin, Orderable):
    # Translatable so that wagtail-localize points a translated page at the translated topic.
    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="page_topics")
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="page_links"
    )

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("page topic")


class PageAudience(TranslatableMixin, Orderable):
    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="page_audiences")
    audience = models.ForeignKey(
        Audience, verbose_name=_("audience"), on_delete=models.CASCADE, related_name="page_links"
    )

    panels = [FieldPanel("audience")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("page audience")


class TaxonomyIndexPage(SearchableMixin, RoutablePageMixin, Page):
    """Lists the terms of one taxonomy; /<slug>/ lists the guidance filed under a term."""

    # Folded and stemmed title (and text) in the index: home.pages.mixins.SearchableMixin.
    search_fields = [*Page.search_fields, *SearchableMixin.search_fields]

    # Its routes' arguments (a topic, an audience, a place) are public: the route cache may
    # remember them (portal.caching.routes).
    route_arguments_are_public = True

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    # Both taxonomies share their templates: the markup differs only in words.
    index_template = "home/taxonomy_index_page.html"
    term_template = "home/taxonomy_term_page.html"

    term_model: type[TaxonomyTerm]
    link_lookup: str  # from a page to its terms, for example "page_topics__topic"

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        return self.index_template

    def term_url(self, term, request=None) -> str:
        # With the request, Wagtail reads the sites' root paths once per request rather than
        # once per index page instance (a round trip to the cache each).
        return self.get_url(request) + self.reverse_subpage("term", args=[term.slug])

    def terms_with_counts(self):
        live_links = Q(page_links__page__live=True)
        return self.term_model.objects.filter(locale_id=self.locale_id).annotate(
            page_count=Count("page_links__page", filter=live_links, distinct=True)
        )

    def term_language_versions(self, request, term):
        """The same term in each language: its translation on that language's index page."""
        codes = {pk: code for code, pk in locale_ids(request).items()}
        urls = {}
        for translated in self.term_model.objects.filter(translation_key=term.translation_key):
            index = index_pages(request, translated.locale_id).get(self.specific_class)
            if index is not None:
                urls[codes[translated.locale_id]] = index.specific_deferred.term_url(
                    translated, request
                )
        return versions_from_urls(urls, fallback=lambda code: untranslated_url(code, self))

    @path("")
    def index(self, request):
        return self.render(request, context_overrides={"terms": self.terms_with_counts()})

    @path("<slug:slug>/", name="term")
    def term(self, request, slug):
        term = self.term_model.objects.filter(locale_id=self.locale_id, slug=slug).first()
        if term is None:
            raise Http404
        lookup = {self.link_lookup: term}
        articles = live_in_locale(ArticlePage, self.locale_id).filter(**lookup)
        news = live_in_locale(NewsPage, self.locale_id).filter(**lookup)
        return self.render(
            request,
            template=self.term_template,
            context_overrides={
                "term": term,
                "term_crumb": (term.name, request.path),
                "language_versions": self.term_language_versions(request, term),
                "articles": paginate(request, articles.order_by("-first_published_at", "-pk")),
                "news": news.order_by("-date", "-pk")[:6],
            },
        )


class TopicIndexPage(TaxonomyIndexPage):
    term_model = Topic
    link_lookup = "page_topics__topic"

    class Meta:
        verbose_name = _("topic index")


class AudienceIndexPage(TaxonomyIndexPage):
    term_model = Audience
    link_lookup = "page_audiences__audience"

    class Meta:
        verbose_name = _("audience index")
