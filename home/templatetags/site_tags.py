"""Template tags for the frame every page shares: menu, footer, notices, breadcrumbs, metadata."""

from django import template
from django.conf import settings
from django.utils import timezone, translation
from wagtail.images.shortcuts import get_rendition_or_not_found

from home.frame import structured_data
from home.frame.fragment import site_footer as render_footer
from home.frame.i18n import versions_of_page, versions_of_path
from home.frame.models import FooterContent, SiteNotice
from home.frame.navigation import index_pages
from home.frame.print_links import site_root, with_print_addresses
from home.guidance.models import AudienceLandingPage
from home.pages.home_page import HomePage
from home.pages.querysets import published
from home.taxonomy.models import AudienceIndexPage, TopicIndexPage
from portal.caching.fragments import page_fragment, shared_fragment
from portal.caching.frame import frame_cached
from portal.caching.per_request import memoised
from portal.locales import in_language_or_default

register = template.Library()


def richtext(value):
    from wagtail.templatetags.wagtailcore_tags import richtext as render

    return render(value) if value else ""


def _language():
    return translation.get_language() or settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def site_home(context):
    request = context["request"]
    language = _language()

    def find():
        return in_language_or_default(HomePage.objects.live(), language)

    return frame_cached(request, ("home", language), find)


@register.simple_tag(takes_context=True)
def main_menu(context, page=None):
    """Menu entries of the home page, each marked "page" when it is the current page and
    "true" when the current page lies below it (for aria-current)."""
    page = page or None
    home = site_home(context)
    if home is None:
        return []
    items = frame_cached(
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
        footer = in_language_or_default(
            FooterContent.objects.select_related("contact_centre"), language
        )
        if footer is not None:
            # Resolved here, once per site generation, rather than by queries in the template.
            target = footer.write_to_us_page
            target = target.localized if target else None
            footer.write_to_us_url = target.get_url() if target else ""
            footer.funding_html = richtext(footer.funding_statement)
        return footer

    return frame_cached(context["request"], ("footer", language), find)


@register.simple_tag(takes_context=True)
def site_footer(context):
    """includes/footer.html, from the shared frame (home.frame.fragment)."""
    return render_footer(context, _language())


@register.simple_tag(takes_context=True)
def site_notices(context):
    language = _language()

    def find():
        # Every notice that may show; the time window is applied per request below, so a
        # notice appears and disappears on time without any change being published.
        notices = list(SiteNotice.objects.filter(locale__language_code=language, active=True))
        for notice in notices:
            notice.message_html = richtext(notice.message)
        return notices

    now = timezone.now()
    notices = frame_cached(context["request"], ("notices", language), find)
    return [
        notice
        for notice in notices
        if (notice.starts_at is None or notice.starts_at <= now)
        and (notice.ends_at is None or notice.ends_at > now)
    ]


@register.simple_tag(takes_context=True)
def taxonomy_url(context, term):
    """The browse page of a topic or an audience in the term's own language."""
    index_model = TopicIndexPage if term._meta.model_name == "topic" else AudienceIndexPage
    request = context["request"]
    index = index_pages(request, term.locale_id).get(index_model)
    return index.specific_deferred.term_url(term, request) if index else ""


@register.simple_tag(takes_context=True)
def audience_entry_url(context, audience):
    """An audience's entry point ("Jsem obec") when it has one, else its taxonomy page."""
    request = context["request"]

    def find():
        landings = published(AudienceLandingPage.objects.filter(locale_id=audience.locale_id))
        return {landing.audience_id: landing.get_url(request) for landing in landings}

    entries = frame_cached(request, ("audience-entries", audience.locale_id), find)
    return entries.get(audience.pk) or taxonomy_url(context, audience)


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page=None, extra=None):
    """(title, url) pairs from the home page down to the current page (and an extra leaf)."""
    request = context["request"]
    page = page or None  # an undefined template variable arrives as ""

    def ancestors():
        found = page.get_ancestors().filter(depth__gt=1)
        return [(ancestor.title, ancestor.get_url(request)) for ancestor in found]

    crumbs = []
    if page is not None:
        # The ancestors are part of the frame (their changes bump the site generation);
        # the page's own title is read from the page being shown.
        crumbs = list(frame_cached(request, ("crumbs", page.path[:-4]), ancestors))
        if page.depth > 1:
            crumbs.append((page.title, page.get_url(request)))
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


@register.filter
def optional_attr(obj, name):
    """An attribute only some page types have, or None. The template engine's own lookup
    of a missing attribute calls dir() on the page to tell why it failed, which costs more
    than rendering the tag it guards; shared templates ask through this filter instead."""
    return getattr(obj, name, None)


# The image link previews show (og:image) and the article's schema.org image.
SHARE_IMAGE_FILTER = "fill-1200x630"


@register.simple_tag(takes_context=True)
def share_image(context, page):
    """The address and size of the page's listing image as link previews show it, or None.

    The page's metadata and its structured data both name it. It is a frame value, keyed
    by the image: an image's change (a new file, a focal point) bumps the site generation,
    and its renditions change with the image alone; so a render reads neither the image
    nor the rendition, where Wagtail's image tag would look both up (and write the
    rendition back to the shared cache) for each use."""
    image_id = getattr(page, "listing_image_id", None)
    if not image_id:
        return None

    def find():
        rendition = get_rendition_or_not_found(page.listing_image, SHARE_IMAGE_FILTER)
        return {"url": rendition.url, "width": rendition.width, "height": rendition.height}

    request = context.get("request")
    if request is None:
        return find()
    return frame_cached(request, ("share-image", image_id), find)


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


class PrintAddressesNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        root = site_root(context.get("request"))
        return with_print_addresses(self.nodelist.render(context), root)


@register.tag
def print_addresses(parser, token):
    """{% print_addresses %}…{% endprint_addresses %}: internal links inside get their full
    address for print (home.frame.print_links). Blocks inside still take part in inheritance."""
    nodelist = parser.parse(("endprint_addresses",))
    parser.delete_first_token()
    return PrintAddressesNode(nodelist)


class SharedFragmentNode(template.Node):
    def __init__(self, name, vary_on, nodelist):
        self.name = name
        self.vary_on = vary_on
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        name = (self.name, *(value.resolve(context) for value in self.vary_on))
        return shared_fragment(request, name, lambda: self.nodelist.render(context))


@register.tag("shared_fragment")
def shared_fragment_tag(parser, token):
    """{% shared_fragment "name" value… %}…{% endshared_fragment %}: the markup inside,
    rendered once per site generation, language, site and the values given
    (portal.caching.fragments.shared_fragment). Only for markup the same for every reader:
    no form, nothing of the user's or the request's."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a fragment name")
    name = bits[1].strip("\"'")
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(name, vary_on, nodelist)


class PageFragmentNode(template.Node):
    def __init__(self, page, nodelist):
        self.page = page
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        page = self.page.resolve(context)
        if request is None or not page:
            return self.nodelist.render(context)
        return page_fragment(request, page, lambda: self.nodelist.render(context))


@register.tag("page_fragment")
def page_fragment_tag(parser, token):
    """{% page_fragment page %}…{% endpage_fragment %}: a live page's own content, rendered
    once per site generation, language and site (portal.caching.fragments.page_fragment).
    Blocks inside still take part in inheritance. Only for markup the same for every reader."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes the page")
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(parser.compile_filter(bits[1]), nodelist)
