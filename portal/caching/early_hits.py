"""Page-cache hits answered in front of Django's request handling, as a thin WSGI layer.

A hit needs no middleware, no URL resolving and no database: only the page cache's own test
of whether the request may use the cache, and one round trip to the shared cache. Django's
handler around it (its request signals, which check every database connection, the
middleware chain, the response object's closing signal) cost as much again as the hit itself,
so `portal.wsgi` puts this layer in front. It decides with the same code as
AnonymousPageCacheMiddleware (page_cache.py), which stays in the middleware for everything
else: the misses it stores, the test client, and any server that loads Django's own handler.

A hit answered here carries what the middleware's hit carries: the stored headers (the
security headers among them), ETag, Last-Modified, X-Page-Cache and the request id, by
django-guid's own functions. Anything else (a miss, a request that may not use the cache, the
cache away) goes to Django unchanged, and so does a request this layer fails on: an exception
here would reach the WSGI server as a bare 500, without any security header, so it is logged
(once per burst, with the middleware's failures) and Django answers instead.
"""

from http import HTTPStatus

from django.core.handlers.wsgi import WSGIRequest
from django_guid.middleware import process_incoming_request, process_outgoing_request

from .page_cache import failure_log, find_in_cache, page_cache_enabled, replay

STATUS_LINES = {status.value: f"{status.value} {status.phrase}" for status in HTTPStatus}


class PageCacheHitsFirst:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or not page_cache_enabled():
            return self.application(environ, start_response)
        try:
            hit = self._hit(environ)
        except Exception:
            failure_log.failed("answering a hit in front of Django")
            hit = None
        if hit is None:
            return self.application(environ, start_response)
        status, headers, body = hit
        start_response(status, headers)
        return body

    def _hit(self, environ):
        """(status, headers, body) of a hit, or None for anything Django should answer. Nothing
        is sent before it returns, so a failure in it can still be answered by Django."""
        request = WSGIRequest(environ)
        found = find_in_cache(request)
        if found is None or found[2] is None:
            return None
        # The stored headers as they are: no response object is built for them (it would cost
        # as much as the rest of the hit), and none is closed, since closing a Django response
        # sends request_finished, whose receivers look after database connections this answer
        # never opened.
        status, headers, body = replay(found[2], environ.get("HTTP_IF_NONE_MATCH"))
        # The request id as django-guid's middleware, near the top of MIDDLEWARE, gives it: its
        # own two functions, the second writing its headers into a mapping of our own.
        process_incoming_request(request)
        request_id_headers = {}
        process_outgoing_request(request_id_headers, request)
        return STATUS_LINES[status], [*headers, *request_id_headers.items()], [body]
