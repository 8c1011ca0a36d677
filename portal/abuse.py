"""Defences shared by every public form: honeypot, signed time-trap and rate limits.

Bots fill every field and post within a second; people leave the hidden field empty and take
a few seconds. Neither check ever shows a person an error they could not fix: a form that
looks automated is handled quietly by the view (the sign-up pretends to succeed, the contact
centre files the message as suspected spam).
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

from .clients import client_ip, keyed_hash

MAX_FORM_AGE_SECONDS = 24 * 3600
_SALT = "portal.abuse.form-started"


def form_started_token(now: float | None = None) -> str:
    return signing.dumps(int(now or time.time()), salt=_SALT)


class HumanCheckMixin(forms.Form):
    """Adds the honeypot and the time-trap; `spam_reasons` says what looked automated."""

    # Named like a field a bot would fill; hidden from people and assistive technology.
    website = forms.CharField(required=False, max_length=200, label=_("Leave this field empty"))
    form_started = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    def __init__(self, *args, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._now = now
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        if not self.is_bound:
            self.initial["form_started"] = form_started_token(now)

    def spam_reasons(self) -> list[str]:
        reasons = []
        if self.data.get("website"):
            reasons.append("honeypot")
        try:
            started = int(signing.loads(self.data.get("form_started", ""), salt=_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            return [*reasons, "time-trap: missing, forged or expired"]
        age = (self._now or time.time()) - started
        if age > MAX_FORM_AGE_SECONDS:
            reasons.append("time-trap: missing, forged or expired")
        elif age < settings.FORM_MIN_FILL_SECONDS:
            reasons.append("time-trap: too fast")
        return reasons

    def fresh_token(self) -> str:
        """A new time-trap token when the form is shown again after an error."""
        return form_started_token(self._now)


def over_limit(request, group: str, rate: str, value: str | None = None) -> bool:
    """Count this request against a limit, per client IP or per value (hashed), and say
    whether it is now over. Rates look like "10/h"; the cache holds the counters."""
    key_value = keyed_hash(value, "ratelimit") if value is not None else client_ip(request)
    return is_ratelimited(
        request,
        group=group,
        key=lambda _group, _request: key_value,
        rate=rate,
        increment=True,
    )


def searching_too_often(request) -> bool:
    """Count one search against the client's budget (SEARCH_PER_IP) and say whether it is
    over. Every search box of the site (site search, the bulletin archive, the help-point
    directory, the glossary) shares the one budget: a search costs the database far more
    than a page view, and a scraper must not get a fresh allowance per box."""
    return over_limit(request, "search-ip", settings.SEARCH_PER_IP)


def too_many_requests(request, retry_after: int = 3600):
    response = render(request, "429.html", status=429)
    response["Retry-After"] = str(retry_after)
    return response
