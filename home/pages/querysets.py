"""Query helpers shared by listings, menus, feeds and search."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def published(queryset):
    """Live pages outside any private section.

    Wagtail's PageQuerySet.public() first reads every view restriction in a separate query;
    this expresses the same rule as one correlated subquery, so a listing costs one query.
    """
    restricted_ancestor = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.live().exclude(Exists(restricted_ancestor))
