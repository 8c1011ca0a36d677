"""Fragments rendered once for everyone, and placeholders filled in per request.

A tag rendered into such a fragment (the shared footer, home.frame.fragment) leaves a
placeholder where a per-request value belongs: the page's address, the time-trap token, the
CSRF field. The code that serves the fragment replaces them.

A shared fragment (`shared_fragment`) holds nothing per request at all: listings such as the
home page's sections, newest articles, topics and news. Its key carries the site generation
(so the next publish of anything public retires it everywhere, as it retires cached pages),
the language it was rendered in and the Wagtail site (page addresses are relative within a
site and absolute across sites).

A page fragment (`page_fragment`) is one live page's own content (an article's body, tags
and related cards), keyed the same way and by the page. There is one per page, so it is
kept in the shared cache only, for PAGE_FRAGMENT_TIMEOUT: local copies (local_copies.py)
hold at most 500 values, and a process serving many pages would push out the frame values
every page needs; and every publish leaves a generation's fragments behind, which the
shared cache drops after the timeout.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Site

from .frame import FRAME_TIMEOUT
from .generation import generation
from .local_copies import get_versioned, set_versioned

PAGE_FRAGMENT_TIMEOUT = 600

CONTEXT_FLAG = "portal_frame_fragment"
PAGE_PATH = "portal-fragment-page-path"
FORM_STARTED = "portal-fragment-form-started"
CSRF_FIELD = "<!--portal-fragment-csrf-field-->"

# Markup that belongs to one request; a fragment holding any of it is never shared.
PER_REQUEST_MARKS = ("csrfmiddlewaretoken", "form_started", PAGE_PATH, FORM_STARTED, CSRF_FIELD)


def rendering_fragment(context) -> bool:
    """Whether a tag is being rendered into the shared fragment (so must leave a placeholder)."""
    return bool(context.get(CONTEXT_FLAG))


def shared_fragment(request, name, render) -> str:
    """render(), kept for the site generation, language and site of the request, in the
    local copies and the shared cache (see _kept)."""
    return _kept(request, name, render, get_versioned, set_versioned, FRAME_TIMEOUT)


def page_fragment(request, page, render) -> str:
    """render(), the content of a live page, kept for the site generation, language and site
    of the request in the shared cache only; a page not yet saved renders afresh."""
    if page.pk is None:
        return render()
    return _kept(request, ("page", page.pk), render, cache.get, cache.set, PAGE_FRAGMENT_TIMEOUT)


def _kept(request, name, render, get, store, timeout) -> str:
    """An editor's preview renders afresh: what it shows may not be public. Without a
    generation (the shared cache away) nothing is kept. A rendering that turns out to hold
    per-request markup (a form) is served but never kept, so a fragment put round a form by
    mistake costs speed, not another reader's CSRF token."""
    if getattr(request, "is_preview", False):
        return render()
    site_generation = generation(request)
    if site_generation is None:
        return render()
    key = _fragment_key(site_generation, request, name)
    html = get(key)
    if html is None:
        html = render()
        if not any(mark in html for mark in PER_REQUEST_MARKS):
            store(key, html, timeout)
    return html


def _fragment_key(site_generation, request, name) -> str:
    site = Site.find_for_request(request)
    language = translation.get_language() or settings.LANGUAGE_CODE
    parts = name if isinstance(name, tuple) else (name,)
    site_id = site.pk if site is not None else ""
    return ":".join(["fragment", str(site_generation), language, str(site_id), *map(str, parts)])
