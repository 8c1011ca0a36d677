"""Forms of the admin's inquiry screens. Each action form names its service function."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_user_display_name

from contact.models import (
    MAX_MESSAGE_LENGTH,
    Channel,
    InquiryTopic,
    Kind,
    Queue,
    Region,
    RequesterType,
    Status,
    allowed_next,
)
from contact.workflow.routing import members_of
from portal.addresses import AddressField


class UserChoiceField(forms.ModelChoiceField):
    """People by the name they go by, not their user name."""

    def label_from_instance(self, obj):
        return get_user_display_name(obj)


class AssignForm(forms.Form):
    assignee = UserChoiceField(
        label=_("Assignee"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args, inquiry, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = members_of(inquiry.queue)
        self.fields["assignee"].initial = inquiry.assignee_id


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))

    def __init__(self, *args, inquiry, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status.value, status.label) for status in allowed_next(inquiry.status)
        ]


class MoveForm(forms.Form):
    queue = forms.ModelChoiceField(label=_("Queue"), queryset=Queue.objects.all())

    def __init__(self, *args, inquiry, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["queue"].queryset = Queue.objects.exclude(pk=inquiry.queue_id)


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Internal note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_MESSAGE_LENGTH,
        help_text=_("Only staff see notes."),
    )


class ReplyForm(forms.Form):
    THEN_CHOICES = [
        (Status.ANSWERED, _("mark it answered")),
        (Status.WAITING, _("wait for the requester (the due date pauses)")),
        ("", _("leave the status as it is")),
    ]

    body = forms.CharField(
        label=_("Reply"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=10 * MAX_MESSAGE_LENGTH,
    )
    then = forms.ChoiceField(
        label=_("After sending"), choices=THEN_CHOICES, required=False, initial=Status.ANSWERED
    )


class LogInquiryForm(forms.Form):
    """An inquiry that came by phone or e-mail, typed in by staff."""

    channel = forms.ChoiceField(
        label=_("Received by"),
        choices=[(Channel.PHONE, Channel.PHONE.label), (Channel.EMAIL, Channel.EMAIL.label)],
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices, initial=Kind.QUESTION)
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=InquiryTopic.objects.none(), required=False
    )
    language = forms.ChoiceField(
        label=_("Language of the requester"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        help_text=_("E-mails to the requester are written in this language."),
    )
    region = forms.ChoiceField(
        label=_("Region"), choices=[("", "—"), *Region.choices], required=False
    )
    requester_type = forms.ChoiceField(
        label=_("Requester type"), choices=[("", "—"), *RequesterType.choices], required=False
    )
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    email = AddressField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    message = forms.CharField(
        label=_("What they asked"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_MESSAGE_LENGTH,
    )
    acknowledge = forms.BooleanField(
        label=_("Send the acknowledgement e-mail with the reference"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = InquiryTopic.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("acknowledge") and not cleaned.get("email"):
            self.add_error(
                "email", _("Enter the e-mail address, or do not send the acknowledgement.")
            )
        return cleaned


class PersonalDataForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
