"""Responses that belong to one person: never stored by a shared cache, and, where the
address itself is the secret (a confirmation, preferences, unsubscribe or status link), never
sent on as a Referer to the next site the person opens.
"""

from functools import wraps

from django.core.handlers.exception import response_for_exception
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt


def keep_private(response, *, secret_address: bool = False):
    patch_cache_control(response, private=True, no_store=True)
    if secret_address:
        response["Referrer-Policy"] = "no-referrer"
    return response


def secret_address(view):
    """For a view whose URL holds a token (a capability URL) and whose page may post a form
    back to it: every answer, errors included, is kept private and sends no Referer.

    `no-referrer` makes browsers post those forms with `Origin: null`, which Django's CSRF
    check refuses; so these views are exempt from it, and that is safe: CSRF protection stops
    a forger riding on the victim's cookie, but here the authority is the token in the address,
    which a forger does not have (a wrong or expired token is refused as before). A forger
    posting to a link of their own only changes their own subscription. The pair is applied
    here, together, so that no view gets one without the other.
    """
    return csrf_exempt(secret_address_page(view))


def secret_address_page(view):
    """Every answer of a view under a secret address kept private and sent with no Referer,
    its 404 included; without the CSRF exemption, for one that takes no form back (the
    contact centre's status page, routed through its Wagtail page)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except Http404 as refused:
            # The 404 page, as Django would answer it, but with this page's headers: its
            # address holds a token too (perhaps one that has just been retired).
            response = response_for_exception(request, refused)
        # A refused method's empty 405 is given its translated page by
        # portal.errors.TranslatedRefusalsMiddleware, which keeps the headers set here.
        return keep_private(response, secret_address=True)

    return wrapped
