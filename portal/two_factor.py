"""Two-factor sign-in to the admin with an authenticator app (TOTP, django-otp).

Any staff member may set up an authenticator app; from then on the admin asks them for a
code after the password. Superusers must set one up when STAFF_2FA_REQUIRED is on (the
production default). Setting one up also gives ten recovery codes (django-otp's static
device), shown once: each signs in once in place of a code from the app, so a lost phone
does not lock anyone out, and new ones can be made from the account menu (the old ones then
stop working). A recovery code opens the admin but not the set-up page: replacing the
authenticator needs the authenticator, or a stolen password with one code from a lost sheet
would take the second factor over for good. Someone who lost the phone is reset by an
administrator or an operator instead (two_factor_reset.py), and then sets up a new one.

(wagtail-2fa was the first choice; its release does not run on Wagtail 8 nor with django-otp
1.7's explicit device choice, so this small module does the same with django-otp itself. See
the README's Decisions for why not django-two-factor-auth or allauth's MFA.)
"""

import base64
import io
import secrets
from urllib.parse import urlencode

import django_otp
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .hashing import keyed_hash

# Views an admin user may reach before giving a code. The set-up page is not among them:
# it is open only to a user with no confirmed device yet, or to one verified in this session
# (see may_set_up), so a password alone can never replace someone's authenticator.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_verify",
}


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def verified_by_authenticator(user) -> bool:
    """Verified in this session with a code from the authenticator app (not a recovery code)."""
    return user.is_verified() and isinstance(user.otp_device, TOTPDevice)


def may_set_up(user) -> bool:
    """Only a user without a confirmed device, or one verified in this session with it, may
    set up: neither a password alone nor a recovery code replaces someone's authenticator."""
    return confirmed_device(user) is None or verified_by_authenticator(user)


def must_set_up(user) -> bool:
    return settings.STAFF_2FA_REQUIRED and user.is_superuser


class TwoFactorMiddleware:
    """Keeps unverified staff out of the admin. It runs after django-otp's OTPMiddleware,
    which marks request.user verified or not."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self._keep_unverified_staff_out(request) or self.get_response(request)

    def _keep_unverified_staff_out(self, request):
        if not request.path_info.startswith("/admin/") or not request.user.is_authenticated:
            return None
        match = getattr(request, "resolver_match", None)
        url_name = match.url_name if match else _url_name(request.path_info)
        if url_name in OPEN_URL_NAMES or request.user.is_verified():
            return None
        if url_name == "two_factor_setup" and confirmed_device(request.user) is None:
            return None
        next_url = urlencode({"next": request.get_full_path()})
        if confirmed_device(request.user) is not None:
            return redirect(f"{reverse('two_factor_verify')}?{next_url}")
        if must_set_up(request.user):
            return redirect(f"{reverse('two_factor_setup')}?{next_url}")
        return None


def _url_name(path):
    from django.urls import Resolver404, resolve

    try:
        return resolve(path).url_name
    except Resolver404:
        return None


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app, or a recovery code"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )


class PasswordForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput)


class SetupForm(CodeForm, PasswordForm):
    field_order = ["code", "password"]


# Recovery codes: 12 characters without look-alikes (0/o, 1/l/i), about 59 bits each, shown
# in groups of four. Only a keyed hash of each is stored, so a copy of the database does not
# hold codes that sign in; StaticToken.token keeps its first 16 hex digits (64 bits).
RECOVERY_CODE_COUNT = 10
RECOVERY_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_CODE_LENGTH = 12


def _normalised(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def _stored_form(code: str) -> str:
    return keyed_hash(_normalised(code), "recovery-code")[:16]


def _is_app_code(code: str) -> bool:
    return len(code) == 6 and code.isdigit()


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with new ones and return them (to show once)."""
    codes = [
        "-".join(
            "".join(secrets.choice(RECOVERY_CODE_ALPHABET) for _position in range(4))
            for _group in range(RECOVERY_CODE_LENGTH // 4)
        )
        for _code in range(RECOVERY_CODE_COUNT)
    ]
    with transaction.atomic():
        # The same device with new tokens: a session verified with one of the old codes stays
        # verified (django-otp keeps the device's id in the session).
        device = StaticDevice.objects.filter(user=user).order_by("pk").first()
        if device is None:
            device = StaticDevice.objects.create(user=user, name=str(_("Recovery codes")))
        StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.token_set.all().delete()
        StaticToken.objects.bulk_create(
            StaticToken(device=device, token=_stored_form(code)) for code in codes
        )
    return codes


def _recovery_device(user):
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def _use_recovery_code(device, code: str) -> bool:
    """Spend one code. The delete decides: of two requests racing with one code, one wins."""
    spent, _details = StaticToken.objects.filter(device=device, token=_stored_form(code)).delete()
    if not spent:
        device.throttle_increment()
        return False
    device.throttle_reset(commit=False)
    device.set_last_used_timestamp(commit=False)
    device.save()
    return True


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or reverse("wagtailadmin_home")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return reverse("wagtailadmin_home")
    return target


def verify(request):
    device = confirmed_device(request.user)
    if device is None:
        return redirect(_next(request))
    form = VerifyForm(request.POST or None)
    if form.is_valid():
        code = _normalised(form.cleaned_data["code"])
        recovery = None if _is_app_code(code) else _recovery_device(request.user)
        checked = recovery or device
        allowed, _details = checked.verify_is_allowed()
        if not allowed:
            # django-otp slows down guessing: each wrong code doubles the wait for the next.
            form.add_error("code", _("Too many wrong codes. Wait a moment and try again."))
        elif recovery is not None and _use_recovery_code(recovery, code):
            django_otp.login(request, recovery)
            messages.warning(
                request,
                _(
                    "You signed in with a recovery code; it will not work again. Unused "
                    "recovery codes: %(count)s."
                )
                % {"count": recovery.token_set.count()},
            )
            return redirect(_next(request))
        elif recovery is None and (
            verified := django_otp.verify_token(request.user, device.persistent_id, code)
        ):
            django_otp.login(request, verified)
            return redirect(_next(request))
        else:
            form.add_error("code", _("The code is not right, or it has expired. Try the new one."))
    return render(request, "portal/two_factor_verify.html", {"form": form, "next": _next(request)})


def setup(request):
    """Add an authenticator: scan the code, enter the password and a code to confirm."""
    if not may_set_up(request.user):
        # A confirmed device exists and this session has not proved it: verify first.
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': _next(request)})}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=request.user, name=str(_("Authenticator app")), confirmed=False
        )
    form = SetupForm(request.POST or None)
    if form.is_valid():
        password_ok = authenticate(
            request, username=request.user.get_username(), password=form.cleaned_data["password"]
        )
        if password_ok is None:
            form.add_error("password", _("The password is not right."))
        elif device.verify_token(form.cleaned_data["code"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
            django_otp.login(request, device)
            return _show_recovery_codes(request, new_recovery_codes(request.user))
        else:
            form.add_error("code", _("The code is not right, or it has expired. Try the new one."))
    return render(
        request,
        "portal/two_factor_setup.html",
        {
            "form": form,
            "qr_code": _qr_code_data_uri(device.config_url),
            "secret": base64.b32encode(device.bin_key).decode(),
            "next": _next(request),
            "required": must_set_up(request.user),
        },
    )


def recovery_codes(request):
    """How many recovery codes are left; with the password, new ones in place of the old."""
    if confirmed_device(request.user) is None:
        return redirect(f"{reverse('two_factor_setup')}?{urlencode({'next': _next(request)})}")
    if not request.user.is_verified():
        # The middleware sends unverified users to the verify page first; never rely on it.
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': request.path})}")
    form = PasswordForm(request.POST or None)
    if form.is_valid():
        password_ok = authenticate(
            request, username=request.user.get_username(), password=form.cleaned_data["password"]
        )
        if password_ok is None:
            form.add_error("password", _("The password is not right."))
        else:
            return _show_recovery_codes(request, new_recovery_codes(request.user))
    device = _recovery_device(request.user)
    return render(
        request,
        "portal/two_factor_recovery_codes.html",
        {"form": form, "left": device.token_set.count() if device else 0},
    )


NEW_CODES_SESSION_KEY = "two_factor_new_recovery_codes"


def _show_recovery_codes(request, codes):
    """Show new codes once, on a page of their own (a reload or the back button shows none)."""
    request.session[NEW_CODES_SESSION_KEY] = codes
    return redirect(f"{reverse('two_factor_new_codes')}?{urlencode({'next': _next(request)})}")


def new_codes(request):
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    if not codes:
        return redirect("two_factor_recovery_codes")
    response = render(
        request, "portal/two_factor_new_codes.html", {"codes": codes, "next": _next(request)}
    )
    response["Cache-Control"] = "no-store"
    return response


def _qr_code_data_uri(text: str) -> str:
    import qrcode  # only for the set-up page: page-serving workers never load it
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()
