"""Every refusal the site gives is a page in the reader's language.

Django answers a wrong HTTP method with an empty 405 and a failed CSRF check with an English
page; here both become the site's own translated pages. The 405 keeps every header the view
gave it (Allow, and at a secret address the Cache-Control and Referrer-Policy that keep it
private), only its body is new.
"""

from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

BODY_HEADERS = {"content-type", "content-length"}


class TranslatedRefusalsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            refused = response
            response = render(request, "405.html", status=405)
            for name, value in refused.items():
                if name.lower() not in BODY_HEADERS:
                    response[name] = value
        return response


def csrf_failure(request, reason=""):
    """A refused post loses nothing: a view that declares `csrf_recovery` shows its form
    again, filled in and with a fresh token (forms on cached pages reach here without
    JavaScript); any other gets the translated explanation."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    recover = getattr(match.func, "csrf_recovery", None) if match else None
    if recover is not None and request.method == "POST":
        return recover(request)
    return render(
        request,
        "403.html",
        {
            "explanation": _(
                "The form had expired or came from elsewhere. "
                "Go back, reload the page and send it again."
            )
        },
        status=403,
    )
