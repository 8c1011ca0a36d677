from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from portal.abuse import searching_too_often, too_many_requests

from .i18n import page_translations
from .models.pages import paginate
from .querysets import published
from .search import clean_query, highlight, query_terms
from .search_hits import search_pages
from .search_misses import record_search_miss
from .untranslated import render_untranslated

SEARCH_PAGE_SIZE = 10


@require_safe
def search(request):
    query = clean_query(request.GET.get("q", ""))
    terms = query_terms(query)
    results = None
    if terms:
        # Only real searches count: a search costs the database far more than a page view.
        if searching_too_often(request):
            return too_many_requests(request, retry_after=60)
        # The search backend cannot translate published()'s subquery; public() it is.
        pages = Page.objects.live().public().filter(locale=Locale.get_active())
        results = paginate(request, search_pages(pages, terms), per_page=SEARCH_PAGE_SIZE)
        if not results.paginator.count:
            record_search_miss(query, terms)
        for page in results:
            page.search_excerpt = highlight(_excerpt_source(page), terms)
    return render(
        request,
        "home/search_results.html",
        {"query": query, "results": results, "query_string": urlencode({"q": query})},
    )


@require_safe
def untranslated(request, page_id):
    """Where the language switcher leads when a page has no translation in that language."""
    original = get_object_or_404(published(Page.objects.select_related("locale")), pk=page_id)
    translated = page_translations(request, original).get(translation.get_language())
    if translated is not None:
        return redirect(translated.get_url(request))
    return render_untranslated(request, original, status=200)


def _excerpt_source(page) -> str:
    summary = getattr(page, "summary", "") or getattr(page, "intro", "")
    if summary:
        return summary
    body = getattr(page, "body", None)
    if body is None:
        return ""
    return " ".join(body.stream_block.get_searchable_content(body))


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/"]
    for language_code, _name in settings.LANGUAGES:
        with translation.override(language_code):
            lines.append(f"Disallow: {reverse('search')}")
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def accessibility_statement(request):
    """The footer's link on every page: a fixed address, so the footer costs no query; the
    statement of the reader's language (or the default one) is looked up only here."""
    from .models import AccessibilityStatementPage

    language = translation.get_language()
    statements = published(AccessibilityStatementPage.objects.all()).filter(
        locale__language_code__in=[language, settings.LANGUAGE_CODE]
    )
    found = {page.locale.language_code: page for page in statements.select_related("locale")}
    statement = found.get(language) or found.get(settings.LANGUAGE_CODE)
    if statement is None:
        raise Http404
    return redirect(statement.get_url(request))
