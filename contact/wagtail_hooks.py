from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import Inquiry
from .permissions import InquiryPermissionPolicy, works_in_contact_centre
from .staff.dashboard import InquiriesPanel
from .staff.dashboard_charts import inquiries_panel
from .staff.viewsets import ContactCentreGroup
from .workflow import audit

# Before any view asks: Wagtail otherwise falls back to model permissions for inquiries.
register_permission_policy(Inquiry, InquiryPermissionPolicy(Inquiry))


@hooks.register("register_log_actions")
def register_contact_log_actions(actions):
    audit.register_actions(actions)


@hooks.register("construct_homepage_panels")
def add_inquiries_panel(request, panels):
    if works_in_contact_centre(request.user):
        panels.append(InquiriesPanel(request.user))
    if request.user.has_perm("wagtailadmin.access_admin"):
        # Figures only, no person: editors see what readers ask about.
        panels.append(inquiries_panel())


register_snippet(ContactCentreGroup)
