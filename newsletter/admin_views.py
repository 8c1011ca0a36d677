"""The bulletin in the Wagtail admin: sending an issue, its progress, and subscribers."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.log_actions import log

from . import services
from .models import BulletinPage, Delivery, Send, Subscriber
from .models.subscribers import address_key
from .sending import sends
from .sending.rendering import issue_for_language, sending_languages
from .sending.trial_sends import addresses_for_test, send_test

SEND_PERMISSION = "newsletter.send_bulletin"
EXPORT_PERMISSION = "newsletter.export_subscribers"


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


class ScheduleForm(forms.Form):
    scheduled_for = forms.DateTimeField(
        label=gettext_lazy("Send at"),
        required=False,
        help_text=gettext_lazy("Leave empty to send now."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )

    def clean_scheduled_for(self):
        value = self.cleaned_data["scheduled_for"]
        if value and value <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future, or leave it empty."))
        return value


CONFIRM_FIELD = "confirm"


def send_issue(request, page_id):
    """What will go out, to how many people in which language; test, send or schedule.

    Sending takes two steps: the send button (a GET, or a POST without the confirmation
    field, such as a forged or replayed one) only shows a confirmation naming the issue and
    the recipients per language; only the POST from that confirmation starts the send.
    """
    _require(request, SEND_PERMISSION)
    page = get_object_or_404(BulletinPage, pk=page_id)
    source = sends.source_page(page)
    existing = Send.objects.filter(page=source).exclude(status=Send.Status.CANCELLED).first()
    if request.method == "POST":
        data = request.POST
    else:
        data = request.GET if "send" in request.GET else None
    form = ScheduleForm(data)
    confirming = False
    if request.method == "POST" and "test" in request.POST:
        # A test goes out from a draft too: it reaches only the editor and the test list.
        addresses = send_test(source, request.user)
        log(source, "newsletter.send.test", user=request.user)
        messages.success(
            request, _("A test has been sent to %(email)s.") % {"email": ", ".join(addresses)}
        )
        return redirect("newsletter_send_issue", page_id=page.pk)
    if data is not None and existing is None:
        if not source.live:
            messages.error(request, _("Publish the issue before sending it."))
        elif form.is_valid():
            if request.method == "POST" and request.POST.get(CONFIRM_FIELD) == "1":
                with transaction.atomic():
                    send = sends.start_send(
                        source, request.user, form.cleaned_data["scheduled_for"]
                    )
                    log(
                        source,
                        "newsletter.send.start",
                        user=request.user,
                        data={"send": send.pk, "scheduled_for": str(send.scheduled_for)},
                    )
                return redirect("newsletter_send_progress", send_id=send.pk)
            confirming = True
    recipients = sends.recipients_by_language()
    versions = [
        {
            "language": language,
            "recipients": recipients.get(language, 0),
            "page": issue_for_language(source, language),
        }
        for language in sending_languages()
    ]
    context = {
        "page": source,
        "versions": versions,
        "existing": existing,
        "form": form,
        "addresses_for_test": addresses_for_test(request.user),
    }
    if confirming:
        context.update(
            total=sum(version["recipients"] for version in versions),
            scheduled_for=form.cleaned_data["scheduled_for"],
            confirm_field=CONFIRM_FIELD,
        )
        return render(request, "newsletter/admin/send_confirm.html", context)
    return render(request, "newsletter/admin/send_issue.html", context)


def send_progress(request, send_id):
    _require(request, SEND_PERMISSION)
    send = get_object_or_404(Send.objects.select_related("page", "created_by"), pk=send_id)
    failed = send.deliveries.filter(
        status__in=[Delivery.Status.FAILED, Delivery.Status.BOUNCED]
    ).select_related("subscriber")[:200]
    return render(
        request,
        "newsletter/admin/send_progress.html",
        {
            "send": send,
            "progress": sends.progress(send),
            "languages": sending_languages(),
            "failed": failed,
        },
    )


@require_POST
def pause_or_resume(request, send_id):
    _require(request, SEND_PERMISSION)
    send = get_object_or_404(Send, pk=send_id)
    if request.POST.get("action") == "pause":
        sends.pause(send)
        log(send.page, "newsletter.send.pause", user=request.user, data={"send": send.pk})
    elif request.POST.get("action") == "resume":
        sends.resume(send)
        log(send.page, "newsletter.send.resume", user=request.user, data={"send": send.pk})
    elif request.POST.get("action") == "cancel" and send.status == Send.Status.SCHEDULED:
        Send.objects.filter(pk=send.pk, status=Send.Status.SCHEDULED).update(
            status=Send.Status.CANCELLED
        )
        log(send.page, "newsletter.send.cancel", user=request.user, data={"send": send.pk})
    return redirect("newsletter_send_progress", send_id=send.pk)


def send_list(request):
    _require(request, SEND_PERMISSION)
    not_delivered = [Delivery.Status.FAILED, Delivery.Status.BOUNCED]
    rows = Send.objects.select_related("page", "created_by").annotate(
        sent_count=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.SENT)),
        failed_count=Count("deliveries", filter=Q(deliveries__status__in=not_delivered)),
        total_count=Count("deliveries"),
    )[:100]
    return render(request, "newsletter/admin/sends.html", {"sends": rows})


class LookupForm(forms.Form):
    email = forms.CharField(label=gettext_lazy("E-mail address"), max_length=320)


def lookup(request):
    """Staff find what is held about an address, export it or erase it (GDPR requests)."""
    _require(request, EXPORT_PERMISSION)
    form = LookupForm(request.GET or None)
    subscriber = None
    if form.is_valid():
        subscriber = Subscriber.objects.filter(
            email_key=address_key(form.cleaned_data["email"])
        ).first()
    return render(
        request,
        "newsletter/admin/lookup.html",
        {"form": form, "subscriber": subscriber, "searched": form.is_valid()},
    )


@require_POST
def staff_export(request, subscriber_id):
    _require(request, EXPORT_PERMISSION)
    subscriber = get_object_or_404(Subscriber, pk=subscriber_id)
    log(subscriber, "newsletter.subscriber.export", user=request.user, data={"by": "staff"})
    response = HttpResponse(
        services.export_data(subscriber), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="subscriber-{subscriber.pk}.json"'
    return response


@require_POST
def staff_erase(request, subscriber_id):
    _require(request, EXPORT_PERMISSION)
    subscriber = get_object_or_404(Subscriber, pk=subscriber_id)
    log(subscriber, "newsletter.subscriber.erase", user=request.user, data={"by": "staff"})
    services.erase(subscriber)
    messages.success(request, _("Everything kept about the subscriber has been erased."))
    return redirect("newsletter_lookup")
