"""The demo site, assembled from each app's own demo content.

The project wires the apps together here so that no app imports another: the content app
builds the pages, then each feature app adds what it needs (its pages, snippets, data).
"""

from contextlib import contextmanager

from django.db import connection, transaction

from contact.demo import build_contact_demo
from contact.demo_inquiries import build_demo_inquiries
from home.demo.builder import DemoBuilder
from newsletter.demo import build_bulletin_demo
from newsletter.demo_subscribers import build_demo_subscribers

# Each extra builder is a callable(home_page, log) -> list of what it created. The
# subscribers and inquiries come after the pages and topics they refer to.
FEATURE_BUILDERS: list = [
    build_bulletin_demo,
    build_contact_demo,
    build_demo_subscribers,
    build_demo_inquiries,
]


# An arbitrary, fixed key for PostgreSQL's advisory lock around building the demo.
DEMO_LOCK_KEY = 0x50_44_45_4D  # "PDEM"


def build_demo_site(log=print) -> list[str]:
    with one_builder_at_a_time(), transaction.atomic():
        builder = DemoBuilder(log=log)
        created = builder.build()
        for build_feature in FEATURE_BUILDERS:
            created += build_feature(builder.home, log)
    return created


@contextmanager
def one_builder_at_a_time():
    """Two processes starting at once (two web servers, a web server and a worker) must not
    both find the site empty and both build it. On SQLite the one IMMEDIATE transaction
    around the build serialises the builders; PostgreSQL needs a lock as well."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [DEMO_LOCK_KEY])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [DEMO_LOCK_KEY])
