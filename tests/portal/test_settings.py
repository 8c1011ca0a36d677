"""Configuration from the environment, production checks and migrations."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from portal.settings.env import anymail_settings, cache_settings, email_settings, task_settings

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "a-long-random-production-key-" + "x" * 40,
    "ALLOWED_HOSTS": "socialnibydleni.example",
    "EMAIL_URL": "smtp://mail.example:587?tls=True",
    "DEFAULT_FROM_EMAIL": "Sociální bydlení <noreply@socialnibydleni.example>",
    "DATABASE_URL": "sqlite:////tmp/portal-check.sqlite3",
}


def manage(*args, env):
    # The browser tests switch Django's async-safety check off for the test process only.
    inherited = set(PRODUCTION_ENV) | {"DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in inherited}
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_URL", "DEFAULT_FROM_EMAIL"]
)
def test_production_refuses_to_start_without_a_required_variable(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"need these environment variables: {missing}." in result.stderr
    assert PRODUCTION_ENV["SECRET_KEY"] not in result.stderr


def test_check_deploy_is_clean_with_the_rq_task_backend():
    env = {**PRODUCTION_ENV, "TASKS_BACKEND": "rq", "RQ_REDIS_URL": "redis://redis.example:6379/1"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_rq_task_backend_without_redis_refuses_to_start():
    result = manage("check", env={**PRODUCTION_ENV, "TASKS_BACKEND": "rq"})
    assert result.returncode != 0
    assert "TASKS_BACKEND=rq needs RQ_REDIS_URL (or REDIS_URL)." in result.stderr


def test_wsgi_defaults_to_production_settings():
    source = (ROOT / "portal" / "wsgi.py").read_text()
    assert '"portal.settings.production"' in source


@pytest.mark.django_db
def test_migrations_are_committed():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "smtp://user:pa%40ss@mail.example:2525?tls=True",
            {
                "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "EMAIL_HOST": "mail.example",
                "EMAIL_PORT": 2525,
                "EMAIL_HOST_USER": "user",
                "EMAIL_HOST_PASSWORD": "pa@ss",
                "EMAIL_USE_TLS": True,
            },
        ),
        ("smtp://127.0.0.1:1025", {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": 1025}),
        ("console://", {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}),
        (
            "file:///var/spool/portal-mail",
            {
                "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "EMAIL_FILE_PATH": "/var/spool/portal-mail",
            },
        ),
        ("anymail://mailgun", {"EMAIL_BACKEND": "anymail.backends.mailgun.EmailBackend"}),
        ("anymail://amazon_ses", {"EMAIL_BACKEND": "anymail.backends.amazon_ses.EmailBackend"}),
    ],
)
def test_email_url_selects_the_backend(url, expected):
    settings = email_settings(url)
    for key, value in expected.items():
        assert settings[key] == value


@pytest.mark.parametrize("url", ["gopher://x", "anymail://", "anymail://../evil"])
def test_bad_email_url_is_a_clear_configuration_error(url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        email_settings(url)


def test_anymail_credentials_come_from_anymail_variables():
    environ = {"ANYMAIL_MAILGUN_API_KEY": "k", "ANYMAIL_MAILGUN_SENDER_DOMAIN": "d", "OTHER": "x"}
    assert anymail_settings(environ) == {"MAILGUN_API_KEY": "k", "MAILGUN_SENDER_DOMAIN": "d"}


def test_redis_url_selects_a_shared_cache():
    assert cache_settings("redis://127.0.0.1:6379/1")["default"]["BACKEND"].endswith("RedisCache")
    assert cache_settings("", "/srv/cache")["default"]["BACKEND"].endswith("FileBasedCache")
    assert cache_settings("")["default"]["BACKEND"].endswith("LocMemCache")


def test_tasks_backend_selects_the_database_or_rq_on_redis():
    database = task_settings("database")
    assert database == {
        "TASKS": {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    }
    rq = task_settings("rq", "redis://127.0.0.1:6379/2")
    assert rq["TASKS"]["default"]["BACKEND"] == "django_tasks_rq.RQBackend"
    assert rq["RQ_QUEUES"]["default"]["URL"] == "redis://127.0.0.1:6379/2"
    # No time limit on a job (a bulletin send runs for as long as it takes), and the job
    # class the worker needs to call a task.
    assert rq["RQ_QUEUES"]["default"]["DEFAULT_TIMEOUT"] == -1
    assert rq["RQ"]["JOB_CLASS"] == "django_tasks_rq.Job"
    with pytest.raises(ImproperlyConfigured, match="TASKS_BACKEND='celery'"):
        task_settings("celery")
