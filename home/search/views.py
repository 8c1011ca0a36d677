"""The site search page."""

from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from home.pages.models import paginate
from home.search.analysis import analyse_query, clean_query, highlight, query_terms
from home.search.hits import search_pages
from home.search.misses import record_search_miss
from home.search.synonyms import synonym_classes
from portal.abuse import searching_too_often, too_many_requests

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
        language = get_language() or "cs"
        analysed = analyse_query(query, language, synonyms=synonym_classes(language, request))
        results = paginate(request, search_pages(pages, analysed), per_page=SEARCH_PAGE_SIZE)
        if not results.paginator.count:
            record_search_miss(query, terms)
        stems = analysed.stems()
        for page in results:
            page.search_excerpt = highlight(
                _excerpt_source(page), terms, stems=stems, language=language
            )
    return render(
        request,
        "home/search_results.html",
        {"query": query, "results": results, "query_string": urlencode({"q": query})},
    )


def _excerpt_source(page) -> str:
    summary = getattr(page, "summary", "") or getattr(page, "intro", "")
    if summary:
        return summary
    body = getattr(page, "body", None)
    if body is None:
        return ""
    return " ".join(body.stream_block.get_searchable_content(body))
