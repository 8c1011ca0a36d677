"""Where each page and snippet stands in each language: the translators' overview.

For every translatable object (grouped by its translation key) and every site language the
report says: the original, live (translated and published), draft (not published), an
untranslated copy (published, but some of its text is still the source's: what
wagtail-localize makes of a snippet, which has no draft, until a translator fills it in),
out of date (its source changed after the last sync, with the date of that change) or
missing; and links to the action that moves it forward.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Count, F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, TranslationSource


def translatable_snippet_models() -> list:
    """Every translatable snippet registered by any app (topics and audiences, the footer,
    the contact centre's topics and canned answers ...), so that none is forgotten here."""
    models = [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
    return sorted(models, key=lambda model: (model._meta.app_label, model._meta.model_name))


ORIGINAL, LIVE, DRAFT, OUTDATED, MISSING = "original", "live", "draft", "outdated", "missing"
UNTRANSLATED = "untranslated"
STATE_LABELS = {
    ORIGINAL: _("original"),
    LIVE: _("live"),
    DRAFT: _("draft"),
    UNTRANSLATED: _("untranslated copy"),
    OUTDATED: _("out of date"),
    MISSING: _("missing"),
}


@dataclass
class Cell:
    state: str
    since: datetime | None = None
    action_label: str = ""
    action_url: str = ""

    @property
    def label(self):
        return STATE_LABELS[self.state]


@dataclass
class Row:
    title: str
    kind: str
    edit_url: str
    cells: dict[str, Cell] = field(default_factory=dict)

    @property
    def cell_list(self) -> list[tuple[str, Cell]]:
        """(language, cell) pairs in the site's language order."""
        return list(self.cells.items())

    @property
    def needs_work(self) -> bool:
        return any(
            cell.state in (MISSING, DRAFT, UNTRANSLATED, OUTDATED) for cell in self.cells.values()
        )


def build_report(kind: str = "", state: str = "") -> list[Row]:
    locales = {locale.pk: locale.language_code for locale in Locale.objects.all()}
    languages = [code for code, _name in settings.LANGUAGES if code in locales.values()]
    sources = {
        (source.object_id, source.specific_content_type_id): source
        for source in TranslationSource.objects.all()
    }
    progress = _translation_progress()
    rows = []
    if kind in ("", "page"):
        rows += _page_rows(locales, languages, sources, progress)
    if kind in ("", "snippet"):
        rows += _snippet_rows(locales, languages, sources, progress)
    if state:
        rows = [row for row in rows if any(c.state == state for c in row.cells.values())]
    return rows


def _translation_progress() -> tuple[dict, dict]:
    """Strings per translation source, and strings translated per (source, locale), for
    every source, in two queries (wagtail-localize's Translation.get_progress() takes
    one per translation, and a translation made without its editor has no Translation)."""
    totals = dict(
        StringSegment.objects.order_by()
        .values("source_id")
        .annotate(n=Count("pk"))
        .values_list("source_id", "n")
    )
    translated = (
        StringSegment.objects.order_by()
        .filter(
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(n=Count("pk", distinct=True))
        .values_list("source_id", "string__translations__locale_id", "n")
    )
    done = {(source, locale): n for source, locale, n in translated}
    return totals, done


def _untranslated(progress, source, locale_id) -> bool:
    if source is None:
        return False
    totals, done = progress
    return done.get((source.pk, locale_id), 0) < totals.get(source.pk, 0)


def _page_rows(locales, languages, sources, progress):
    pages = Page.objects.filter(depth__gt=1).order_by("path").select_related("content_type")
    groups: dict = {}
    for page in pages:
        groups.setdefault(page.translation_key, {})[locales[page.locale_id]] = page
    rows = []
    for versions in groups.values():
        original = _original(versions, sources, languages)
        source = sources.get((original.translation_key, original.content_type_id))
        row = Row(
            title=original.title,
            kind=str(original.content_type.model_class()._meta.verbose_name),
            edit_url=reverse("wagtailadmin_pages:edit", args=[original.pk]),
        )
        for language in languages:
            row.cells[language] = _page_cell(original, versions.get(language), source, progress)
        rows.append(row)
    return rows


def _page_cell(original, translated, source, progress) -> Cell:
    if translated is None or (translated.alias_of_id and translated.pk != original.pk):
        return Cell(
            MISSING,
            action_label=_("Translate"),
            action_url=reverse("wagtail_localize:submit_page_translation", args=[original.pk]),
        )
    edit = reverse("wagtailadmin_pages:edit", args=[translated.pk])
    if translated.pk == original.pk:
        return Cell(ORIGINAL if translated.live else DRAFT, action_label=_("Edit"), action_url=edit)
    changed = original.last_published_at or original.latest_revision_created_at
    if source is not None and changed and changed > source.last_updated_at:
        sync = reverse("wagtail_localize:update_translations", args=[source.pk])
        return Cell(OUTDATED, since=changed, action_label=_("Sync"), action_url=sync)
    if not translated.live:
        return Cell(DRAFT, action_label=_("Edit"), action_url=edit)
    if _untranslated(progress, source, translated.locale_id):
        return Cell(
            UNTRANSLATED, action_label=_("Translate"), action_url=_editor(source, translated)
        )
    return Cell(LIVE, action_label=_("Edit"), action_url=edit)


def _editor(source, translated) -> str:
    """wagtail-localize's translation editor opens from the translated object's edit view."""
    if isinstance(translated, Page):
        return reverse("wagtailadmin_pages:edit", args=[translated.pk])
    return _snippet_url("edit", translated)


def _snippet_rows(locales, languages, sources, progress):
    from django.contrib.contenttypes.models import ContentType

    rows = []
    for model in translatable_snippet_models():
        content_type = ContentType.objects.get_for_model(model)
        groups: dict = {}
        for obj in model.objects.all().order_by("pk"):
            groups.setdefault(obj.translation_key, {})[locales[obj.locale_id]] = obj
        for versions in groups.values():
            original = _original(versions, sources, languages, content_type.pk)
            source = sources.get((original.translation_key, content_type.pk))
            row = Row(
                title=str(original),
                kind=str(model._meta.verbose_name),
                edit_url=_snippet_url("edit", original),
            )
            for language in languages:
                row.cells[language] = _snippet_cell(
                    original, versions.get(language), source, progress
                )
            rows.append(row)
    return rows


def _snippet_cell(original, translated, source, progress) -> Cell:
    if translated is None:
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[original._meta.app_label, original._meta.model_name, original.pk],
        )
        return Cell(MISSING, action_label=_("Translate"), action_url=url)
    edit = _snippet_url("edit", translated)
    if translated.pk == original.pk:
        return Cell(ORIGINAL, action_label=_("Edit"), action_url=edit)
    changed = getattr(original, "updated_at", None)  # ChangeDateMixin; without it, unknown
    if source is not None and changed and changed > source.last_updated_at:
        sync = reverse("wagtail_localize:update_translations", args=[source.pk])
        return Cell(OUTDATED, since=changed, action_label=_("Sync"), action_url=sync)
    if _untranslated(progress, source, translated.locale_id):
        return Cell(UNTRANSLATED, action_label=_("Translate"), action_url=edit)
    return Cell(LIVE, action_label=_("Edit"), action_url=edit)


def _original(versions, sources, languages, content_type_id=None):
    """The version translations were made from: the one with a TranslationSource, else the
    default language's, else the first that exists."""
    for obj in versions.values():
        type_id = content_type_id or obj.content_type_id
        source = sources.get((obj.translation_key, type_id))
        if source is not None and source.locale_id == obj.locale_id:
            return obj
    for language in languages:
        if language in versions:
            return versions[language]
    return next(iter(versions.values()))


def _snippet_url(action, obj):
    return reverse(
        f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:{action}", args=[obj.pk]
    )
