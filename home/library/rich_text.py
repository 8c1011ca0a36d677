"""Document links inside rich text carry the same details as the document block's links.

A rich-text link handler only writes the opening tag, so it leaves the details in a data
attribute; the page body's HTML pass (home.templatetags.guidance_tags) prints them after
the link. Where no such pass runs the attribute is harmless.
"""

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import ngettext
from wagtail.documents.rich_text import DocumentLinkHandler

META_ATTRIBUTE = "data-document-meta"


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


class DescribedDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [
            format_html('<a href="{}" {}="{}">', doc.url, META_ATTRIBUTE, document_meta(doc))
            if doc
            else "<a>"
            for doc in cls.get_many(attrs_list)
        ]


def describe_document_links(soup) -> None:
    """Print each marked document link's details after it: "(PDF, 1,2 MB, 14 stran)"."""
    for link in soup.find_all("a", attrs={META_ATTRIBUTE: True}):
        meta = soup.new_tag("span", attrs={"class": "document-link__meta"})
        meta.string = f"({link[META_ATTRIBUTE]})"
        del link[META_ATTRIBUTE]
        link.insert_after(meta)
        link.insert_after(" ")
