"""Filters of the inquiry list, and the ready-made views (mine, unassigned, overdue, spam)."""

import django_filters
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from contact.models import Channel, Inquiry, InquiryTopic, Kind, Queue, Status

MINE, UNASSIGNED, OVERDUE, SPAM = "mine", "unassigned", "overdue", "spam"
VIEWS = [
    (MINE, _("Mine")),
    (UNASSIGNED, _("Unassigned")),
    (OVERDUE, _("Overdue")),
    (SPAM, _("Spam")),
]


def _visible_queues(request):
    return Queue.objects.visible_to(request.user) if request else Queue.objects.none()


def _colleagues(request):
    """Everyone who works in one of the user's queues."""
    if request is None:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(queue_memberships__queue__in=_visible_queues(request), is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def _czech_topics(request):
    return InquiryTopic.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


class InquiryFilterSet(WagtailFilterSet):
    view = django_filters.ChoiceFilter(
        label=_("View"),
        choices=VIEWS,
        method="filter_view",
        widget=forms.RadioSelect,
        empty_label=_("Everything but spam"),
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=Status.choices, widget=forms.CheckboxSelectMultiple
    )
    queue = django_filters.ModelChoiceFilter(label=_("Queue"), queryset=_visible_queues)
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=_czech_topics, method="filter_topic"
    )
    assignee = django_filters.ModelChoiceFilter(label=_("Assignee"), queryset=_colleagues)
    overdue = django_filters.BooleanFilter(
        label=_("Overdue"), method="filter_overdue", widget=BooleanRadioSelect
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Kind.choices, widget=forms.RadioSelect, empty_label=_("All")
    )
    channel = django_filters.ChoiceFilter(
        label=_("Received by"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )

    class Meta:
        model = Inquiry
        fields = []

    def filter_view(self, queryset, name, value):
        if value == MINE:
            return queryset.filter(assignee=self.request.user)
        if value == UNASSIGNED:
            return queryset.open().filter(assignee=None)
        if value == OVERDUE:
            return queryset.overdue(timezone.localdate())
        if value == SPAM:
            return queryset.filter(status=Status.SPAM)
        return queryset

    def filter_topic(self, queryset, name, value):
        # A topic counts in every language: English inquiries point at its translation.
        return queryset.filter(topic__translation_key=value.translation_key)

    def filter_overdue(self, queryset, name, value):
        overdue = queryset.overdue(timezone.localdate())
        if value is None:
            return queryset
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))

    def shows_spam(self) -> bool:
        """Spam stays out of every list unless asked for (the spam view or the status)."""
        data = self.form.cleaned_data if self.is_bound and self.form.is_valid() else {}
        return data.get("view") == SPAM or Status.SPAM in (data.get("status") or [])
