"""Requests for a document in an accessible format: feedback that names the document.

The link next to every PDF leads to the feedback form with the document's id; the inquiry's
message then always starts with the document's title and address, whatever the reader wrote.
"""

from django.utils.translation import gettext as _
from wagtail.documents import get_document_model


def requested(form):
    """The document a feedback form is about, from its hidden field, or None."""
    raw = form.data.get("document") if form.is_bound else form.initial.get("document")
    try:
        document_id = int(raw)
    except (TypeError, ValueError):
        return None
    return get_document_model().objects.filter(pk=document_id).first()


def prefilled_message(document) -> str:
    return _(
        "Please send me the document “%(title)s” in an accessible format "
        "(for example as a Word or plain text file)."
    ) % {"title": document.title}


def naming(document, url: str, message: str) -> str:
    header = _("Accessible format requested for: %(title)s (%(url)s)") % {
        "title": document.title,
        "url": url,
    }
    return message if message.startswith(header) else f"{header}\n\n{message}"
