"""Public, language-prefixed addresses of the contact centre besides its page's own routes."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from .public import views

urlpatterns = [
    # Content pages link here without a query: the link costs them no database lookup.
    path(
        _("comments-on-page/<int:page_id>/"),
        views.page_feedback,
        name="contact-page-feedback",
    ),
    # Next to every PDF: a request for an accessible format, naming the document.
    path(
        _("accessible-format/<int:document_id>/"),
        views.accessible_format,
        name="contact-accessible-format",
    ),
]
