import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection
from wagtail.models import Page, Site

from tests import factories
from tests.database_state import deserialize, load_snapshot


def pytest_collection_modifyitems(config, items):
    """Skip PostgreSQL-only tests, with the reason, when the suite runs on SQLite."""
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" in engine:
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL; set DATABASE_URL=postgres://... to run it")
    for item in items:
        if "postgres_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache: the frame and pages cached by one test describe
    rows that its rollback removed."""
    from django.core.cache import caches

    for each in caches.all(initialized_only=False):
        each.clear()


def _only_the_tests_transaction() -> bool:
    # As Django's durable check does: the innermost block open is the test's own (blocks a
    # fixture opened outside it, like the shared demo's, belong to the test's world too).
    blocks = connection.atomic_blocks
    return not blocks or getattr(blocks[-1], "_from_testcase", False)


@pytest.fixture(autouse=True)
def _retire_caches_at_the_tests_commit(monkeypatch):
    """A test's own transaction (pytest-django's `db`) never commits, so the caches' after-
    commit retirement (portal.caching.invalidation) would never run. Here the code under
    test's outermost atomic block ending without an error stands for the commit, and a
    change made outside any block of its own retires at once, as in autocommit. Where no
    test transaction is open (`committed_db` tests), the real on_commit applies."""
    import threading

    from django.db import transaction

    pending = {}  # per thread (each has its own connection): [(atomic depth, callback)]

    class TestTransactionCommits:
        @staticmethod
        def on_commit(func, using=None, robust=False):
            if not any(getattr(b, "_from_testcase", False) for b in connection.atomic_blocks):
                transaction.on_commit(func, using=using, robust=robust)  # it will commit
            elif _only_the_tests_transaction():
                func()
            else:
                mine = pending.setdefault(threading.get_ident(), [])
                mine.append((len(connection.atomic_blocks), func))

    original_exit = transaction.Atomic.__exit__

    def exit_then_commit(self, exc_type, exc_value, traceback):
        result = original_exit(self, exc_type, exc_value, traceback)
        mine = pending.setdefault(threading.get_ident(), [])
        depth = len(connection.atomic_blocks)
        if exc_type is not None:  # rolled back: what was registered inside it is gone
            mine[:] = [(at, func) for at, func in mine if at <= depth]
        elif _only_the_tests_transaction():
            due, mine[:] = list(mine), []
            for _at, func in due:
                func()
        return result

    monkeypatch.setattr("portal.caching.invalidation.transaction", TestTransactionCommits)
    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_then_commit)


@pytest.fixture
def is_postgres():
    return connection.vendor == "postgresql"


@pytest.fixture
def home(db):
    """A home page that is the default site's root, as on a real site."""
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def footer(db):
    return factories.FooterContentFactory()


@pytest.fixture
def section(home):
    return factories.SectionPageFactory(parent=home)


@pytest.fixture
def topic_index(home):
    return factories.TopicIndexPageFactory(parent=home)


@pytest.fixture
def audience_index(home):
    return factories.AudienceIndexPageFactory(parent=home)


@pytest.fixture
def news_index(home):
    return factories.NewsIndexPageFactory(parent=home)


def build_demo_site():
    from portal.demo import build_demo_site as build

    build(log=lambda _message: None)
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def demo_site(db):
    """The whole demo site, as `make run` builds it (Czech and English)."""
    return build_demo_site()


@dataclass(frozen=True)
class DemoSnapshot:
    rows: str  # every row, as Django's test serializer writes them
    media: Path  # the images and documents the rows name

    def place_media(self):
        """Copy the demo's files under the MEDIA_ROOT in force (the browser tests have their
        own)."""
        from django.conf import settings

        shutil.copytree(self.media, settings.MEDIA_ROOT, dirs_exist_ok=True)


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every row of the demo site, built once per run (then rolled back), and its files:
    building it takes longer than any test that reads it, and several modules read it."""
    from django.db import connection, transaction
    from django.test.utils import override_settings

    media = tmp_path_factory.mktemp("demo-media")
    with (
        override_settings(MEDIA_ROOT=str(media)),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        build_demo_site()
        rows = connection.creation.serialize_db_to_string()
        transaction.set_rollback(True)
    return DemoSnapshot(rows=rows, media=media)


def _restore_snapshot(snapshot: DemoSnapshot):
    """Replace every row with the snapshot's, inside the caller's transaction."""
    from django.apps import apps
    from django.db import connection

    tables = sorted(
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    )
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            quoted = ", ".join(connection.ops.quote_name(t) for t in tables if t in existing)
            cursor.execute(f"TRUNCATE {quoted}")
        else:  # SQLite checks its foreign keys at commit, and this transaction never commits
            for table in tables:
                if table in existing:
                    cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")  # noqa: S608
    deserialize(snapshot.rows)
    snapshot.place_media()


@pytest.fixture(scope="module")
def shared_demo_site(demo_snapshot, django_db_blocker):
    """The demo site for a module of read-only tests, restored from the run's snapshot and
    rolled back after the module.

    Each test still runs in its own savepoint (request `db` alongside), so what one test
    changes does not leak into the next.
    """
    from django.core.cache import cache
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        _restore_snapshot(demo_snapshot)
        cache.clear()  # the frame and routes cached while building describe other row ids
        yield Site.objects.get(is_default_site=True).root_page.specific
        transaction.set_rollback(True)


@pytest.fixture
def seed_article(section):
    """The founding article as the demo builds it, without the rest of the demo site."""
    from home.demo import seed

    body = []
    for heading, paragraph in seed.SECTIONS:
        body.append({"type": "heading", "value": {"heading": heading, "level": "h2"}})
        body.append({"type": "paragraph", "value": f"<p>{paragraph}</p>"})
    return factories.ArticlePageFactory(
        parent=section, title=seed.TITLE, slug=seed.SLUG, summary=seed.SUMMARY, body=body
    )


@pytest.fixture
def smtp_sink(settings):
    """Django's mail goes to a real SMTP server on loopback for this test."""
    from tests.smtp_server import SmtpSink

    sink = SmtpSink().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield sink
    sink.stop()


def _uses_the_database(item) -> bool:
    # The browser tests' shared demo commits through the blocker, without `db` (see
    # tests/browser/conftest.py), and restores the migrations' rows from this snapshot.
    return bool(
        item.get_closest_marker("django_db")
        or {"db", "transactional_db", "shared_demo"} & set(getattr(item, "fixturenames", ()))
    )


@pytest.fixture(scope="session", autouse=True)
def migration_data(request, django_db_setup, django_db_blocker):
    """The rows the migrations create (root page, site, locale, groups), snapshot at the start
    of the run. Tests that commit end by emptying every table; the snapshot is restored
    before each of them (serialized rollback) and once more at the end of the run, so later
    tests and the next run reusing the database (--reuse-db) find those rows."""
    from django.db import connection

    if not any(_uses_the_database(item) for item in request.session.items):
        # pytest-django sets up no test database for such a run: nothing to snapshot, and
        # the connection would reach the development database instead.
        yield None
        return
    with django_db_blocker.unblock():
        contents = connection.creation.serialize_db_to_string()
    if '"model": "wagtailcore.locale"' not in contents:
        pytest.fail(
            "The reused test database has lost the rows the migrations create (was a run "
            "interrupted?): run pytest once with --create-db.",
            pytrace=False,
        )
    yield contents
    with django_db_blocker.unblock():
        # A fault test may have cut this connection (a simulated database restart).
        connection.close()
        load_snapshot(contents)


@pytest.fixture(autouse=True)
def _migration_rows_back_after_a_commit(request, migration_data, django_db_blocker):
    """A test that commits (`committed_db`, or any using `transactional_db`) ends with Django
    emptying every table; the rows the migrations made (the locales, the root page, the
    groups) are put back at once, so that whichever test runs next in this process finds
    them, whatever the order (a run of a few files, or pytest-xdist's). Autouse, so set up
    before the test's database fixture and torn down after its flush."""
    yield
    if migration_data is None or "transactional_db" not in request.fixturenames:
        return
    with django_db_blocker.unblock():
        # A fault test may have cut this connection (a simulated database restart).
        connection.close()
        # Flushed first: a test without serialized rollback (a live server's) leaves the
        # content types post_migrate made again, under new ids.
        load_snapshot(migration_data)


@pytest.fixture
def _snapshot_on_this_connection(migration_data):
    # Serialized rollback reads the snapshot from the connection object in use now.
    from django.db import connection

    connection._test_serialized_contents = migration_data


@pytest.fixture
def committed_db(_snapshot_on_this_connection, transactional_db, django_db_serialized_rollback):
    """For tests where another thread or process must see the data: real commits."""


@pytest.fixture(scope="module", params=["database", "rq"])
def task_workers(request, django_db_setup, tmp_path_factory):
    """Two real worker processes of a task backend on the test database, for the module;
    tests that use them run once per backend: `db_worker` (database) and `rqworker` (RQ on
    Redis, skipped with the reason when Redis does not answer). They send to an SMTP sink."""
    from tests.smtp_server import SmtpSink
    from tests.task_workers import Workers, flush_redis, redis_answers

    backend = request.param
    if backend == "rq":
        if not redis_answers():
            pytest.skip("the RQ task backend needs Redis (TEST_REDIS_PORT), which is not running")
        flush_redis()
    sink = SmtpSink().start()
    workers = Workers(backend, sink, tmp_path_factory.mktemp(f"{backend}-workers"))
    try:
        yield workers.start()
    finally:
        workers.stop()
        sink.stop()
        if backend == "rq":
            flush_redis()


@pytest.fixture
def background_tasks(task_workers, committed_db, settings):
    """What this test enqueues (views, services, tasks) is run by task_workers' processes.

    Mail sent by this process itself stays in Django's test outbox, so a message in the sink
    was sent by a worker."""
    from tests.task_workers import use_backend

    use_backend(settings, task_workers.backend)
    task_workers.sink.reset()
    yield task_workers
    assert task_workers.alive(), f"a worker died during the test:\n{task_workers.output()}"
