"""The site's document model: Wagtail's document with the metadata a library needs.

Documents are not translatable: each file is in one language, and a translation of a
document is another document (the library filters by language instead).
"""

import contextlib
import logging

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index

DOCUMENT_LANGUAGES = [
    ("cs", _("Czech")),
    ("en", _("English")),
    ("sk", _("Slovak")),
    ("de", _("German")),
]
# How a language is named after a document's size: "PDF, 1,2 MB, 14 stran, anglicky".
LANGUAGE_ADVERBS = {
    "cs": _("in Czech"),
    "en": _("in English"),
    "sk": _("in Slovak"),
    "de": _("in German"),
}
# Larger files are not read for their page count; the upload limit is lower anyway.
PAGE_COUNT_READ_LIMIT = 50 * 1024 * 1024

logger = logging.getLogger(__name__)


def count_pdf_pages(file) -> int | None:
    """The number of pages of a PDF, or None when the file does not tell.

    pypdf follows the cross-reference table or stream (PDF 1.5+ tools put most objects,
    the pages included, in compressed object streams) to the page tree, so an incremental
    update or a linearised file is not counted twice either. A file it cannot read only
    loses its page count: the upload goes on.
    """
    try:
        file.open("rb")
        file.seek(0)
        # The header may follow some junk, within the first kilobyte (as readers allow).
        if file.size > PAGE_COUNT_READ_LIMIT or b"%PDF-" not in file.read(1024):
            return None
        file.seek(0)
        from pypdf import PdfReader  # only when a document is uploaded: web workers never need it

        reader = PdfReader(file, strict=False)
        if reader.is_encrypted:
            # Most "protected" PDFs only restrict printing or copying (empty open password).
            reader.decrypt("")
        count = len(reader.pages)
    except Exception as error:  # pypdf raises many kinds on a malformed file
        logger.info("Page count of %s unknown: %s", getattr(file, "name", "?"), error)
        return None
    finally:
        with contextlib.suppress(OSError, ValueError):
            file.seek(0)
    return count or None


class DocumentType(models.TextChoices):
    METHODOLOGY = "methodology", _("Methodology")
    ANALYSIS = "analysis", _("Analysis")
    LEAFLET = "leaflet", _("Leaflet")
    OTHER = "other", _("Other")


class DocumentOrigin(models.TextChoices):
    PROGRAMME = "programme", _("The programme")
    EXTERNAL = "external", _("External")


class GuidanceDocument(AbstractDocument):
    document_type = models.CharField(
        _("type"), max_length=20, choices=DocumentType.choices, default=DocumentType.METHODOLOGY
    )
    origin = models.CharField(
        _("origin"), max_length=20, choices=DocumentOrigin.choices, default=DocumentOrigin.PROGRAMME
    )
    author = models.CharField(_("author"), max_length=255, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=DOCUMENT_LANGUAGES, default=settings.LANGUAGE_CODE
    )
    page_count = models.PositiveIntegerField(
        _("number of pages"),
        null=True,
        blank=True,
        help_text=_("Left empty, it is read from a PDF when possible."),
    )
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    topics = models.ManyToManyField(
        "home.Topic", verbose_name=_("topics"), blank=True, related_name="documents"
    )
    audiences = models.ManyToManyField(
        "home.Audience", verbose_name=_("audiences"), blank=True, related_name="documents"
    )
    in_library = models.BooleanField(
        _("listed in the document library"),
        default=True,
        help_text=_("Untick for files that only belong to one article."),
    )

    admin_form_fields = (
        *Document.admin_form_fields,
        "document_type",
        "origin",
        "author",
        "year",
        "language",
        "page_count",
        "summary",
        "topics",
        "audiences",
        "in_library",
    )
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("summary"),
        index.SearchField("author"),
        index.FilterField("document_type"),
        index.FilterField("language"),
        index.FilterField("year"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_guidancedocument", "Can choose document")]

    def save(self, *args, **kwargs):
        if self.page_count is None and self.file and self.file_extension.lower() == "pdf":
            self.page_count = count_pdf_pages(self.file)
        super().save(*args, **kwargs)

    @property
    def format_label(self) -> str:
        return self.file_extension.upper()

    @property
    def language_adverb(self) -> str:
        return str(LANGUAGE_ADVERBS.get(self.language, self.get_language_display()))

    @property
    def is_pdf(self) -> bool:
        return self.file_extension.lower() == "pdf"
