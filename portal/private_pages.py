"""Responses that belong to one person: never stored by a shared cache, and, where the
address itself is the secret (a confirmation, preferences, unsubscribe or status link), never
sent on as a Referer to the next site the person opens.
"""

from functools import wraps

from django.utils.cache import patch_cache_control


def keep_private(response, *, secret_address: bool = False):
    patch_cache_control(response, private=True, no_store=True)
    if secret_address:
        response["Referrer-Policy"] = "no-referrer"
    return response


def secret_address(view):
    """For a view whose URL holds a token: every answer, errors included, is kept private."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return keep_private(view(request, *args, **kwargs), secret_address=True)

    return wrapped
