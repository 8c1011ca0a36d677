"""The site search page."""

from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from home.pages.models import paginate
from home.search.analysis import analyse_query, clean_query, highlight, query_terms
from home.search.hits import search_pages
from home.search.misses import record_search_miss
from home.search.promotions import promoted_pages
from home.search.synonyms import synonym_classes
from home.search.typos import suggest_query
from home.search.zero import record_follow, safe_target, ways_forward
from portal.abuse import searching_too_often, too_many_requests

SEARCH_PAGE_SIZE = 10


@require_safe
def search(request):
    query = clean_query(request.GET.get("q", ""))
    terms = query_terms(query)
    results = None
    context = {"query": query, "query_string": urlencode({"q": query})}
    if terms:
        # Only real searches count: a search costs the database far more than a page view.
        if searching_too_often(request):
            return too_many_requests(request, retry_after=60)
        locale = Locale.get_active()
        # The search backend cannot translate published()'s subquery; public() it is.
        pages = Page.objects.live().public().filter(locale=locale)
        language = get_language() or "cs"
        analysed = analyse_query(query, language, synonyms=synonym_classes(language, request))
        results = paginate(request, search_pages(pages, analysed), per_page=SEARCH_PAGE_SIZE)
        # Promoted results come first, on the first page, each shown once.
        promoted = promoted_pages(query, locale, request) if results.number == 1 else []
        promoted_ids = {page.pk for page in promoted}
        results.object_list = [page for page in results if page.pk not in promoted_ids]
        stems = analysed.stems()
        for page in [*promoted, *results.object_list]:
            page.search_excerpt = highlight(
                _excerpt_source(page), terms, stems=stems, language=language
            )
        context["promoted"] = promoted
        if not results.paginator.count and not promoted:
            record_search_miss(query, terms)
            context.update(ways_forward(request, query, terms, locale))
            context["suggestion"] = suggest_query(query, analysed, language, pages)
    context["results"] = results
    return render(request, "home/search_results.html", context)


@require_safe
def search_next(request):
    """A way forward from a search without results: counted by kind, then followed."""
    target = safe_target(request, request.GET.get("to", ""))
    if target is None:
        return redirect("search")
    record_follow(request.GET.get("via", ""))
    return redirect(target)


def _excerpt_source(page) -> str:
    summary = getattr(page, "summary", "") or getattr(page, "intro", "")
    if summary:
        return summary
    body = getattr(page, "body", None)
    if body is None:
        return ""
    return " ".join(body.stream_block.get_searchable_content(body))
