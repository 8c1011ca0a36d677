"""Settings shared by every environment. Deployment-specific values come from env.py."""

import os

from django.utils.translation import gettext_lazy as _

from .env import BASE_DIR, anymail_settings, cache_settings, email_settings, env, task_settings

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "portal",
    "home",
    "newsletter",
    "contact",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    # The body's table block (home.pages.blocks.TableBlock): its editor's script and styles.
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "portal.staff_users_app.StaffUsersAppConfig",  # wagtail.users, with the portal forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "anymail",
    "axes",
    "django_guid",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # recovery codes (portal/two_factor.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Outermost, so that it sees every response, even one an exception above the security
    # headers' middleware became: it adds those headers where they are missing.
    "portal.security.SecurityHeadersSafetyNet",
    "django_guid.middleware.guid_middleware",
    # A hit is answered from the shared cache: it costs no session, query, render or header
    # building. It sits above the security headers' middleware, so that the response it
    # stores carries them all (they are the same for every anonymous reader of a page) and a
    # hit replays them; below the request id's, so that every answer has its own id.
    "portal.caching.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.caching.routes.SiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.errors.TranslatedRefusalsMiddleware",
    # Last, as its documentation asks: it watches the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Locks an account after repeated failed logins (shared through the database).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
CSRF_FAILURE_VIEW = "portal.errors.csrf_failure"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is the embedded default for trying the portal out; PostgreSQL is production and CI.
DATABASES = {
    "default": env.dj_db_url(
        "DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=env.int("DATABASE_CONN_MAX_AGE", default=60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the task worker write at the same time: WAL plus IMMEDIATE
    # transactions turn "database is locked" errors into short waits.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff accounts: lockout after repeated failures, sessions that end, two-factor sign-in.
# Failed sign-ins within the cool-off that block the admin sign-in (portal/lockout.py): for
# one username from one address; for one username from any address (guessing from rotating
# addresses: blocks that username, even with the right password, from everywhere); for one
# address with any usernames (password spraying; higher, as an office may share an address).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_USERNAME_FAILURE_LIMIT = env.int("AXES_USERNAME_FAILURE_LIMIT", default=10)
AXES_IP_FAILURE_LIMIT = env.int("AXES_IP_FAILURE_LIMIT", default=20)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username", "ip_address"]
AXES_HANDLER = "portal.lockout.LockoutHandler"
AXES_COOLOFF_TIME = env.int("AXES_COOLOFF_HOURS", default=1)
# Every failure is kept too (the counters above go on a successful sign-in, and with them the
# trace of an attack from rotating addresses), at most 1000 per username. Sign-in records
# hold usernames and addresses: `manage.py sign_in_log_retention` deletes them after this.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOG_RETENTION_DAYS = env.int("AXES_LOG_RETENTION_DAYS", default=90)
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.client_address.client_ip"
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"
# Its log messages say where, not who or from where (those are in its records above).
AXES_CLIENT_STR_CALLABLE = "portal.logging.axes_client_str"
# The rate limits count in the cache. While it is away they let requests through (the
# honeypot and the time-trap still stand) rather than refusing every form and search.
RATELIMIT_FAIL_OPEN = True
# Staff password reset requests (portal/password_reset.py): per client IP and per address;
# beyond either, the same "sent if the address has an account" page and no mail.
PASSWORD_RESET_PER_IP = env.str("PASSWORD_RESET_PER_IP", default="10/h")
PASSWORD_RESET_PER_ADDRESS = env.str("PASSWORD_RESET_PER_ADDRESS", default="3/h")
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# Two-factor sign-in (portal/two_factor.py): any staff member may set up an authenticator
# app and is then always asked for a code; superusers and users with the "Must sign in with
# two factors" permission must set one up when STAFF_2FA_REQUIRED is on.
STAFF_2FA_REQUIRED = env.bool("STAFF_2FA_REQUIRED", default=True)
OTP_TOTP_ISSUER = "Sociální bydlení"

# Security headers (see portal/security.py for the Content-Security-Policy). HTTPS-only
# settings (HSTS, secure cookies, redirect) are production's, switched by SECURE_HTTPS.
SECURE_HTTPS = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media",
        "fullscreen", "geolocation", "gyroscope", "magnetometer", "microphone", "midi",
        "payment", "picture-in-picture", "publickey-credentials-get", "screen-wake-lock",
        "sync-xhr", "usb", "xr-spatial-tracking",
    )
}  # fmt: skip
# Uploaded documents never run script on the site's origin: no HTML or SVG is accepted,
# and Wagtail serves documents with a sandboxing CSP of their own.
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Documents carry the library's metadata (type, origin, language, pages, topics).
WAGTAILDOCS_DOCUMENT_MODEL = "home.GuidanceDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.library.forms.GuidanceDocumentForm"

# Czech first, English second.
LANGUAGE_CODE = "cs"
LANGUAGES = [("cs", "Čeština"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# "Translate this page" makes a draft, never a live page: by default wagtail-localize gives the
# new translation the source's live status, which put Czech text on /en/ at once and let an
# editor without the right to publish publish it. The translation is published like any page,
# by someone who may publish (or through the workflow), once it is translated.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "upstream"]  # ours, then gap-fills
TIME_ZONE = "Europe/Prague"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# The web process serves uploaded images itself (portal/media.py): make run and make serve.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CACHES = cache_settings(
    env.str("REDIS_URL", default=""),
    env.path("CACHE_DIR", default=BASE_DIR / "var" / "cache"),
)
# Whole anonymous pages in the shared cache (portal/caching/page_cache.py), retired on publish. Kept
# well under a day: cached forms carry a time-trap token that expires after 24 hours.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=6 * 3600)
# A saved or deleted row of these apps retires every cached page after its transaction
# commits (portal/caching/invalidation.py), except the models below, which no public page
# reads. A model missing from that list costs cache hits, never a stale page.
CACHE_CONTENT_APPS = {
    "home",
    "newsletter",
    "contact",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "wagtailredirects",
    "taggit",
}
CACHE_PRIVATE_MODELS = [
    "home.ReviewReminder",
    "home.SearchMiss",
    "newsletter.Delivery",
    "newsletter.Subscriber",
    "newsletter.SuppressedAddress",
    "contact.Inquiry",
    "contact.InquiryMessage",
    "contact.InternalNote",
    "contact.ReferenceCounter",
    "contact.CannedAnswer",
    "contact.Queue",
    "contact.QueueMembership",
    "contact.RoutingRule",
    "wagtailcore.APIToken",
    "wagtailcore.Comment",
    "wagtailcore.CommentReply",
    "wagtailcore.GroupApprovalTask",
    "wagtailcore.GroupCollectionPermission",
    "wagtailcore.GroupPagePermission",
    "wagtailcore.GroupSitePermission",
    "wagtailcore.ModelLogEntry",
    "wagtailcore.PageLogEntry",
    "wagtailcore.PageSubscription",
    "wagtailcore.ReferenceIndex",
    "wagtailcore.Revision",
    "wagtailcore.Task",
    "wagtailcore.TaskState",
    "wagtailcore.UploadedFile",
    "wagtailcore.Workflow",
    "wagtailcore.WorkflowContentType",
    "wagtailcore.WorkflowPage",
    "wagtailcore.WorkflowState",
    "wagtailcore.WorkflowTask",
    # Made while a page renders: retiring on them would retire pages on every render.
    "wagtailimages.Rendition",
]
# /readyz reports the tasks as stalled when one ready to run has waited longer than this.
READINESS_TASK_DELAY_SECONDS = env.int("READINESS_TASK_DELAY_SECONDS", default=300)
# /readyz reports the database task worker as gone when none has beaten for longer than this
# (db_worker beats every 5 s, portal/task_worker.py). RQ workers are read from RQ's registry.
READINESS_WORKER_BEAT_SECONDS = env.int("READINESS_WORKER_BEAT_SECONDS", default=60)
# An edge cache in front (Varnish, ops/varnish/default.vcl, or a CDN reached the same way):
# every content change bans it there too (portal/caching/edge.py).
FRONTEND_CACHE_URL = env.str("FRONTEND_CACHE_URL", default="")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "edge": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }

# Background work through the django-tasks API: TASKS_BACKEND=database (the default; tasks
# in the database, `manage.py db_worker`) or rq (tasks in Redis, `manage.py rqworker default
# --with-scheduler`). django_tasks_db stays installed either way: its table is part of the
# schema, so switching backends needs no migration.
TASKS_BACKEND = env.str("TASKS_BACKEND", default="database").strip().lower()
vars().update(
    task_settings(
        TASKS_BACKEND, env.str("RQ_REDIS_URL", default="") or env.str("REDIS_URL", default="")
    )
)
if TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
# db_worker (portal/task_worker.py) marks FAILED a task left RUNNING longer than this by a
# worker that is gone (killed mid-task, its machine lost). Longer than any task may run.
TASK_RUNNING_TIMEOUT_MINUTES = env.int("TASK_RUNNING_TIMEOUT_MINUTES", default=30)

# E-mail: EMAIL_URL selects SMTP, the console, a folder or an anymail provider.
EMAIL_URL = env.str("EMAIL_URL", default="") or "console://"
vars().update(email_settings(EMAIL_URL))
ANYMAIL = anymail_settings(os.environ)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Sociální bydlení <noreply@socialnibydleni.localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Page types of feature apps that editors may add under the home page.
HOME_PAGE_FEATURE_CHILDREN = ["newsletter.BulletinIndexPage", "contact.ContactPage"]

# Wagtail
WAGTAIL_SITE_NAME = "Sociální bydlení"
WAGTAILADMIN_BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
# The dashboard's upgrade notice fetches releases.wagtail.org from the browser, which the
# admin's Content-Security-Policy (no third-party hosts) blocks; upgrades follow uv.lock.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # No Czech stemmer ships with PostgreSQL; diacritics are folded in Python (home.search).
        "SEARCH_CONFIG": "simple",
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_FINDERS = []  # embeds would call third-party hosts; the site uses none
# Staff avatars are uploaded, never fetched from Gravatar: a third-party host would learn
# (hashes of) the addresses of everyone who opens the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

PORTAL_NAME = _("Social housing")


# The bulletin
NEWSLETTER_CHECK_DELIVERABILITY = env.bool("NEWSLETTER_CHECK_DELIVERABILITY", default=True)
NEWSLETTER_CONFIRMATION_DAYS = env.int("NEWSLETTER_CONFIRMATION_DAYS", default=7)
NEWSLETTER_UNCONFIRMED_RETENTION_DAYS = env.int("NEWSLETTER_UNCONFIRMED_RETENTION_DAYS", default=30)
NEWSLETTER_SOFT_BOUNCE_LIMIT = env.int("NEWSLETTER_SOFT_BOUNCE_LIMIT", default=3)
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=100)
NEWSLETTER_CLAIM_TIMEOUT_MINUTES = env.int("NEWSLETTER_CLAIM_TIMEOUT_MINUTES", default=10)
# How long a sender keeps trying to record messages the mail server has accepted while the
# database is away (newsletter/sending/delivery_status.py); past it they wait for the reaper.
NEWSLETTER_ACKNOWLEDGEMENT_PATIENCE_SECONDS = env.int(
    "NEWSLETTER_ACKNOWLEDGEMENT_PATIENCE_SECONDS", default=120
)
# The provider's merge-field syntax ("{{NAME}}", "%recipient.NAME%"): each batch becomes one
# API call with per-recipient merge data (newsletter/sending/esp_batch.py). Empty: one call
# per message.
NEWSLETTER_MERGE_FIELD = env.str("NEWSLETTER_MERGE_FIELD", default="")
# Addresses that get every test of an issue besides the editor's own (comma-separated).
NEWSLETTER_TEST_ADDRESSES = env.list("NEWSLETTER_TEST_ADDRESSES", default=[])
NEWSLETTER_SIGNUPS_PER_IP = env.str("NEWSLETTER_SIGNUPS_PER_IP", default="20/h")
NEWSLETTER_SIGNUPS_PER_ADDRESS = env.str("NEWSLETTER_SIGNUPS_PER_ADDRESS", default="5/d")
# Searches per client IP: generous for people, a brake on scrapers hammering the database.
SEARCH_PER_IP = env.str("SEARCH_PER_IP", default="60/m")
# Public forms posted sooner than this after they were shown look automated (time-trap).
FORM_MIN_FILL_SECONDS = env.int("FORM_MIN_FILL_SECONDS", default=3)
PERSONAL_DATA_HASH_KEY = env.str("PERSONAL_DATA_HASH_KEY", default="")
# The outbox keeps a failed message's recipient and error this long (delivered messages keep
# no personal data at all), then deletes settled rows no other record points to.
OUTBOX_RETENTION_DAYS = env.int("OUTBOX_RETENTION_DAYS", default=7)
# The public forms' daily check counts (portal.form_checks; no personal data), kept a year
# and a month so that a year can be compared with the one before.
FORM_CHECK_RETENTION_DAYS = env.int("FORM_CHECK_RETENTION_DAYS", default=400)
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Guidance pages: how long a review holds before the next one is due.
REVIEW_INTERVAL_DAYS = env.int("REVIEW_INTERVAL_DAYS", default=365)

# Paths of Wagtail's admin, which gets its own Content-Security-Policy (portal/security.py).
ADMIN_URL_PREFIXES = ("/admin/", "/documents/authenticate_with_password/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "correlation_id": {"()": "django_guid.log_filters.CorrelationId"},
        "redact": {"()": "portal.logging.RedactPersonalData"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s [%(correlation_id)s] %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(correlation_id)s",
            "rename_fields": {
                "asctime": "time",
                "levelname": "level",
                "correlation_id": "request_id",
            },
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env.str("LOG_FORMAT", default="plain"),
            "filters": ["correlation_id", "redact"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's defaults give these loggers handlers of their own, without the redaction
        # (a console handler when DEBUG is on, mail to ADMINS): they go, records reach the
        # root's console handler only, redacted. runserver's request lines too.
        "django": {"handlers": [], "propagate": True},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.db.backends": {"level": "WARNING"},
        "django_guid": {"level": "WARNING"},  # it reports every request without an id
    },
}
DJANGO_GUID = {"GUID_HEADER_NAME": "X-Request-ID", "RETURN_HEADER": True, "VALIDATE_GUID": True}

# The periodic jobs and `manage.py run_scheduler` (portal/scheduler/): a table of when each
# job is due next, shared by every scheduler process.
INSTALLED_APPS.append("portal.scheduler")
# Search (home.search): editors pin pages for a query (promoted results, shown first); the
# counter of the ways forward from a search without results and the did-you-mean
# vocabulary are no content, so their rows do not retire cached pages.
INSTALLED_APPS += ["wagtail.contrib.search_promotions"]
CACHE_PRIVATE_MODELS += ["home.SearchZeroFollow", "home.SearchWord"]
# A saved promotion retires the cached list of promotions (home.search.promotions).
CACHE_CONTENT_APPS |= {"wagtailsearchpromotions"}
