from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from . import admin_views, dashboard
from .models import BulletinPage, Subscriber


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    name = "subscribers"
    url_prefix = "bulletin/subscribers"
    icon = "user"
    menu_label = _("Subscribers")
    list_display = ["email", "status", "language", "source", "created_at", "confirmed_at"]
    list_filter = ["status", "language", "source"]
    list_export = ["email", "status", "language", "source", "created_at", "confirmed_at",
                   "unsubscribed_at", "consent_at", "consent_page"]  # fmt: skip
    export_filename = "subscribers"
    search_fields = ["email"]
    form_fields = ["email", "language", "status"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["email", "status", "language", "source", "consent_text", "consent_at",
                           "consent_page", "consent_language", "confirmed_at", "unsubscribed_at",
                           "soft_bounces", "created_at"]  # fmt: skip


class BulletinAdminGroup(ViewSetGroup):
    menu_label = _("Bulletin")
    menu_icon = "mail"
    menu_order = 320
    items = (SubscriberViewSet,)


@hooks.register("register_admin_viewset")
def register_bulletin_viewsets():
    return BulletinAdminGroup()


@hooks.register("register_admin_urls")
def register_bulletin_urls():
    return [
        path("bulletin/sends/", admin_views.send_list, name="newsletter_sends"),
        path("bulletin/send/<int:page_id>/", admin_views.send_issue, name="newsletter_send_issue"),
        path("bulletin/sends/<int:send_id>/", admin_views.send_progress,
             name="newsletter_send_progress"),
        path("bulletin/sends/<int:send_id>/control/", admin_views.pause_or_resume,
             name="newsletter_send_control"),
        path("bulletin/data-requests/", admin_views.lookup, name="newsletter_lookup"),
        path("bulletin/data-requests/<int:subscriber_id>/export/", admin_views.staff_export,
             name="newsletter_staff_export"),
        path("bulletin/data-requests/<int:subscriber_id>/erase/", admin_views.staff_erase,
             name="newsletter_staff_erase"),
    ]  # fmt: skip


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_sends_menu_item():
    return PermissionMenuItem(
        _("Bulletin sends"),
        reverse("newsletter_sends"),
        icon_name="mail",
        order=321,
        permission=admin_views.SEND_PERMISSION,
    )


@hooks.register("register_admin_menu_item")
def register_lookup_menu_item():
    return PermissionMenuItem(
        _("Find a subscriber"),
        reverse("newsletter_lookup"),
        icon_name="search",
        order=322,
        permission=admin_views.EXPORT_PERMISSION,
    )


@hooks.register("register_page_header_buttons")
def send_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, BulletinPage) and user.has_perm(
        admin_views.SEND_PERMISSION
    ):
        yield Button(
            _("Send to subscribers"),
            reverse("newsletter_send_issue", args=[page.pk]),
            icon_name="mail",
            priority=25,
        )


@hooks.register("register_permissions")
def register_bulletin_permissions():
    return Permission.objects.filter(
        content_type__app_label="newsletter", codename__in=["send_bulletin", "export_subscribers"]
    )


@hooks.register("register_log_actions")
def register_bulletin_log_actions(actions):
    actions.register_action("newsletter.send.test", _("Send a test"), _("Test sent"))
    actions.register_action("newsletter.send.start", _("Send"), _("Sending started"))
    actions.register_action("newsletter.send.pause", _("Pause sending"), _("Sending paused"))
    actions.register_action("newsletter.send.resume", _("Resume sending"), _("Sending resumed"))
    actions.register_action("newsletter.send.cancel", _("Cancel sending"), _("Sending cancelled"))
    actions.register_action(
        "newsletter.subscriber.export", _("Export subscriber data"), _("Subscriber data exported")
    )
    actions.register_action(
        "newsletter.subscriber.erase", _("Erase subscriber"), _("Subscriber erased")
    )


@hooks.register("construct_homepage_panels")
def add_subscribers_panel(request, panels):
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(dashboard.subscribers_panel())
