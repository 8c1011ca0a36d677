"""/readyz tells the truth about the task worker: a worker that beats is "ok", one that never
beat or stopped beating is "gone" (and the answer "degraded", still 200: only the database
takes an instance out of rotation), with an empty queue as with a full one.

The database worker beats into portal.WorkerHeartbeat (portal/task_worker.py); RQ's workers
are read from RQ's own registry, here a real one in Redis with real rq.Worker registrations.
"""

import logging
import threading
import uuid
from datetime import timedelta
from types import SimpleNamespace
from unittest import mock

import pytest
from django.db import OperationalError, ProgrammingError, connections
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.models import WorkerHeartbeat
from portal.task_worker import Heartbeat, Worker
from tests.portal import test_task_worker as task_worker_tests
from tests.portal.worker_tasks import echo
from tests.task_workers import Workers, redis_answers, redis_url, use_backend, wait_for

NO_MAIL_SERVER = SimpleNamespace(port=9)  # these tasks send nothing
# Redis databases 5-9, 14 and 15 belong to other tests (tests/task_workers.py); the queue
# name is this run's own as well, so that no other worker registration is read.
RQ_TEST_DB = 12


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    settings.READINESS_WORKER_BEAT_SECONDS = 60


def beat(seconds_ago: float, worker_id: str = "web-1:123:abcdefabcdef") -> WorkerHeartbeat:
    now = timezone.now()
    return WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        started_at=now - timedelta(hours=1),
        last_beat_at=now - timedelta(seconds=seconds_ago),
    )


def readiness(client) -> dict:
    response = client.get("/readyz")
    assert response.status_code == 200  # whatever the worker's state
    return response.json()


def make_worker(**overrides) -> Worker:
    """test_task_worker's worker, beating, with a short pause between empty polls."""
    return task_worker_tests.make_worker(**{"interval": 0.05, "beat": True, **overrides})


# The database worker


@pytest.mark.django_db
def test_a_worker_that_beats_is_ok(client, database_tasks):
    beat(seconds_ago=3)
    report = readiness(client)
    assert (report["status"], report["worker"], report["tasks"]) == ("ok", "ok", "idle")
    assert 2 <= report["worker_last_beat_seconds"] < 60


@pytest.mark.django_db
def test_the_newest_beat_counts_when_a_killed_workers_row_is_left(client, database_tasks):
    beat(seconds_ago=3600, worker_id="web-1:1:killed")
    beat(seconds_ago=2, worker_id="web-1:2:successor")
    report = readiness(client)
    assert (report["status"], report["worker"]) == ("ok", "ok")
    assert report["worker_last_beat_seconds"] < 60


@pytest.mark.django_db
def test_no_beat_ever_is_a_worker_gone_even_with_an_empty_queue(client, database_tasks):
    report = readiness(client)
    assert report == {
        "status": "degraded",
        "database": "ok",
        "cache": "ok",
        "tasks": "idle",
        "oldest_ready_task_seconds": None,
        "worker": "gone",
        "worker_last_beat_seconds": None,
    }


@pytest.mark.django_db
def test_a_beat_older_than_the_setting_is_a_worker_gone(client, database_tasks, settings):
    beat(seconds_ago=90)
    report = readiness(client)
    assert (report["status"], report["worker"]) == ("degraded", "gone")
    assert report["worker_last_beat_seconds"] >= 90
    settings.READINESS_WORKER_BEAT_SECONDS = 120  # READINESS_WORKER_BEAT_SECONDS decides
    assert readiness(client)["worker"] == "ok"


@pytest.mark.django_db
def test_a_backend_running_tasks_in_the_web_process_needs_no_worker(client):
    # The test settings' ImmediateBackend: no worker to ask after.
    report = readiness(client)
    assert (report["status"], report["worker"], report["worker_last_beat_seconds"]) == (
        "ok",
        "none",
        None,
    )


def run_for_a_while(worker: Worker) -> threading.Thread:
    def run():
        try:
            worker.run()
        finally:
            connections.close_all()  # this thread's own

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def stop(worker: Worker, thread: threading.Thread) -> None:
    worker.running = False
    thread.join(timeout=20)
    assert not thread.is_alive(), "the worker did not stop"


def test_a_running_worker_beats_and_its_row_goes_when_it_exits(
    committed_db, client, settings, database_tasks
):
    worker = make_worker()
    thread = run_for_a_while(worker)
    try:
        row = wait_for(
            lambda: WorkerHeartbeat.objects.filter(worker_id=worker.worker_id).first(),
            20,
            "the worker's first beat",
        )
        assert timezone.now() - row.last_beat_at < timedelta(seconds=30)
        report = readiness(client)
        assert (report["status"], report["worker"]) == ("ok", "ok")
    finally:
        stop(worker, thread)
    assert not WorkerHeartbeat.objects.filter(worker_id=worker.worker_id).exists()
    assert readiness(client)["worker"] == "gone"


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("the database system is shutting down"),  # a connection error
        ProgrammingError('relation "portal_workerheartbeat" does not exist'),  # not migrated
    ],
    ids=["database-away", "table-missing"],
)
def test_a_beat_that_cannot_be_written_does_not_stop_the_worker(
    committed_db, settings, caplog, error
):
    use_backend(settings, "database")
    task = echo.enqueue("still runs")
    worker = make_worker(max_tasks=1)
    with (
        mock.patch.object(WorkerHeartbeat.objects, "update_or_create", side_effect=error),
        caplog.at_level(logging.WARNING, logger="portal.task_worker"),
    ):
        thread = run_for_a_while(worker)
        thread.join(timeout=30)
    assert not thread.is_alive(), "the worker did not finish its task"
    assert DBTaskResult.objects.get(pk=task.id).status == "SUCCESSFUL"
    failures = [r for r in caplog.records if "heartbeat could not be written" in r.getMessage()]
    assert len(failures) == 1
    assert type(error).__name__ in failures[0].getMessage()
    assert "shutting down" not in caplog.text and "portal_workerheartbeat" not in caplog.text


def test_a_heartbeat_logs_a_failure_once_and_beats_again_when_it_can(committed_db, caplog):
    heartbeat = Heartbeat("web-1:7:beating")
    failing = OperationalError("the database system is shutting down")
    with (
        mock.patch.object(WorkerHeartbeat.objects, "update_or_create", side_effect=failing),
        caplog.at_level(logging.WARNING, logger="portal.task_worker"),
    ):
        assert heartbeat.beat() is False
        assert heartbeat.beat() is False
    assert heartbeat.beat() is True
    assert [r.getMessage() for r in caplog.records] == [
        "The task worker's heartbeat could not be written (OperationalError): the worker "
        "carries on and beats again in 5 s",
        "The task worker's heartbeat is written again",
    ]
    assert WorkerHeartbeat.objects.filter(worker_id="web-1:7:beating").exists()
    heartbeat.forget()
    assert not WorkerHeartbeat.objects.exists()


def test_a_beat_deletes_the_rows_of_workers_gone_for_long(committed_db):
    beat(seconds_ago=2 * 24 * 3600, worker_id="web-1:1:long-gone")
    beat(seconds_ago=600, worker_id="web-1:2:recently-killed")
    Heartbeat("web-1:3:beating").beat()
    assert set(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == {
        "web-1:2:recently-killed",  # it still tells how long ago a worker beat
        "web-1:3:beating",
    }


def test_the_db_worker_command_beats_and_removes_its_beat_on_sigterm(
    committed_db, client, settings, tmp_path
):
    use_backend(settings, "database")
    (tmp_path / "worker").mkdir()
    workers = Workers(
        "database", NO_MAIL_SERVER, tmp_path / "worker", count=1, LOG_LEVEL="INFO"
    ).start()
    try:
        wait_for(WorkerHeartbeat.objects.exists, 30, "the worker's first beat", workers)
        [process] = workers.processes
        [row] = WorkerHeartbeat.objects.all()
        assert f":{process.pid}:" in row.worker_id
        assert readiness(client)["worker"] == "ok"
    finally:
        workers.stop()
    assert workers.processes[0].returncode == 0, workers.output()
    assert not WorkerHeartbeat.objects.exists(), workers.output()


# RQ


@pytest.fixture
def rq_registry(settings):
    if not redis_answers():
        pytest.skip("the RQ registry test needs Redis (TEST_REDIS_PORT), which is not running")
    import redis

    queue_name = f"readiness-{uuid.uuid4().hex[:12]}"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [queue_name]}}
    settings.RQ_QUEUES = {queue_name: {"URL": redis_url(RQ_TEST_DB)}}
    connection = redis.Redis.from_url(redis_url(RQ_TEST_DB))
    registered = []

    def register(name: str):
        from rq import Queue
        from rq import Worker as RQWorker

        worker = RQWorker(
            [Queue(queue_name, connection=connection)], name=name, connection=connection
        )
        worker.register_birth()  # what `rqworker` does on start, beat included
        registered.append(worker)
        return worker

    yield SimpleNamespace(register=register, connection=connection)
    for worker in registered:
        worker.register_death()
    connection.close()


@pytest.mark.django_db
def test_rq_a_registered_worker_is_ok(client, rq_registry):
    rq_registry.register(f"rq-{uuid.uuid4().hex[:8]}")
    report = readiness(client)
    assert (report["status"], report["worker"], report["tasks"]) == ("ok", "ok", "idle")
    assert 0 <= report["worker_last_beat_seconds"] < 60


@pytest.mark.django_db
def test_rq_no_worker_on_the_queue_is_gone(client, rq_registry):
    report = readiness(client)
    assert (report["status"], report["worker"], report["worker_last_beat_seconds"]) == (
        "degraded",
        "gone",
        None,
    )


@pytest.mark.django_db
def test_rq_a_worker_that_stopped_cleanly_or_stopped_beating_is_gone(client, rq_registry):
    stopped = rq_registry.register(f"rq-{uuid.uuid4().hex[:8]}")
    killed = rq_registry.register(f"rq-{uuid.uuid4().hex[:8]}")
    assert readiness(client)["worker"] == "ok"
    stopped.register_death()
    assert readiness(client)["worker"] == "ok"  # the other one still beats
    # A killed worker's key outlives its last beat by RQ's worker TTL; then RQ drops it.
    rq_registry.connection.delete(killed.key)
    report = readiness(client)
    assert (report["status"], report["worker"]) == ("degraded", "gone")


@pytest.mark.django_db
def test_rq_a_redis_that_does_not_answer_leaves_the_worker_unknown(client, settings, caplog):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens there once closed
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": f"redis://127.0.0.1:{port}/0"}}
    with caplog.at_level(logging.WARNING, logger="portal.health"):
        reports = [readiness(client) for _ in range(3)]
    assert {(r["status"], r["worker"]) for r in reports} == {("degraded", "unknown")}
    unanswered = [r for r in caplog.records if "RQ's Redis does not answer" in r.getMessage()]
    assert len(unanswered) == 1  # once per outage, not once per probe
