"""Two-factor sign-in to the admin with an authenticator app (TOTP, django-otp).

Any staff member may set up an authenticator app; from then on the admin asks them for a
code after the password. Superusers must set one up when STAFF_2FA_REQUIRED is on (the
production default). (wagtail-2fa was the first choice; its release does not run on
Wagtail 8 nor with django-otp 1.7's explicit device choice, so this small module does the
same with django-otp itself.)
"""

import base64
import io
from urllib.parse import urlencode

import django_otp
from django import forms
from django.conf import settings
from django.contrib.auth import authenticate
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp.middleware import OTPMiddleware
from django_otp.plugins.otp_totp.models import TOTPDevice

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


def may_set_up(user) -> bool:
    """Only a user without a confirmed device, or one verified in this session, may set up."""
    return user.is_verified() or confirmed_device(user) is None


def must_set_up(user) -> bool:
    return settings.STAFF_2FA_REQUIRED and user.is_superuser


class TwoFactorMiddleware(OTPMiddleware):
    """Marks request.user verified or not (django-otp) and keeps unverified staff out."""

    def __call__(self, request):
        self._install_lazy_accessors(request)
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


class SetupForm(CodeForm):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput)


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or reverse("wagtailadmin_home")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return reverse("wagtailadmin_home")
    return target


def verify(request):
    device = confirmed_device(request.user)
    if device is None:
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    allowed, _details = device.verify_is_allowed()
    if form.is_valid() and not allowed:
        # django-otp slows down guessing: each wrong code doubles the wait for the next.
        form.add_error("code", _("Too many wrong codes. Wait a moment and try again."))
    elif form.is_valid():
        verified = django_otp.verify_token(
            request.user, device.persistent_id, form.cleaned_data["code"].strip()
        )
        if verified is not None:
            django_otp.login(request, verified)
            return redirect(_next(request))
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
            return redirect(_next(request))
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


def _qr_code_data_uri(text: str) -> str:
    import qrcode  # only for the set-up page: page-serving workers never load it
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()
