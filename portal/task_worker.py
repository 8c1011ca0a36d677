"""The database task worker (`manage.py db_worker`), made to outlive a database restart.

django-tasks-db's worker exits on the first connection error ("the database system is
shutting down", "connection refused"): the web processes reconnect, /healthz turns green
again, and no task runs until someone restarts the worker. This worker, on such an error,
closes its connections, backs off (0.5 s doubling to 10 s) until the database answers, and
carries on. A task that finished while the database was away has its outcome recorded once
the database is back.

A task can still be left RUNNING for ever: the worker running it was killed (SIGKILL, the
OOM killer, a lost machine). The reaper marks such tasks FAILED (with WorkerLost) once they
have been RUNNING longer than TASK_RUNNING_TIMEOUT_MINUTES and their worker is gone. They
are not queued again: a task killed mid-run may have done part of its work (sent some of
its e-mail), and the portal's own sweeps (newsletter_maintenance, send_queued_email) resume
such work safely.

While it runs, the worker beats: a thread of its own writes the time to its row of
portal.WorkerHeartbeat every BEAT_EVERY_SECONDS, so that /readyz can tell a worker that is
idle from one that is gone (an empty queue reads the same either way). A thread, and not the
loop, because a task may run for minutes (a bulletin's send) and the worker is alive
meanwhile. A beat that fails (the database away, the table not migrated yet) is logged once
and tried again at the next beat, on a new connection: it never stops the worker, whose
loop waits out an outage by itself. The row goes when the worker exits; one left by a
killed worker is deleted by the next worker after HEARTBEAT_RETENTION.
"""

import contextlib
import logging
import os
import random
import socket
import threading
import time
from datetime import timedelta
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.db import Error, InterfaceError, OperationalError, close_old_connections, connections
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker as UpstreamWorker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from portal.models import WorkerHeartbeat

logger = logging.getLogger("portal.task_worker")
# django-tasks-db's own lines ("Starting worker ...") keep their logger.
upstream_logger = logging.getLogger("django_tasks_db")

FIRST_BACKOFF_SECONDS = 0.5
MAX_BACKOFF_SECONDS = 10.0
REAP_EVERY_SECONDS = 300
WORKER_ID_MAX_LENGTH = 64  # django-tasks-db's limit
# Well under READINESS_WORKER_BEAT_SECONDS (60 s by default), so that one or two lost beats
# do not read as a worker gone.
BEAT_EVERY_SECONDS = 5.0
# A killed worker's row tells for a day how long ago the last worker beat; then it goes.
HEARTBEAT_RETENTION = timedelta(days=1)


class WorkerLost(Exception):
    """Recorded as the error of a task whose worker stopped while running it."""


def is_connection_error(error: BaseException) -> bool:
    """A database that is away (restarting, unreachable, a dropped connection), as opposed
    to SQLite's "database is locked", which django-tasks-db waits out where it happens."""
    if not isinstance(error, OperationalError | InterfaceError):
        return False
    if isinstance(error, OperationalError) and error.args:
        return not is_locked_database_exception(error)
    return True


def close_connections() -> None:
    """Drop every connection of this thread; a broken one may fail to close cleanly."""
    for connection in connections.all(initialized_only=True):
        with contextlib.suppress(Error):
            connection.close()


def new_worker_id() -> str:
    """host:pid:random, so that the reaper on the same machine can tell whether the worker
    that claimed a task still runs."""
    suffix = f":{os.getpid()}:{get_random_string(12)}"
    return socket.gethostname()[: WORKER_ID_MAX_LENGTH - len(suffix)] + suffix


def worker_is_running(worker_id: str) -> bool | None:
    """Whether the worker of this id still runs: True or False for one of this machine
    (its id from new_worker_id); None when this machine cannot tell (another machine's
    worker, an id given with --worker-id)."""
    host, _, rest = worker_id.partition(":")
    pid, _, nonce = rest.partition(":")
    if not (pid.isdigit() and nonce) or int(pid) <= 0:
        return None
    suffix = f":{pid}:{nonce}"
    if host != socket.gethostname()[: WORKER_ID_MAX_LENGTH - len(suffix)]:
        return None
    return _db_worker_process(int(pid))


def _db_worker_process(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    if not Path("/proc/self").exists():
        return True
    try:
        # A pid is reused: is it still a worker?
        return b"db_worker" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return False
    except OSError:
        return True


def reap_abandoned_tasks(backend_name: str, own_worker_id: str = "") -> int:
    """Mark FAILED the tasks of backend_name RUNNING longer than TASK_RUNNING_TIMEOUT_MINUTES
    whose worker is gone; the number marked.

    A worker of this machine is gone when its process is; this worker (own_worker_id) runs
    no task while it reaps, so a task RUNNING under its id is abandoned too (its outcome
    could not be recorded). Of another machine's worker nothing is known here: the timeout
    alone decides, so it must be longer than any task runs.
    """
    minutes = settings.TASK_RUNNING_TIMEOUT_MINUTES
    now = timezone.now()
    stale = DBTaskResult.objects.running().filter(
        backend_name=backend_name, started_at__lt=now - timedelta(minutes=minutes)
    )
    reaped = 0
    for task in stale.only("id", "task_path", "started_at", "worker_ids"):
        worker_id = task.worker_ids[-1] if task.worker_ids else ""
        if worker_id != own_worker_id and worker_is_running(worker_id):
            continue
        marked = DBTaskResult.objects.filter(
            pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at
        ).update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
            traceback=(
                f"{WorkerLost.__module__}.{WorkerLost.__qualname__}: the worker "
                f"{worker_id or '(unknown)'} stopped while running this task; marked failed "
                f"after more than {minutes} minutes RUNNING.\n"
            ),
        )
        if marked:
            reaped += 1
            logger.warning(
                "Task id=%s (%s) was RUNNING for more than %d minutes and its worker %s is "
                "gone: marked FAILED",
                task.pk,
                task.task_path,
                minutes,
                worker_id or "(unknown)",
            )
    return reaped


class Heartbeat:
    """The beat of one worker: its row of WorkerHeartbeat, written every `every` seconds by
    a thread of its own (start) and deleted when the worker stops (stop)."""

    def __init__(self, worker_id: str, every: float = BEAT_EVERY_SECONDS):
        self.worker_id = worker_id
        self.every = every
        self.started_at = timezone.now()
        self.failing = False
        self._next_cleanup = 0.0
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def beat(self) -> bool:
        """Write the beat (and, when due, delete the rows of long-gone workers); True when
        written. Never raises: a worker must not stop because its beat could not be
        written."""
        try:
            now = timezone.now()
            WorkerHeartbeat.objects.update_or_create(
                worker_id=self.worker_id,
                defaults={"last_beat_at": now},
                create_defaults={"started_at": self.started_at, "last_beat_at": now},
            )
            if time.monotonic() >= self._next_cleanup:
                WorkerHeartbeat.objects.filter(last_beat_at__lt=now - HEARTBEAT_RETENTION).delete()
                self._next_cleanup = time.monotonic() + REAP_EVERY_SECONDS
        except Exception as error:  # whatever it is, the worker carries on
            if isinstance(error, Error):
                # The reconnect of the worker's loop: drop this thread's connection, and the
                # next beat opens a new one.
                close_connections()
            if not self.failing:
                # The class only, as for the loop's outage: the message may name the server.
                logger.warning(
                    "The task worker's heartbeat could not be written (%s): the worker carries "
                    "on and beats again in %.0f s",
                    type(error).__name__,
                    self.every,
                )
            self.failing = True
            return False
        if self.failing:
            logger.warning("The task worker's heartbeat is written again")
            self.failing = False
        return True

    def forget(self) -> None:
        """Delete this worker's row: it no longer runs."""
        try:
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        except Exception as error:  # exiting anyway; the row ages out
            logger.warning(
                "The task worker's heartbeat could not be removed (%s)", type(error).__name__
            )

    def start(self) -> None:
        self._stopping.clear()
        self._thread = threading.Thread(
            target=self._run, name=f"heartbeat {self.worker_id}", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        if self._thread is None:
            return
        self._stopping.set()
        # A beat held up by an unanswering database must not hold up the exit for long.
        self._thread.join(timeout=self.every + 5)
        self._thread = None

    def _run(self) -> None:
        try:
            while True:
                self.beat()
                if self._stopping.wait(self.every):
                    break
            self.forget()
        finally:
            close_connections()  # this thread's own


class Worker(UpstreamWorker):
    """django-tasks-db's worker that waits out a database outage, reaps abandoned tasks (on
    start and every REAP_EVERY_SECONDS) and, with beat=True, beats while it runs (Heartbeat).

    `manage.py db_worker` builds it with beat=True; off by default so that a Worker run in
    a test's process, its loop mocked, starts no thread writing to the database."""

    def __init__(self, *, beat: bool = False, **kwargs):
        super().__init__(**kwargs)
        self._next_reap = 0.0
        self.heartbeat = Heartbeat(self.worker_id) if beat else None

    def run(self) -> None:
        if self.heartbeat is None:
            return self._run()
        self.heartbeat.start()
        try:
            return self._run()
        finally:
            # Also on SIGTERM: the signal handler's sys.exit comes through here.
            self.heartbeat.stop()

    def _run(self) -> None:
        upstream_logger.info(
            "Starting worker worker_id=%s queues=%s", self.worker_id, ",".join(self.queue_names)
        )
        if self.startup_delay and self.interval:
            # A small random delay against a thundering herd, as upstream.
            time.sleep(random.random())  # noqa: S311
        while self.running:
            try:
                if self.step():
                    return
            except (OperationalError, InterfaceError) as error:
                if not is_connection_error(error):
                    raise
                self.wait_for_database(error)

    def step(self) -> bool:
        """One pass of django-tasks-db's loop (0.13's Worker.run), reaping when it is due;
        True when the worker is done (--batch with nothing left, --max-tasks reached)."""
        close_old_connections()
        if time.monotonic() >= self._next_reap:
            reap_abandoned_tasks(self.backend_name, self.worker_id)
            self._next_reap = time.monotonic() + REAP_EVERY_SECONDS

        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)

        with exclusive_transaction(tasks.db):
            try:
                task_result = tasks.get_locked()
                retrieved_task_result = True
                if task_result is not None:
                    task_result.claim(self.worker_id)
            except OperationalError as error:
                retrieved_task_result = False
                if not is_locked_database_exception(error):
                    raise
                task_result = None  # SQLite is busy: it unlocks eventually

        if task_result is not None:
            self.run_task(task_result)

        if self.batch and retrieved_task_result and task_result is None:
            upstream_logger.info(
                "No more tasks to run for worker_id=%s - exiting gracefully.", self.worker_id
            )
            return True
        if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
            upstream_logger.info(
                "Run maximum tasks (%d) on worker=%s - exiting gracefully.",
                self._run_tasks,
                self.worker_id,
            )
            return True

        close_old_connections()
        if self.running and not task_result:
            time.sleep(self.interval)
        return False

    def wait_for_database(self, error: BaseException) -> None:
        """Back off until the database answers again (or the worker is asked to stop).

        Logged once when the outage starts and once when it ends, both as warnings so that a
        log read at WARNING shows the end too. Only the error's class is logged: its
        message may name the server, the port and the user.
        """
        logger.warning(
            "Database unavailable (%s): the task worker waits for it", type(error).__name__
        )
        started, delay = time.monotonic(), FIRST_BACKOFF_SECONDS
        while self.running:
            close_connections()
            time.sleep(delay)
            if not self.database_answers():
                delay = min(delay * 2, MAX_BACKOFF_SECONDS)
                continue
            logger.warning(
                "Database reachable again after %.1f s: the task worker carries on",
                time.monotonic() - started,
            )
            return

    def database_answers(self) -> bool:
        try:
            with connections[DBTaskResult.objects.db].cursor() as cursor:
                cursor.execute("SELECT 1")
        except (OperationalError, InterfaceError) as error:
            if not is_connection_error(error):
                raise
            return False
        return True

    def run_task(self, db_task_result: DBTaskResult) -> None:
        # A task's outcome (successful, or failed with its error) is recorded even when the
        # database went away while it ran.
        for name in ("set_successful", "set_failed"):
            setattr(db_task_result, name, self._until_recorded(getattr(db_task_result, name)))
        super().run_task(db_task_result)

    def _until_recorded(self, record):
        @wraps(record)
        def until_recorded(*args, **kwargs):
            # The task may have left a connection broken (the database restarted mid-run).
            close_old_connections()
            while True:
                try:
                    return record(*args, **kwargs)
                except (OperationalError, InterfaceError) as error:
                    if not is_connection_error(error) or not self.running:
                        raise  # stopping: the reaper deals with the task later
                    self.wait_for_database(error)

        return until_recorded
