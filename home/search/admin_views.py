"""The editors' side of search: the searches that found nothing, each a step from a
promoted result (wagtail.contrib.search_promotions) that answers it."""

from datetime import timedelta

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.views.settings import CreateView

from home.search.misses import top_misses
from home.search.models import SearchZeroFollow

REPORT_DAYS = 30


class PromoteQueryView(CreateView):
    """Wagtail's "add a promoted result" form, its query filled from ?query_string=.

    The form posts to Wagtail's own add view, which saves it as usual.
    """

    def get_initial(self):
        initial = super().get_initial()
        query = self.request.GET.get("query_string", "").strip()
        if query:
            initial["query_string"] = query[:255]
        return initial


def promote_url(query: str) -> str:
    return reverse("search_promote_query") + "?" + urlencode({"query_string": query})


def search_misses_report(request):
    today = timezone.localdate()
    misses = [
        {"query": query, "count": count, "promote_url": promote_url(query)}
        for query, count in top_misses(days=REPORT_DAYS, limit=50, today=today)
    ]
    counts = {}
    for row in SearchZeroFollow.objects.filter(day__gt=today - timedelta(days=REPORT_DAYS)).values(
        "via", "count"
    ):
        counts[row["via"]] = counts.get(row["via"], 0) + row["count"]
    return render(
        request,
        "home/admin/search_misses.html",
        {
            "header_title": _("Searches that found nothing"),
            "misses": misses,
            "follows": sorted(counts.items(), key=lambda item: -item[1]),
            "days": REPORT_DAYS,
        },
    )
