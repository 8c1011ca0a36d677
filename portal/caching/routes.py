"""Wagtail's page routing, remembered per site generation.

Wagtail finds the site, the active locale's home page and then walks the tree one level at a
time (two queries per level) and checks view restrictions on every ancestor: about seven
queries for an article before the page is rendered. Here the outcome of a successful route
(which page, with which arguments) is kept in the shared cache under the site generation, so
a warm request fetches only the page itself. A remembered route is used only while the page
is still live at the same address; anything structural (a move, a view restriction, a
snippet) bumps the generation and forgets every route. Only routes of pages without view
restrictions are remembered, and a routable page's arguments only when its class says they
are public (`route_arguments_are_public`): an inquiry's status token never reaches a cache.

Two parts, through Wagtail's public API except where a comment says otherwise:
- `SiteMiddleware` finds the request's Site once per host and generation;
- `serve` stands in for `wagtail.views.serve` (same URL pattern and name): a remembered
  route goes through the same serve hooks as Wagtail's own view, anything else is handed to
  Wagtail's view, and a successful route it found (`Page.route_for_request`) is remembered.
"""

import hashlib

from django.apps import apps
from django.http import HttpResponse
from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from portal.caching.frame import FRAME_TIMEOUT, frame_cached
from portal.caching.generation import generation
from portal.caching.local_copies import get_versioned, set_versioned

NO_SITE_VIEWS = {"healthz", "readyz", "csrf-token"}


class SiteMiddleware:
    """The request's Site from the shared frame cache instead of one query per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.url_name in NO_SITE_VIEWS:
            return None  # a health check must reach its view even when the database is down
        site = frame_cached(
            request, ("site", request.get_host()), lambda: Site.find_for_request(request)
        )
        # Wagtail has no public way to hand it a Site it did not look up itself; it keeps
        # the one it finds on this attribute, and reads it back from there (caching the
        # lookup upstream was proposed in wagtail/wagtail#4142 and not merged).
        request._wagtail_site = site
        return None


def serve(request, path):
    key = _route_key(request, path)
    route = _remembered(key) if key else None
    if route is None:
        response = wagtail_views.serve(request, path)
        if key:
            _remember(key, request, path, response)
        return response
    page, args, kwargs = route
    # What wagtail.views.serve does with a route it found (its hooks, then the page).
    serve_chain = wagtail_views.serve_chain
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        serve_chain = hook(serve_chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return serve_chain(page, request, args, kwargs)


def _route_key(request, path) -> str | None:
    site_generation = generation(request)
    if site_generation is None:
        return None  # the cache does not answer: no version to remember a route under
    # Hashed: a path may be long (or carry a status page's token), a cache key must not.
    digest = hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:40]
    language = getattr(request, "LANGUAGE_CODE", "")
    return f"route:{site_generation}:{request.get_host()}:{language}:{digest}"


def _no_view_restrictions():
    return []


def _remembered(key):
    remembered = get_versioned(key)
    if remembered is None:
        return None
    label, pk, url_path, args, kwargs = remembered
    page = apps.get_model(label).objects.filter(pk=pk, live=True).first()
    if page is None or page.url_path != url_path:
        return None
    # Remembered only for pages without view restrictions (_remember), and a restriction
    # added since bumps the generation: Wagtail's restriction hook need not ask again.
    page.get_view_restrictions = _no_view_restrictions
    return page, list(args), dict(kwargs)


def _remember(key, request, path, response):
    if response.status_code != 200 or request.method not in ("GET", "HEAD"):
        return
    # Wagtail's view found this route moments ago; it keeps it for the request, so asking
    # again costs nothing.
    route = Page.route_for_request(request, path)
    if route is None:
        return
    page, args, kwargs = route
    if (args or kwargs) and not getattr(page, "route_arguments_are_public", False):
        # A routable page's arguments may be a secret (an inquiry's status token), so its
        # routes are remembered only when its class says that none is.
        return
    if page.get_view_restrictions():
        return
    value = (page._meta.label, page.pk, page.url_path, tuple(args), dict(kwargs))
    set_versioned(key, value, FRAME_TIMEOUT)
