"""The footer, rendered once per language and site generation, with three per-request bits.

Every page ends with the same footer: the contact centre, the sign-up form, the links. It is
the largest part of the frame and costs about as much to render as a short article, yet only
three things in it differ between requests: the address the sign-up form was sent from, its
time-trap token and its CSRF field (both left empty on a page that may be cached for
everyone, and filled in per visit by static/js/site.js). The footer is rendered with
placeholders for those and kept in the shared frame cache (portal.caching.frame, so a change of the
footer snippet, which bumps the site generation, retires it everywhere); each request fills
the placeholders in.
"""

from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.abuse import form_started_token
from portal.caching.fragments import CONTEXT_FLAG, CSRF_FIELD, FORM_STARTED, PAGE_PATH
from portal.caching.frame import frame_cached
from portal.csrf import csrf_field, fills_in_lazily


def site_footer(context, language: str) -> str:
    request = context["request"]

    def render():
        return render_to_string("includes/footer.html", {"request": request, CONTEXT_FLAG: True})

    html = frame_cached(request, ("footer-html", language), render)
    html = html.replace(PAGE_PATH, escape(request.path), 1)
    # Decided before the CSRF field, as in a form rendered whole (portal_tags): a page that may
    # be cached for everyone gets the time-trap token from /csrf-token/, per visit.
    started = "" if fills_in_lazily(request) else form_started_token()
    html = html.replace(FORM_STARTED, started, 1)
    html = html.replace(CSRF_FIELD, csrf_field(context), 1)
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, placeholders escaped
