"""Putting the test database back to a snapshot's rows (tests/conftest.py's migration data
and demo, the browser tests' shared demo)."""

import json

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection


def tracked_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model._meta.pk is not None
    ]


def load_snapshot(contents: str) -> None:
    """Every table holding exactly the rows of a snapshot (committed: flush, then load)."""
    # Sequences keep counting (as in Django's own serialized rollback): the snapshot's
    # rows come back under their old ids, which a restarted sequence would hand out again.
    call_command(
        "flush",
        verbosity=0,
        interactive=False,
        inhibit_post_migrate=True,
        reset_sequences=False,
    )
    deserialize(contents)


def deserialize(contents: str) -> None:
    """Load a snapshot into empty tables. Its content types go in first, and the per-process
    cache is emptied: signal handlers of the rows restored next (the search and reference
    indexes) look content types up, and a cache still holding the ids of another state (a
    flush makes post_migrate create them anew, under new ids) or a miss before the rows are
    back would make a second row for a model, or point at one that is gone."""
    content_types = [
        ContentType(pk=row["pk"], **row["fields"])
        for row in json.loads(contents)
        if row["model"] == "contenttypes.contenttype"
    ]
    ContentType.objects.bulk_create(content_types)
    # The cache filled from the rows just restored, as a process that had run for a while
    # would hold it (tests that count queries expect a warm one).
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*tracked_models(), for_concrete_models=False)
    # The content types again among the rest: saved by key, they change nothing.
    connection.creation.deserialize_db_from_string(contents)
