"""What a search without results offers instead, and how often each way forward is taken.

Every link of the zero-results page goes through ``search-next`` with ``via`` naming the
kind of way forward (WAYS); the day's counter of that kind goes up by one and the reader
is sent on. No query, person or time of day is kept.
"""

from django.apps import apps
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from home.glossary.models import GlossaryPage, GlossaryTerm
from home.search.analysis import fold
from home.search.models import SearchZeroFollow
from home.taxonomy.models import Audience, Topic
from portal.caching.frame import frame_cached

WAYS = ("suggestion", "audience", "topic", "glossary", "contact")


def next_url(via: str, to: str, request=None) -> str:
    return reverse("search-next") + "?" + urlencode({"via": via, "to": to})


def safe_target(request, to: str) -> str | None:
    """A path on this site, never another host (the link must not be an open redirect)."""
    if not to.startswith("/") or to.startswith("//"):
        return None
    if not url_has_allowed_host_and_scheme(to, allowed_hosts={request.get_host()}):
        return None
    return to


def record_follow(via: str) -> None:
    if via not in WAYS:
        return
    today = timezone.localdate()
    if SearchZeroFollow.objects.filter(via=via, day=today).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            SearchZeroFollow.objects.create(via=via, day=today)
    except IntegrityError:  # another request created today's row a moment ago
        SearchZeroFollow.objects.filter(via=via, day=today).update(count=F("count") + 1)


def _glossary(locale) -> tuple[dict, str]:
    """({folded form: (term, slug)}, the glossary page's address) of the locale."""
    forms = {}
    for term in GlossaryTerm.objects.filter(locale=locale).only("term", "slug", "synonyms"):
        for form in [term.term, *term.synonyms.split(",")]:
            key = " ".join(fold(form).split())
            if key:
                forms.setdefault(key, (term.term, term.slug))
    glossary = GlossaryPage.objects.live().public().filter(locale=locale).first()
    return forms, glossary.url if glossary else ""


def _contact_url(locale) -> str:
    try:
        model = apps.get_model("contact", "ContactPage")
    except LookupError:
        return ""
    page = model.objects.live().public().filter(locale=locale).first()
    return page.url if page else ""


def _zero_frame(locale) -> dict:
    forms, glossary_url = _glossary(locale)
    return {
        "audiences": list(Audience.objects.filter(locale=locale)),
        "topics": list(Topic.objects.filter(locale=locale)),
        "glossary_forms": forms,
        "glossary_url": glossary_url,
        "contact_url": _contact_url(locale),
    }


def ways_forward(request, query: str, terms: list[str], locale) -> dict:
    """What the zero-results page offers; computed once per site generation (the frame
    cache), so a search without results costs no query for it."""
    frame = frame_cached(request, ("search-zero", locale.pk), lambda: _zero_frame(locale))
    glossary = None
    entry = frame["glossary_forms"].get(" ".join(terms))
    if entry and frame["glossary_url"]:
        glossary = (entry[0], f"{frame['glossary_url']}#{entry[1]}")
    contact = frame["contact_url"]
    return {
        "audiences": frame["audiences"],
        "topics": frame["topics"],
        "glossary": glossary,
        "contact_url": f"{contact}?{urlencode({'dotaz': query})}" if contact else "",
    }
