"""Purging an edge cache (Varnish, a CDN) in front of the site, when one is configured.

Addresses go through Wagtail's frontend cache backends (WAGTAILFRONTENDCACHE, set from
FRONTEND_CACHE_URL); "everything" is a BAN request to an HTTP cache such as Varnish, whose
VCL (ops/varnish/default.vcl) turns it into a ban of the whole host.
"""

import logging
from urllib.error import URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.conf import settings

logger = logging.getLogger(__name__)


def _configured() -> dict:
    return getattr(settings, "WAGTAILFRONTENDCACHE", None) or {}


def _site_roots() -> list[str]:
    from wagtail.models import Site

    return [site.root_url for site in Site.objects.all()]


def purge_paths(paths) -> None:
    if not _configured():
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = [root + path for root in _site_roots() for path in sorted(paths)]
    try:
        purge_urls_from_cache(urls)
    except Exception:  # an unreachable edge must never fail a publish
        logger.exception("Purging the edge cache failed")


def purge_everything() -> None:
    for backend in _configured().values():
        location = backend.get("LOCATION")
        if not location or "HTTPBackend" not in backend.get("BACKEND", ""):
            continue
        for root in _site_roots():
            host = urlsplit(root).netloc
            # A configured, trusted http(s) address of the cache, never user input.
            url = location.rstrip("/") + "/"
            request = Request(url, method="BAN", headers={"Host": host})  # noqa: S310
            try:
                urlopen(request, timeout=2).close()  # noqa: S310
            except (URLError, OSError):
                logger.warning("Banning %s on the edge cache %s failed", host, location)
