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

    def clean(self):
        cleaned_data = super().clean()
        # A new file with the page count left as it was: the old count belonged to the old
        # file, so it is read again from the new one (GuidanceDocument.save).
        if "file" in self.changed_data and "page_count" not in self.changed_data:
            cleaned_data["page_count"] = None
        return cleaned_data
