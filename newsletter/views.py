"""Public pages of the bulletin: sign-up, confirmation, unsubscribe, preferences.

No response ever tells whether an address is subscribed; links from e-mails never change
anything by themselves (mail scanners follow links): they show a page with one button.
Views under such a link (a token in the address) are @secret_address: never stored, never
referred (`Referrer-Policy: no-referrer`), and so exempt from CSRF (portal.private_pages).
"""

import contextlib

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from wagtail.log_actions import log

from home.models import Topic
from portal import form_checks
from portal.abuse import over_limit, too_many_requests
from portal.client_address import client_ip
from portal.form_checks import Outcome, second_step_token
from portal.hashing import keyed_hash
from portal.private_pages import secret_address

from . import services, tasks
from .forms import PRIVACY_NOTICE, EraseForm, PreferencesForm, ResendForm, SubscribeForm
from .models import Subscriber
from .tokens import (
    CONFIRM,
    MANAGE,
    TokenExpired,
    TokenInvalid,
    subscriber_for,
    subscriber_for_expired,
)

# The names under which the forms' check outcomes are counted (portal.models.FormCheckOutcome).
SIGNUP_FORM = "newsletter-signup"
RESEND_FORM = "newsletter-resend"


@require_http_methods(["GET", "POST"])
def subscribe(request):
    """Every valid sign-up takes the same path, whatever the address: validate, count against
    the limits, enqueue one task (newsletter.tasks.process_signup), answer "check your inbox".
    Whether the address is new, pending, confirmed or suppressed is looked at only by the
    task, so neither the answer nor its timing can tell."""
    if request.method == "GET":
        return render_signup_page(request, SubscribeForm(initial={"source": "page"}))
    form = SubscribeForm(request.POST, with_topics=request.POST.get("source") == "page")
    if over_limit(request, "newsletter-signup-ip", _setting("NEWSLETTER_SIGNUPS_PER_IP")):
        return too_many_requests(request)
    outcome = form_checks.decide(form)
    if outcome == Outcome.HONEYPOT:
        # Quietly, and only for the honeypot, which no person fills in (portal.form_checks).
        form_checks.record(SIGNUP_FORM, outcome)
        return redirect("newsletter:check_inbox")
    if outcome == Outcome.ASKED_TO_CONFIRM:
        # Too quick for a person, or a form without a valid time-trap: never a fake success,
        # the same form again with one button to confirm.
        form_checks.record(SIGNUP_FORM, outcome)
        return render_signup_page(
            request, _signup_form_as_sent(request.POST), second_step=second_step_token()
        )
    if not form.is_valid():
        form.initial["form_started"] = form.fresh_token()
        return render_signup_page(request, form, status=400)
    email = form.cleaned_data["email"]
    if over_limit(
        request, "newsletter-signup-address", _setting("NEWSLETTER_SIGNUPS_PER_ADDRESS"), email
    ):
        return too_many_requests(request)
    tasks.process_signup.enqueue(
        email=email,
        language=form.cleaned_data["language"],
        topics=[topic.pk for topic in form.cleaned_data.get("topics") or []],
        source=form.cleaned_data["source"],
        consent_text=str(PRIVACY_NOTICE),
        consent_page=form.cleaned_data["page_path"],
        consent_language=translation.get_language(),
        ip_hash=keyed_hash(client_ip(request), "newsletter-consent-ip"),
    )
    form_checks.record(SIGNUP_FORM, outcome)
    return redirect("newsletter:check_inbox")


def render_signup_page(request, form, status=200, send_again=False, second_step=""):
    return render(
        request,
        "newsletter/subscribe.html",
        {
            "form": form,
            "privacy_notice": PRIVACY_NOTICE,
            "send_again": send_again,
            "second_step": second_step,
        },
        status=status,
    )


def _signup_form_as_sent(posted, **kwargs):
    """The form again, unbound, filled in as posted (with a new time-trap token)."""
    initial = {name: posted.get(name, "") for name in ("language", "page_path")}
    initial["email"] = posted.get("use_suggestion") or posted.get("email", "")
    initial["source"] = posted.get("source") if posted.get("source") == "footer" else "page"
    initial["topics"] = posted.getlist("topics")
    return SubscribeForm(initial=initial, with_topics=initial["source"] == "page", **kwargs)


def recover_from_csrf_failure(request):
    """A sign-up posted without a valid CSRF token (a cached page read without JavaScript):
    the form again, filled in as sent and now with a token, so one more click subscribes.
    The original time-trap token is kept, so that the second click is not "too fast"."""
    posted = request.POST
    form = _signup_form_as_sent(posted)
    if posted.get("form_started"):
        form.initial["form_started"] = posted["form_started"]
    return render_signup_page(request, form, status=403, send_again=True)


subscribe.csrf_recovery = recover_from_csrf_failure


def _setting(name):
    return getattr(settings, name)


@require_safe
def check_inbox(request):
    return render(request, "newsletter/check_inbox.html")


@secret_address
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        subscriber = subscriber_for(token, CONFIRM)
    except TokenExpired:
        return _expired(request, token)
    except TokenInvalid:
        return render(request, "newsletter/link_invalid.html", status=404)
    if request.method == "GET":
        already = subscriber.status == Subscriber.Status.CONFIRMED
        return render(request, "newsletter/confirm.html", {"already": already})
    services.confirm(subscriber)
    return render(
        request,
        "newsletter/confirmed.html",
        {"preferences_url": services.manage_url(subscriber, "preferences")},
    )


def _expired(request, token):
    if request.method == "POST":
        with contextlib.suppress(TokenInvalid):
            services.resend_confirmation(subscriber_for_expired(token))
        return redirect("newsletter:check_inbox")
    return render(request, "newsletter/confirm_expired.html", status=410)


@require_http_methods(["GET", "POST"])
def resend(request):
    """Like the sign-up: the same path for every valid address, the task looks it up."""
    form = ResendForm(request.POST or None)
    second_step = ""
    if request.method == "POST":
        if over_limit(request, "newsletter-resend-ip", _setting("NEWSLETTER_SIGNUPS_PER_IP")):
            return too_many_requests(request)
        outcome = form_checks.decide(form)
        if outcome == Outcome.HONEYPOT:
            form_checks.record(RESEND_FORM, outcome)
            return redirect("newsletter:check_inbox")
        if outcome == Outcome.ASKED_TO_CONFIRM:
            form_checks.record(RESEND_FORM, outcome)
            form = ResendForm(initial={"email": request.POST.get("email", "")})
            second_step = second_step_token()
        elif form.is_valid():
            tasks.process_resend.enqueue(email=form.cleaned_data["email"])
            form_checks.record(RESEND_FORM, outcome)
            # The same answer whether or not the address is known.
            return redirect("newsletter:check_inbox")
        else:
            form.initial["form_started"] = form.fresh_token()
    return render(request, "newsletter/resend.html", {"form": form, "second_step": second_step})


# RFC 8058: mailbox providers POST here without cookies. secret_address exempts it from CSRF,
# as every view under a signed link: the link is the protection (per subscriber, unforgeable).
@secret_address
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscriber = subscriber_for(token, MANAGE)
    except (TokenInvalid, TokenExpired):
        return render(request, "newsletter/link_invalid.html", status=404)
    if request.method == "GET":
        return render(request, "newsletter/unsubscribe.html")
    services.unsubscribe(subscriber)
    if request.POST.get("List-Unsubscribe") == "One-Click":
        return HttpResponse(_("You have been unsubscribed."), content_type="text/plain")
    return render(
        request,
        "newsletter/unsubscribed.html",
        {"subscribe_url": reverse("newsletter:subscribe")},
    )


@secret_address
@require_http_methods(["GET", "POST"])
def preferences(request, token):
    try:
        subscriber = subscriber_for(token, MANAGE)
    except (TokenInvalid, TokenExpired):
        return render(request, "newsletter/link_invalid.html", status=404)
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.update_preferences(
                subscriber, form.cleaned_data["language"], form.cleaned_data["topics"]
            )
            saved = True
    else:
        form = PreferencesForm(
            initial={"language": subscriber.language, "topics": _topics_in_language(subscriber)}
        )
    return render(
        request,
        "newsletter/preferences.html",
        {
            "form": form,
            "erase_form": EraseForm(),
            "subscriber": subscriber,
            "saved": saved,
            "token": token,
        },
    )


def _topics_in_language(subscriber):
    keys = subscriber.topics.values_list("translation_key", flat=True)
    return Topic.objects.filter(
        translation_key__in=keys, locale__language_code=translation.get_language()
    )


@secret_address
@require_POST
def export(request, token):
    try:
        subscriber = subscriber_for(token, MANAGE)
    except (TokenInvalid, TokenExpired):
        return render(request, "newsletter/link_invalid.html", status=404)
    log(subscriber, "newsletter.subscriber.export", data={"by": "subscriber"})
    response = HttpResponse(
        services.export_data(subscriber), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="zpravodaj-udaje.json"'
    return response


@secret_address
@require_POST
def erase(request, token):
    try:
        subscriber = subscriber_for(token, MANAGE)
    except (TokenInvalid, TokenExpired):
        return render(request, "newsletter/link_invalid.html", status=404)
    form = EraseForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "newsletter/preferences.html",
            {
                "form": PreferencesForm(initial={"language": subscriber.language}),
                "erase_form": form,
                "subscriber": subscriber,
                "token": token,
            },
            status=400,
        )
    log(subscriber, "newsletter.subscriber.erase", data={"by": "subscriber"})
    services.erase(subscriber)
    return render(request, "newsletter/erased.html")
