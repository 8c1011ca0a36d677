"""The public forms: a question asking for advice, and feedback on the site's content."""

from django import forms
from django.utils.translation import gettext_lazy as _

from contact.models import MAX_MESSAGE_LENGTH, InquiryTopic, Region, RequesterType
from portal.abuse import HumanCheckMixin
from portal.addresses import AddressField

from .suggestions import valid_visit


class Radios(forms.RadioSelect):
    """Radios whose label target is the first option, so that the error summary's link for
    the group lands on it (GOV.UK's pattern)."""

    def id_for_label(self, id_, index="0"):
        return super().id_for_label(id_, index)


class InquiryForm(HumanCheckMixin, forms.Form):
    message = forms.CharField(
        max_length=MAX_MESSAGE_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "max_length": _(
                "Your message must be %(limit_value)d characters or fewer (it has %(show_value)d)."
            ),
        },
    )
    name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    email = AddressField(
        label=_("Your e-mail address"),
        error_messages={
            "required": _("Enter your e-mail address, so that we can send you the answer."),
        },
    )
    visit = forms.CharField(required=False, max_length=32, widget=forms.HiddenInput)

    message_label = ""
    message_required = ""

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        self.set_up_fields()

    def set_up_fields(self):
        # No maxlength in the browser: it would cut a pasted text short without a word; the
        # hint, the character count and the server's message say how long it may be.
        self.fields["message"].widget.attrs.pop("maxlength", None)
        self.fields["message"].label = self.message_label
        self.fields["message"].error_messages["required"] = self.message_required
        self.fields["message"].help_text = _("You can enter up to %(count)s characters.") % {
            "count": MAX_MESSAGE_LENGTH
        }
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean_visit(self):
        return valid_visit(self.cleaned_data.get("visit", ""))


class QuestionForm(InquiryForm):
    topic = forms.ChoiceField(
        label=_("What is your question about?"),
        widget=Radios,
        error_messages={
            "required": _("Choose what your question is about."),
            "invalid_choice": _("Choose what your question is about."),
        },
    )
    requester_type = forms.ChoiceField(
        label=_("Who is asking?"),
        choices=RequesterType.choices,
        widget=Radios,
        required=False,
    )
    region = forms.ChoiceField(
        label=_("Region"),
        help_text=_("If your question concerns a particular region."),
        choices=[("", _("Whole country, or I do not know")), *Region.choices],
        required=False,
    )

    message_label = _("Your question")
    message_required = _("Enter your question.")
    field_order = ["topic", "message", "requester_type", "region", "name", "email"]

    def set_up_fields(self):
        super().set_up_fields()
        # The topics are read once: the radios show them and the answer is one of them.
        self.topics = InquiryTopic.objects.for_language(self.language)
        self.fields["topic"].choices = [(str(topic.pk), topic.name) for topic in self.topics]
        self.fields["email"].help_text = _("We will send the answer to this address.")

    def clean_topic(self):
        chosen = self.cleaned_data["topic"]
        return next(topic for topic in self.topics if str(topic.pk) == chosen)

    def options(self, name):
        """(radio, hint) pairs for a group of radios; topics carry the editors' hints."""
        hints = {str(t.pk): t.description for t in self.topics} if name == "topic" else {}
        return [(radio, hints.get(str(radio.data["value"]), "")) for radio in self[name]]

    @property
    def topic_options(self):
        return self.options("topic")

    @property
    def requester_type_options(self):
        return self.options("requester_type")


class FeedbackForm(InquiryForm):
    page = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    # Set when a reader asks for a document in an accessible format.
    document = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    message_label = _("Your comment")
    message_required = _("Enter your comment.")
    field_order = ["message", "name", "email"]

    def set_up_fields(self):
        super().set_up_fields()
        self.fields["email"].required = False
        self.fields["email"].help_text = _("Only if you would like an answer.")
