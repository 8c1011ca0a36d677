"""The editors' dashboard panels about content: reviews due and searches that found nothing."""

from django.urls import reverse
from django.utils.translation import gettext as _

from home.editorial.review import review_counts
from home.search.misses import top_misses
from portal.charts import ChartPanel, bar_chart

SOON_DAYS = 30
MISSES_DAYS = 30


def review_panel(today=None) -> ChartPanel:
    counts = review_counts(within_days=SOON_DAYS, today=today)
    items = [
        (_("Overdue"), counts.overdue),
        (_("Due within 30 days"), counts.due_soon),
        (_("Due later"), counts.scheduled),
        (_("No review date"), counts.undated),
    ]
    description = _(
        "Guidance pages by review date: %(overdue)s overdue, %(soon)s due within 30 days, "
        "%(later)s due later, %(undated)s without a review date."
    ) % {
        "overdue": counts.overdue,
        "soon": counts.due_soon,
        "later": counts.scheduled,
        "undated": counts.undated,
    }
    chart = bar_chart(
        "chart-review",
        _("Pages due for review"),
        description,
        items,
        _("Review date"),
        _("Number of pages"),
    )
    return ChartPanel(
        "dashboard_review",
        _("Pages due for review"),
        [chart],
        order=120,
        link_url=reverse("review_report") + "?within=30",
        link_text=_("See the pages due for review"),
    )


def search_misses_panel(today=None) -> ChartPanel:
    misses = top_misses(days=MISSES_DAYS, today=today)
    if misses:
        description = _(
            "The %(count)s most frequent searches without results in the last 30 days; "
            "the most frequent: “%(query)s” (%(times)s times)."
        ) % {"count": len(misses), "query": misses[0][0], "times": misses[0][1]}
    else:
        description = _("No search came back empty in the last 30 days.")
    chart = bar_chart(
        "chart-search-misses",
        _("Searches that found nothing"),
        description,
        misses,
        _("Search query"),
        _("Searches"),
    )
    return ChartPanel(
        "dashboard_search_misses",
        _("Searches that found nothing"),
        [chart],
        130,
        link_url=reverse("search_misses"),
        link_text=_("See them all and create promoted results"),
    )
