"""The accessibility statement's fixed address."""

from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.views.decorators.http import require_safe

from home.accessibility.models import AccessibilityStatementPage
from home.pages.querysets import published
from portal.locales import in_language_or_default


@require_safe
def accessibility_statement(request):
    """The footer's link on every page: a fixed address, so the footer costs no query; the
    statement of the reader's language (or the default one) is looked up only here."""
    language = translation.get_language()
    statement = in_language_or_default(
        published(AccessibilityStatementPage.objects.all()), language
    )
    if statement is None:
        raise Http404
    return redirect(statement.get_url(request))
