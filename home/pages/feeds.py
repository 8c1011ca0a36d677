"""RSS and Atom feeds of articles and news, in the language of the URL they are read at."""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from home.pages.models import ArticlePage, NewsPage
from home.pages.querysets import published

FEED_SIZE = 20


class _GuidanceFeed(Feed):
    model = None
    ordering = ("-first_published_at", "-pk")

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return "/"

    def items(self):
        return (
            published(self.model.objects.all())
            .filter(locale__language_code=get_language())
            .order_by(*self.ordering)[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at


class ArticlesRssFeed(_GuidanceFeed):
    model = ArticlePage
    title = _("Social housing: methodology and guidance")
    description = _("New and updated articles on the social housing portal.")


class ArticlesAtomFeed(ArticlesRssFeed):
    feed_type = Atom1Feed
    subtitle = ArticlesRssFeed.description


class NewsRssFeed(_GuidanceFeed):
    model = NewsPage
    ordering = ("-date", "-pk")
    title = _("Social housing: news")
    description = _("News from the social housing programme.")

    def item_pubdate(self, item):
        return timezone.make_aware(
            timezone.datetime.combine(item.date, timezone.datetime.min.time())
        )


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
