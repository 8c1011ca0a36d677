"""What the guidance pages put in front of a reader: filtered listings and their links.

Pages call these from their routes, so that the models keep to fields and rules.
"""

from urllib.parse import urlencode

from django.utils.translation import pgettext

from home.guidance.forms import TopicFilterForm
from home.help_points.choices import REGIONS
from home.help_points.forms import RegionForm
from home.help_points.models import directory_for, help_points_in
from home.library.models import DocumentLibraryPage
from home.pages.models import paginate, subpage_url
from home.pages.querysets import published

NEAREST_LIMIT = 10


def library_url_for(landing) -> str:
    """The document library in the landing page's language, filtered to its audience."""
    library = published(DocumentLibraryPage.objects.filter(locale_id=landing.locale_id)).first()
    if library is None:
        return ""
    return f"{library.url}?{urlencode({'audience': landing.audience.slug})}"


def landing_context(landing, request) -> dict:
    topics = list(landing.topics())
    form = TopicFilterForm(request.GET or None, topics)
    topic = form.selected_topic()
    query = urlencode({"topic": topic.slug}) if topic else ""
    return {
        "filter_form": form,
        "selected_topic": topic,
        "articles": paginate(request, landing.articles(topic)),
        "guides": landing.guides(),
        "documents": landing.audience_documents(topic),
        "library_url": library_url_for(landing),
        "directory": directory_for(landing.locale_id),
        "query_string": query,
        "feed_rss_url": subpage_url(landing, "feed-rss", query),
        "feed_atom_url": subpage_url(landing, "feed-atom", query),
    }


def signpost_context(signpost, request) -> dict:
    form = RegionForm(request.GET or None)
    region = form.region()
    directory = directory_for(signpost.locale_id)
    nearest = []
    directory_url = ""
    if region:
        points = help_points_in(signpost.locale_id, region=region)
        nearest = list(points[:NEAREST_LIMIT])
        if directory is not None:
            directory_url = directory.url + "?" + urlencode({"kraj": region})
    return {
        "region_form": form,
        "region": region,
        "region_name": dict(REGIONS).get(region, ""),
        "nearest_help_points": nearest,
        "more_help_points_url": directory_url,
        "directory": directory,
        "contact": signpost.contact_centre,
        "situation_groups": [
            (group.value, pgettext("anchor", "situation") + f"-{number}")
            for number, group in enumerate(signpost.situations, start=1)
        ],
    }
