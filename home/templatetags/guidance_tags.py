"""Template helpers of the guidance features: document details and glossary links."""

from functools import lru_cache

from bs4 import BeautifulSoup
from django import template
from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe

from home.glossary.linking import entries_for, link_terms_in
from home.library.rich_text import META_ATTRIBUTE, describe_document_links, document_meta

register = template.Library()


register.simple_tag(document_meta)


class BodyLinksNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        language = translation.get_language() or settings.LANGUAGE_CODE
        entries = tuple(entries_for(language))
        return mark_safe(_with_links(html, entries))  # noqa: S308


# Parsing and re-serialising a long article costs more than rendering it. The outcome
# depends only on the rendered body and the glossary entries (both part of the key), so
# the same body is linked once per process.
@lru_cache(maxsize=32)
def _with_links(html: str, entries: tuple) -> str:
    if not entries and META_ATTRIBUTE not in html:
        return html
    # One parse for both jobs; the parser re-serialises the site's own rendered markup.
    soup = BeautifulSoup(html, "html.parser")
    link_terms_in(soup, entries)
    describe_document_links(soup)
    return str(soup)


@register.tag
def body_links(parser, token):
    """{% body_links %}…{% endbody_links %}: glossary terms linked, document links described."""
    nodelist = parser.parse(("endbody_links",))
    parser.delete_first_token()
    return BodyLinksNode(nodelist)
