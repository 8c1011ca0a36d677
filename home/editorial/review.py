"""Which guidance pages are due for review, across every page type that has review dates.

Page types opt in by using ``ReviewMixin``; nothing here names them, so a new guidance page
type shows up in the report, the reminders and the dashboard without a change here.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.apps import apps
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Page

from home.pages.mixins import ReviewMixin

# Reminders and the dashboard look this far ahead; the report lets editors choose.
DUE_SOON_DAYS = 14


def review_models() -> list[type[Page]]:
    """Concrete page models with review dates, parents before their subclasses."""
    found = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and issubclass(model, ReviewMixin) and not model._meta.proxy
    ]
    # A subclass of a reviewed page type is already in its parent's table.
    return [
        model
        for model in found
        if not any(other is not model and issubclass(model, other) for other in found)
    ]


def pages_due(
    within_days: int = DUE_SOON_DAYS,
    today: date | None = None,
    owner=None,
    locale=None,
    among=None,
) -> list[Page]:
    """Specific pages whose next review is overdue or falls within ``within_days`` days,
    soonest first; ``among`` (a page queryset) limits them to pages a user may edit.
    One query per reviewed page type."""
    today = today or timezone.localdate()
    limit = today + timedelta(days=within_days)
    pages = []
    for model in review_models():
        queryset = model.objects.filter(next_review_due__lte=limit).select_related(
            "content_owner", "locale", "content_type"
        )
        if owner is not None:
            queryset = queryset.filter(content_owner=owner)
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        if among is not None:
            queryset = queryset.filter(pk__in=among.values("pk"))
        pages.extend(queryset)
    for page in pages:
        page.review_overdue_now = page.next_review_due < today
    return sorted(pages, key=lambda page: (page.next_review_due, page.title, page.pk))


@dataclass(frozen=True)
class ReviewCounts:
    overdue: int
    due_soon: int
    scheduled: int
    undated: int

    @property
    def total(self) -> int:
        return self.overdue + self.due_soon + self.scheduled + self.undated


def review_counts(within_days: int = 30, today: date | None = None) -> ReviewCounts:
    """How many reviewed pages are overdue, due within ``within_days`` days, due later, or
    have no review date at all."""
    today = today or timezone.localdate()
    limit = today + timedelta(days=within_days)
    totals = {"overdue": 0, "due_soon": 0, "scheduled": 0, "undated": 0}
    for model in review_models():
        figures = model.objects.aggregate(
            overdue=Count("pk", filter=Q(next_review_due__lt=today)),
            due_soon=Count("pk", filter=Q(next_review_due__gte=today, next_review_due__lte=limit)),
            scheduled=Count("pk", filter=Q(next_review_due__gt=limit)),
            undated=Count("pk", filter=Q(next_review_due__isnull=True)),
        )
        for key in totals:
            totals[key] += figures[key]
    return ReviewCounts(**totals)
