"""Faults real deployments meet: the database restarting, processes started at once, a
backup restored into an empty database, and the fault suite.

The fault suite (the tests after `# The fault suite`) runs real processes: gunicorn as
production starts it (ops/gunicorn.conf.py, production settings), `manage.py db_worker`
processes sending a bulletin, an SMTP sink, a private redis-server. Under a steady request
loop and a readiness probe it injects one fault each - the database's connections killed and
refused, Redis killed, the SMTP server stopped, a worker killed with SIGKILL - and checks that
nothing was lost, nothing went twice, the site answered and /readyz told the truth. Each test
records its figures in var/faults/<fault>.json (`python -m tests.faults.harness` prints the
README's table from them).
"""

import collections
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import psycopg
import pytest
from django.db import connection, connections

from tests.faults.harness import (
    Figures,
    PacedSink,
    PrivateRedis,
    ReadinessProbe,
    RequestLoop,
    count_deliveries,
    database_restarting,
)
from tests.task_workers import Workers, use_backend, wait_for

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
    from newsletter.sending.sends import process_send, start_send
    from tests.newsletter.factories import SubscriberFactory

    issue = _make_issue()
    settings.NEWSLETTER_BATCH_SIZE = 5
    subscribers = SubscriberFactory.create_batch(12)
    import newsletter.sending.sends as sending

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
    from home.pages.home_page import HomePage
    from home.pages.models import ArticlePage

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


# The fault suite

OUTAGE_SECONDS = 3  # how long the database refuses connections ("is starting up")
READINESS_TASK_DELAY_SECONDS = 3  # the fault server's: a task waiting longer is "stalled"
CLAIM_TIMEOUT_MINUTES = 10  # production's NEWSLETTER_CLAIM_TIMEOUT_MINUTES (the default)


class Duplicated(AssertionError):
    """A recipient got a message more than once."""


@pytest.fixture(scope="module")
def fault_static(tmp_path_factory):
    """collectstatic once for the module: WhiteNoise serves the hashed files it writes."""
    from tests.portal.test_production_server import production_env

    root = tmp_path_factory.mktemp("fault-static")
    env = production_env(STATIC_ROOT=str(root), DATABASE_URL="sqlite:///:memory:")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT, env=env, check=True, timeout=300,
    )  # fmt: skip
    return root


def start_gunicorn(static_root, log, **settings):
    from tests.portal.test_production_server import start_server

    process, base = start_server(static_root, log, **settings)
    if process.poll() is not None:
        raise AssertionError(f"gunicorn did not start:\n{log.read_text()[-3000:]}")
    return process, base


def stop_gunicorn(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


@pytest.fixture(scope="module")
def fault_server_process(django_db_setup, django_db_blocker, fault_static, tmp_path_factory):
    """One gunicorn for the module, as production runs it: on the test database, its cache a
    Redis of its own (a private redis-server the Redis test kills and starts again), and a
    readiness that calls a task waiting more than READINESS_TASK_DELAY_SECONDS stalled."""
    if shutil.which("redis-server") is None:
        pytest.skip("the fault suite runs a redis-server of its own; none is installed")
    logs = tmp_path_factory.mktemp("fault-server")
    redis = PrivateRedis().start()
    try:
        with django_db_blocker.unblock():
            process, base = start_gunicorn(
                fault_static,
                logs / "gunicorn.log",
                REDIS_URL=redis.url,
                CACHE_DIR=str(logs / "unused-cache"),  # Redis takes precedence
                # The request loop is one client asking far more often than a reader would.
                SEARCH_PER_IP="100000/m",
                READINESS_TASK_DELAY_SECONDS=str(READINESS_TASK_DELAY_SECONDS),
            )
        yield SimpleNamespace(base=base, log=logs / "gunicorn.log", redis=redis)
        stop_gunicorn(process)
    finally:
        redis.kill()


@pytest.fixture
def fault_server(fault_server_process, committed_db, settings):
    """The fault server on a fresh site (its cache emptied: what it holds describes the
    last test's rows); what this test enqueues goes to the database task backend, which the
    test's db_worker processes run."""
    fault_server_process.redis.flush()
    use_backend(settings, "database")
    return fault_server_process


def build_site(subscribers: int = 0) -> SimpleNamespace:
    """A home page with a section, an article and a published bulletin issue; `subscribers`
    confirmed subscribers; the paths the request loop asks for, with their statuses."""
    from wagtail.models import Page, Site

    from tests import factories
    from tests.newsletter.factories import (
        BulletinIndexPageFactory,
        BulletinPageFactory,
        SubscriberFactory,
    )

    home = factories.HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    factories.FooterContentFactory()
    section = factories.SectionPageFactory(parent=home)
    article = factories.ArticlePageFactory(parent=section, title="Článek za poruchy")
    index = BulletinIndexPageFactory(parent=home)
    issue = BulletinPageFactory(parent=index)
    issue.save_revision().publish()
    people = SubscriberFactory.create_batch(subscribers) if subscribers else []
    expected = {
        "/": 200,
        article.url: 200,
        section.url: 200,
        "/hledat/?q=byt": 200,  # the search is never cached: it needs the database
        "/neexistuje/": 404,
    }
    return SimpleNamespace(
        issue=issue, emails=[person.email for person in people], expected=expected
    )


def start_workers(sink, logs: Path, count: int, **env) -> Workers:
    logs.mkdir(exist_ok=True)
    return Workers("database", sink, logs, count=count, LOG_LEVEL="INFO", **env).start()


def start_bulletin(issue):
    """What "Send" in the admin does: the deliveries, and two process_send tasks queued."""
    from newsletter.sending.sends import start_send

    return start_send(issue)


def send_tasks_at_work():
    """The send's tasks a worker runs or can take now (one deferred to a later run_after,
    waiting for a retry, is not)."""
    from django_tasks_db.models import DBTaskResult

    path = "newsletter.sending.sends.process_send"
    tasks = DBTaskResult.objects
    return tasks.ready().filter(task_path=path) | tasks.running().filter(task_path=path)


def workers_are_quiet(send_id: int) -> bool:
    """Nothing of the send is due or being run: what is left waits for a retry or a reaper."""
    from django.db.models import Q
    from django.utils import timezone

    from newsletter.models import Delivery, Send

    if Send.objects.get(pk=send_id).status == Send.Status.DONE:
        return True
    due = Delivery.objects.filter(send_id=send_id, status=Delivery.Status.PENDING).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now())
    )
    return not due.exists() and not send_tasks_at_work().exists()


def finish_send(send, workers: Workers, figures: Figures) -> str:
    """Let the workers finish; then do what production's timer does after the claim
    timeout: deliveries still claimed (by a worker that died, or that lost track of them in
    a fault) are made NEWSLETTER_CLAIM_TIMEOUT_MINUTES old - the time the test does not wait
    - and `newsletter_maintenance` runs as the timer would (in this process, to spare a
    start-up: the same command on the same database), returning them to the queue and
    restarting the send. Returns the maintenance command's output ("" if not run)."""
    from django.db.models import F

    from newsletter.models import Delivery, Send

    wait_for(lambda: workers_are_quiet(send.pk), 60, "the workers to do what they can", workers)
    figures.mark("workers quiet")
    output = ""
    claimed = Delivery.objects.filter(send=send, status=Delivery.Status.SENDING)
    if claimed.exists():
        claimed.update(claimed_at=F("claimed_at") - timedelta(minutes=CLAIM_TIMEOUT_MINUTES + 1))
        output = run_command("newsletter_maintenance")
        figures.mark("maintenance run")
    wait_for(
        lambda: Send.objects.get(pk=send.pk).status == Send.Status.DONE,
        60,
        "the send to finish",
        workers,
    )
    return output


def run_command(name: str, **options) -> str:
    from io import StringIO

    from django.core.management import call_command

    output = StringIO()
    call_command(name, stdout=output, **options)
    return output.getvalue().strip()


def own_backend_pid() -> int:
    connection.ensure_connection()
    return connection.connection.info.backend_pid


def check_exactly_once(counts: dict[str, int]) -> None:
    assert counts["lost"] == 0, counts
    assert counts["stray"] == 0, counts
    if counts["duplicated"]:
        raise Duplicated(f"{counts['duplicated']} messages went twice: {counts}")


def test_fault_database_connections_killed_while_serving_and_sending(fault_server, tmp_path):
    from newsletter.models import Delivery

    figures = Figures("database restart (connections killed, refused 3 s)")
    sink = PacedSink(delay=0.002).start()
    # A message is in flight when the database goes: the server holds it until released.
    sink.handler.hold_at = 100
    workers = start_workers(sink, tmp_path / "workers", count=2)
    figures.mark("workers started")
    base = fault_server.base
    try:
        site = build_site(subscribers=300)
        figures.mark("site built")
        with RequestLoop(base, site.expected) as loop, ReadinessProbe(base) as probe:
            loop.wait_for_requests(25)
            send = start_bulletin(site.issue)
            figures.mark("send started")
            assert sink.handler.holding.wait(timeout=30), workers.output()
            own = own_backend_pid()
            fault_start = time.monotonic()
            figures.mark("fault")
            with database_restarting(workers.environment["DATABASE_URL"], own) as killed:
                time.sleep(1)
                # The mail server accepts the message in flight; the database is still away.
                sink.handler.release.set()
                time.sleep(OUTAGE_SECONDS - 1)
                assert workers.alive(), workers.output()
            fault_end = time.monotonic()
            figures.mark("fault over")
            figures.faults_injected = 1
            figures.notes = f"{killed} connections killed"
            # The site answers again, and readiness says so.
            wait_for(lambda: loop.first_good_after(fault_end) is not None, 10, "the site")
            probe.wait_until(lambda r: r.status == 200 and r.report["database"] == "ok", 10)
            maintenance = finish_send(send, workers, figures)
            figures.mark("send done")
            time.sleep(1)  # traffic after the recovery too
        figures.from_requests(loop, fault_start, fault_end)
        during = probe.between(fault_start + 0.3, fault_end - 0.3)
        figures.readiness = probe.summary(probe.readings)
        counts = count_deliveries(sink, site.emails)
        figures.from_messages(counts)
        figures.notes += f"; maintenance: {maintenance or 'not needed'}"
        figures.record()

        assert killed >= 3, "gunicorn and both workers held connections"
        assert figures.server_errors_outside_fault == 0, loop.unexpected(loop.answers)
        assert figures.recovery_seconds is not None and figures.recovery_seconds < 5
        after = loop.between(fault_end + figures.recovery_seconds)
        assert not loop.unexpected(after), loop.unexpected(after)
        assert during and all(r.status == 503 for r in during), during
        assert all(r.report.get("database") == "down" for r in during), during
        final = probe.read()
        assert (final.status, final.report["status"], final.report["database"]) == (
            200,
            "ok",
            "ok",
        ), final
        assert workers.alive(), workers.output()
        assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
        check_exactly_once(counts)
    finally:
        workers.stop()
        sink.stop()


def test_fault_redis_gone_and_back(fault_server_process, committed_db):
    # No worker runs here: what building the site enqueues runs in this process, as the
    # test settings' task backend does, and does not wait in the task table. A worker's
    # heartbeat, beating from this process, stands in for one, so that readiness reads the
    # worker "ok" (it says "gone" without a beat) and only the cache makes it "degraded".
    from portal.task_worker import Heartbeat

    figures = Figures("Redis killed and restarted")
    fault_server_process.redis.flush()
    site = build_site()
    figures.mark("site built")
    base, redis = fault_server_process.base, fault_server_process.redis
    heartbeat = Heartbeat("fault-test:1:stand-in")
    heartbeat.start()
    try:
        with RequestLoop(base, site.expected) as loop, ReadinessProbe(base) as probe:
            loop.wait_for_requests(30)
            warm = probe.wait_until(lambda r: r.report.get("cache") == "ok", 10)
            assert warm.status == 200
            fault_start = time.monotonic()
            figures.mark("fault")
            redis.kill()  # SIGKILL: gone at once, with everything cached
            figures.faults_injected = 1
            down = probe.wait_until(lambda r: r.report.get("cache") == "down", 10)
            time.sleep(4)  # longer than the breaker's retry: every process meets the outage
            redis.start()  # the same port, empty
            fault_end = time.monotonic()
            figures.mark("fault over")
            back = probe.wait_until(lambda r: r.report.get("cache") == "ok", 15)
            time.sleep(2)  # pages are cached again
            final = probe.read()
    finally:
        heartbeat.stop()
    figures.from_requests(loop, fault_start, fault_end)
    figures.readiness = probe.summary(probe.readings)
    during = loop.between(fault_start + 0.5, fault_end)
    figures.notes = (
        f"{len(during)} requests while Redis was away, "
        f"cache hits before/during/after: {_hits(loop.between(0, fault_start))}/"
        f"{_hits(during)}/{_hits(loop.between(back.at))}"
    )
    figures.record()

    assert figures.server_errors == 0 and figures.unexpected_answers == 0, loop.unexpected(
        loop.answers
    )
    assert len(during) >= 5, "the site was asked while Redis was away"
    assert _hits(loop.between(0, fault_start)) > 0, "pages were cached before the fault"
    assert _hits(during) == 0, "nothing is served from a cache that is gone"
    assert (down.status, down.report["status"], down.report["database"]) == (
        200,
        "degraded",
        "ok",
    ), down
    assert _hits(loop.between(back.at)) > 0, "pages are cached again once Redis is back"
    assert (final.status, final.report["status"], final.report["cache"]) == (200, "ok", "ok")


def _hits(answers) -> int:
    return sum(1 for answer in answers if answer.cache == "hit")


def test_fault_smtp_server_gone_and_back(fault_server, tmp_path, settings):
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from newsletter.models import Delivery
    from portal.models import OutgoingEmail
    from portal.outbox import queue_email

    figures = Figures("SMTP server stopped and restarted")
    sink = PacedSink(delay=0.01).start()
    workers = start_workers(sink, tmp_path / "workers", count=2)
    figures.mark("workers started")
    base = fault_server.base
    confirmations = [f"potvrzeni{number}@example.cz" for number in range(30)]
    try:
        site = build_site(subscribers=200)
        figures.mark("site built")
        with RequestLoop(base, site.expected) as loop, ReadinessProbe(base) as probe:
            loop.wait_for_requests(25)
            send = start_bulletin(site.issue)
            figures.mark("send started")
            sink.wait_for(60)
            fault_start = time.monotonic()
            figures.mark("fault")
            sink.stop()
            figures.faults_injected = 1
            # Transactional mail queued while the server is away (sign-up confirmations).
            for address in confirmations:
                with transaction.atomic():
                    queue_email(
                        "newsletter/email/confirm",
                        to=address,
                        context={"confirm_url": "http://testserver/potvrzeni/", "valid_days": 7},
                        language="cs",
                        purpose="newsletter.confirm",
                    )
            # Every worker meets the outage: the bulletin waits for its retries, and so does
            # every confirmation.
            wait_for(
                lambda: (
                    workers_are_quiet(send.pk)
                    and not OutgoingEmail.objects.filter(attempts=0).exists()
                ),
                30,
                "the workers to meet the outage",
                workers,
            )
            time.sleep(max(0, fault_start + OUTAGE_SECONDS - time.monotonic()))
            retries = {
                "deliveries": Delivery.objects.filter(status=Delivery.Status.PENDING).count(),
                "outbox": OutgoingEmail.objects.filter(status="pending").count(),
            }
            sink.start()  # the same port
            fault_end = time.monotonic()
            figures.mark("fault over")
            # The backoff (30 s to a minute for a first retry) elapses: what waits for it is
            # made due now. The deferred tasks run it; production's sweeper timer
            # (`manage.py send_queued_email`) runs too, racing them for the same messages.
            from django.utils import timezone

            now = timezone.now()
            Delivery.objects.filter(status=Delivery.Status.PENDING).update(next_attempt_at=now)
            OutgoingEmail.objects.filter(status="pending").update(next_attempt_at=now)
            DBTaskResult.objects.filter(status="READY").update(run_after=now)
            # The sweeper, in this process (the same command on the same database), sending
            # to the sink as the workers do.
            settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
            settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
            settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
            settings.EMAIL_TIMEOUT = 5
            swept = run_command("send_queued_email")
            maintenance = finish_send(send, workers, figures)
            figures.mark("send done")
            wait_for(
                lambda: not OutgoingEmail.objects.exclude(status="sent").exists(),
                30,
                "every confirmation to go",
                workers,
            )
            time.sleep(1)
        figures.from_requests(loop, fault_start, fault_end)
        figures.readiness = probe.summary(probe.readings)
        counts = count_deliveries(sink, [*site.emails, *confirmations])
        figures.from_messages(counts)
        figures.notes = (
            f"waiting for a retry when the server came back: {retries['deliveries']} bulletin "
            f"messages, {retries['outbox']} confirmations; sweeper: {swept}; "
            f"maintenance: {maintenance or 'not needed'}"
        )
        figures.record()

        assert retries["deliveries"] > 0 and retries["outbox"] == len(confirmations), retries
        assert figures.server_errors == 0 and figures.unexpected_answers == 0
        # The mail server is not part of readiness: the site serves without it.
        assert all(r.status == 200 and r.report["database"] == "ok" for r in probe.readings)
        assert probe.read().report["status"] == "ok"
        assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
        check_exactly_once(counts)
    finally:
        workers.stop()
        sink.stop()


def test_fault_worker_killed_mid_send(fault_server, tmp_path):
    from django_tasks_db.models import DBTaskResult

    from newsletter.models import Delivery

    figures = Figures("worker killed with SIGKILL mid-send")
    sink = PacedSink(delay=0.002).start()
    # The worker is killed with a message handed over and not yet answered.
    sink.handler.hold_at = 100
    killed = start_workers(sink, tmp_path / "killed", count=1)
    figures.mark("workers started")
    base = fault_server.base
    successor = None
    try:
        site = build_site(subscribers=300)
        figures.mark("site built")
        with RequestLoop(base, site.expected) as loop, ReadinessProbe(base) as probe:
            loop.wait_for_requests(25)
            send = start_bulletin(site.issue)
            figures.mark("send started")
            assert sink.handler.holding.wait(timeout=30), killed.output()
            [process] = killed.processes
            fault_start = time.monotonic()
            figures.mark("fault")
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)
            figures.faults_injected = 1
            time.sleep(0.3)
            sink.handler.release.set()  # the server sees the client gone: not accepted
            # No worker takes the send's other task: readiness reports it.
            stalled = probe.wait_until(lambda r: r.report.get("tasks") == "stalled", 15)
            successor = start_workers(
                sink, tmp_path / "successor", count=1, TASK_RUNNING_TIMEOUT_MINUTES="0"
            )
            fault_end = time.monotonic()
            figures.mark("fault over")
            maintenance = finish_send(send, successor, figures)
            figures.mark("send done")
            time.sleep(1)
        figures.from_requests(loop, fault_start, fault_end)
        figures.readiness = probe.summary(probe.readings)
        counts = count_deliveries(sink, site.emails)
        figures.from_messages(counts)
        figures.notes = f"maintenance: {maintenance or 'not needed'}"
        figures.record()

        lost_task = DBTaskResult.objects.filter(
            task_path="newsletter.sending.sends.process_send",
            exception_class_path="portal.task_worker.WorkerLost",
        )
        assert lost_task.count() == 1, "the killed worker's task is failed by its successor"
        assert "reaped" in maintenance and "restarted 1 sends" in maintenance, maintenance
        assert figures.server_errors == 0 and figures.unexpected_answers == 0
        assert (stalled.status, stalled.report["status"]) == (200, "degraded"), stalled
        final = probe.read()
        assert (final.status, final.report["status"], final.report["tasks"]) == (
            200,
            "ok",
            "idle",
        ), final
        assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
        check_exactly_once(counts)
    finally:
        killed.stop()
        if successor is not None:
            successor.stop()
        sink.stop()


def test_fault_concurrent_probes_see_a_working_cache_as_working(fault_server, tmp_path):
    """Two load balancers (or a load balancer and monitoring) probe at the same moment."""
    build_site()
    probes = [ReadinessProbe(fault_server.base) for _ in range(8)]
    readings = []
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(readings) < 400:
        threads = [threading.Thread(target=lambda p=p: readings.append(p.read())) for p in probes]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=15)
        if any(r.report.get("cache") == "down" for r in readings):
            break
    false_downs = [r for r in readings if r.report.get("cache") == "down"]
    print(f"\n{len(readings)} concurrent probes, {len(false_downs)} said the cache was down")  # noqa: T201
    assert all(r.status == 200 for r in readings)
    assert not false_downs, f"{len(false_downs)} of {len(readings)} probes: cache down"
