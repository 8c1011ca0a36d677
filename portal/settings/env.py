"""The one place where settings read the environment.

Every variable the portal understands is documented in the README's configuration table.
Helpers here turn URL-style variables into Django settings and raise ImproperlyConfigured
with a message that names the variable, so a wrong deploy fails at start-up.
"""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ImproperlyConfigured
from environs import Env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = Env()
# A developer may keep local overrides in .env; production passes real environment variables.
env.read_env(BASE_DIR / ".env", recurse=False)

# Schemes handled by dj-email-url; "anymail" is ours (see email_settings).
_DJ_EMAIL_SCHEMES = {"smtp", "smtps", "submission", "submit", "console", "file", "memory", "dummy"}


def email_settings(url: str) -> dict:
    """Translate EMAIL_URL into Django e-mail settings.

    smtp://user:password@host:port (add ?tls=True or use smtps:// for SSL), console://,
    file:///path/to/folder, memory:// (tests), or anymail://<esp> (for example
    anymail://mailgun) whose credentials come from ANYMAIL_* variables.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "anymail":
        esp = parts.netloc or parts.path.strip("/")
        if not esp.isidentifier():
            raise ImproperlyConfigured(
                f"EMAIL_URL={url!r}: write anymail://<provider>, for example anymail://mailgun."
            )
        return {"EMAIL_BACKEND": f"anymail.backends.{esp}.EmailBackend"}
    if scheme not in _DJ_EMAIL_SCHEMES:
        raise ImproperlyConfigured(
            f"EMAIL_URL has an unknown scheme {scheme!r}; use smtp, smtps, console, file, "
            "memory or anymail."
        )
    import dj_email_url

    config = dj_email_url.parse(url)
    result = {
        "EMAIL_BACKEND": config["EMAIL_BACKEND"],
        "EMAIL_HOST": config["EMAIL_HOST"] or "localhost",
        "EMAIL_PORT": config["EMAIL_PORT"] or 25,
        "EMAIL_HOST_USER": config["EMAIL_HOST_USER"] or "",
        "EMAIL_HOST_PASSWORD": config["EMAIL_HOST_PASSWORD"] or "",
        "EMAIL_USE_TLS": config["EMAIL_USE_TLS"],
        "EMAIL_USE_SSL": config["EMAIL_USE_SSL"],
        "EMAIL_TIMEOUT": int(parse_qs(parts.query).get("timeout", ["10"])[0]),
    }
    if scheme == "file":
        # dj-email-url drops the leading slash of file:///absolute/path; keep the path as given.
        result["EMAIL_FILE_PATH"] = parts.path or config["EMAIL_FILE_PATH"]
    return result


def anymail_settings(environ: dict) -> dict:
    """ANYMAIL_MAILGUN_API_KEY=... becomes ANYMAIL["MAILGUN_API_KEY"], and so on."""
    prefix = "ANYMAIL_"
    return {key[len(prefix) :]: value for key, value in environ.items() if key.startswith(prefix)}


# Each process's copies of values keyed by the site generation (portal/caching/local_copies.py):
# the frame and the routes of the pages it serves most, a few KiB each.
GENERATION_LOCAL_CACHE = {
    "generation-local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "generation-local",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 500},
    }
}


def cache_settings(redis_url: str | None, cache_dir=None) -> dict:
    """A shared Redis cache when REDIS_URL is set; otherwise files in cache_dir, which every
    process on this machine shares; a per-process memory cache only when neither is given.

    Pages and the frame are cached under the site generation (portal/caching/generation.py): the
    cache must be shared by every process that serves pages or publishes them (gunicorn
    workers, the task worker running scheduled publishing), or a process would go on serving
    what another one retired.
    """
    if redis_url:
        return {
            **GENERATION_LOCAL_CACHE,
            "default": {
                # Django's RedisCache that answers a Redis outage as a miss (no 500s):
                # portal/caching/resilient_redis.py.
                "BACKEND": "portal.caching.resilient_redis.ResilientRedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": "portal",
                "TIMEOUT": 600,
            },
        }
    if cache_dir:
        return {
            **GENERATION_LOCAL_CACHE,
            "default": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(cache_dir),
                "KEY_PREFIX": "portal",
                "TIMEOUT": 600,
                "OPTIONS": {"MAX_ENTRIES": 50_000},
            },
        }
    return {
        **GENERATION_LOCAL_CACHE,
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "TIMEOUT": 600,
        },
    }


TASK_BACKENDS = ("database", "rq")


def task_settings(backend: str, redis_url: str = "") -> dict:
    """TASKS (and django-rq's settings) for TASKS_BACKEND: "database" or "rq".

    database: django-tasks-db, tasks in PostgreSQL, run by `manage.py db_worker`.
    rq: django-tasks-rq, tasks in Redis at redis_url, run by
    `manage.py rqworker default --with-scheduler`. The scheduler is what runs tasks enqueued
    with run_after (the retries of e-mail and bulletin batches, with backoff): without it they
    wait for the maintenance commands' sweep.
    """
    if backend not in TASK_BACKENDS:
        raise ImproperlyConfigured(
            f"TASKS_BACKEND={backend!r}: use one of {', '.join(TASK_BACKENDS)}."
        )
    if backend == "database":
        return {
            "TASKS": {
                "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
            }
        }
    if not redis_url:
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs RQ_REDIS_URL (or REDIS_URL).")
    return {
        "TASKS": {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}},
        "RQ_QUEUES": {
            # No time limit, as with db_worker: a bulletin's process_send runs for as long
            # as the send (a limit would kill it mid-batch and leave claims to the reaper);
            # a hung mail server is bounded by EMAIL_TIMEOUT instead.
            "default": {"URL": redis_url, "DEFAULT_TIMEOUT": -1},
        },
        # The worker must run jobs through django-tasks-rq's Job class (it calls the task's
        # function); set here so that `rqworker` needs no --job-class.
        "RQ": {"JOB_CLASS": "django_tasks_rq.Job"},
    }
