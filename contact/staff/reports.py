"""How many questions the site's own content answered: the article suggestions report."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils.translation import gettext as _

from contact.models import ArticleSuggestion
from contact.permissions import works_in_contact_centre


def suggestion_totals() -> dict:
    """Visits of the form that were shown suggestions, that followed one, and that followed
    one and sent no question after all: the questions the content answered."""
    suggestions = ArticleSuggestion.objects.all()
    asked = suggestions.filter(inquiry__isnull=False).values("visit")
    followed = suggestions.filter(followed_at__isnull=False)
    return {
        "shown": suggestions.values("visit").distinct().count(),
        "followed": followed.values("visit").distinct().count(),
        "answered": followed.exclude(visit__in=asked).values("visit").distinct().count(),
        "asked_anyway": asked.distinct().count(),
    }


def suggestions_by_article():
    return (
        ArticleSuggestion.objects.values("page_id", "page__title", "language")
        .annotate(
            shown=Count("pk"),
            followed=Count("pk", filter=Q(followed_at__isnull=False)),
            asked_anyway=Count("pk", filter=Q(inquiry__isnull=False)),
        )
        .order_by("-followed", "-shown", "page__title")
    )


def suggestions_report(request):
    if not works_in_contact_centre(request.user):
        raise PermissionDenied
    return render(
        request,
        "contact/staff/suggestions_report.html",
        {
            "totals": suggestion_totals(),
            "rows": suggestions_by_article(),
            "page_title": _("Article suggestions"),
            "header_title": _("Article suggestions"),
        },
    )
