"""Purging an edge cache (Varnish, a CDN) in front of the site, when one is configured.

Configured through Wagtail's frontend cache setting (WAGTAILFRONTENDCACHE, set from
FRONTEND_CACHE_URL). Every content change retires everything (invalidation.py), so the purge
is a BAN request to an HTTP cache such as Varnish, whose VCL (ops/varnish/default.vcl) turns
it into a ban of the whole host.
"""

import logging
from urllib.error import URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.conf import settings
from wagtail.models import Site

logger = logging.getLogger(__name__)


def _configured() -> dict:
    return getattr(settings, "WAGTAILFRONTENDCACHE", None) or {}


def _site_roots() -> list[str]:
    return [site.root_url for site in Site.objects.all()]


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
