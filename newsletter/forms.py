from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from home.models import Topic
from portal.abuse import HumanCheckMixin
from portal.addresses import AddressError, check_address
from portal.choice_fields import KeyCheckedModelMultipleChoiceField

PRIVACY_NOTICE = _(
    "We use your e-mail address only to send you the bulletin. You will first receive an "
    "e-mail to confirm the subscription, and every issue has a link to unsubscribe. You can "
    "see, download or delete what we keep about you at any time."
)


class SubscribeForm(HumanCheckMixin, forms.Form):
    email = forms.CharField(
        label=_("Your e-mail"),
        help_text=_("For example jana.novakova@seznam.cz"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"required": _("Invalid e-mail. Enter your e-mail address.")},
    )
    language = forms.ChoiceField(label=_("Language of the bulletin"), choices=settings.LANGUAGES)
    topics = KeyCheckedModelMultipleChoiceField(
        label=_("Topics you are interested in"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    keep_address = forms.BooleanField(required=False, widget=forms.HiddenInput)
    source = forms.ChoiceField(
        choices=[("footer", "footer"), ("page", "page")], widget=forms.HiddenInput
    )
    page_path = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)

    def __init__(self, *args, with_topics=True, **kwargs):
        super().__init__(*args, **kwargs)
        language = translation.get_language() or settings.LANGUAGE_CODE
        self.fields["language"].initial = language
        topics = Topic.objects.filter(locale__language_code=language)
        self.fields["topics"].queryset = topics
        if not with_topics or not topics.exists():
            del self.fields["topics"]
        self.suggestion = None
        self.checked = None

    def clean_email(self):
        raw = self.data.get("use_suggestion") or self.cleaned_data["email"]
        try:
            self.checked = check_address(raw)
        except AddressError as error:
            raise forms.ValidationError(error.message, code=error.kind) from error
        # keep_address is read from the raw data: it is cleaned after this field.
        if self.checked.suggestion and not self.data.get("keep_address"):
            self.suggestion = self.checked.suggestion
            raise forms.ValidationError(
                _("Did you mean %(suggestion)s?"),
                code="typo",
                params={"suggestion": self.suggestion},
            )
        return self.checked.email

    def clean_keep_address(self):
        return bool(self.data.get("keep_address"))

    def clean_page_path(self):
        path = self.cleaned_data.get("page_path", "")
        # Only a path on this site is recorded as where consent was given.
        return path if path.startswith("/") and not path.startswith("//") else ""


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the bulletin"), choices=settings.LANGUAGES)
    topics = KeyCheckedModelMultipleChoiceField(
        label=_("Topics you are interested in"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = translation.get_language() or settings.LANGUAGE_CODE
        self.fields["topics"].queryset = Topic.objects.filter(locale__language_code=language)


class ResendForm(HumanCheckMixin, forms.Form):
    email = forms.CharField(
        label=_("Your e-mail"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": _("Invalid e-mail. Enter your e-mail address.")},
    )

    def clean_email(self):
        try:
            return check_address(self.cleaned_data["email"]).email
        except AddressError as error:
            raise forms.ValidationError(error.message, code=error.kind) from error


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, delete everything you keep about me"),
        error_messages={"required": _("Tick the box to confirm that we should delete your data.")},
    )
