"""Probes for the load balancer and for monitoring.

/healthz is liveness, and cheap: the process answers and so does the database. /readyz is
readiness, and tells the truth about every part a reader or a subscriber depends on:

- database: without it nothing works, so it alone makes the answer 503;
- cache: without it pages are served uncached (portal.caching.resilient_redis), slower but whole, so
  the answer stays 200 with "status": "degraded";
- tasks: whether the task worker is keeping up, read from the task table: the age of the
  oldest task that is ready to run. Older than READINESS_TASK_DELAY_SECONDS means no worker
  is taking tasks (e-mails are waiting), reported as "stalled" and "degraded". An empty queue
  is "idle": nothing waits, and that alone says nothing of the worker;
- worker: whether a task worker runs at all, read from its heartbeat, so that a dead worker
  shows before tasks pile up behind it. With the database backend, the last beat a
  `manage.py db_worker` wrote (portal.WorkerHeartbeat, every few seconds): "ok" when younger
  than READINESS_WORKER_BEAT_SECONDS, else "gone" and "degraded". With RQ, RQ's own registry
  of the workers listening on the portal's queues: a worker is in it while its beats keep its
  key alive (RQ's worker TTL; an idle RQ worker beats only every few minutes, so the age is
  not held to the setting), "gone" when none is, "unknown" when RQ's Redis does not answer.
  A backend that runs tasks in the web process (tests) needs no worker: "none".
  worker_last_beat_seconds is the age of the newest beat (null without one).

Taking an instance out of rotation would not bring a cache or a worker back, so only the
database fails readiness; monitoring alerts on "degraded".
"""

import logging
import secrets
from datetime import datetime
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Max
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks_db.models import DBTaskResult, get_date_max

from portal.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

PROBE_KEY = "readiness-probe"
# RQ's Redis is asked with short timeouts: a Redis that accepts and never answers must not
# hold the probe up (the load balancer's own timeout would read it as "database down").
RQ_PROBE_TIMEOUT_SECONDS = 1.0
_rq_unanswered = False


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "take me out of rotation"
        logger.exception("Health check: the database does not answer")
        return False
    return True


@never_cache
@require_safe
def healthz(request):
    if not database_answers():
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def cache_state() -> str:
    # The resilient Redis cache answers a failure as a miss, so the probe writes and reads
    # back a value of its own, under a key of its own (probes from other threads, processes
    # and machines run at the same moment): "down" when it does not come back.
    key = f"{PROBE_KEY}:{secrets.token_hex(8)}"
    try:
        cache.set(key, "ok", 10)
        answered = cache.get(key) == "ok"
        cache.delete(key)
        return "ok" if answered else "down"
    except Exception:  # a cache backend without the resilient wrapper
        logger.exception("Readiness: the cache does not answer")
        return "down"


def oldest_ready_task_age(now: datetime) -> float | None:
    """Seconds the oldest runnable task has waited (None when none waits), for the database
    task backend; None as well for a backend whose queue is not in this database."""
    if "django_tasks_db" not in _task_backend():
        return None
    oldest = (
        DBTaskResult.objects.ready()
        .order_by("enqueued_at")
        .values_list("enqueued_at", "run_after")
        .first()
    )
    if oldest is None:
        return None
    enqueued_at, run_after = oldest
    waiting_since = enqueued_at if run_after == get_date_max() else max(enqueued_at, run_after)
    return max(0.0, (now - waiting_since).total_seconds())


def task_state(now: datetime) -> tuple[str, float | None]:
    age = oldest_ready_task_age(now)
    if age is None:
        return "idle", None
    return ("stalled" if age > settings.READINESS_TASK_DELAY_SECONDS else "ok"), round(age, 1)


def _task_backend() -> str:
    return settings.TASKS["default"]["BACKEND"]


def db_worker_last_beat() -> datetime | None:
    return WorkerHeartbeat.objects.aggregate(last=Max("last_beat_at"))["last"]


@lru_cache(maxsize=8)
def _rq_redis(url: str):
    # One client (and connection pool) per URL for the process, not one per probe.
    import redis

    return redis.Redis.from_url(
        url,
        socket_connect_timeout=RQ_PROBE_TIMEOUT_SECONDS,
        socket_timeout=RQ_PROBE_TIMEOUT_SECONDS,
    )


def rq_workers_last_beat() -> tuple[bool, datetime | None]:
    """(whether any RQ worker listens on the portal's queues, the newest of their beats).
    RQ drops from its registry a worker whose key expired, its beats having stopped."""
    from rq import Queue, Worker

    last, registered = None, False
    for name in settings.TASKS["default"].get("QUEUES", ["default"]):
        queue = Queue(name, connection=_rq_redis(settings.RQ_QUEUES[name]["URL"]))
        for worker in Worker.all(queue=queue):
            registered = True
            if worker.last_heartbeat and (last is None or worker.last_heartbeat > last):
                last = worker.last_heartbeat
    return registered, last


def worker_state(now: datetime) -> tuple[str, float | None]:
    """("ok", "gone", "unknown" or "none"; seconds since the newest beat, or None)."""
    backend = _task_backend()
    if "django_tasks_db" in backend:
        last = db_worker_last_beat()
        age = None if last is None else max(0.0, (now - last).total_seconds())
        beating = age is not None and age <= settings.READINESS_WORKER_BEAT_SECONDS
    elif "django_tasks_rq" in backend:
        global _rq_unanswered
        try:
            beating, last = rq_workers_last_beat()
        except Exception as error:  # RQ's Redis away, or refusing: we cannot tell
            if not _rq_unanswered:  # once per outage, not five times a second
                logger.warning(
                    "Readiness: RQ's Redis does not answer (%s); the workers are unknown",
                    type(error).__name__,
                )
            _rq_unanswered = True
            return "unknown", None
        _rq_unanswered = False
        age = None if last is None else max(0.0, (now - last).total_seconds())
    else:
        return "none", None  # tasks run in the web process
    return ("ok" if beating else "gone"), (None if age is None else round(age, 1))


@never_cache
@require_safe
def readyz(request):
    if not database_answers():
        return JsonResponse(
            {"status": "unavailable", "database": "down", "cache": cache_state()}, status=503
        )
    now = timezone.now()
    tasks, oldest_age = task_state(now)
    worker, beat_age = worker_state(now)
    cache_now = cache_state()
    healthy = cache_now == "ok" and tasks != "stalled" and worker in ("ok", "none")
    return JsonResponse(
        {
            "status": "ok" if healthy else "degraded",
            "database": "ok",
            "cache": cache_now,
            "tasks": tasks,
            "oldest_ready_task_seconds": oldest_age,
            "worker": worker,
            "worker_last_beat_seconds": beat_age,
        }
    )
