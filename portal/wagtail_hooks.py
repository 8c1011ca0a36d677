from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import form_checks_report, two_factor, two_factor_reset
from .worker_warning import task_worker_warning


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/verify/", two_factor.verify, name="two_factor_verify"),
        path("two-factor/setup/", two_factor.setup, name="two_factor_setup"),
        path(
            "two-factor/recovery-codes/",
            two_factor.recovery_codes,
            name="two_factor_recovery_codes",
        ),
        path("two-factor/new-codes/", two_factor.new_codes, name="two_factor_new_codes"),
        path(
            "two-factor/reset/<int:user_id>/",
            two_factor_reset.reset_view,
            name="two_factor_reset",
        ),
    ]


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    # Shown for every user the administrator may reset (no query per row); the confirmation
    # page says whether the user has a second factor at all.
    if two_factor_reset.may_reset(request_user, user):
        yield Button(
            _("Reset two-factor sign-in"),
            reverse("two_factor_reset", args=[user.pk]),
            icon_name="lock",
            priority=60,
        )


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    actions.register_action(
        two_factor_reset.LOG_ACTION,
        _("Reset two-factor sign-in"),
        _("Two-factor sign-in reset"),
    )


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Ask for a code from an authenticator app after the password."),
    }


@hooks.register("register_account_menu_item")
def recovery_codes_account_item(request):
    if two_factor.confirmed_device(request.user) is None:
        return None
    return {
        "url": reverse("two_factor_recovery_codes"),
        "label": _("Recovery codes"),
        "help_text": _(
            "Single-use codes that sign you in when your phone is not at hand; make new ones "
            "if you used or lost them."
        ),
    }


@hooks.register("construct_homepage_panels")
def warn_when_no_worker_takes_tasks(request, panels):
    panel = task_worker_warning()
    if panel is not None:
        panels.insert(0, panel)


@hooks.register("register_admin_urls")
def register_form_checks_report_url():
    return [
        path(
            "reports/form-checks/",
            form_checks_report.form_checks_report,
            name="form_checks_report",
        )
    ]


class FormChecksMenuItem(MenuItem):
    def is_shown(self, request):
        return form_checks_report.may_view(request.user)


@hooks.register("register_reports_menu_item")
def register_form_checks_menu_item():
    return FormChecksMenuItem(
        _("Form checks"), reverse("form_checks_report"), icon_name="form", order=720
    )


@hooks.register("register_permissions")
def register_form_checks_permission():
    # So that a group (the methodology team) can be let to read the report.
    return Permission.objects.filter(
        content_type__app_label="portal", codename="view_formcheckoutcome"
    )
