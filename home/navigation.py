"""Lookups the page frame repeats on every request, done once per request."""

from wagtail.models import Page

from .querysets import published


def memoised(request, key, compute):
    """Compute a value once per request: the frame and the page ask for the same things."""
    memo = request.__dict__.setdefault("_portal_memo", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def index_pages(request, locale_id) -> dict:
    """The live news, topic and audience index pages of a language, by model, in one query."""
    from .models import AudienceIndexPage, NewsIndexPage, TopicIndexPage

    def find():
        found = {}
        pages = published(Page.objects.type(NewsIndexPage, TopicIndexPage, AudienceIndexPage))
        for page in pages.filter(locale_id=locale_id).order_by("path"):
            found.setdefault(page.specific_class, page)
        return found

    return memoised(request, ("index-pages", locale_id), find)
