"""Lookups the page frame repeats on every request, done once per request.

The page models ask these for their neighbours (a topic index for its language versions, the
home page for its sections), so this module sits below them and finds the page classes
through the app registry rather than by importing them.
"""

from django.apps import apps
from wagtail.models import Locale, Page

from home.pages.querysets import published
from portal.caching.frame import frame_cached


def index_pages(request, locale_id) -> dict:
    """The live news, topic and audience index pages of a language, by model, in one query."""

    def find():
        found = {}
        pages = published(
            Page.objects.type(*_models("NewsIndexPage", "TopicIndexPage", "AudienceIndexPage"))
        )
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

    def find():
        locale_id = locale_ids(request).get(language_code)
        (home_page,) = _models("HomePage")
        return home_page.objects.live().filter(locale_id=locale_id).first()

    return frame_cached(request, ("home-for", language_code), find)


def _models(*names):
    return [apps.get_model("home", name) for name in names]
