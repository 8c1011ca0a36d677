"""The editors' dashboard panel of bulletin subscribers over time."""

from datetime import datetime, time, timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _

from portal.charts import ChartPanel, line_chart

from .models import Subscriber

WEEKS = 12


def subscribers_by_week(weeks: int = WEEKS, today=None) -> list[tuple[object, int]]:
    """(last day of the week, subscribers confirmed and still subscribed at its end), oldest
    first, the current week last. One query."""
    today = today or timezone.localdate()
    ends = [today - timedelta(days=7 * back) for back in reversed(range(weeks))]
    figures = {}
    for index, day in enumerate(ends):
        moment = timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
        subscribed = Q(confirmed_at__lt=moment) & (
            Q(unsubscribed_at__isnull=True) | Q(unsubscribed_at__gte=moment)
        )
        figures[f"week_{index}"] = Count("pk", filter=subscribed)
    counts = Subscriber.objects.exclude(status=Subscriber.Status.SUPPRESSED).aggregate(**figures)
    return [(day, counts[f"week_{index}"]) for index, day in enumerate(ends)]


def subscribers_panel(today=None) -> ChartPanel:
    weeks = subscribers_by_week(today=today)
    items = [(format_date(day, "j. n."), count) for day, count in weeks]
    first, last = weeks[0][1], weeks[-1][1]
    description = _(
        "Confirmed bulletin subscribers at the end of each of the last %(weeks)s weeks: "
        "%(first)s in the first week shown, %(last)s now."
    ) % {"weeks": WEEKS, "first": first, "last": last}
    chart = line_chart(
        "chart-subscribers",
        _("Bulletin subscribers over time"),
        description,
        items,
        _("Week ending"),
        _("Subscribers"),
    )
    return ChartPanel(
        "dashboard_subscribers",
        _("Bulletin subscribers"),
        [chart],
        order=140,
        link_url=reverse("subscribers:index"),
        link_text=_("See the subscribers"),
    )
