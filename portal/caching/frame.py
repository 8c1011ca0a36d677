"""The shared frame's values (menus, footer, notices, breadcrumbs), computed once per site
generation in any process (portal.caching.generation), then read from the shared cache and
once per request from memory; each process keeps copies too (local_copies.py)."""

from portal.caching.generation import generation
from portal.caching.local_copies import get_versioned, set_versioned
from portal.caching.per_request import memoised

FRAME_TIMEOUT = 24 * 3600
_MISSING = object()


def frame_cached(request, name, compute, timeout=FRAME_TIMEOUT):
    def lookup():
        site_generation = generation(request)
        if site_generation is None:  # the cache does not answer: nothing to key a value by
            return compute()
        key = _frame_key(site_generation, name)
        value = get_versioned(key, _MISSING)
        if value is _MISSING:
            value = compute()
            set_versioned(key, value, timeout)
        return value

    return memoised(request, ("frame", name), lookup)


def _frame_key(generation_number, name) -> str:
    parts = name if isinstance(name, tuple) else (name,)
    return ":".join(["frame", str(generation_number), *map(str, parts)])
