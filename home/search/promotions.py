"""Promoted results (wagtail.contrib.search_promotions): pages editors pin for a query.

An editor types the query as readers do; the query and the promotions' queries are
compared normalised (Wagtail's: lower case, no punctuation) and folded, so a promotion
for "bytová nouze" answers "Bytova nouze" too. Promotions are few (one an editor makes for
a query readers miss), so they are compared in Python; the list of them is read once per
site generation (the frame cache): a saved promotion bumps the generation, as any content
does (``CACHE_CONTENT_APPS`` includes wagtailsearchpromotions).
"""

from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from home.search.analysis import fold
from portal.caching.frame import frame_cached


def promotion_key(query: str) -> str:
    return " ".join(fold(normalise_query_string(query)).split())


def all_promotions() -> list[tuple[str, int, str]]:
    from wagtail.contrib.search_promotions.models import SearchPromotion

    return [
        (promotion_key(asked), page_id, text)
        for asked, page_id, text in SearchPromotion.objects.filter(page__isnull=False)
        .order_by("sort_order", "pk")
        .values_list("query__query_string", "page_id", "description")
    ]


def promoted_pages(query: str, locale, request=None) -> list:
    """The live public pages of the locale promoted for the query, in the editors' order.

    No query for a query nothing is promoted for; two for one that has promotions (their
    specific pages).
    """
    key = promotion_key(query)
    if request is None:
        promotions = all_promotions()
    else:
        promotions = frame_cached(request, "search-promotions", all_promotions)
    picks = [(page_id, text) for asked, page_id, text in promotions if asked == key]
    if not picks:
        return []
    pages = Page.objects.live().public().filter(locale=locale).specific()
    found = pages.in_bulk([page_id for page_id, _description in picks])
    promoted = []
    for page_id, description in picks:
        page = found.get(page_id)
        if page is not None and page not in promoted:
            page.promotion_description = description
            promoted.append(page)
    return promoted
