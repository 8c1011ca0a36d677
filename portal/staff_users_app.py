"""Wagtail's users app with the portal's user forms (portal/staff_users.py).

Only the app config lives here: INSTALLED_APPS imports it before the models are ready, and
the forms import the models.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class StaffUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "portal.staff_users.StaffUserViewSet"
