"""Template tags the project's apps share."""

from django import template
from django.middleware.csrf import get_token
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.csrf import fills_in_lazily
from portal.fragment_placeholders import CSRF_FIELD, rendering_fragment

register = template.Library()


@register.simple_tag(takes_context=True)
def lazy_csrf_token(context):
    """The CSRF field of a form on a page that may be cached for everyone.

    On a cacheable page the field is left empty (a token in a shared copy would be someone
    else's): static/js/site.js fills it from /csrf-token/ when the reader reaches the form,
    and without JavaScript the refused post comes back filled in, with a token, for one more
    click (portal.errors.csrf_failure). Elsewhere, or once the page has a token anyway, it is
    Django's own {% csrf_token %}.
    """
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


@register.simple_tag(takes_context=True)
def form_started_field(context, form):
    """The time-trap field of a public form (portal.abuse), filled in per visit.

    On a page that may be cached for everyone it is left empty, like the CSRF field beside
    it (lazy_csrf_token): a start time kept in a shared copy would be the first render's, the
    same for every reader and hours old. static/js/site.js fills both from /csrf-token/, which
    stamps the time-trap token on that visit. Without JavaScript the post, missing its CSRF
    token too, comes back for one more click with a token of its own; should the time-trap
    token alone be missing, spam_reasons reports the time-trap, never the honeypot, so the
    view's second step applies. Elsewhere the field carries the token the form was made with.
    In the shared footer (home.frame_fragment) the value is a placeholder, filled per request.
    """
    field = form["form_started"]
    request = context.get("request")
    if rendering_fragment(context) or request is None or not fills_in_lazily(request):
        return field.as_widget()
    attrs = {"id": field.auto_id} if field.auto_id else {}
    return field.field.widget.render(field.html_name, "", attrs=attrs)
