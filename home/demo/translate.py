"""Translates the content app's demo objects into English (portal.demo_translation)."""

from django.db import transaction
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.demo.english import english_for
from home.frame.models import ContactCentre, FooterContent, SiteNotice
from home.glossary.models import GlossaryTerm
from home.help_points.models import HelpPoint
from home.taxonomy.models import Audience, Topic
from portal.demo_translation import translate_as_translator

# Snippets first: pages refer to them, and wagtail-localize needs them translated first.
SNIPPET_MODELS = [
    Topic,
    Audience,
    ContactCentre,
    FooterContent,
    SiteNotice,
    HelpPoint,
    GlossaryTerm,
]


def translate_demo_site(demo_objects, log=print) -> int:
    """Create the English version of every demo object that has none yet; return how many.

    demo_objects are the Czech pages and snippets the builder made: only those are
    translated (english.py has only their text), never a page or snippet an editor added.
    """
    english, _created = Locale.objects.get_or_create(language_code="en")
    own_pks = {}
    for obj in demo_objects:
        model = Page if isinstance(obj, Page) else type(obj)
        own_pks.setdefault(model, set()).add(obj.pk)
    objects = [
        obj
        for model in SNIPPET_MODELS
        for obj in model.objects.filter(pk__in=own_pks.get(model, ())).order_by("pk")
    ]
    # Parents before their children; a page not live (yet) is not translated.
    pages = Page.objects.filter(pk__in=own_pks.get(Page, ()), live=True).order_by("path")
    objects += [page.specific for page in pages]
    created = 0
    # Wagtail queues a reference-index task for every row saved, and wagtail-localize saves
    # a page translation's inline rows (related articles, topics) twice: copy_for_translation
    # creates them, then create_or_update_translation replaces them with the translated ones.
    # The task of a replaced row finds it gone and fails with RelatedPage.DoesNotExist (a
    # Wagtail task that does not allow for a deleted row), two FAILED tasks on the first
    # `make run`. So the index is not updated row by row here but once per translation,
    # from the rows that are left, in the same transaction.
    with transaction.atomic(), disable_reference_index_auto_update():
        for obj in objects:
            if _has_real_translation(obj, english):
                continue
            translated = _translate(obj, english)
            if ReferenceIndex.is_indexed(translated._meta.model):
                ReferenceIndex.create_or_update_for_object(translated)
            created += 1
            log(f"  translated {obj._meta.verbose_name} {obj}")
    return created


def _has_real_translation(obj, locale) -> bool:
    translated = obj.get_translation_or_none(locale)
    return translated is not None and not (isinstance(translated, Page) and translated.alias_of_id)


def _translate(obj, locale):
    """Translate obj into locale (already in the English of english.py); return the copy."""
    translated = translate_as_translator(obj, locale, english_for)
    if not isinstance(obj, Page):
        return translated
    # The demo's English pages appeared when their Czech originals did.
    Page.objects.filter(pk=translated.pk).update(
        first_published_at=obj.first_published_at, last_published_at=obj.last_published_at
    )
    return Page.objects.get(pk=translated.pk).specific
