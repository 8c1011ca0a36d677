"""Indexes that let PostgreSQL answer the portal's search without scanning (home.search_hits).

* A GIN index on ``title || body`` of Wagtail's search index table: Wagtail's database backend
  matches ``(title || body) @@ query``, and its own GIN indexes cover ``title`` and ``body``
  separately, which PostgreSQL cannot use for the concatenation, so every search scanned the
  whole table. ``fastupdate`` is off: with it, new entries wait in a pending list that every
  search reads through until the next vacuum, and a page is published far less often than
  the site is searched.
* A btree index on the page's key as text: index entries point at their object by
  ``object_id``, a string, so going from a few matching entries to their pages joins on
  ``id::varchar``, which without this index means reading every page.

PostgreSQL only: SQLite searches through FTS5 and runs no such query.
"""

from django.db import migrations

ENTRY_INDEX = "home_search_title_body_gin"
PAGE_INDEX = "home_page_id_text"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    pages = apps.get_model("wagtailcore", "Page")._meta.db_table
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {ENTRY_INDEX} ON {entries} "
        "USING gin ((title || body)) WITH (fastupdate = off)"
    )
    # The expression must read exactly as Django casts a page's key for object_id.
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {PAGE_INDEX} ON {pages} (((id)::varchar(50)))"
    )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {ENTRY_INDEX}")
    schema_editor.execute(f"DROP INDEX IF EXISTS {PAGE_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_merge_editorial_records"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
