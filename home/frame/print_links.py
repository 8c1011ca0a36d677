"""Printed pages follow each link with its full address, which a reader can type from paper.

The print stylesheet writes a link's address after its text with `attr()`, which can only
read the link's own attributes; an internal link's `href` is a path ("/jsem-obec/…"),
useless on paper. So every internal link in the page's main content also carries its full
address in `data-print-url` (the site's root and the path), added once to the rendered HTML:
rich text, blocks and listings alike, whatever template wrote the link. The screen ignores
the attribute. The page cache keeps the finished HTML, so a cached page costs nothing more.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Site

# An <a> whose href (double-quoted, as Django and Wagtail write it) is a path on this site:
# one leading slash, not two (a protocol-relative address is another host's).
INTERNAL_LINK = re.compile(r'(<a\s(?:[^>]*?\s)?href=")(/(?!/)[^"]*)(")', re.IGNORECASE)


def site_root(request) -> str:
    """The root URL of the request's Wagtail site, without a trailing slash ("" if none).

    Wagtail looks the site up once per request and keeps it on the request."""
    if request is None:
        return ""
    site = Site.find_for_request(request)
    return site.root_url.rstrip("/") if site is not None else ""


def with_print_addresses(html: str, root: str) -> SafeString:
    """The same HTML, each internal link with `data-print-url` = root + its path."""
    if not root:
        return mark_safe(html)  # noqa: S308 - rendered template output, unchanged
    escaped_root = escape(root)

    def add_address(match: re.Match) -> str:
        start, path, end = match.groups()
        # The path is already escaped in the HTML, so it is copied as it stands.
        return f'{start}{path}{end} data-print-url="{escaped_root}{path}"'

    return mark_safe(INTERNAL_LINK.sub(add_address, html))  # noqa: S308 - see above
