"""Which query strings may key a cached page: only those a view says chose what it rendered.

A view calls `query_chose(request, name, value)` with the canonical value it used (a listing's
page number). Any other query (an out-of-range or malformed page number, a parameter the page
does not read) is served uncached by page_cache.py, so random queries cannot fill the
shared cache.
"""


def query_chose(request, name: str, value: str) -> None:
    chosen = getattr(request, "portal_cache_query", {})
    request.portal_cache_query = {**chosen, name: value}


def query_chose_the_page(request) -> bool:
    chosen = getattr(request, "portal_cache_query", {})
    return all(chosen.get(name) == request.GET.get(name) for name in request.GET)
