"""Versioned caching of what every public page is built from, shared by all processes.

Two kinds of version live in Django's default cache (Redis when REDIS_URL is set, so every
gunicorn worker and every machine sees the same numbers):

- the site generation: part of every frame key (menu, footer, notices, routes) and of every
  cached page. Bumping it retires all of them at once; nothing is deleted, old keys expire.
  Structural changes bump it: a snippet or the site saved, a page moved, created or deleted,
  a page that others are built from (the home page, a menu entry, a page with children)
  published or unpublished.
- a version per address: part of the key of one cached page. Publishing or unpublishing an
  ordinary page bumps only the addresses it shows on (home.invalidation).

Readers of this module take one cache round trip per request for the generation; the values
they get are the same in every process because the keys are.
"""

import time

from django.core.cache import cache

from .navigation import memoised

GENERATION_KEY = "site-generation"
FRAME_TIMEOUT = 24 * 3600
_MISSING = object()


def generation(request=None) -> int:
    """The current site generation (read once per request)."""
    if request is not None:
        return memoised(request, "site-generation", generation)
    value = cache.get(GENERATION_KEY)
    if value is None:
        # Start from the clock, so that a flushed cache never brings old keys back to life.
        cache.add(GENERATION_KEY, int(time.time() * 1000), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def remember_generation(request, value) -> None:
    """Use a generation already read (with other keys, in one round trip) for this request."""
    memoised(request, "site-generation", lambda: value)


def bump_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (or the cache was flushed)
        cache.set(GENERATION_KEY, int(time.time() * 1000), timeout=None)


def frame_cached(request, name, compute, timeout=FRAME_TIMEOUT):
    """A value of the shared frame: computed once per site generation in any process,
    then read from the shared cache (and once per request from memory)."""

    def lookup():
        key = _frame_key(generation(request), name)
        value = cache.get(key, _MISSING)
        if value is _MISSING:
            value = compute()
            cache.set(key, value, timeout)
        return value

    return memoised(request, ("frame", name), lookup)


def path_version_keys(paths) -> list[str]:
    return [f"path-version:{path}" for path in paths]


def bump_paths(paths) -> None:
    """Retire the cached pages at these addresses (in every process)."""
    for key in path_version_keys(paths):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=None)


def retire_everything_after_an_outage(**_signal) -> None:
    """Receiver of portal.resilient_cache.cache_recovered: a publish during the outage could
    not retire what it changed, so everything cached until now is retired."""
    bump_generation()


def forget_frame(name) -> None:
    """Drop one frame value of the current generation (in every process)."""
    cache.delete(_frame_key(generation(), name))


def _frame_key(generation_number, name) -> str:
    parts = name if isinstance(name, tuple) else (name,)
    return ":".join(["frame", str(generation_number), *map(str, parts)])
