"""The caches in front of the site, and the one rule that retires them.

- generation.py: the site generation, a number in the shared cache that is part of every
  cached page's and frame value's key. Bumping it retires all of them at once.
- invalidation.py: every change to what the public site is built from bumps it, after the
  transaction commits (by construction: any model of the content apps, unless listed as
  private in settings.CACHE_PRIVATE_MODELS).
- page_cache.py: whole anonymous pages (middleware); cacheable_query.py: which query strings
  may key one.
- edge.py: the same retirement on an edge cache (Varnish, a CDN) through Wagtail's
  frontend cache.
- resilient_redis.py: Django's Redis cache, degrading to misses during an outage.
- per_request.py: values computed once per request.
"""
