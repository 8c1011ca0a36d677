"""Development: `make run` on SQLite with no environment variables at all."""

import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = env.bool("DEBUG", default=True)
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)  # images; documents go through Wagtail
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])


def _local_secret_key() -> str:
    # A key generated once per checkout and kept out of the repository (var/ is ignored).
    path = BASE_DIR / "var" / "dev-secret-key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY", default="") or _local_secret_key()
# Developers see every change at once; production-like runs keep the page cache.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
# Where `make run` keeps the generated password of the development admin account.
DEV_ADMIN_PASSWORD_FILE = BASE_DIR / "var" / "dev-admin-password"

# runserver serves static files itself; no manifest needed in development.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# runserver serves static files itself; WhiteNoise is for production.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405

# The generated development admin signs in without an authenticator app.
STAFF_2FA_REQUIRED = env.bool("STAFF_2FA_REQUIRED", default=False)
