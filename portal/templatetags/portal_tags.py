"""Template tags the project's apps share."""

from django import template
from django.middleware.csrf import get_token
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def lazy_csrf_token(context):
    """The CSRF field of a form on a page that may be cached for everyone.

    On a cacheable page the field is left empty (a token in a shared copy would be someone
    else's): static/js/site.js fills it from /csrf-token/ when the reader starts on the form,
    and without JavaScript the refused post comes back filled in, with a token, for one more
    click (portal.errors.csrf_failure). Elsewhere, or once the page has a token anyway, it is
    Django's own {% csrf_token %}.
    """
    from home.frame_fragment import CSRF_FIELD, rendering_fragment

    if rendering_fragment(context):
        return mark_safe(CSRF_FIELD)  # noqa: S308 - a constant comment, replaced per request
    request = context.get("request")
    if request is None:
        return ""
    if getattr(request, "portal_page_cacheable", False) and not request.META.get(
        "CSRF_COOKIE_NEEDS_UPDATE"
    ):
        return mark_safe(
            '<input type="hidden" name="csrfmiddlewaretoken" value="" data-csrf-token>'
        )
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )
