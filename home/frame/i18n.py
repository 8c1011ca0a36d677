"""Which language versions of a page really exist, for switchers, hreflang and sitemaps.

A page counts as available in a language only when that language has a live page of its
own: not a draft, and not an alias that mirrors a page of another language (wagtail-localize
creates such aliases when it synchronises a locale's tree; they carry the source's text).
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.frame.navigation import home_for_language
from home.pages.querysets import published
from portal.caching.frame import frame_cached


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str
    available: bool
    current: bool


# "in Czech", "v angličtině": sentences need the language in the reader's grammar.
IN_LANGUAGE = {"cs": _("in Czech"), "en": _("in English")}


def language_name(code: str) -> str:
    return dict(settings.LANGUAGES)[code]


def in_language(code: str) -> str:
    return IN_LANGUAGE[code]


def is_mirrored_alias(page) -> bool:
    """True for an alias that shows another language's page: its text is not translated."""
    if page.alias_of_id is None:
        return False
    source_locale_id = Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True)
    return source_locale_id.first() != page.locale_id


def page_translations(request, page) -> dict[str, Page]:
    """Live, genuinely translated versions of a page by language code (itself included)."""

    def find():
        candidates = published(Page.objects.filter(translation_key=page.translation_key))
        candidates = candidates.select_related("locale", "alias_of")
        return {
            candidate.locale.language_code: candidate
            for candidate in candidates
            if candidate.alias_of is None or candidate.alias_of.locale_id == candidate.locale_id
        }

    return frame_cached(request, ("translations", page.translation_key), find)


def untranslated_url(language_code: str, page) -> str:
    with translation.override(language_code):
        return reverse("untranslated", args=[page.pk])


def versions_of_page(request, page) -> list[LanguageVersion]:
    """One entry per site language: the translation when it is live, else an explanation."""
    if page.pk is None:  # a preview of a page that has never been saved
        return []
    current = translation.get_language()
    found = page_translations(request, page)
    versions = []
    for code, name in settings.LANGUAGES:
        translated = found.get(code)
        versions.append(
            LanguageVersion(
                code=code,
                name=name,
                url=translated.get_url(request) if translated else untranslated_url(code, page),
                available=translated is not None,
                current=code == current,
            )
        )
    return versions


def versions_of_path(request) -> list[LanguageVersion]:
    """For views that exist in every language (search): the same view, translated.

    An address no view knows (a 404 from page routing) has no translation to point to, so
    the other languages' home pages stand in for it.
    """
    current = translation.get_language()
    match = getattr(request, "resolver_match", None)
    known_view = match is not None and match.url_name not in (None, "wagtail_serve")
    query = request.GET.urlencode()
    versions = []
    for code, name in settings.LANGUAGES:
        if known_view:
            url = translate_url(request.path, code)
            url = f"{url}?{query}" if query else url
        else:
            home = home_for_language(request, code)
            url = home.get_url(request) if home else "/"
        versions.append(LanguageVersion(code, name, url, True, code == current))
    return versions


def versions_from_urls(urls: dict[str, str | None], fallback) -> list[LanguageVersion]:
    """For routable pages that know their own alternates (a topic in each language)."""
    current = translation.get_language()
    return [
        LanguageVersion(
            code,
            name,
            urls.get(code) or fallback(code),
            bool(urls.get(code)),
            code == current,
        )
        for code, name in settings.LANGUAGES
    ]
