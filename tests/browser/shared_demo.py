"""One demo site for all the browser tests that read it, instead of one per test.

Building the demo takes seconds; the tests only read it, apart from what they add (a
subscriber, an inquiry, a page). So it is loaded from the run's snapshot (tests/conftest.py,
`demo_snapshot`) and committed once, every row's key is noted, and after each test the rows
that were not there before are deleted. A transactional test in between empties every table;
the next test then loads the demo again.
"""

from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from wagtail.models import Page, Site

from tests.database_state import load_snapshot, tracked_models

CHUNK = 500


def _keys(model) -> set:
    return set(model._base_manager.values_list("pk", flat=True))


class SharedDemo:
    def __init__(self, migration_data: str, demo_snapshot):
        self.migration_data = migration_data
        self.demo_snapshot = demo_snapshot
        self.home_pk = None
        self.baseline: dict = {}

    def ensure_built(self):
        """The demo's home page, building the demo first where it is missing."""
        site = Site.objects.filter(is_default_site=True).first()
        if self.home_pk is None or site is None or site.root_page_id != self.home_pk:
            self._load(self.demo_snapshot.rows)
            self.demo_snapshot.place_media()
            self.home_pk = Site.objects.get(is_default_site=True).root_page_id
            self.baseline = {model: _keys(model) for model in tracked_models()}
        return Page.objects.get(pk=self.home_pk).specific

    def restore_migration_state(self):
        """Every table as the migrations left it (what transactional tests expect)."""
        self._load(self.migration_data)
        self.home_pk = None

    def _load(self, contents: str):
        load_snapshot(contents)

    def remove_what_the_test_added(self):
        pending = []
        for model in tracked_models():
            added = _keys(model) - self.baseline.get(model, set())
            if not added:
                continue
            if issubclass(model, Page) and model is not Page:
                continue  # deleted with their wagtailcore.Page row, through the tree
            pending.append((model, sorted(added, key=str)))
        # Pages first, through treebeard's queryset, so that parents' child counts stay right.
        pending.sort(key=lambda item: item[0] is not Page)
        for _attempt in range(4):
            blocked = []
            for model, keys in pending:
                manager = Page.objects if model is Page else model._base_manager
                for start in range(0, len(keys), CHUNK):
                    chunk = keys[start : start + CHUNK]
                    try:
                        with transaction.atomic():
                            manager.filter(pk__in=chunk).delete()
                    except (ProtectedError, RestrictedError):
                        blocked.append((model, chunk))
            if not blocked:
                return
            pending = blocked
        raise RuntimeError(f"could not remove rows a browser test added: {blocked!r}")
