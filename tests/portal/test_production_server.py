"""The production-like server (`make serve`: gunicorn, production settings, WhiteNoise),
started for real: headers as served, static files, JSON logs, recovery from a database
restart, and two instances on one database and one Redis behaving as one site."""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tests import task_workers

ROOT = Path(__file__).resolve().parents[2]
SHARED_REDIS = task_workers.redis_url(9)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        return (
            f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:{settings_dict['PORT']}"
            f"/{settings_dict['NAME']}"
        )
    return f"sqlite:///{settings_dict['NAME']}"


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """collectstatic once for the module: WhiteNoise serves the hashed files it writes."""
    root = tmp_path_factory.mktemp("static")
    env = production_env(STATIC_ROOT=str(root), DATABASE_URL="sqlite:///:memory:")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT, env=env, check=True, timeout=300,
    )  # fmt: skip
    return root


def production_env(**extra):
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "production-like-test-key-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "EMAIL_URL": "console://",
        "DEFAULT_FROM_EMAIL": "Sociální bydlení <noreply@socialnibydleni.example>",
        "SECURE_HTTPS": "false",
        "LOG_LEVEL": "INFO",
        **extra,
    }


def start_server(static_root, log, **settings):
    """gunicorn as `make serve` starts it (ops/gunicorn.conf.py), with production settings,
    on a free loopback port; returns (process, url)."""
    port = free_port()
    env = production_env(
        DATABASE_URL=database_url(),
        STATIC_ROOT=str(static_root),
        PORT=str(port),
        WEB_CONCURRENCY="2",
        PYTHONOPTIMIZE="2",  # as make serve (WEB_PYTHONOPTIMIZE) and docs/deployment.md
        **settings,
    )
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "ops/gunicorn.conf.py", "portal.wsgi"],
            cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            if fetch(base + "/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.2)
    return process, base


@pytest.fixture(scope="module")
def shared_cache_dir(tmp_path_factory):
    """The servers and this test process share one cache, as the processes of a deployment
    do: what a test publishes retires the servers' cached frame and pages."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def shared_cache(shared_cache_dir, settings):
    from django.core.cache import cache

    from portal.settings.env import cache_settings

    settings.CACHES = cache_settings("", shared_cache_dir)
    cache.clear()


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker, static_root, tmp_path_factory, shared_cache_dir):
    """Two servers for the module (starting gunicorn is the slow part): plain HTTP on
    loopback (SECURE_HTTPS=false) and the HTTPS default behind a trusted proxy."""
    logs = tmp_path_factory.mktemp("logs")
    with django_db_blocker.unblock():
        shared = {"CACHE_DIR": str(shared_cache_dir)}
        plain = start_server(static_root, logs / "plain.log", SECURE_HTTPS="false", **shared)
        https = start_server(
            static_root,
            logs / "https.log",
            SECURE_HTTPS="true",
            TRUST_X_FORWARDED_PROTO="true",
            **shared,
        )
    yield {
        "plain": {"url": plain[1], "log": logs / "plain.log"},
        "https": {"url": https[1], "log": logs / "https.log"},
    }
    for process, _url in (plain, https):
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def two_machines(django_db_setup, django_db_blocker, static_root, tmp_path_factory):
    """Two gunicorn instances on different ports, as two machines behind a load balancer:
    one database and one Redis cache (database 9, for these tests only), no file shared."""
    from tests.task_workers import redis_answers

    if not redis_answers():
        pytest.skip("two machines share a Redis cache; Redis is not running (TEST_REDIS_PORT)")
    logs = tmp_path_factory.mktemp("two-machines")
    with django_db_blocker.unblock():
        started = [
            start_server(
                static_root,
                logs / f"{name}.log",
                REDIS_URL=SHARED_REDIS,
                CACHE_DIR=str(logs / f"cache-{name}"),  # unused: Redis takes precedence
            )
            for name in ("a", "b")
        ]
    yield [url for _process, url in started]
    for process, _url in started:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def server(servers, shared_cache, committed_db, home, footer):
    return servers["plain"]


@pytest.fixture
def https_server(servers, shared_cache, committed_db, home, footer):
    return servers["https"]


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def fetch(url, headers=None):
    """One request, redirects not followed (a redirect is an answer to check)."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - loopback
    try:
        with _OPENER.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_headers_as_served_over_plain_http_on_loopback(server):
    status, headers, _body = fetch(server["url"] + "/")
    assert status == 200
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "geolocation=()" in headers["Permissions-Policy"]
    assert "Strict-Transport-Security" not in headers  # no HSTS over plain HTTP


def test_behind_an_https_proxy_hsts_and_secure_cookies(https_server):
    assert fetch(https_server["url"] + "/")[0] == 301  # plain HTTP is redirected to HTTPS
    assert fetch(https_server["url"] + "/healthz")[0] == 200  # but not the load balancer's probe
    status, headers, _body = fetch(https_server["url"] + "/", {"X-Forwarded-Proto": "https"})
    assert status == 200
    assert headers["Strict-Transport-Security"] == ("max-age=63072000; includeSubDomains; preload")
    # Cacheable pages set no cookie at all; the CSRF cookie comes with the token forms fetch.
    assert "Set-Cookie" not in headers
    _status, headers, _body = fetch(
        https_server["url"] + "/csrf-token/", {"X-Forwarded-Proto": "https"}
    )
    cookie = headers["Set-Cookie"]
    assert "csrftoken=" in cookie and "Secure" in cookie and "SameSite=Lax" in cookie


def test_static_files_are_fingerprinted_compressed_and_cached_for_ever(server):
    _status, _headers, body = fetch(server["url"] + "/")
    css = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body)
    assert css, "the page links the fingerprinted stylesheet"
    status, headers, _ = fetch(server["url"] + css.group(1).decode(), {"Accept-Encoding": "gzip"})
    assert status == 200
    assert "max-age=315360000" in headers["Cache-Control"]
    assert headers.get("Content-Encoding") == "gzip"


def test_logs_are_json_with_request_ids(server):
    fetch(server["url"] + "/neexistuje/", {"X-Request-ID": "a" * 32})
    time.sleep(0.5)
    records = [
        json.loads(line) for line in server["log"].read_text().splitlines() if line.startswith("{")
    ]
    not_found = [r for r in records if "Not Found" in r.get("message", "")]
    assert not_found and not_found[-1]["request_id"] == "a" * 32


def test_the_web_server_runs_optimised_as_make_serve_starts_it(server):
    """Docstrings and asserts are left out (docs/deployment.md), and the pages still come:
    the master warns when it was started without PYTHONOPTIMIZE=2, and this one did not."""
    status, _headers, body = fetch(server["url"] + "/")
    assert status == 200 and "Sociální bydlení" in body.decode()
    assert "Started without PYTHONOPTIMIZE=2" not in server["log"].read_text()


@pytest.mark.postgres_only
def test_the_site_recovers_by_itself_after_a_database_restart(server):
    import psycopg

    assert fetch(server["url"] + "/")[0] == 200
    connection.ensure_connection()
    ours = connection.connection.info.backend_pid
    with psycopg.connect(database_url(), autocommit=True) as admin:
        killed = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid NOT IN (pg_backend_pid(), %s)",
            [ours],
        ).fetchone()[0]
    assert killed >= 1, "the server held database connections"
    # Every following request works: health checks replace the dead connections.
    statuses = [fetch(server["url"] + path)[0] for path in ["/", "/healthz", "/", "/hledat/?q=x"]]
    assert statuses == [200, 200, 200, 200]


@pytest.fixture
def redis_cache(settings):
    """This process is a third machine, the editors' one: it publishes, the servers serve."""
    from django.core.cache import cache

    from portal.settings.env import cache_settings

    settings.CACHES = cache_settings(SHARED_REDIS)
    cache.clear()  # what an earlier run left in database 9 describes other rows
    yield
    cache.clear()


def test_two_servers_on_one_database_and_one_redis_show_a_publish_at_once(
    two_machines, redis_cache, committed_db, home, footer
):
    from tests import factories

    a, b = two_machines
    section = factories.SectionPageFactory(parent=home)
    article = factories.ArticlePageFactory(parent=section, title="Původní název")

    def page(base, url):
        # Behind a load balancer both servers get the public host name (part of the key).
        status, headers, body = fetch(base + url, {"Host": "localhost"})
        return status, headers.get("X-Page-Cache"), body.decode()

    # What one server rendered, the other serves from the shared cache.
    assert page(a, article.url)[:2] == (200, "miss")
    assert page(b, article.url)[:2] == (200, "hit")
    assert page(b, section.url)[:2] == (200, "miss")
    assert page(a, section.url)[:2] == (200, "hit")

    article = article.specific_class.objects.get(pk=article.pk)
    article.title = "Nový název"
    article.save_revision().publish()
    for base in (b, a):  # the very next request on either server
        for url in (article.url, section.url):
            status, _state, body = page(base, url)
            assert status == 200
            assert "Nový název" in body and "Původní název" not in body, (base, url)

    article.unpublish()
    for base in (a, b):
        assert page(base, article.url)[0] == 404
        assert "Nový název" not in page(base, section.url)[2]


def test_a_forged_forwarded_proto_is_ignored_without_a_trusted_proxy(server, section):
    """No proxy is configured (TRUST_X_FORWARDED_PROTO unset): a reader's X-Forwarded-Proto
    must neither make gunicorn call the request https nor end up in the shared page cache."""
    from tests import factories

    factories.ArticlePageFactory(parent=section, title="Článek s odkazem")
    _status, _headers, forged = fetch(
        server["url"] + "/feeds/articles.rss", {"X-Forwarded-Proto": "https"}
    )
    _status, _headers, plain = fetch(server["url"] + "/feeds/articles.rss")
    for body in (forged, plain):
        assert b"<link>http://127.0.0.1" in body
        assert b"https://127.0.0.1" not in body


@pytest.fixture
def server_without_redis(django_db_setup, django_db_blocker, static_root, tmp_path):
    """A server whose REDIS_URL points at a port where nothing listens."""
    log = tmp_path / "no-redis.log"
    with django_db_blocker.unblock():
        process, url = start_server(
            static_root, log, REDIS_URL=f"redis://127.0.0.1:{free_port()}/0"
        )
    yield {"url": url, "log": log}
    process.terminate()
    process.wait(timeout=20)


def test_without_redis_every_page_is_served_uncached_and_readiness_says_so(
    server_without_redis, committed_db, home, footer, section
):
    from tests import factories

    article = factories.ArticlePageFactory(parent=section, title="Bez mezipaměti")
    base = server_without_redis["url"]
    expected = {
        "/": 200,
        article.url: 200,
        section.url: 200,
        "/hledat/?q=byt": 200,
        "/admin/login/": 200,
        "/neexistuje/": 404,
        "/feeds/articles.rss": 200,
    }
    answers = {}
    for _round in range(3):
        for url in expected:
            status, headers, _body = fetch(base + url)
            answers[url] = status
            assert "Content-Security-Policy" in headers, url
            assert headers.get("X-Page-Cache") != "hit", url
    assert answers == expected
    status, _headers, body = fetch(base + "/readyz")
    report = json.loads(body)
    assert (status, report["status"], report["database"], report["cache"]) == (
        200,
        "degraded",
        "ok",
        "down",
    )
    time.sleep(0.5)
    # Logged once per process (two workers), not once per request.
    warnings = server_without_redis["log"].read_text().count("The cache (Redis) does not answer")
    assert 1 <= warnings <= 2
