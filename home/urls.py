"""Public, language-prefixed views of the content app (pages themselves are Wagtail's)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from home.accessibility.views import accessibility_statement
from home.frame.views import untranslated
from home.library import feeds as library_feeds
from home.pages import feeds
from home.search.views import search, search_next

urlpatterns = [
    path(_("search/"), search, name="search"),
    path(_("search/next/"), search_next, name="search-next"),
    path(_("not-translated/<int:page_id>/"), untranslated, name="untranslated"),
    path(
        # Not the statement's own slug: this address only leads to it.
        _("accessibility/"),
        accessibility_statement,
        name="accessibility-statement",
    ),
    path("feeds/articles.rss", feeds.ArticlesRssFeed(), name="feed-articles-rss"),
    path("feeds/articles.atom", feeds.ArticlesAtomFeed(), name="feed-articles-atom"),
    path("feeds/news.rss", feeds.NewsRssFeed(), name="feed-news-rss"),
    path("feeds/news.atom", feeds.NewsAtomFeed(), name="feed-news-atom"),
    path("feeds/documents.rss", library_feeds.rss, name="feed-documents-rss"),
    path("feeds/documents.atom", library_feeds.atom, name="feed-documents-atom"),
]
