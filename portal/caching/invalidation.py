"""Every change to what the public site is built from retires every cached page.

The rule is deliberately simple, so that it is right by construction: a saved or deleted row
of any model of the apps in settings.CACHE_CONTENT_APPS (the content apps, Wagtail's pages,
documents, images, sites and view restrictions, tags), a page moved, or a many-to-many
relation changed, bumps the site generation (generation.py) and bans the edge cache. Only the
models in settings.CACHE_PRIVATE_MODELS are left out: rows no public page reads (inquiries,
subscribers, deliveries, revisions, logs, renditions made while rendering). Forgetting to
list a private model costs cache hits, never a stale page; a new kind of listing needs no
entry anywhere.

Two changes are not changes for this purpose: a save that touches only a page's draft
fields (a revision saved, a lock), and any save of a page that was not live and is not live.

The bump runs after the transaction commits. A reader reads the generation before it reads
any content (the page cache middleware does so first), so a reader that sees the new number
reads committed content, and a reader that read the old number stores its page under a key
that the bump has already retired. Bumping inside the transaction would let a reader store
the old content under the new number.

Code that changes public rows with QuerySet.update() (which sends no signal) calls
`content_changed()` itself.
"""

import logging

from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from wagtail.models import Page
from wagtail.signals import post_page_move

from . import edge
from .generation import bump_generation

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


def _retire_now(reason: str) -> None:
    logger.debug("Cached pages retired: %s", reason)
    bump_generation()
    edge.purge_everything()


def content_changed(reason: str) -> None:
    """Retire every cached page once the current transaction commits (at once outside one).

    One retirement per transaction: a later change joins a pending one when it would be
    rolled back together with it (registered at the same savepoint depth or deeper)."""
    if not connection.in_atomic_block:
        _retire_now(reason)
        return
    current = set(connection.savepoint_ids)
    for savepoints, callback, _robust in connection.run_on_commit:
        if getattr(callback, "retires_cached_pages", False) and savepoints <= current:
            return

    def retire():
        _retire_now(reason)

    retire.retires_cached_pages = True
    # robust: a cache that does not answer must not fail the commit's other callbacks.
    transaction.on_commit(retire, robust=True)


def _is_content(model) -> bool:
    # By label, not by class: during migrations the senders are historical models.
    return (
        model._meta.app_label in settings.CACHE_CONTENT_APPS
        and model._meta.label not in settings.CACHE_PRIVATE_MODELS
    )


def _remember_live_state(sender, instance, update_fields=None, **kwargs):
    if not isinstance(instance, Page) or instance.pk is None:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    instance._portal_was_live = Page.objects.filter(pk=instance.pk, live=True).exists()


def _page_changes_nothing_public(instance, created, update_fields) -> bool:
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return True
    was_live = False if created else getattr(instance, "_portal_was_live", True)
    return not was_live and not instance.live


def _saved(sender, instance, created=False, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        if _page_changes_nothing_public(instance, created, update_fields):
            return
    elif not _is_content(sender):
        return
    content_changed(f"{sender._meta.label} {instance.pk} saved")


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) or _is_content(sender):
        content_changed(f"{sender._meta.label} {instance.pk} deleted")


def _moved(sender, instance, **kwargs):
    content_changed(f"page {instance.pk} moved")


def _relations_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and _is_content(type(instance)):
        content_changed(f"{type(instance)._meta.label} {instance.pk} {action}")


def connect() -> None:
    pre_save.connect(_remember_live_state, dispatch_uid="portal-cache-pre-save")
    post_save.connect(_saved, dispatch_uid="portal-cache-saved")
    post_delete.connect(_deleted, dispatch_uid="portal-cache-deleted")
    post_page_move.connect(_moved, dispatch_uid="portal-cache-page-moved")
    m2m_changed.connect(_relations_changed, dispatch_uid="portal-cache-relations")
