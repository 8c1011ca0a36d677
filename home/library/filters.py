"""The document library's filters: a GET form that never fails, and the query it builds."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model

from home.library.documents import DOCUMENT_LANGUAGES, DocumentType

ALL_LANGUAGES = "all"


class LibraryFilterForm(forms.Form):
    """Type, audience, topic, year and language; an invalid value is reported and ignored."""

    type = forms.ChoiceField(label=_("Type"), required=False)
    audience = forms.ChoiceField(label=_("Audience"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, data, *, topics, audiences, years, reader_language):
        # The reader's language is the default, so an unfiltered visit lists what they can read.
        data = data.copy()
        if not data.get("language"):
            data["language"] = reader_language
        super().__init__(data)
        self.topics = {term.slug: term for term in topics}
        self.audiences = {term.slug: term for term in audiences}
        everything = [("", _("All"))]
        self.fields["type"].choices = everything + list(DocumentType.choices)
        self.fields["audience"].choices = everything + [(t.slug, t.name) for t in audiences]
        self.fields["topic"].choices = everything + [(t.slug, t.name) for t in topics]
        self.fields["year"].choices = everything + [(str(y), str(y)) for y in years]
        self.fields["language"].choices = [
            (ALL_LANGUAGES, _("All languages")),
            *DOCUMENT_LANGUAGES,
        ]
        for name in ("type", "audience", "topic", "year", "language"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "This filter has no such value; it was left out: %(value)s"
            )

    def valid_filters(self) -> dict:
        """The filters that hold a valid value; the invalid ones are left out, not fatal."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in ("", None) and name not in self.errors
        }

    def filter(self, documents):
        chosen = self.valid_filters()
        if "type" in chosen:
            documents = documents.filter(document_type=chosen["type"])
        if "year" in chosen:
            documents = documents.filter(year=chosen["year"])
        language = chosen.get("language", ALL_LANGUAGES)
        if language != ALL_LANGUAGES:
            documents = documents.filter(language=language)
        # Documents are filed under the Czech terms; a term in any language finds them
        # through the translation key it shares with them.
        if "topic" in chosen:
            key = self.topics[chosen["topic"]].translation_key
            documents = documents.filter(topics__translation_key=key)
        if "audience" in chosen:
            key = self.audiences[chosen["audience"]].translation_key
            documents = documents.filter(audiences__translation_key=key)
        return documents.distinct()

    def query_string(self) -> str:
        """The valid filters as a query string, for the pagination and the feed links."""
        from django.http import QueryDict

        query = QueryDict(mutable=True)
        for name, value in self.valid_filters().items():
            query[name] = str(value)
        return query.urlencode()


def library_documents():
    return (
        get_document_model().objects.filter(in_library=True).order_by("-year", "-created_at", "-pk")
    )


def document_years() -> list[int]:
    years = (
        library_documents()
        .exclude(year=None)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return list(years)
