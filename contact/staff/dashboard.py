"""The admin dashboard's panel: how the signed-in user's queues stand today."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from contact.models import Inquiry
from contact.models.inquiries import is_open, is_overdue

from .filters import MINE, OVERDUE, UNASSIGNED


class InquiriesPanel(Component):
    name = "contact_inquiries"
    order = 90
    template_name = "contact/staff/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        counts = Inquiry.objects.visible_to(self.user).aggregate(
            open=Count("pk", filter=is_open()),
            unassigned=Count("pk", filter=is_open() & Q(assignee=None)),
            overdue=Count("pk", filter=is_overdue(timezone.localdate())),
            mine=Count("pk", filter=is_open() & Q(assignee=self.user)),
        )
        index = reverse("contact_inquiries:index")
        return {
            "counts": counts,
            "index_url": index,
            "unassigned_url": f"{index}?view={UNASSIGNED}",
            "overdue_url": f"{index}?view={OVERDUE}",
            "mine_url": f"{index}?view={MINE}",
        }
