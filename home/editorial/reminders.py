"""The weekly e-mail that tells each content owner which of their pages need a review."""

from collections import defaultdict
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from home.editorial.models import ReviewReminder
from home.editorial.review import DUE_SOON_DAYS, pages_due
from portal.mail import absolute_url
from portal.outbox import queue_email
from portal.staff_language import admin_language

TEMPLATE = "home/email/review_reminder"


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def send_review_reminders(today: date | None = None, within_days: int = DUE_SOON_DAYS):
    """Queue one e-mail per owner with pages overdue or due soon, at most once a week.

    Returns [(owner, number of pages)] for the reminders queued by this run.
    """
    today = today or timezone.localdate()
    week = week_of(today)
    by_owner = defaultdict(list)
    for page in pages_due(within_days=within_days, today=today):
        owner = page.content_owner
        if owner is not None and owner.is_active and owner.email:
            by_owner[owner].append(page)
    already = set(
        ReviewReminder.objects.filter(week=week, owner__in=list(by_owner)).values_list(
            "owner_id", flat=True
        )
    )
    sent = []
    for owner, pages in sorted(by_owner.items(), key=lambda item: item[0].pk):
        if owner.pk in already:
            continue
        try:
            # The week's row and the queued e-mail commit together or not at all.
            with transaction.atomic():
                ReviewReminder.objects.create(owner=owner, week=week, page_count=len(pages))
                _queue(owner, pages, today)
        except IntegrityError:
            continue  # another run claimed this owner's week first
        sent.append((owner, len(pages)))
    return sent


def _queue(owner, pages, today):
    rows = [
        {
            "title": page.title,
            "language": page.locale.language_code,
            "due": page.next_review_due,
            "overdue": page.next_review_due < today,
            "edit_url": absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        }
        for page in pages
    ]
    context = {
        "owner_name": owner.get_full_name().strip() or owner.get_username(),
        "pages": rows,
        "overdue_count": sum(row["overdue"] for row in rows),
        "report_url": absolute_url(reverse("review_report")),
    }
    queue_email(
        TEMPLATE, owner.email, context, admin_language(owner), purpose="home.editorial.review"
    )
