"""The demo's English, entered through wagtail-localize's own records.

Each object gets a TranslationSource, a Translation and manual StringTranslations, exactly as
if a translator had used wagtail-localize's editor; editors can then sync and edit them. The
apps' demo builders share this one routine, each with its own dictionary.
"""

from collections.abc import Callable

from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource


def translate_as_translator(obj, locale, english: Callable[[str], str]):
    """Translate obj into locale with english(czech) for every string; return the copy.

    No fallback: a string missing from the dictionary, or a related object not translated
    yet, stops the build rather than publishing Czech under an English address.
    """
    source, _created = TranslationSource.get_or_create_from_instance(obj)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": english(segment.string.data),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    if not isinstance(obj, Page):
        translated, _created = source.create_or_update_translation(
            locale, publish=True, fallback=False
        )
        return translated
    # wagtail-localize publishes a page translation on commit, from a copy of the page taken
    # before its children existed; inside one long transaction that copy would reset the
    # tree's child counts. Save a draft and publish it now, from the database's state.
    translated, _created = source.create_or_update_translation(
        locale, publish=False, fallback=False
    )
    Page.objects.get(pk=translated.pk).get_latest_revision().publish()
    return Page.objects.get(pk=translated.pk).specific
