"""Searches that found nothing, counted per folded query and day, for the editors' dashboard.

Only the folded words are kept, never who searched or when within the day; queries that look
like an e-mail address or a number (a phone, a birth number) are not kept at all.
"""

import re
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from home.search.models import SearchMiss

RETENTION_DAYS = 180
_PERSONAL = re.compile(r"@|\d{4,}")


def miss_key(query: str, terms: list[str]) -> str:
    """The stored form of a query, or "" when it must not be stored."""
    if not terms or _PERSONAL.search(query.replace(" ", "")):
        return ""
    return " ".join(terms)[: SearchMiss.MAX_LENGTH].strip()


def record_search_miss(query: str, terms: list[str]) -> None:
    key = miss_key(query, terms)
    if not key:
        return
    today = timezone.localdate()
    if SearchMiss.objects.filter(query=key, day=today).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            SearchMiss.objects.create(query=key, day=today)
    except IntegrityError:
        # Another request created today's row a moment ago.
        SearchMiss.objects.filter(query=key, day=today).update(count=F("count") + 1)
        return
    # A new row a day per query is rare enough to carry the clean-up of old ones.
    SearchMiss.objects.filter(day__lt=today - timedelta(days=RETENTION_DAYS)).delete()


def top_misses(days: int = 30, limit: int = 10, today=None) -> list[tuple[str, int]]:
    """The most frequent queries without results in the last ``days`` days."""
    today = today or timezone.localdate()
    rows = (
        SearchMiss.objects.filter(day__gt=today - timedelta(days=days))
        .values("query")
        .annotate(total=Sum("count"))
        .order_by("-total", "query")[:limit]
    )
    return [(row["query"], row["total"]) for row in rows]
