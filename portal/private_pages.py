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
    """For a view whose URL holds a token and whose page posts a form back to it: every
    answer, errors included, is kept private, and the address is never sent to another site.

    `same-origin` rather than `no-referrer`: under `no-referrer` browsers post the form with
    `Origin: null`, which Django's CSRF check refuses (the confirm button would answer 403).
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = keep_private(view(request, *args, **kwargs))
        response["Referrer-Policy"] = "same-origin"
        return response

    return wrapped
