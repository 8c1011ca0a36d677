"""Audience entry points and the guidance pages under them: FAQ and the help signpost.

HomePage -> AudienceLandingPage ("Jsem obec") -> FaqPage, HelpSignpostPage
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from home.guidance.blocks import FaqQuestionBlock, SituationGroupBlock
from home.guidance.feeds import AudienceAtomFeed, AudienceRssFeed
from home.guidance.views import landing_context, signpost_context
from home.library.filters import library_documents
from home.pages.mixins import ReviewMixin, SearchableMixin
from home.pages.models import ArticlePage, live_in_locale
from home.pages.querysets import published
from home.taxonomy.models import Audience, Topic


class AudienceLandingPage(SearchableMixin, ReviewMixin, RoutablePageMixin, Page):
    """One audience's way in: its articles by topic, its FAQ and guides, later its documents."""

    # Folded and stemmed title (and text) in the index: home.pages.mixins.SearchableMixin.
    search_fields = [*Page.search_fields, *SearchableMixin.search_fields]

    # Its routes' arguments (a topic, an audience, a place) are public: the route cache may
    # remember them (portal.caching.routes).
    route_arguments_are_public = True

    audience = models.ForeignKey(
        Audience,
        verbose_name=_("audience"),
        on_delete=models.PROTECT,
        related_name="landing_pages",
        help_text=_("Articles for this audience are listed here; one page per audience."),
    )
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("audience"),
        FieldPanel("intro"),
        *ReviewMixin.review_panels,
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.FaqPage", "home.HelpSignpostPage"]

    class Meta:
        verbose_name = _("audience entry point")
        verbose_name_plural = _("audience entry points")

    def clean(self):
        super().clean()
        if self.audience_id and self.locale_id and self.audience.locale_id != self.locale_id:
            raise ValidationError({"audience": _("Choose the audience in this page's language.")})
        others = AudienceLandingPage.objects.filter(audience_id=self.audience_id).exclude(
            pk=self.pk
        )
        if self.audience_id and others.exists():
            raise ValidationError(
                {
                    "audience": _("This audience already has an entry point: %(title)s.")
                    % {"title": others.first().title}
                }
            )

    def topics(self):
        return Topic.objects.filter(locale_id=self.locale_id)

    def articles(self, topic=None):
        articles = live_in_locale(ArticlePage, self.locale_id).filter(
            page_audiences__audience_id=self.audience_id
        )
        if topic is not None:
            articles = articles.filter(page_topics__topic=topic)
        return articles.distinct().order_by("-first_published_at", "-pk")

    def guides(self):
        """The FAQ and the signpost filed under this entry point."""
        children = published(self.get_children()).specific().order_by("path")
        return list(children)

    def audience_documents(self, topic=None, limit=6):
        """The newest library documents for this audience (and topic) in the reader's
        language. Documents are filed under the Czech terms; the translation key finds them
        from a term in any language."""
        documents = library_documents().filter(
            language=self.locale.language_code,
            audiences__translation_key=self.audience.translation_key,
        )
        if topic is not None:
            documents = documents.filter(topics__translation_key=topic.translation_key)
        return list(documents.distinct()[:limit])

    @path("")
    def index(self, request):
        return self.render(request, context_overrides=landing_context(self, request))

    @path("feed/rss/", name="feed-rss")
    def feed_rss(self, request):
        return AudienceRssFeed()(request, landing=self)

    @path("feed/atom/", name="feed-atom")
    def feed_atom(self, request):
        return AudienceAtomFeed()(request, landing=self)


class FaqPage(ReviewMixin, SearchableMixin, Page):
    """Numbered questions and answers for one audience, each with its own address."""

    intro = models.TextField(_("introduction"), blank=True)
    questions = StreamField(
        [("question", FaqQuestionBlock())], verbose_name=_("questions"), min_num=1
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("questions"),
        *ReviewMixin.review_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("questions"),
        *SearchableMixin.search_fields,
    ]
    parent_page_types = ["home.AudienceLandingPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("FAQ page")
        verbose_name_plural = _("FAQ pages")

    @property
    def summary(self) -> str:
        return self.intro

    def searchable_parts(self):
        parts = [self.title, self.intro]
        for block in self.questions:
            parts += [block.value["question"], strip_tags(block.value["answer"].source)]
        return parts

    def numbered_questions(self):
        """(number, anchor, value) of each question, numbered from 1 as readers cite them."""
        # The anchor is a word of the page's language: /caste-otazky/#otazka-5.
        prefix = pgettext("anchor", "question")
        return [
            (number, f"{prefix}-{number}", block.value)
            for number, block in enumerate(self.questions, start=1)
        ]

    def structured_data(self, request) -> list[dict]:
        return [
            {
                "@type": "FAQPage",
                "@id": request.build_absolute_uri(self.url) + "#faq",
                "name": self.title,
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": value["question"],
                        "url": request.build_absolute_uri(self.url) + f"#{anchor}",
                        "acceptedAnswer": {
                            "@type": "Answer",
                            "text": strip_tags(expand_db_html(value["answer"].source)).strip(),
                        },
                    }
                    for _number, anchor, value in self.numbered_questions()
                ],
            }
        ]


class HelpSignpostPage(ReviewMixin, SearchableMixin, Page):
    """Plain words for people who lost or may lose their home: what to do, whom to call."""

    intro = models.TextField(_("introduction"), blank=True)
    situations = StreamField(
        [("group", SituationGroupBlock())], verbose_name=_("situations"), min_num=1
    )
    contact_centre = models.ForeignKey(
        "home.ContactCentre",
        verbose_name=_("contact centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("situations"),
        FieldPanel("contact_centre"),
        *ReviewMixin.review_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("situations"),
        *SearchableMixin.search_fields,
    ]
    parent_page_types = ["home.AudienceLandingPage", "home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("help signpost")
        verbose_name_plural = _("help signposts")

    @property
    def summary(self) -> str:
        return self.intro

    def searchable_parts(self):
        parts = [self.title, self.intro]
        for group in self.situations:
            parts.append(group.value["heading"])
            for situation in group.value["situations"]:
                parts += [situation["title"], situation["description"], *situation["steps"]]
        return parts

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(signpost_context(self, request))
        return context
