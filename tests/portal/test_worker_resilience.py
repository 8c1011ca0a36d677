"""The real `manage.py db_worker` process against a database that goes away and comes back,
as in a PostgreSQL restart: the worker's connections are cut and, for a few seconds, new ones
are refused. The worker must stay up, record what it was running and carry on; a task whose
worker was killed must not stay RUNNING.

django-tasks-db's own db_worker exits at the first of these errors (its test run fails
here); the portal's (portal/task_worker.py) waits for the database.
"""

import contextlib
import time
from types import SimpleNamespace

import psycopg
import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult
from psycopg import sql

from tests.portal.worker_tasks import echo, wait_for_file
from tests.task_workers import Workers, database_url, use_backend, wait_for

pytestmark = pytest.mark.postgres_only

OUTAGE_SECONDS = 3  # the worker polls every 0.1 s: it meets the outage many times
NO_MAIL_SERVER = SimpleNamespace(port=9)  # these tasks send nothing


def start_worker(logs, **env):
    logs.mkdir(exist_ok=True)
    return Workers("database", NO_MAIL_SERVER, logs, count=1, LOG_LEVEL="INFO", **env).start()


@pytest.fixture
def worker(committed_db, settings, tmp_path):
    use_backend(settings, "database")
    workers = start_worker(tmp_path / "worker")
    yield workers
    workers.stop()


@contextlib.contextmanager
def database_restarting():
    """What a PostgreSQL restart does to the worker: every connection of the test database
    but this process's own dies, and new ones are refused until the block ends ("the
    database system is shutting down", then "is starting up")."""
    connection.ensure_connection()
    own_pid = connection.connection.info.backend_pid
    name = connection.settings_dict["NAME"]
    database = sql.Identifier(name)
    # From another database: PostgreSQL refuses to close the one it is connected to.
    with psycopg.connect(database_url().rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS false").format(database))
        try:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> %s",
                [name, own_pid],
            )
            yield
        finally:
            admin.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS true").format(database))


def status_of(result):
    return DBTaskResult.objects.get(pk=result.id).status


def finished(result):
    return lambda: status_of(result) in {"SUCCESSFUL", "FAILED"}


def test_the_worker_survives_a_database_restart_and_carries_on(worker):
    before = echo.enqueue("before")
    wait_for(finished(before), 30, "the task before the restart", worker)

    with database_restarting():
        time.sleep(OUTAGE_SECONDS)
        assert worker.alive(), f"the worker exited with the database away:\n{worker.output()}"

    after = echo.enqueue("after")
    wait_for(finished(after), 30, "the task after the restart", worker)
    assert DBTaskResult.objects.get(pk=after.id).return_value == "after"
    assert status_of(after) == "SUCCESSFUL"
    assert worker.alive(), worker.output()

    log = worker.output()
    # Once when it went away, once when it came back; the class only, never the message
    # (it names the server and the database).
    assert log.count("Database unavailable (OperationalError)") == 1, log
    assert log.count("Database reachable again after") == 1, log
    assert "accepting connections" not in log and "terminating connection" not in log, log


def test_a_task_running_through_a_restart_has_its_outcome_recorded(worker, tmp_path):
    go = tmp_path / "go"
    running = wait_for_file.enqueue(str(go))
    wait_for(lambda: status_of(running) == "RUNNING", 30, "the task to start", worker)

    with database_restarting():
        go.touch()  # the task finishes while the database is away
        time.sleep(OUTAGE_SECONDS)
        assert worker.alive(), f"the worker exited with the database away:\n{worker.output()}"

    wait_for(finished(running), 30, "the outcome of the task", worker)
    assert status_of(running) == "SUCCESSFUL"
    assert DBTaskResult.objects.get(pk=running.id).return_value == "finished"
    after = echo.enqueue("after")
    wait_for(finished(after), 30, "the task after the restart", worker)
    assert worker.alive(), worker.output()


def test_a_task_whose_worker_was_killed_mid_run_is_failed_by_the_next(
    committed_db, settings, tmp_path
):
    use_backend(settings, "database")
    killed = start_worker(tmp_path / "killed", TASK_RUNNING_TIMEOUT_MINUTES="0")
    try:
        running = wait_for_file.enqueue(str(tmp_path / "never"))
        wait_for(lambda: status_of(running) == "RUNNING", 30, "the task to start", killed)
        [process] = killed.processes
        process.kill()  # SIGKILL: the OOM killer, a lost machine
        process.wait(timeout=10)
    finally:
        killed.stop()
    assert status_of(running) == "RUNNING"

    successor = start_worker(tmp_path / "successor", TASK_RUNNING_TIMEOUT_MINUTES="0")
    try:
        wait_for(finished(running), 30, "the abandoned task to be failed", successor)
        abandoned = DBTaskResult.objects.get(pk=running.id)
        assert abandoned.status == "FAILED"
        assert abandoned.exception_class_path == "portal.task_worker.WorkerLost"
        assert f":{process.pid}:" in abandoned.traceback
        assert f"Task id={running.id} (tests.portal.worker_tasks.wait_for_file)" in (
            successor.output()
        )
        # Not run again, and the successor runs what comes next.
        assert abandoned.worker_ids == DBTaskResult.objects.get(pk=running.id).worker_ids
        assert len(abandoned.worker_ids) == 1
        after = echo.enqueue("after")
        wait_for(finished(after), 30, "the next task", successor)
        assert status_of(after) == "SUCCESSFUL"
    finally:
        successor.stop()
