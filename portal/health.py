"""Probes for the load balancer and for monitoring.

/healthz is liveness, and cheap: the process answers and so does the database. /readyz is
readiness, and tells the truth about every part a reader or a subscriber depends on:

- database: without it nothing works, so it alone makes the answer 503;
- cache: without it pages are served uncached (portal.caching.resilient_redis), slower but whole, so
  the answer stays 200 with "status": "degraded";
- tasks: whether the task worker is keeping up, read from the task table: the age of the
  oldest task that is ready to run. Older than READINESS_TASK_DELAY_SECONDS means no worker
  is taking tasks (e-mails are waiting), reported as "stalled" and "degraded". An empty queue
  is "idle": nothing waits, whatever the worker's state.

Taking an instance out of rotation would not bring a cache or a worker back, so only the
database fails readiness; monitoring alerts on "degraded".
"""

import logging
import secrets
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks_db.models import DBTaskResult, get_date_max

logger = logging.getLogger(__name__)

PROBE_KEY = "readiness-probe"


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
    if "django_tasks_db" not in settings.TASKS["default"]["BACKEND"]:
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


@never_cache
@require_safe
def readyz(request):
    if not database_answers():
        return JsonResponse(
            {"status": "unavailable", "database": "down", "cache": cache_state()}, status=503
        )
    tasks, oldest_age = task_state(timezone.now())
    cache_now = cache_state()
    healthy = cache_now == "ok" and tasks != "stalled"
    return JsonResponse(
        {
            "status": "ok" if healthy else "degraded",
            "database": "ok",
            "cache": cache_now,
            "tasks": tasks,
            "oldest_ready_task_seconds": oldest_age,
        }
    )
