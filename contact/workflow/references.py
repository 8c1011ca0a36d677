"""Reference numbers such as SB-2026-00042: unique, human-friendly and sequential per year.

One counter row per year is incremented in the caller's transaction. The UPDATE locks the
row until that transaction ends, so two inquiries saved at once queue up for it instead of
sharing a number, and a transaction that rolls back gives its number back.
"""

from django.db import transaction
from django.db.models import F

from contact.models import ReferenceCounter

PREFIX = "SB"


def format_reference(year: int, number: int) -> str:
    return f"{PREFIX}-{year}-{number:05d}"


def next_reference(year: int) -> str:
    # No savepoint of its own: the caller's transaction holds the lock, and rolls it back.
    with transaction.atomic(savepoint=False):
        ReferenceCounter.objects.get_or_create(year=year)
        counter = ReferenceCounter.objects.filter(year=year)
        counter.update(last_number=F("last_number") + 1)
        number = counter.values_list("last_number", flat=True).get()
    return format_reference(year, number)
