"""Find, export and erase everything held about one e-mail address (a data subject's
request), within the queues the signed-in user may see."""

import json

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages

from contact import privacy
from contact.models import Inquiry
from contact.permissions import works_in_contact_centre

from .forms import PersonalDataForm


@require_http_methods(["GET", "POST"])
def personal_data(request):
    if not works_in_contact_centre(request.user):
        raise PermissionDenied
    form = PersonalDataForm(request.POST or request.GET or None)
    email = form.cleaned_data["email"] if form.is_valid() else ""
    if request.method == "POST" and email:
        action = request.POST.get("action")
        if action == "export":
            return _export(request, email)
        if action == "erase" and request.POST.get("confirm"):
            count = privacy.erase(email, user=request.user)
            messages.success(
                request,
                ngettext(
                    "Personal data removed from %(count)s inquiry.",
                    "Personal data removed from %(count)s inquiries.",
                    count,
                )
                % {"count": count},
            )
        elif action == "erase":
            messages.error(request, _("Tick the box to confirm the erasure."))
        return redirect(f"{reverse('contact_personal_data:index')}?{urlencode({'email': email})}")
    found = list(privacy.held_about(email, request.user)) if email else []
    elsewhere = Inquiry.objects.for_address(email).count() - len(found) if email else 0
    return render(
        request,
        "contact/staff/personal_data.html",
        {
            "form": form,
            "email": email,
            "found": found,
            "elsewhere": elsewhere,
            "page_title": _("Personal data"),
            "header_title": _("Personal data"),
        },
    )


def _export(request, email):
    document = privacy.export(email, user=request.user)
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="osobni-udaje.json"'
    return response
