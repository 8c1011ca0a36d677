"""The answer when a page does not exist in the language the reader asked for.

It is never Czech text under an English address and never a bare 404: it says the page is
not available in that language and offers that language's home page and the original.
"""

from django.shortcuts import render
from django.utils import translation

from home.frame.i18n import in_language, language_name, page_translations
from home.frame.navigation import home_for_language


def render_untranslated(request, original, status):
    language = translation.get_language()
    original_language = original.locale.language_code
    return render(
        request,
        "home/untranslated.html",
        {
            "original": original,
            "original_url": page_translations(request, original)
            .get(original_language, original)
            .get_url(request),
            "original_language": original_language,
            "original_language_name": language_name(original_language),
            "in_original_language": in_language(original_language),
            "in_requested_language": in_language(language),
            "home": home_for_language(request, language),
            "page_versions_of": original,
        },
        status=status,
    )
