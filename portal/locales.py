"""Choosing the row of a translatable model for a reader's language."""

from django.conf import settings


def in_language_or_default(queryset, language_code):
    """The row for a language, or the default language's (Czech) row when that language has
    none yet: one query either way. The queryset may narrow the rows (live pages only, no
    aliases) as it likes; it must be of a translatable model."""
    wanted = [language_code, settings.LANGUAGE_CODE]
    rows = {
        row.locale.language_code: row
        for row in queryset.filter(locale__language_code__in=wanted).select_related("locale")
    }
    return rows.get(language_code) or rows.get(settings.LANGUAGE_CODE)
