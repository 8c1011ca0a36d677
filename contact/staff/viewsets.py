"""The "Contact centre" area of the Wagtail admin: inquiries, and the data that routes them."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from contact.models import CannedAnswer, Inquiry, InquiryTopic, Queue, RoutingRule
from contact.permissions import works_in_contact_centre

from . import privacy_views, reports
from .filters import VIEWS, InquiryFilterSet
from .views import (
    DueDateColumn,
    InquiryDeleteView,
    InquiryDetailView,
    InquiryHistoryView,
    InquiryIndexView,
    InquiryUsageView,
    LogInquiryView,
    TopicColumn,
)


class StaffMenuItem(MenuItem):
    """Shown to people who work in at least one queue (and to superusers)."""

    def is_shown(self, request):
        return works_in_contact_centre(request.user)


class InquiryViewSet(ModelViewSet):
    model = Inquiry
    name = "contact_inquiries"
    url_prefix = "contact/inquiries"
    icon = "mail"
    menu_label = _("Inquiries")
    index_view_class = InquiryIndexView
    history_view_class = InquiryHistoryView
    usage_view_class = InquiryUsageView
    delete_view_class = InquiryDeleteView
    filterset_class = InquiryFilterSet
    list_per_page = 50
    list_display = [
        "__str__",
        TopicColumn("topic", label=_("Topic")),
        "queue",
        "status",
        "assignee",
        DueDateColumn("due_date", label=_("Answer due"), sort_key="due_date"),
        "received_at",
    ]
    search_fields = ["reference", "name", "email", "message"]
    search_backend_name = None
    # Statistics, not personal data: the requester's name, address and words stay out of
    # the spreadsheet (Personal data exports them for one address when they ask).
    list_export = [
        "reference",
        "received_at",
        "get_kind_display",
        "get_channel_display",
        "get_status_display",
        "subject",
        "queue",
        "assignee",
        "get_region_display",
        "get_requester_type_display",
        "language",
        "due_date",
        "finished_at",
    ]
    export_headings = {
        "reference": _("Reference"),
        "received_at": _("Received"),
        "get_kind_display": _("Kind"),
        "get_channel_display": _("Received by"),
        "get_status_display": _("Status"),
        "subject": _("Topic"),
        "queue": _("Queue"),
        "assignee": _("Assignee"),
        "get_region_display": _("Region"),
        "get_requester_type_display": _("Requester type"),
        "language": _("Language"),
        "due_date": _("Answer due"),
        "finished_at": _("Finished"),
    }
    export_filename = "dotazy"
    copy_view_enabled = False
    add_to_reference_index = False

    @property
    def add_view(self):
        return self.construct_view(LogInquiryView)

    @property
    def edit_view(self):
        return self.construct_view(InquiryDetailView)


class QueueViewSet(ModelViewSet):
    model = Queue
    name = "contact_queues"
    url_prefix = "contact/queues"
    icon = "group"
    menu_label = _("Queues")
    list_display = [
        "name",
        "mailbox",
        "assignment",
        "response_days",
        "retention_months",
        "is_fallback",
    ]
    copy_view_enabled = False


class RoutingRuleViewSet(ModelViewSet):
    model = RoutingRule
    name = "contact_routing_rules"
    url_prefix = "contact/routing-rules"
    icon = "redirect"
    menu_label = _("Routing rules")
    list_display = ["name", "active", "kind", "region", "requester_type", "keywords", "queue"]


class InquiryTopicViewSet(SnippetViewSet):
    model = InquiryTopic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "queue", "sort_order", "locale"]
    menu_item_is_registered = True


class CannedAnswerViewSet(SnippetViewSet):
    model = CannedAnswer
    icon = "doc-full"
    menu_label = _("Canned answers")
    list_display = ["title", "locale"]
    search_fields = ["title", "body"]
    menu_item_is_registered = True


class StaffViewSet(ViewSet):
    """A single admin page for contact centre staff."""

    view = None

    @property
    def menu_item_class(self):
        return StaffMenuItem

    def get_urlpatterns(self):
        return [path("", self.view, name="index")]


class PersonalDataViewSet(StaffViewSet):
    name = "contact_personal_data"
    url_prefix = "contact/personal-data"
    icon = "user"
    menu_label = _("Personal data")
    view = staticmethod(privacy_views.personal_data)


class SuggestionsReportViewSet(StaffViewSet):
    name = "contact_suggestions"
    url_prefix = "contact/suggestions"
    icon = "doc-full-inverse"
    menu_label = _("Article suggestions")
    view = staticmethod(reports.suggestions_report)


class ContactCentreGroup(ViewSetGroup):
    menu_label = _("Contact centre")
    menu_icon = "mail"
    menu_order = 250
    items = (
        InquiryViewSet,
        QueueViewSet,
        RoutingRuleViewSet,
        InquiryTopicViewSet,
        CannedAnswerViewSet,
        PersonalDataViewSet,
        SuggestionsReportViewSet,
    )

    def get_submenu_items(self):
        """The inquiry list's ready-made views sit right under it."""
        items = super().get_submenu_items()
        index = reverse("contact_inquiries:index")
        views = [
            StaffMenuItem(label, f"{index}?view={value}", name=f"inquiries-{value}", order=1)
            for value, label in VIEWS
        ]
        return [items[0], *views, *items[1:]]
