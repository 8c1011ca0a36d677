"""Real background workers for tests: `manage.py db_worker` or `manage.py rqworker` processes
with production settings on the test database, sending to an SMTP sink.

The test process enqueues through the same backend (use_backend), so what a view or a task
enqueues is run by these processes, as on a deployment with separate worker machines.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from django.conf import settings as django_settings
from django.db import connection

from portal.settings.env import task_settings

ROOT = Path(__file__).resolve().parent.parent
# TEST_REDIS_PORT lets two checkouts on one machine run their suites side by side, each
# against a Redis of its own.
REDIS_HOST, REDIS_PORT = "127.0.0.1", int(os.environ.get("TEST_REDIS_PORT", "6379"))
# Redis databases 5-8 belong to the RQ tests (9 to the two servers' cache, 15 to the shared
# cache tests); one per xdist worker, so that two test processes never feed each other's RQ
# workers.
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
REDIS_DB = 5 + int(_XDIST_WORKER.removeprefix("gw") or 0) % 4
READY_LINES = {"database": "Starting worker", "rq": "*** Listening on"}


def redis_answers() -> bool:
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=0.5):
            return True
    except OSError:
        return False


def redis_url(db: int = REDIS_DB) -> str:
    return f"redis://{REDIS_HOST}:{REDIS_PORT}/{db}"


def flush_redis() -> None:
    import redis

    redis.Redis.from_url(redis_url()).flushdb()


def database_url() -> str:
    """The test database (pytest-django's name for it), as the workers must reach it."""
    params = connection.settings_dict
    if connection.vendor == "postgresql":
        password = f":{params['PASSWORD']}" if params.get("PASSWORD") else ""
        return (
            f"postgres://{params['USER']}{password}@{params['HOST']}:{params['PORT']}"
            f"/{params['NAME']}"
        )
    return f"sqlite:///{params['NAME']}"


def use_backend(settings, backend: str) -> None:
    """This process enqueues through backend, as the workers read it (pytest's settings)."""
    for name, value in task_settings(backend, redis_url()).items():
        setattr(settings, name, value)


class Workers:
    """count worker processes of one backend; stopped with SIGTERM (a warm shutdown)."""

    def __init__(self, backend: str, sink, logs: Path, count: int = 2, **env):
        self.backend = backend
        self.sink = sink  # tests.smtp_server.SmtpSink: the workers' mail server
        self.logs = [logs / f"{backend}-worker-{number}.log" for number in range(count)]
        self.cache_dir = logs / "cache"
        self.environment = self._environment(sink.port, env)
        self.processes: list[subprocess.Popen] = []

    def _environment(self, smtp_port: int, extra: dict) -> dict:
        inherited = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "RQ_REDIS_URL"}
        }
        return {
            **inherited,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DATABASE_URL": database_url(),
            "TASKS_BACKEND": self.backend,
            "RQ_REDIS_URL": redis_url(),
            # The links a worker signs (unsubscribe, preferences) are checked by the test
            # process's views: one key, as on every machine of a deployment.
            "SECRET_KEY": django_settings.SECRET_KEY,
            "ALLOWED_HOSTS": "testserver",
            # Long enough for a test that holds one message while the other worker sends.
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}?timeout=30",
            "DEFAULT_FROM_EMAIL": "Sociální bydlení <noreply@socialnibydleni.example>",
            "SECURE_HTTPS": "false",
            "BASE_URL": "http://testserver",
            "CACHE_DIR": str(self.cache_dir),
            "LOG_LEVEL": "WARNING",
            # Small batches, so that two workers share even a send of a few hundred.
            "NEWSLETTER_BATCH_SIZE": "20",
            **extra,
        }

    def command(self, number: int) -> list[str]:
        if self.backend == "database":
            return ["db_worker", "--interval", "0.1", "--no-startup-delay", "--no-reload"]
        return ["rqworker", "default", "--with-scheduler", "--name", f"test-worker-{number}"]

    def start(self, timeout: float = 60) -> "Workers":
        for number, log in enumerate(self.logs):
            with log.open("w") as output:
                self.processes.append(
                    subprocess.Popen(  # noqa: S603 - our own manage.py
                        [sys.executable, "manage.py", *self.command(number)],
                        cwd=ROOT,
                        env=self.environment,
                        stdout=output,
                        stderr=subprocess.STDOUT,
                    )
                )
        wait_for(self.ready, timeout, f"{self.backend} workers to start", self)
        return self

    def ready(self) -> bool:
        for process, log in zip(self.processes, self.logs, strict=True):
            if process.poll() is not None:
                raise AssertionError(f"a worker exited at start-up:\n{self.output()}")
            if READY_LINES[self.backend] not in log.read_text():
                return False
        return True

    def alive(self) -> bool:
        return all(process.poll() is None for process in self.processes)

    def output(self) -> str:
        return "\n".join(f"--- {log.name}\n{log.read_text()[-3000:]}" for log in self.logs)

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)


def deferred_tasks(backend: str) -> list[tuple[str, list, datetime]]:
    """Tasks enqueued with run_after that wait for it: (task path, args, run_after)."""
    if backend == "database":
        from django_tasks_db.models import DBTaskResult, get_date_max

        waiting = DBTaskResult.objects.filter(status="READY").exclude(run_after=get_date_max())
        return [(t.task_path, t.args_kwargs["args"], t.run_after) for t in waiting]
    queue, registry = _rq_scheduled()
    jobs = [queue.fetch_job(job_id) for job_id in registry.get_job_ids()]
    return [(j.func_name, list(j.args), registry.get_scheduled_time(j)) for j in jobs]


def make_deferred_tasks_due(backend: str) -> None:
    """Bring the backoff forward: what waits for its run_after is due now (the test does not
    wait minutes); the worker, and on RQ its scheduler, still has to pick it up."""
    if backend == "database":
        from django.utils import timezone
        from django_tasks_db.models import DBTaskResult, get_date_max

        waiting = DBTaskResult.objects.filter(status="READY").exclude(run_after=get_date_max())
        waiting.update(run_after=timezone.now())
        return
    _queue, registry = _rq_scheduled()
    for job_id in registry.get_job_ids():
        registry.connection.zadd(registry.key, {job_id: int(time.time())})


def _rq_scheduled():
    import django_rq
    from rq.registry import ScheduledJobRegistry

    queue = django_rq.get_queue("default")
    return queue, ScheduledJobRegistry(queue=queue)


def wait_for(predicate, timeout: float, what: str, workers: Workers | None = None):
    """Poll predicate until it returns something true; fail with the workers' logs."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            logs = f"\n{workers.output()}" if workers else ""
            raise AssertionError(f"timed out after {timeout} s waiting for {what}{logs}")
        time.sleep(0.05)
