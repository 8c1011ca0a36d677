"""Dates in wagtail-localize's translation editor in the editor's language.

wagtail-localize 1.14 formats the date of each translated string ("Translated manually on
{date}", shown under every segment of its editor) with `strftime("%-d %B %Y")`, which names
the month in English whatever the language: "Přeloženo ručně 2 December 2026". The comment
is built in Python (`StringTranslation.get_comment`, sent to the editor's React app as JSON),
so no template can be overridden; this replaces the method with one that formats the date as
Django's `date` filter does, in the active language: "2. prosince 2026", "Dec. 2, 2026".
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def localized_date(value) -> str:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, "DATE_FORMAT")


def get_comment(self):
    """StringTranslation.get_comment, with the date in the active language."""
    date = localized_date(self.updated_at)
    if self.tool_name:
        return _("Translated with {tool_name} on {date}").format(
            tool_name=self.tool_name, date=date
        )
    if self.translation_type == self.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=date)
    if self.translation_type == self.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=date)
    return None


def patch_wagtail_localize() -> None:
    from wagtail_localize.models import StringTranslation

    StringTranslation.get_comment = get_comment
