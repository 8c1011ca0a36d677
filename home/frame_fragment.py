"""The footer, rendered once per language and site generation, with three per-request bits.

Every page ends with the same footer: the contact centre, the sign-up form, the links. It is
the largest part of the frame and costs about as much to render as a short article, yet only
three things in it differ between requests: the address the sign-up form was sent from, its
time-trap token and its CSRF field (both left empty on a page that may be cached for
everyone, and filled in per visit by static/js/site.js). The footer is rendered with
placeholders for those and kept in the shared frame cache (home.cache, so a change of the
footer snippet, which bumps the site generation, retires it everywhere); each request fills
the placeholders in.
"""

from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.abuse import form_started_token
from portal.csrf import fills_in_lazily

from .cache import frame_cached

CONTEXT_FLAG = "portal_frame_fragment"
PAGE_PATH = "portal-fragment-page-path"
FORM_STARTED = "portal-fragment-form-started"
CSRF_FIELD = "<!--portal-fragment-csrf-field-->"


def rendering_fragment(context) -> bool:
    """Whether a tag is being rendered into the shared fragment (so must leave a placeholder)."""
    return bool(context.get(CONTEXT_FLAG))


def site_footer(context, language: str) -> str:
    from portal.templatetags.portal_tags import lazy_csrf_token

    request = context["request"]

    def render():
        return render_to_string("includes/footer.html", {"request": request, CONTEXT_FLAG: True})

    html = frame_cached(request, ("footer-html", language), render)
    html = html.replace(PAGE_PATH, escape(request.path), 1)
    # Decided before the CSRF field, as in a form rendered whole (portal_tags): a page that may
    # be cached for everyone gets the time-trap token from /csrf-token/, per visit.
    started = "" if fills_in_lazily(request) else form_started_token()
    html = html.replace(FORM_STARTED, started, 1)
    html = html.replace(CSRF_FIELD, lazy_csrf_token(context), 1)
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, placeholders escaped
