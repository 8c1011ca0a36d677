"""The scheduler loop of `manage.py run_scheduler`.

Any number of schedulers may run (one per machine, or a second one by mistake): a job is
run by the scheduler whose conditional UPDATE moves its next_run_at forward (the row in
ScheduledJob), so a due job runs once. On PostgreSQL the run is also held under a
session advisory lock of the job, so a job that runs longer than its interval is never
started a second time beside itself; the lock goes with the connection if the scheduler is
killed. (SQLite, the embedded development database, has no such lock; the conditional
UPDATE still gives each due run to one scheduler.)

A database outage does not end the scheduler: it logs the outage once, waits for the
database as the task worker does (portal/task_worker.py), and carries on. Jobs due in the
meantime run once when it is back.
"""

import hashlib
import logging
import signal
import time
from collections.abc import Iterable

from django.db import DatabaseError, close_old_connections, connections
from django.utils import timezone
from django_tasks_db.utils import is_locked_database_exception

from portal.task_worker import (
    FIRST_BACKOFF_SECONDS,
    MAX_BACKOFF_SECONDS,
    close_connections,
    is_connection_error,
)

from .jobs import DAY, JOBS, Job
from .models import ScheduledJob

logger = logging.getLogger("portal.scheduler")

# How long the loop sleeps at most between two looks at the table: a job that another
# scheduler ran, or a new row, is seen within this.
TICK_SECONDS = 5.0


def advisory_lock_key(name: str) -> int:
    """A stable signed 64-bit key per job (PostgreSQL's advisory lock keys are bigint)."""
    digest = hashlib.blake2b(f"portal.scheduler:{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class Scheduler:
    def __init__(self, jobs: Iterable[Job] = JOBS, *, database: str = "default"):
        self.jobs = [job for job in jobs if job.applies()]
        self.database = database
        self.running = True
        self.rows_ensured = False

    # The loop

    def run_forever(self) -> None:
        logger.info("Scheduler started: %s", ", ".join(job.name for job in self.jobs))
        while self.running:
            try:
                close_old_connections()
                self.run_due()
                pause = self.seconds_until_next()
            except DatabaseError as error:
                if is_locked_database_exception(error):
                    # SQLite (make run) is busy with the worker's or the server's write: the
                    # jobs left are tried again at the next tick.
                    self.sleep(TICK_SECONDS)
                    continue
                if not is_connection_error(error):
                    raise
                self.wait_for_database(error)
                continue
            self.sleep(pause)

    def stop(self, *_signal) -> None:
        # The job in hand finishes (systemd's TimeoutStopSec bounds it); no new one starts.
        self.running = False

    def configure_signals(self) -> None:
        signal.signal(signal.SIGINT, self.stop)
        signal.signal(signal.SIGTERM, self.stop)

    def sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while self.running and time.monotonic() < deadline:
            time.sleep(min(0.5, deadline - time.monotonic()))

    # One pass

    def ensure_rows(self) -> None:
        """A row for every job, due now, unless it has one (another scheduler's, or the
        last run's)."""
        now = timezone.now()
        ScheduledJob.objects.using(self.database).bulk_create(
            [ScheduledJob(name=job.name, next_run_at=now) for job in self.jobs],
            ignore_conflicts=True,
        )

    def run_due(self) -> list[str]:
        """Run every job that is due and that no other scheduler took; the names run."""
        if not self.rows_ensured:
            self.ensure_rows()
            self.rows_ensured = True
        # One read finds the candidates, so that a pass with nothing due writes nothing (on
        # SQLite every UPDATE would take the database's write lock).
        due = set(
            ScheduledJob.objects.using(self.database)
            .filter(name__in=[job.name for job in self.jobs], next_run_at__lte=timezone.now())
            .values_list("name", flat=True)
        )
        ran = []
        for job in self.jobs:
            if not self.running:
                break
            if job.name in due and self.run_if_due(job):
                ran.append(job.name)
        return ran

    def run_if_due(self, job: Job) -> bool:
        with self.job_lock(job) as locked:
            if not locked:
                return False  # another scheduler is running it right now
            now = timezone.now()
            claimed = (
                ScheduledJob.objects.using(self.database)
                .filter(name=job.name, next_run_at__lte=now)
                .update(next_run_at=now + job.interval, last_started_at=now, last_succeeded=None)
            )
            if not claimed:
                return False
            self.run_job(job)
            return True

    def run_job(self, job: Job) -> None:
        started = time.monotonic()
        try:
            summary = job.run()
        except DatabaseError as error:
            if is_connection_error(error):
                raise  # the loop waits for the database; the job runs at its next time
            succeeded = False
            logger.exception("Periodic job %s failed", job.name)
        except Exception:
            # One job's defect must not stop the others; it is tried again at its next time.
            succeeded = False
            logger.exception("Periodic job %s failed", job.name)
        else:
            succeeded = True
            # The minute-by-minute sweeps would fill the log; the daily ones are worth a line.
            level = logging.INFO if job.interval >= DAY else logging.DEBUG
            logger.log(level, "%s (%.1f s): %s", job.name, time.monotonic() - started, summary)
        ScheduledJob.objects.using(self.database).filter(name=job.name).update(
            last_finished_at=timezone.now(), last_succeeded=succeeded
        )

    def seconds_until_next(self) -> float:
        next_run = (
            ScheduledJob.objects.using(self.database)
            .filter(name__in=[job.name for job in self.jobs])
            .order_by("next_run_at")
            .values_list("next_run_at", flat=True)
            .first()
        )
        if next_run is None:
            return TICK_SECONDS
        return max(0.0, min(TICK_SECONDS, (next_run - timezone.now()).total_seconds()))

    # Locks and outages

    def job_lock(self, job: Job):
        return _AdvisoryLock(connections[self.database], advisory_lock_key(job.name))

    def wait_for_database(self, error: BaseException) -> None:
        """Back off until the database answers again (or the scheduler is asked to stop);
        logged once when the outage starts and once when it ends, with the error's class
        only (its message may name the server and the user)."""
        logger.warning(
            "Database unavailable (%s): the scheduler waits for it", type(error).__name__
        )
        started, delay = time.monotonic(), FIRST_BACKOFF_SECONDS
        while self.running:
            close_connections()
            self.sleep(delay)
            if self.database_answers():
                self.rows_ensured = False  # the database may have been restored from a backup
                logger.warning(
                    "Database reachable again after %.1f s: the scheduler carries on",
                    time.monotonic() - started,
                )
                return
            delay = min(delay * 2, MAX_BACKOFF_SECONDS)

    def database_answers(self) -> bool:
        try:
            with connections[self.database].cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError as error:
            if not is_connection_error(error):
                raise
            return False
        return True


class _AdvisoryLock:
    """pg_try_advisory_lock for the block on PostgreSQL (entered as True or False); always
    True elsewhere. A session lock rather than a transaction's: the jobs commit their own
    transactions."""

    def __init__(self, connection, key: int):
        self.connection = connection
        self.key = key
        self.held = False

    def __enter__(self) -> bool:
        if self.connection.vendor != "postgresql":
            return True
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [self.key])
            self.held = bool(cursor.fetchone()[0])
        return self.held

    def __exit__(self, *exc_info) -> None:
        if not self.held:
            return
        try:
            with self.connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [self.key])
        except DatabaseError:
            # The connection is gone (an outage, mid-job), and the lock went with it.
            close_connections()
