"""Tests: fast hashing, memory cache and mail, tasks run at once, no network."""

from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, env
from .env import GENERATION_LOCAL_CACHE

DEBUG = False
SECRET_KEY = "test-only-key-not-used-anywhere-else"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
CACHES = {
    **GENERATION_LOCAL_CACHE,
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
# Tests see every render; the page cache's own tests switch it on.
PAGE_CACHE_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default=BASE_DIR / "var" / "test-media")
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# The test client and live_server serve static files themselves; WhiteNoise is for production.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file rather than memory, so that --reuse-db skips the migrations on the next run.
    _name = Path(DATABASES["default"]["NAME"]).stem  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / f"test-{_name}.sqlite3")}  # noqa: F405

# Templates used only by tests (for example a minimal e-mail for the outbox).
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "templates"]  # noqa: F405
# No test reaches the internet: the deliverability check gets a stub resolver where tested.
NEWSLETTER_CHECK_DELIVERABILITY = False

# Account lockout is switched on by the tests of it; elsewhere tests log in without requests.
AXES_ENABLED = False
# Two-factor sign-in is switched on by its own tests.
STAFF_2FA_REQUIRED = False
# The search limit counts in the shared memory cache across tests; its own test lowers it.
SEARCH_PER_IP = "100000/m"
