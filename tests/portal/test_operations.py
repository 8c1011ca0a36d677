"""The health check, logs without personal data, and production's start-up refusals."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from portal.logging import RedactPersonalData, redact

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "eyJzIjoxMCwiayI6ImFiYyJ9:1xWGJy:mX4umhuarjTTHY4up00shWMA5WygdKirIpJXog-QoUM"


@pytest.mark.django_db
def test_health_check_answers_ok_with_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_check_fails_when_the_database_does_not_answer(client, monkeypatch):
    from django.db import OperationalError

    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("portal.health.connection.cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Not Found: /odber/potvrdit/" + TOKEN + "/", "Not Found: /odber/potvrdit/[token]/"),
        ("SMTPRecipientsRefused: {'jana.novakova@seznam.cz': (550, 'no')}",
         "SMTPRecipientsRefused: {'[e-mail]': (550, 'no')}"),
        ("Sending 42 messages", "Sending 42 messages"),
    ],
)  # fmt: skip
def test_logs_are_cleaned_of_addresses_and_link_tokens(message, expected):
    assert redact(message) == expected


def test_the_filter_rewrites_records_with_their_arguments():
    record = logging.LogRecord(
        "x", logging.WARNING, __file__, 1, "Gave up on %s", ("petr@seznam.cz",), None
    )
    RedactPersonalData().filter(record)
    assert record.getMessage() == "Gave up on [e-mail]"


def production(*code, **env):
    base = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "k" * 60,
        "ALLOWED_HOSTS": "socialnibydleni.example",
        "EMAIL_URL": "smtp://mail.example:587",
        "DEFAULT_FROM_EMAIL": "SB <noreply@socialnibydleni.example>",
        "DATABASE_URL": "sqlite:////tmp/portal-settings-check.sqlite3",
    }
    inherited = {
        k: v for k, v in os.environ.items() if k not in base and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    script = "import django; django.setup(); from django.conf import settings; " + "; ".join(code)
    return subprocess.run(  # noqa: S603 - our own settings, fixed code
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**inherited, **base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_logs_json_with_request_ids_and_redaction():
    result = production("import json; print(json.dumps(settings.LOGGING['handlers']['console']))")
    assert result.returncode == 0, result.stderr
    handler = json.loads(result.stdout)
    assert handler["formatter"] == "json"
    assert handler["filters"] == ["correlation_id", "redact"]


def test_production_lists_every_missing_variable_in_one_message():
    result = production("print('started')", SECRET_KEY="", EMAIL_URL="")
    assert result.returncode != 0
    assert "need these environment variables: SECRET_KEY, EMAIL_URL" in result.stderr


def test_production_uses_hsts_and_secure_cookies_over_https():
    result = production(
        "print(settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_PRELOAD, "
        "settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, settings.SESSION_COOKIE_SECURE, "
        "settings.CSRF_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT)"
    )
    assert result.stdout.split() == ["63072000", "True", "True", "True", "True", "True"]
