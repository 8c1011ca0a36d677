"""Wagtail's page routing, remembered per site generation.

Wagtail finds the site, the active locale's home page and then walks the tree one level at a
time (two queries per level) and checks view restrictions on every ancestor: about seven
queries for an article before the page is rendered. Here the outcome of a successful route
(which page, with which arguments, with or without view restrictions) is kept in the shared
cache under the site generation, so a warm request fetches only the page itself. A remembered
route is used only while the page is still live at the same address; anything structural
(a move, a view restriction, a snippet) bumps the generation and forgets every route.
"""

import hashlib

from django.apps import apps
from django.core.cache import cache
from wagtail.models import Site

from portal.caching.frame import FRAME_TIMEOUT, frame_cached
from portal.caching.generation import generation


def _site_for(request):
    host = request._get_raw_host()
    return frame_cached(request, ("site", host), lambda: Site._find_for_request(request))


def _route_key(request, path) -> str:
    # Hashed: a path may be long (or carry a status page's token), a cache key must not.
    digest = hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:40]
    language = getattr(request, "LANGUAGE_CODE", "")
    return f"route:{generation(request)}:{request._get_raw_host()}:{language}:{digest}"


NO_SITE_VIEWS = {"healthz", "readyz", "csrf-token"}


def _no_view_restrictions():
    return []


class RouteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        self._remember(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.url_name in NO_SITE_VIEWS:
            return None  # a health check must reach its view even when the database is down
        request._wagtail_site = _site_for(request)
        if match.url_name != "wagtail_serve":
            return None
        request._portal_route_key = key = _route_key(request, request.path_info)
        remembered = cache.get(key)
        if remembered is None:
            return None
        label, pk, url_path, args, kwargs = remembered
        page = apps.get_model(label).objects.filter(pk=pk, live=True).first()
        if page is None or page.url_path != url_path:
            return None
        # Remembered only for pages without view restrictions (see process_response).
        page.get_view_restrictions = _no_view_restrictions
        request._wagtail_route_for_request = (page, args, kwargs)
        request._portal_route_remembered = True
        return None

    def _remember(self, request, response):
        key = getattr(request, "_portal_route_key", None)
        route = getattr(request, "_wagtail_route_for_request", None)
        if key is None or route is None or getattr(request, "_portal_route_remembered", False):
            return
        if response.status_code != 200 or request.method not in ("GET", "HEAD"):
            return
        page, args, kwargs = route
        if (args or kwargs) and not getattr(page, "route_arguments_are_public", False):
            # A routable page's arguments may be a secret (an inquiry's status token), so its
            # routes are remembered only when its class says that none is.
            return
        if page.get_view_restrictions():
            return
        value = (page._meta.label, page.pk, page.url_path, tuple(args), dict(kwargs))
        cache.set(key, value, FRAME_TIMEOUT)
        request._portal_route_remembered = True
