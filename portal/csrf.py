"""The per-visit parts of a form on a page that came from a shared cache.

A page from the page cache is the same for every anonymous reader, so it cannot carry what
must differ per reader: the CSRF token (see lazy_csrf_token) and the time-trap's signed start
time (see portal.abuse and form_started_field). Both fields are left empty there, and
static/js/site.js fills them in from /csrf-token/ when the reader reaches the form.
"""

from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .abuse import form_started_token
from .caching.fragments import CSRF_FIELD, rendering_fragment


def fills_in_lazily(request) -> bool:
    """Whether the forms of this response leave their per-visit fields to the script: the
    page may be stored for everyone, and nothing on it has set the reader's CSRF cookie yet
    (a page that does is never stored, so its fields are filled in here, on the server)."""
    return getattr(request, "portal_page_cacheable", False) and not request.META.get(
        "CSRF_COOKIE_NEEDS_UPDATE"
    )


@never_cache
@require_safe
def csrf_token(request):
    # get_token also sets the CSRF cookie that the token is checked against. The time-trap
    # token is stamped now, on this visit, not when the cached copy was rendered.
    return JsonResponse({"token": get_token(request), "form_started": form_started_token()})


def csrf_field(context):
    """The CSRF field of a form on a page that may be cached (portal_tags.lazy_csrf_token)."""
    if rendering_fragment(context):
        return mark_safe(CSRF_FIELD)  # noqa: S308 - a constant comment, replaced per request
    request = context.get("request")
    if request is None:
        return ""
    if fills_in_lazily(request):
        return mark_safe(
            '<input type="hidden" name="csrfmiddlewaretoken" value="" data-csrf-token>'
        )
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )
