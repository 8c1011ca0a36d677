"""Resetting another person's two-factor sign-in, for an editor who lost the phone.

A recovery code signs its owner in but never replaces the authenticator (two_factor.py), so
a lost phone is put right by someone else: an administrator who may change users, and who
has proved a second factor of their own in this session, resets it from the users' list; or,
when no such administrator can sign in, an operator runs `manage.py reset_two_factor`. The
person then sets up a new authenticator at their next sign-in. No one resets their own: that
would let a stolen password and one recovery code take the second factor over.

Every reset is written to Wagtail's audit log and the person is told by e-mail, so that a
reset they did not ask for does not go unnoticed.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from .outbox import queue_email
from .staff_language import admin_language

LOG_ACTION = "portal.two_factor.reset"
NOTICE_TEMPLATE = "portal/email/two_factor_reset"


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user).exists() or (
        StaticDevice.objects.filter(user=user).exists()
    )


def may_reset(actor, target) -> bool:
    """Whether `actor`, signed in to the admin, may reset `target`'s second factor."""
    if not actor.is_authenticated or actor.pk == target.pk:
        return False
    if not actor.is_verified():
        return False  # only an administrator who proved a second factor of their own
    if target.is_superuser and not actor.is_superuser:
        return False
    return actor.has_perm(f"{get_user_model()._meta.app_label}.change_user")


def reset_two_factor(target: AbstractBaseUser, by: AbstractBaseUser | None = None) -> int:
    """Delete the target's authenticators and recovery codes, log it and tell them; returns
    how many devices were deleted."""
    with transaction.atomic():
        devices = [TOTPDevice.objects.filter(user=target), StaticDevice.objects.filter(user=target)]
        deleted = sum(queryset.count() for queryset in devices)
        for queryset in devices:
            queryset.delete()  # a static device's recovery codes go with it
        log(instance=target, action=LOG_ACTION, user=by)
        if target.email:
            queue_email(
                NOTICE_TEMPLATE,
                target.email,
                {
                    "name": target.get_full_name().strip() or target.get_username(),
                    "by_operator": by is None,
                    "when": timezone.localtime(),
                },
                admin_language(target),
                purpose="portal.two_factor.reset",
            )
    return deleted


@require_http_methods(["GET", "POST"])
def reset_view(request, user_id):
    """Ask, then reset: a GET changes nothing, the POST (with its CSRF token) resets."""
    target = get_object_or_404(get_user_model(), pk=user_id)
    if not may_reset(request.user, target):
        raise PermissionDenied
    name = target.get_full_name().strip() or target.get_username()
    if request.method == "POST":
        reset_two_factor(target, by=request.user)
        messages.success(
            request,
            _(
                "Two-factor sign-in of %(name)s was reset. They set up a new authenticator "
                "when they next sign in."
            )
            % {"name": name},
        )
        return redirect("wagtailusers_users:index")
    return render(
        request,
        "portal/two_factor_reset.html",
        {"target": target, "name": name, "has_second_factor": has_second_factor(target)},
    )
