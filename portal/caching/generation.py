"""The site generation: one number in the shared cache, part of the key of every cached page
and frame value. Bumping it retires every one of them in every process at once; nothing is
deleted, old keys expire. It is read once per request.

It starts from the clock, so that a flushed (or restarted) cache never brings old keys back
to life. While the cache does not answer, it is None: nothing is then stored or served.
"""

import time

from django.core.cache import cache

from .per_request import memoised, remember

GENERATION_KEY = "site-generation"


def generation(request=None) -> int | None:
    """The current site generation (read once per request when a request is given)."""
    if request is not None:
        return memoised(request, "site-generation", generation)
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, int(time.time() * 1000), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def remember_generation(request, value: int) -> None:
    """Keep a generation read along with something else as this request's generation."""
    remember(request, "site-generation", value)


def bump_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (or the cache was flushed, or is away)
        cache.set(GENERATION_KEY, int(time.time() * 1000), timeout=None)
