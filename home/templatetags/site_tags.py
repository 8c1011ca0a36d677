"""Template tags for the frame every page shares: menu, footer, notices, breadcrumbs, metadata."""

from django import template
from django.conf import settings
from django.utils import translation

from home import structured_data
from home.i18n import versions_of_page, versions_of_path
from home.models import AudienceIndexPage, FooterContent, HomePage, SiteNotice, TopicIndexPage
from home.models.site_content import for_locale
from home.navigation import index_pages, memoised
from home.querysets import published

register = template.Library()


def _language():
    return translation.get_language() or settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def site_home(context):
    request = context["request"]
    language = _language()

    def find():
        homes = {
            home.locale.language_code: home
            for home in HomePage.objects.live()
            .filter(locale__language_code__in=[language, settings.LANGUAGE_CODE])
            .select_related("locale")
        }
        return homes.get(language) or homes.get(settings.LANGUAGE_CODE)

    return memoised(request, ("home", language), find)


@register.simple_tag(takes_context=True)
def main_menu(context, page=None):
    """Menu entries of the home page, each marked "page" when it is the current page and
    "true" when the current page lies below it (for aria-current)."""
    page = page or None
    home = site_home(context)
    if home is None:
        return []
    items = memoised(
        context["request"],
        ("menu", home.pk),
        lambda: list(published(home.get_children()).in_menu()),
    )
    current_path = getattr(page, "path", "")
    entries = []
    for item in items:
        state = ""
        if page is not None and item.pk == page.pk:
            state = "page"
        elif current_path.startswith(item.path):
            state = "true"
        entries.append({"page": item, "current": state})
    return entries


@register.simple_tag(takes_context=True)
def footer_content(context):
    language = _language()

    def find():
        return for_locale(FooterContent.objects.select_related("contact_centre"), language)

    return memoised(context["request"], ("footer", language), find)


@register.simple_tag(takes_context=True)
def site_notices(context):
    language = _language()
    return memoised(
        context["request"],
        ("notices", language),
        lambda: list(SiteNotice.objects.showing(language)),
    )


@register.simple_tag(takes_context=True)
def taxonomy_url(context, term):
    """The browse page of a topic or an audience in the term's own language."""
    index_model = TopicIndexPage if term._meta.model_name == "topic" else AudienceIndexPage
    index = index_pages(context["request"], term.locale_id).get(index_model)
    return index.specific_deferred.term_url(term) if index else ""


@register.simple_tag(takes_context=True)
def audience_entry_url(context, audience):
    """An audience's entry point ("Jsem obec") when it has one, else its taxonomy page."""
    from home.models import AudienceLandingPage

    request = context["request"]
    entries = memoised(
        request,
        ("audience-entries", audience.locale_id),
        lambda: {
            entry.audience_id: entry
            for entry in published(AudienceLandingPage.objects.filter(locale_id=audience.locale_id))
        },
    )
    entry = entries.get(audience.pk)
    return entry.get_url(request) if entry else taxonomy_url(context, audience)


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page=None, extra=None):
    """(title, url) pairs from the home page down to the current page (and an extra leaf)."""
    request = context["request"]
    page = page or None  # an undefined template variable arrives as ""

    def ancestors():
        if page is None:
            return []
        found = page.get_ancestors(inclusive=True).filter(depth__gt=1)
        return [(ancestor.title, ancestor.get_url(request)) for ancestor in found]

    crumbs = list(memoised(request, ("crumbs", getattr(page, "pk", None)), ancestors))
    if extra:
        crumbs.append(tuple(extra))
    return crumbs


@register.simple_tag(takes_context=True)
def structured_data_for(context, page=None, crumbs=None, image_url=None):
    request = context["request"]
    page = page or None
    home = site_home(context)
    home_url = home.get_url(request) if home else "/"
    footer = footer_content(context)
    organisation = structured_data.organisation(
        request, home_url, footer.contact_centre if footer else None
    )
    graph = [organisation]
    if crumbs and len(crumbs) > 1:
        graph.append(structured_data.breadcrumb_list(request, crumbs))
    if page is not None and hasattr(page, "meta_description") and hasattr(page, "body"):
        graph.append(structured_data.article(request, page, organisation["@id"], image_url))
    # Page types with their own schema.org types (an FAQPage), and listings (organisations).
    if page is not None and hasattr(page, "structured_data"):
        graph.extend(page.structured_data(request))
    graph.extend(context.get("structured_data_extra") or [])
    return structured_data.to_script({"@context": "https://schema.org", "@graph": graph})


@register.filter
def description_of(page) -> str:
    """The best short description a page has: promote-tab text, summary or introduction."""
    for attribute in ("search_description", "summary", "intro"):
        value = getattr(page, attribute, "")
        if value:
            return value
    return ""


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """An absolute address on the host the reader used (ALLOWED_HOSTS vouches for it)."""
    return context["request"].build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page in every site language: a translation, or where to read why there is none."""
    request = context["request"]
    if context.get("language_versions"):
        return context["language_versions"]
    page = context.get("page_versions_of") or context.get("page") or None
    if page is not None and getattr(page, "translation_key", None):
        return memoised(request, ("versions", page.pk), lambda: versions_of_page(request, page))
    return memoised(request, "versions-of-path", lambda: versions_of_path(request))
