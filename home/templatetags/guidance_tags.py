"""Template helpers of the guidance features: document details and glossary links."""

from django import template
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from home.glossary import entries_for, link_terms

register = template.Library()


@register.simple_tag
def document_meta(document, page_language=None) -> str:
    """ "PDF, 1,2 MB, 14 stran", and the language when it is not the page's."""
    parts = [document.file_extension.upper()]
    size = document.file_size
    if size:
        parts.append(filesizeformat(size).replace("\xa0", " "))
    pages = getattr(document, "page_count", None)
    if pages:
        parts.append(ngettext("%(count)s page", "%(count)s pages", pages) % {"count": pages})
    language = getattr(document, "language", "")
    reader = page_language or translation.get_language() or settings.LANGUAGE_CODE
    if language and language != reader:
        parts.append(document.language_adverb)
    return ", ".join(parts)


class GlossaryLinksNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        language = translation.get_language() or settings.LANGUAGE_CODE
        # The parser re-serialises markup it was given by the site's own templates.
        return mark_safe(link_terms(html, entries_for(language)))  # noqa: S308


@register.tag
def glossary_links(parser, token):
    """{% glossary_links %}…{% endglossary_links %}: the first use of each term is linked."""
    nodelist = parser.parse(("endglossary_links",))
    parser.delete_first_token()
    return GlossaryLinksNode(nodelist)
