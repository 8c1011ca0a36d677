"""Views of the frame that every language has: the untranslated page and robots.txt."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Page

from home.frame.i18n import page_translations
from home.frame.untranslated import render_untranslated
from home.pages.querysets import published


@require_safe
def untranslated(request, page_id):
    """Where the language switcher leads when a page has no translation in that language."""
    original = get_object_or_404(published(Page.objects.select_related("locale")), pk=page_id)
    translated = page_translations(request, original).get(translation.get_language())
    if translated is not None:
        return redirect(translated.get_url(request))
    return render_untranslated(request, original, status=200)


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/"]
    for language_code, _name in settings.LANGUAGES:
        with translation.override(language_code):
            lines.append(f"Disallow: {reverse('search')}")
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
