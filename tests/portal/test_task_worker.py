"""The portal's db_worker (portal/task_worker.py) in-process: it is the command that runs,
it waits out a database outage with backoff and logs it once, and the reaper marks FAILED the
tasks a killed worker left RUNNING. tests/portal/test_worker_resilience.py runs it for real
against a database that goes away."""

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import get_commands, load_command_class
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from portal import task_worker
from portal.task_worker import (
    Worker,
    WorkerLost,
    is_connection_error,
    new_worker_id,
    reap_abandoned_tasks,
    worker_is_running,
)

OUTAGE = "the database system is shutting down"


def make_worker(**overrides):
    options = {
        "queue_names": ["default"],
        "interval": 0,
        "batch": False,
        "backend_name": "default",
        "startup_delay": False,
        "max_tasks": None,
        "worker_id": new_worker_id(),
        "excluded_queue_names": [],
        **overrides,
    }
    return Worker(**options)


def test_db_worker_is_the_portals_command():
    assert get_commands()["db_worker"] == "portal"
    command = load_command_class("portal", "db_worker")
    assert command.__module__ == "portal.management.commands.db_worker"


def test_connection_errors_are_told_from_a_locked_sqlite_database():
    assert is_connection_error(OperationalError(OUTAGE))
    assert is_connection_error(InterfaceError("connection already closed"))
    assert is_connection_error(OperationalError())
    assert not is_connection_error(OperationalError("database is locked"))
    assert not is_connection_error(ValueError(OUTAGE))


def test_the_worker_waits_out_an_outage_with_backoff_and_logs_it_once(caplog):
    worker = make_worker()
    outage = OperationalError(f'connection to server at "db.internal" (10.0.0.5) failed: {OUTAGE}')
    sleeps = []
    with (
        mock.patch.object(Worker, "step", side_effect=[outage, outage, True]) as step,
        mock.patch.object(Worker, "database_answers", side_effect=[False] * 6 + [True] * 2),
        mock.patch.object(task_worker.time, "sleep", sleeps.append),
        mock.patch.object(task_worker, "close_connections") as close_connections,
        caplog.at_level(logging.WARNING, logger="portal.task_worker"),
    ):
        worker.run()

    assert step.call_count == 3  # carried on after each outage
    # 0.5 s doubling to 10 s, then back to 0.5 s for the next outage.
    assert sleeps == [0.5, 1, 2, 4, 8, 10, 10, 0.5]
    assert close_connections.call_count == len(sleeps)
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 4
    assert messages[0] == "Database unavailable (OperationalError): the task worker waits for it"
    assert messages[1].startswith("Database reachable again after ")
    assert messages[2] == messages[0]  # the second outage is logged too, once
    assert messages[3].startswith("Database reachable again after ")
    # The class, never the message: it names the server.
    assert "10.0.0.5" not in caplog.text and OUTAGE not in caplog.text


def test_a_locked_database_or_any_other_error_still_stops_the_worker():
    worker = make_worker()
    with (
        mock.patch.object(Worker, "step", side_effect=OperationalError("database is locked")),
        pytest.raises(OperationalError),
    ):
        worker.run()
    with (
        mock.patch.object(Worker, "step", side_effect=ValueError("a bug")),
        pytest.raises(ValueError),
    ):
        worker.run()


def test_the_worker_stops_waiting_when_asked_to_stop():
    worker = make_worker()

    def stop(_delay):
        worker.running = False  # SIGTERM, as Worker.shutdown does while a task runs

    with (
        mock.patch.object(Worker, "database_answers", return_value=False) as answers,
        mock.patch.object(task_worker.time, "sleep", stop),
        mock.patch.object(task_worker, "close_connections"),
    ):
        worker.wait_for_database(OperationalError(OUTAGE))
    assert answers.call_count == 1


def test_worker_ids_name_this_machine_and_process():
    worker_id = new_worker_id()
    assert len(worker_id) <= 64
    assert worker_id.startswith(f"{socket.gethostname()[:40]}")
    assert f":{os.getpid()}:" in worker_id
    assert new_worker_id() != worker_id


def test_whether_a_worker_runs_is_known_for_this_machine_only():
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "db_worker"])
    dead = subprocess.Popen([sys.executable, "-c", "pass", "db_worker"])
    dead.wait()
    try:
        host = socket.gethostname()
        assert worker_is_running(f"{host}:{alive.pid}:abcdefabcdef") is True
        assert worker_is_running(f"{host}:{dead.pid}:abcdefabcdef") is False
        # This process runs, but is no worker (a reused pid).
        assert worker_is_running(f"{host}:{os.getpid()}:abcdefabcdef") is False
        assert worker_is_running(f"elsewhere.example:{alive.pid}:abcdefabcdef") is None
        assert worker_is_running("aF3kLmN0pQrStUvWxYz0123456789abc") is None  # upstream's ids
        assert worker_is_running("") is None
    finally:
        alive.kill()
        alive.wait()


def running_task(worker_id, minutes_ago, backend_name="default"):
    task = DBTaskResult.objects.create(
        status="RUNNING",
        args_kwargs={"args": ["x"], "kwargs": {}},
        task_path="tests.portal.worker_tasks.echo",
        backend_name=backend_name,
        run_after=get_date_max(),
        worker_ids=[worker_id] if worker_id else [],
    )
    started = timezone.now() - timedelta(minutes=minutes_ago)
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=started)
    return task


@pytest.mark.both_databases
def test_the_reaper_fails_tasks_running_too_long_whose_worker_is_gone(db, settings, caplog):
    settings.TASK_RUNNING_TIMEOUT_MINUTES = 30
    host = socket.gethostname()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "db_worker"])
    dead = subprocess.Popen([sys.executable, "-c", "pass", "db_worker"])
    dead.wait()
    own_id = new_worker_id()
    try:
        killed = running_task(f"{host}:{dead.pid}:abcdefabcdef", minutes_ago=31)
        elsewhere = running_task("elsewhere.example:1234:abcdefabcdef", minutes_ago=45)
        upstreams = running_task("aF3kLmN0pQrStUvWxYz0123456789abc", minutes_ago=45)
        unrecorded = running_task(own_id, minutes_ago=31)  # its outcome was never recorded
        still_running = running_task(f"{host}:{alive.pid}:abcdefabcdef", minutes_ago=90)
        recent = running_task(f"{host}:{dead.pid}:abcdefabcdef", minutes_ago=29)
        other_backend = running_task(f"{host}:{dead.pid}:abcdefabcdef", 45, "other")
        with caplog.at_level(logging.WARNING, logger="portal.task_worker"):
            assert reap_abandoned_tasks("default", own_id) == 4
        # A second pass finds nothing more.
        assert reap_abandoned_tasks("default", own_id) == 0
    finally:
        alive.kill()
        alive.wait()

    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert {pk for pk, status in statuses.items() if status == "FAILED"} == {
        killed.pk,
        elsewhere.pk,
        upstreams.pk,
        unrecorded.pk,
    }
    assert statuses[still_running.pk] == statuses[recent.pk] == "RUNNING"
    assert statuses[other_backend.pk] == "RUNNING"

    killed.refresh_from_db()
    assert killed.finished_at is not None
    [error] = killed.task_result.errors
    assert error.exception_class is WorkerLost
    assert f"{host}:{dead.pid}:abcdefabcdef" in error.traceback
    assert f"Task id={killed.pk} (tests.portal.worker_tasks.echo) was RUNNING" in caplog.text
    assert len(caplog.records) == 4


@pytest.mark.both_databases
def test_the_worker_reaps_on_start_and_then_every_few_minutes(db, settings):
    settings.TASK_RUNNING_TIMEOUT_MINUTES = 30
    worker = make_worker(max_tasks=None)
    clock = iter([1000.0, 1000.0, 1100.0, 1000.0 + task_worker.REAP_EVERY_SECONDS + 1] * 2)
    with (
        mock.patch.object(task_worker, "reap_abandoned_tasks", return_value=0) as reap,
        mock.patch.object(task_worker.time, "monotonic", lambda: next(clock)),
        mock.patch.object(task_worker.time, "sleep"),
        # It would close the test's connection: the test runs inside a transaction.
        mock.patch.object(task_worker, "close_old_connections"),
    ):
        worker.step()  # start: reaps, next at 1300
        worker.step()  # at 1100: not yet
        worker.step()  # at 1301: reaps
    assert reap.call_args_list == [mock.call("default", worker.worker_id)] * 2


@pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")
def test_make_run_and_serve_start_the_worker_again_when_it_exits(tmp_path):
    root = Path(__file__).resolve().parents[2]
    starts = tmp_path / "starts"
    exits = f"{sys.executable} -c \"open('{starts}', 'a').write('started\\n'); exit(3)\""
    printed = subprocess.run(  # noqa: S603
        [  # noqa: S607
            "make",
            "-s",
            "--no-print-directory",
            "--eval",
            "print-loop: ; $(info $(TASK_WORKER_LOOP))@:",
            f"TASK_WORKER={exits}",
            "print-loop",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    loop = subprocess.Popen(  # noqa: S603
        ["bash", "-c", printed.stdout.strip()],  # noqa: S607
        start_new_session=True,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 15
        while not (starts.exists() and starts.read_text().count("started") >= 2):
            assert time.monotonic() < deadline, "the worker was not started again"
            time.sleep(0.1)
    finally:
        os.killpg(loop.pid, signal.SIGTERM)
        loop.wait(timeout=10)
    assert "task worker exited (3); restarting in 2 s" in loop.stderr.read()
    for target in ("run", "serve"):
        recipe = subprocess.run(  # noqa: S603
            ["make", "-n", target],  # noqa: S607
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "while :; do .venv/bin/python manage.py db_worker; echo" in recipe
        assert "trap 'trap - INT TERM EXIT; kill 0' INT TERM EXIT" in recipe
