"""What a change to the content retires from the caches, and the signals that say so.

A change to an ordinary page (an article, a news item, a bulletin issue) retires exactly the
addresses it shows on: the page itself, its translations (their language switchers), every
ancestor (the listings up to the home page), the taxonomy pages, the feeds and the sitemap,
in each language. Anything the frame of every page is built from (a snippet, the site, a
view restriction, a page in the menu, a page with children, a page moved, created or
deleted) bumps the site generation instead, which retires every cached page and frame value.

Edge caches (Varnish, a CDN) are purged with the same addresses through Wagtail's frontend
cache when it is configured (home.edge_cache).
"""

import logging

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from . import edge_cache
from .cache import bump_generation, bump_paths, forget_frame

logger = logging.getLogger(__name__)

# A save touching only these fields is a draft or a lock: the live page has not changed.
DRAFT_FIELDS = {
    "comments",
    "latest_revision_created_at",
    "draft_title",
    "latest_revision",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "approved_go_live_at",
}
# What the frame of other pages reads from a page: menus, breadcrumbs, addresses.
FRAME_FIELDS = ("title", "url_path", "live", "show_in_menus", "numchild")
LIST_FEEDS = (
    "feed-articles-rss",
    "feed-articles-atom",
    "feed-news-rss",
    "feed-news-atom",
)


def _languages():
    from django.conf import settings

    return [code for code, _name in settings.LANGUAGES]


def _path_of(url: str) -> str:
    if url.startswith(("http://", "https://")):
        return "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"
    return url


def affected_paths(page) -> set[str]:
    """The addresses (paths) that show this page's title, summary or very existence."""
    from .models import AudienceIndexPage, TopicIndexPage

    paths = set()
    translations = Page.objects.filter(translation_key=page.translation_key)
    for version in [page, *translations.exclude(pk=page.pk)]:
        url = version.get_url()
        if url:
            paths.add(_path_of(url))
    for ancestor in page.get_ancestors().filter(depth__gt=1):
        url = ancestor.get_url()
        if url:
            paths.add(_path_of(url))
    for index in Page.objects.type(TopicIndexPage, AudienceIndexPage).specific():
        url = index.get_url()
        if not url:
            continue
        paths.add(_path_of(url))
        for term in index.term_model.objects.filter(locale_id=index.locale_id):
            paths.add(_path_of(index.term_url(term)))
    for code in _languages():
        with translation.override(code):
            paths.update(reverse(name) for name in LIST_FEEDS)
    paths.add("/sitemap.xml")
    return paths


def is_structural(page, before: dict | None) -> bool:
    """True when other pages' frames read this page (so every page must be retired)."""
    from .models import AudienceLandingPage, HomePage

    if before is None or page.depth <= 2:
        return True
    # The home page's audience tiles link the entry points from every language's frame.
    if isinstance(page.specific_deferred, HomePage | AudienceLandingPage):
        return True
    if page.numchild or page.show_in_menus or before.get("show_in_menus"):
        return True
    return before.get("url_path") != page.url_path


def invalidate_site(reason: str) -> None:
    logger.info("Site caches retired: %s", reason)
    bump_generation()
    edge_cache.purge_everything()


def invalidate_page(page, before: dict | None = None) -> None:
    if is_structural(page, before):
        invalidate_site(f"page {page.pk} changed the frame")
        return
    forget_frame(("translations", page.translation_key))
    paths = affected_paths(page)
    bump_paths(paths)
    edge_cache.purge_paths(paths)


def _remember_live_state(sender, instance, update_fields=None, **kwargs):
    if not isinstance(instance, Page) or instance.pk is None:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    instance._live_state_before = Page.objects.filter(pk=instance.pk).values(*FRAME_FIELDS).first()


def _page_saved(sender, instance, created, update_fields=None, **kwargs):
    if not isinstance(instance, Page):
        return
    if created:
        if instance.live:  # a draft created in the admin shows nowhere until published
            invalidate_site(f"page {instance.pk} created")
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    before = getattr(instance, "_live_state_before", None)
    if before is not None and not before["live"] and not instance.live:
        return  # a draft that was never published changes nothing anyone can see
    invalidate_page(instance, before)


def _page_moved(sender, instance, **kwargs):
    invalidate_site(f"page {instance.pk} moved")


def _frame_models() -> set:
    # Snippets are registered when Wagtail loads the hooks, after the apps are ready.
    # Documents count too: their title, size, audiences and topics show in the library,
    # on the audience entry points and on every document link in a page body.
    from wagtail.documents import get_document_model
    from wagtail.snippets.models import get_snippet_models

    return {*get_snippet_models(), Site, PageViewRestriction, get_document_model()}


def _model_saved(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _page_saved(sender, instance, **kwargs)
    elif sender in _frame_models():
        invalidate_site(f"{sender._meta.label} {instance.pk} saved")


def _model_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate_site(f"page {instance.pk} deleted")
    elif sender in _frame_models():
        invalidate_site(f"{sender._meta.label} {instance.pk} deleted")


def _relations_changed(sender, instance, action, **kwargs):
    """A document's audiences and topics are saved after the document itself."""
    if action.startswith("post_") and type(instance) in _frame_models():
        invalidate_site(f"{type(instance)._meta.label} {instance.pk} {action}")


def connect() -> None:
    pre_save.connect(_remember_live_state, dispatch_uid="home-cache-pre-save")
    post_save.connect(_model_saved, dispatch_uid="home-cache-saved")
    post_delete.connect(_model_deleted, dispatch_uid="home-cache-deleted")
    post_page_move.connect(_page_moved, dispatch_uid="home-cache-page-moved")
    m2m_changed.connect(_relations_changed, dispatch_uid="home-cache-relations")
