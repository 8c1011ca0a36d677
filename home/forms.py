"""The admin's document form: the library's metadata, with topics and audiences as boxes."""

from django import forms
from wagtail.admin.widgets import AdminTagWidget
from wagtail.documents.forms import BaseDocumentForm
from wagtail.models import Locale


class GuidanceDocumentForm(BaseDocumentForm):
    class Meta(BaseDocumentForm.Meta):
        widgets = {
            **BaseDocumentForm.Meta.widgets,
            "tags": AdminTagWidget,
            "topics": forms.CheckboxSelectMultiple,
            "audiences": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Documents are filed under the default language's terms; translations follow by key.
        default = Locale.get_default()
        for name in ("topics", "audiences"):
            if name in self.fields:
                field = self.fields[name]
                field.queryset = field.queryset.filter(locale=default)
