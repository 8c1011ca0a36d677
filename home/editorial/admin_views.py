from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from home.editorial.translation_status import STATE_LABELS, build_report


def translation_status(request):
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    kind = request.GET.get("kind", "")
    kind = kind if kind in ("page", "snippet") else ""
    state = request.GET.get("state", "")
    state = state if state in STATE_LABELS else ""
    rows = build_report(kind=kind, state=state)
    return render(
        request,
        "home/admin/translation_status.html",
        {
            "rows": rows,
            "languages": settings.LANGUAGES,
            "kind": kind,
            "state": state,
            "states": STATE_LABELS.items(),
            "needing_work": sum(row.needs_work for row in rows),
            "header_title": _("Translation status"),
        },
    )
