"""Faults real deployments meet: the database restarting, processes started at once, and a
backup restored into an empty database."""

import collections
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
from django.db import connection, connections

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.postgres_only


def database_url(name=None):
    settings_dict = connection.settings_dict
    return (
        f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:{settings_dict['PORT']}"
        f"/{name or settings_dict['NAME']}"
    )


def terminate_sessions(pids):
    """What a PostgreSQL restart does to a process: the connections it holds die. (Only the
    process under test loses them here: the test harness keeps its own.)"""
    with psycopg.connect(database_url(), autocommit=True) as admin:
        for pid in pids:
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_send_survives_a_database_restart_mid_send(committed_db, smtp_sink, settings):
    from newsletter.models import Delivery
    from newsletter.sending import process_send, start_send
    from tests.newsletter.factories import SubscriberFactory

    issue = _make_issue()
    settings.NEWSLETTER_BATCH_SIZE = 5
    subscribers = SubscriberFactory.create_batch(12)
    import newsletter.sending as sending

    sending.launch_workers, launch = (lambda send_id, count=2: None), sending.launch_workers
    try:
        send = start_send(issue)
    finally:
        sending.launch_workers = launch
    smtp_sink.handler.hold_at = 7
    outcome, worker_pids = [], []

    def worker():
        try:
            connection.ensure_connection()
            worker_pids.append(connection.connection.info.backend_pid)
            outcome.append(process_send.call(send.pk))
        finally:
            connections.close_all()

    thread = threading.Thread(target=worker)
    thread.start()
    assert smtp_sink.handler.holding.wait(timeout=30)
    terminate_sessions(worker_pids)  # the worker is mid-message: its connection is gone
    smtp_sink.handler.release.set()
    thread.join(timeout=120)
    assert outcome == ["done"]
    received = collections.Counter(item.recipients[0] for item in smtp_sink.received)
    assert received == {s.email: 1 for s in subscribers}
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}


def _make_issue():
    from wagtail.models import Page, Site

    from tests import factories
    from tests.newsletter.factories import BulletinIndexPageFactory, BulletinPageFactory

    home = factories.HomePageFactory(parent=Page.get_first_root_node())
    Site.objects.filter(is_default_site=True).update(root_page=home)
    index = BulletinIndexPageFactory(parent=home)
    issue = BulletinPageFactory(parent=index)
    issue.save_revision().publish()
    return issue


def test_two_processes_loading_the_demo_at_once_build_it_once(committed_db):
    from home.models import ArticlePage, HomePage

    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url(),
    }
    command = [sys.executable, "manage.py", "load_demo_content"]
    both = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)  # noqa: S603
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=180)[0] for process in both]
    assert [process.returncode for process in both] == [0, 0]
    assert sorted("nothing changed" in output for output in outputs) == [False, True]
    assert HomePage.objects.filter(locale__language_code="cs").count() == 1
    assert HomePage.objects.filter(locale__language_code="en").count() == 1
    assert ArticlePage.objects.filter(slug="spoluprace-nno-s-obci").count() == 1


def test_backup_restores_into_an_empty_database(committed_db, tmp_path):
    from tests.conftest import build_demo_site

    build_demo_site()
    restored = f"restore_check_{os.getpid()}"
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {restored}")
        admin.execute(f"CREATE DATABASE {restored}")
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "PYTHON": sys.executable,
    }
    media = tmp_path / "media"
    media.mkdir()
    (media / "original_images").mkdir()
    (media / "original_images" / "proof.txt").write_text("obrázek")
    try:
        backup = subprocess.run(  # noqa: S603
            [str(ROOT / "ops" / "backup.sh"), str(tmp_path / "backup")],
            cwd=ROOT,
            env={**env, "DATABASE_URL": database_url(), "MEDIA_ROOT": str(media)},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert backup.returncode == 0, backup.stderr
        target_media = tmp_path / "restored-media"
        restore = subprocess.run(  # noqa: S603
            [str(ROOT / "ops" / "restore.sh"), str(tmp_path / "backup")],
            cwd=ROOT,
            env={**env, "DATABASE_URL": database_url(restored), "MEDIA_ROOT": str(target_media)},
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert restore.returncode == 0, restore.stderr + restore.stdout
        assert "Smoke check passed" in restore.stdout
        assert (target_media / "original_images" / "proof.txt").read_text() == "obrázek"
        with psycopg.connect(database_url(restored)) as copy:
            pages = copy.execute("SELECT count(*) FROM wagtailcore_page WHERE live").fetchone()[0]
        assert pages > 20
    finally:
        time.sleep(0.2)
        with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {restored} WITH (FORCE)")
