"""Lookups the page frame repeats on every request, done once per request."""

from wagtail.models import Locale, Page

from .cache import frame_cached
from .querysets import published


def index_pages(request, locale_id) -> dict:
    """The live news, topic and audience index pages of a language, by model, in one query."""
    from .models import AudienceIndexPage, NewsIndexPage, TopicIndexPage

    def find():
        found = {}
        pages = published(Page.objects.type(NewsIndexPage, TopicIndexPage, AudienceIndexPage))
        for page in pages.filter(locale_id=locale_id).order_by("path"):
            found.setdefault(page.specific_class, page)
        return found

    return frame_cached(request, ("index-pages", locale_id), find)


def locale_ids(request) -> dict[str, int]:
    """Locale primary keys by language code (a handful of rows, read once per request)."""
    return frame_cached(
        request,
        "locale-ids",
        lambda: dict(Locale.objects.values_list("language_code", "pk")),
    )


def home_for_language(request, language_code):
    """The live home page of a language, if the site has one."""
    from .models import HomePage

    def find():
        locale_id = locale_ids(request).get(language_code)
        return HomePage.objects.live().filter(locale_id=locale_id).first()

    return frame_cached(request, ("home-for", language_code), find)
