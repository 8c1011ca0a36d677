"""Values whose key holds the site generation, kept in this process as well.

A key with the site generation in it names one value for as long as that generation lasts:
any public change bumps the generation after its commit, and from the next request on every
process asks for new keys. A copy of such a value in the process is therefore exactly as
fresh as the shared cache's, and reading it costs no round trip: an uncached render asks for
about a dozen frame values and a route. Keys without the generation must never come here.

The copies live in Django's local-memory cache (the LOCAL_ALIAS cache): pickled, so that no
request sees objects another one holds, and bounded (MAX_ENTRIES; the least recently used
go first). While the shared cache does not answer there is no generation, and nothing is
read or kept here. After the shared cache was flushed, the generation starts again from the
clock in milliseconds (generation.py), above any number an earlier one reached by one bump per
publish, so no copy kept here answers for it.
"""

from django.core.cache import cache, caches

LOCAL_ALIAS = "generation-local"
_MISSING = object()


def get_versioned(key, default=None):
    local = caches[LOCAL_ALIAS]
    value = local.get(key, _MISSING)
    if value is not _MISSING:
        return value
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        return default
    local.set(key, value)
    return value


def set_versioned(key, value, timeout) -> None:
    cache.set(key, value, timeout)
    caches[LOCAL_ALIAS].set(key, value, min(timeout, caches[LOCAL_ALIAS].default_timeout))
