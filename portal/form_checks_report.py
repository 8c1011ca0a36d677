"""How often the public forms' automation checks took each path (portal.form_checks), in
the admin's Reports: whether the time-trap asks real people to confirm too often, and
whether those it asks come back, read without SQL."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone

from .models import FormCheckOutcome

PERMISSION = "portal.view_formcheckoutcome"
DAYS = 30
Outcome = FormCheckOutcome.Outcome


def may_view(user) -> bool:
    return user.has_perm(PERMISSION)


def summary(days: int = DAYS, today=None) -> list[dict]:
    """Per form, the counts of each path over the last `days` days, and how many of those
    asked to confirm did not come back (people who gave up, or programs)."""
    since = (today or timezone.localdate()) - timedelta(days=days - 1)
    totals = (
        FormCheckOutcome.objects.filter(day__gte=since)
        .values("form", "outcome")
        .annotate(total=Sum("count"))
    )
    by_form: dict[str, dict[str, int]] = {}
    for row in totals:
        by_form.setdefault(row["form"], {})[row["outcome"]] = row["total"]
    rows = []
    for form in sorted(by_form):
        counts = {outcome: by_form[form].get(outcome, 0) for outcome in Outcome.values}
        asked = counts[Outcome.ASKED_TO_CONFIRM]
        rows.append(
            {
                "form": form,
                "counts": [counts[outcome] for outcome in Outcome.values],
                "not_confirmed": max(0, asked - counts[Outcome.CONFIRMED]),
            }
        )
    return rows


def form_checks_report(request):
    if not may_view(request.user):
        raise PermissionDenied
    return render(
        request,
        "portal/form_checks_report.html",
        {"rows": summary(), "days": DAYS, "outcomes": Outcome.labels},
    )
