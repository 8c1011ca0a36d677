"""Re-index after a migration that changes what pages index, so the index is never stale.

Re-indexing is Wagtail's ``manage.py update_index``; a migration listed here has it run
once all migrations of that ``migrate`` are applied (post_migrate), with the real models:
running it inside the migration would use page models whose later fields the database
does not have yet.
"""

from django.core.management import call_command

# Migrations after which the index must be rebuilt: they change the index's fields or the
# analysis (home.search.analysis). Add one when the analysis changes.
REINDEX_AFTER = {("home", "0002_search_analysis")}


def reindex_after_migrate(sender, plan=None, verbosity=1, **kwargs):
    applied = {(m.app_label, m.name) for m, backwards in (plan or ()) if not backwards}
    if applied & REINDEX_AFTER:
        call_command("update_index", verbosity=max(0, verbosity - 1))
        call_command("update_search_vocabulary", verbosity=max(0, verbosity - 1))


def connect_signals(app_config):
    from django.db.models.signals import post_migrate

    # post_migrate is sent once per app; only the home app's sending re-indexes.
    post_migrate.connect(reindex_after_migrate, sender=app_config, dispatch_uid="home-reindex")

    from wagtail.signals import page_published

    page_published.connect(_publish_words, dispatch_uid="home-search-vocabulary")


def _publish_words(sender, instance, **kwargs):
    # A published page's words join the vocabulary at once; a full rebuild (after
    # update_index) also forgets the words of pages no longer published.
    from home.search.typos import add_page_words

    # A private page's words must not surface as suggestions to the public.
    if instance.live and not instance.get_view_restrictions().exists():
        add_page_words(instance.specific)
