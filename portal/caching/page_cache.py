"""Whole responses for anonymous readers, from the shared cache, invalidated on publish.

A request may be served from (and stored in) the cache only when it cannot be personal: a
GET or HEAD of a public address without a query string (except a listing's page number),
with no session or message cookie, and not an admin page or a preview. A response is stored
only when it is a plain 200 that sets no cookie, does not vary on Cookie, is not marked
private, and any query it came with is one the view said chose the page
(cacheable_query.py): a page that called {% csrf_token %} sets the CSRF cookie and so
is never stored. Forms on cacheable pages use {% lazy_csrf_token %} instead (portal/templatetags).

Each copy holds the site generation it was rendered under (generation.py): any change to
public content bumps it after the transaction commits (invalidation.py), so every process
stops serving the old copies at once; nothing needs deleting (the next render of the page
overwrites its copy). Cached pages carry an ETag and Last-Modified, so a browser's
conditional request gets a 304 without a render. The key holds the scheme and host too: a
page rendered for plain HTTP links plain HTTP.

A hit costs one shared-cache round trip: the generation and the page are read together.

The cache is a shortcut, never a gate: an unexpected failure in its own work (deciding,
reading, storing, replaying a copy) is logged once per burst and the request is served as if
there were no cache, so the stack below answers it with all its headers. An exception raised
here would instead become a bare 500 above the security headers' middleware.
"""

import hashlib
import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, quote_etag

from .cacheable_query import query_chose_the_page
from .generation import GENERATION_KEY, generation, remember_generation

ALLOWED_QUERY = {"page"}
PERSONAL_COOKIES = ("sessionid", "messages")
# Everything else is kept, the validators and Cache-Control included: the security headers the
# middleware below added are the same for every anonymous reader, and a hit skips that
# middleware. The request id is each answer's own.
UNSTORED_HEADERS = {
    "set-cookie",
    "x-request-id",
    "access-control-expose-headers",
    "date",
    "x-page-cache",
}
# In the key: copies stored by an earlier release, in another shape, are never read.
STORED_FORMAT = 2
# A 304 carries the stored headers (the security headers too) but none that describe a body.
BODY_HEADERS = {"content-type", "content-length"}


# After a logged failure, the next ones stay quiet this long: a broken cache fails on every
# request, and one traceback says what a thousand would (as resilient_redis.py logs outages).
FAILURE_LOG_QUIET_SECONDS = 60.0

logger = logging.getLogger(__name__)


class _FailureLog:
    """Logs the first failure of a burst with its traceback, then counts the rest quietly; the
    next burst (after FAILURE_LOG_QUIET_SECONDS) logs again, saying how many were quiet.
    Shared by the threads of a process and by the WSGI layer in front (early_hits.py)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.next_log_at = 0.0
        self.quiet = 0

    def failed(self, where: str) -> None:
        now = time.monotonic()
        with self.lock:
            if now < self.next_log_at:
                self.quiet += 1
                return
            quiet, self.quiet = self.quiet, 0
            self.next_log_at = now + FAILURE_LOG_QUIET_SECONDS
        logger.exception(
            "Page cache failed while %s; serving uncached (%d more failures not logged)",
            where,
            quiet,
        )


failure_log = _FailureLog()


def page_cache_enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0


def may_use_cache(request) -> bool:
    if request.method not in ("GET", "HEAD") or not page_cache_enabled():
        return False
    if any(name in request.COOKIES for name in _personal_cookies()):
        return False
    if getattr(settings, "SECURE_SSL_REDIRECT", False) and not request.is_secure():
        return False  # SecurityMiddleware, below, redirects it to HTTPS
    if set(request.GET) - ALLOWED_QUERY or len(request.GET.getlist("page")) > 1:
        return False
    path = request.path_info
    return not path.startswith((*settings.ADMIN_URL_PREFIXES, *_uncached_prefixes()))


def _personal_cookies():
    return (settings.SESSION_COOKIE_NAME, "messages")


def _uncached_prefixes():
    return (settings.STATIC_URL, settings.MEDIA_URL, "/healthz", "/readyz", "/csrf-token/")


def may_store(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not query_chose_the_page(request):
        return False
    if "Cookie" in response.get("Vary", "") and not _session_untouched(request):
        return False
    control = response.get("Cache-Control", "")
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def _session_untouched(request) -> bool:
    # The frame reads request.user (so the session) on every page; for a reader without a
    # session cookie that session is empty, and serving the page to anyone else without
    # one is exactly right.
    session = getattr(request, "session", None)
    return session is None or (not session.modified and session.is_empty())


def _key(request) -> str | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # the stack below answers it with a 400, security headers and all
    query = request.GET.get("page", "")
    # The scheme too: a page rendered for plain HTTP links plain HTTP.
    digest = hashlib.sha256(
        f"{request.scheme}|{host}|{request.path_info}|{query}".encode()
    ).hexdigest()
    return f"page:{STORED_FORMAT}:{digest}"


def _generation_and_page(request, key):
    """The site generation and the stored copy of this page, in one round trip."""
    found = cache.get_many([GENERATION_KEY, key])
    site_generation = found.get(GENERATION_KEY)
    if site_generation is None:
        # No generation yet (one is started), or the cache does not answer: then there is no
        # version to key a page by, so none is stored or served.
        return generation(request), None
    remember_generation(request, site_generation)
    return site_generation, found.get(key)


def find_in_cache(request):
    """(key, generation, stored copy or None) for a request that may use the cache; None for
    one that may not, or while the cache does not answer."""
    if not may_use_cache(request):
        return None
    key = _key(request)
    if key is None:
        return None
    site_generation, stored = _generation_and_page(request, key)
    if site_generation is None:
        return None
    # A copy stored under an earlier generation is one a change has retired since.
    if stored is not None and stored.get("generation") != site_generation:
        stored = None
    return key, site_generation, stored


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only the cache's own work is guarded: the response of get_response is the stack's
        # answer (its errors already turned into responses below), passed on as it is.
        try:
            found = find_in_cache(request)
        except Exception:
            failure_log.failed("looking up a page")
            found = None
        if found is None:
            return self.get_response(request)
        key, site_generation, stored = found
        request.portal_page_cacheable = True
        if stored is not None:
            try:
                return answer_from_cache(request, stored)
            except Exception:
                # A copy that cannot be replayed: rendered afresh, and overwritten below.
                failure_log.failed("replaying a stored page")
        response = self.get_response(request)
        try:
            return self._store(request, response, key, site_generation)
        except Exception:
            # The page was rendered and is fine: it is answered, only not kept.
            failure_log.failed("storing a page")
            return response

    def _store(self, request, response, key, site_generation):
        if not may_store(request, response):
            return response
        content = response.content
        etag = quote_etag(hashlib.sha256(content).hexdigest()[:32])
        # The validators and the cache policy are set on the miss itself, so that the headers a
        # hit replays are this response's, computed once here rather than on every hit.
        response["ETag"] = etag
        response["Last-Modified"] = http_date(time.time())
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            must_revalidate=True,
            s_maxage=settings.PAGE_CACHE_SECONDS,
        )
        stored = {
            # The generation read before the render: a reader who rendered while a change was
            # being published stores a copy that the change's bump has already retired.
            "generation": site_generation,
            "status": response.status_code,
            "content": content,
            "etag": etag,
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower() not in UNSTORED_HEADERS
            ],
        }
        cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
        if request.headers.get("If-None-Match") == etag:
            response = answer_from_cache(request, stored)
        response["X-Page-Cache"] = "miss"
        return response


HIT = ("X-Page-Cache", "hit")


def replay(stored, if_none_match: str | None):
    """(status code, headers, body) of a hit: the stored response as it was answered, or a 304
    with the same headers but those describing a body when the browser holds this version."""
    if if_none_match == stored["etag"]:
        headers = [pair for pair in stored["headers"] if pair[0].lower() not in BODY_HEADERS]
        return 304, [*headers, HIT], b""
    return stored["status"], [*stored["headers"], HIT], stored["content"]


def answer_from_cache(request, stored):
    """A hit as a Django response, for the middleware (the test client, runserver)."""
    status, headers, body = replay(stored, request.headers.get("If-None-Match"))
    response = HttpResponseNotModified() if status == 304 else HttpResponse(body, status=status)
    for name, value in headers:
        response[name] = value
    return response
