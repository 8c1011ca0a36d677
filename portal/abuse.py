"""Defences shared by every public form: honeypot, signed time-trap and rate limits.

Bots fill every field and post within a second; people leave the hidden field empty and take
a few seconds. Neither check ever shows a person an error they could not fix, nor a success
that did not happen: a form posted too fast, or with a missing or stale token, gets a second
human step (portal.form_checks: the same form with one confirm button); only the honeypot,
which no person fills, is answered quietly.
"""

import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

from .client_address import client_ip
from .hashing import keyed_hash

# A token is signed with the time it was issued and is good for a day: long enough for a tab
# left open over lunch, short enough that a harvested token does not work for ever. Tokens are
# issued per visit, never kept in a shared page: a page from the page cache carries an empty
# field, which static/js/site.js fills from /csrf-token/ (portal.csrf) when the reader reaches
# the form, so the time-trap measures this reader, not the first render of a cached copy.
MAX_FORM_AGE_SECONDS = 24 * 3600
# One token is good for this many posts. A person posts a form once, now and then a few times
# more (a double click, the back button and again, a second address from the same page
# view); a bot that harvested one token replays it hundreds of times. Counting needs nothing
# but the cache, and a cache that does not answer counts nothing (fail-open, as the rate
# limits do): a Redis outage must not turn away people, and the honeypot and the rate limits
# still apply then.
FORM_TOKEN_USES = 5
_SALT = "portal.abuse.form-started"
# Every reason but the honeypot starts with this: the form may just have been quick, old or
# sent without the token a cached page fills in by script, so a view answers those with a
# second step a person can pass, never by dropping what was sent.
TIME_TRAP = "time-trap:"
TOO_FAST = "time-trap: too fast"
MISSING = "time-trap: missing, forged or expired"
REPLAYED = "time-trap: replayed"
_MICRO = 1_000_000
_LEGACY_BELOW = 10**11  # tokens issued before per-visit tokens held whole seconds


def form_started_token(now: float | None = None) -> str:
    """A signed start time for one form shown to one reader: the time in microseconds, whose
    sub-second part is random, so that two readers who load a page in the same second get
    different tokens (each is counted on its own, see FORM_TOKEN_USES)."""
    seconds = int(now or time.time())
    return signing.dumps(seconds * _MICRO + secrets.randbelow(_MICRO), salt=_SALT)


def _started(token: str) -> int:
    value = int(signing.loads(token, salt=_SALT))
    return value if value < _LEGACY_BELOW else value // _MICRO


def _used_too_often(token: str) -> bool:
    """Count one post of token and say whether it has now been posted too often."""
    key = f"form-token-uses:{keyed_hash(token, 'form-token')[:32]}"
    try:
        cache.add(key, 0, MAX_FORM_AGE_SECONDS)
        uses = cache.incr(key)
    except ValueError:  # the cache does not answer (portal.resilient_cache): count nothing
        return False
    return uses > FORM_TOKEN_USES


class HumanCheckMixin(forms.Form):
    """Adds the honeypot and the time-trap; `spam_reasons` says what looked automated."""

    # Named like a field a bot would fill; hidden from people and assistive technology.
    website = forms.CharField(required=False, max_length=200, label=_("Leave this field empty"))
    # Filled by static/js/site.js when a cached page left it empty (portal_tags.form_started).
    form_started = forms.CharField(
        required=False,
        max_length=200,
        widget=forms.HiddenInput(attrs={"data-form-started": True}),
    )

    def __init__(self, *args, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._now = now
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        if not self.is_bound:
            self.initial["form_started"] = form_started_token(now)

    def spam_reasons(self) -> list[str]:
        """What looked automated: "honeypot", or a reason starting with TIME_TRAP. Worked out
        once per form (a post counts once against its token however often this is asked)."""
        if getattr(self, "_spam_reasons", None) is None:
            self._spam_reasons = self._find_spam_reasons()
        return list(self._spam_reasons)

    def _find_spam_reasons(self) -> list[str]:
        reasons = []
        if self.data.get("website"):
            reasons.append("honeypot")
        token = self.data.get("form_started", "")
        try:
            started = _started(token)
        except (signing.BadSignature, TypeError, ValueError):
            return [*reasons, MISSING]
        age = (self._now or time.time()) - started
        if age > MAX_FORM_AGE_SECONDS:
            reasons.append(MISSING)
        elif age < settings.FORM_MIN_FILL_SECONDS:
            reasons.append(TOO_FAST)
        elif _used_too_often(token):
            reasons.append(REPLAYED)
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
