"""A cache outage costs speed, never answers: pages, forms and the admin work without Redis,
the outage is logged once, and pages retired while Redis was away are not served after."""

import logging
import socket
import time

import pytest
from redis.connection import Connection

from portal.settings.env import cache_settings
from tests import factories
from tests.task_workers import redis_answers, redis_url

pytestmark = pytest.mark.django_db


def port_where_nothing_listens() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def take_redis_away(settings):
    settings.CACHES = cache_settings(f"redis://127.0.0.1:{port_where_nothing_listens()}/0")
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def redis_gone(settings):
    take_redis_away(settings)


@pytest.fixture
def connection_attempts(monkeypatch):
    attempts = []
    connect = Connection.connect

    def counted(self, *args, **kwargs):
        attempts.append(time.monotonic())
        return connect(self, *args, **kwargs)

    monkeypatch.setattr(Connection, "connect", counted)
    return attempts


def test_without_redis_pages_forms_and_the_admin_answer(client, redis_gone, section, footer):
    article = factories.ArticlePageFactory(parent=section, title="Bez mezipaměti")
    expected = {
        "/": 200,
        section.url: 200,
        article.url: 200,
        "/hledat/?q=byt": 200,
        "/admin/login/": 200,
        "/neexistuje/": 404,
        "/feeds/articles.rss": 200,
    }
    answers = {url: client.get(url).status_code for url in expected}
    assert answers == expected
    assert "Bez mezipaměti" in client.get(article.url).content.decode()


def test_an_outage_costs_one_connection_attempt_and_one_log_line_not_one_per_request(
    client, settings, section, footer, connection_attempts, caplog
):
    article = factories.ArticlePageFactory(parent=section)
    take_redis_away(settings)
    with caplog.at_level(logging.WARNING, logger="portal.caching.resilient_redis"):
        for _ in range(10):
            assert client.get(article.url).status_code == 200
    assert len(connection_attempts) == 1
    outages = [r for r in caplog.records if "does not answer" in r.getMessage()]
    assert len(outages) == 1
    assert "ConnectionError" in outages[0].getMessage()
    assert "127.0.0.1" not in outages[0].getMessage()  # the class, not the address


def test_the_rate_limits_let_forms_through_while_the_cache_is_away(client, redis_gone, settings):
    """django-ratelimit counts in the cache; without it the searches are not refused."""
    settings.SEARCH_PER_IP = "1/h"
    statuses = [client.get("/hledat/?q=byt").status_code for _ in range(3)]
    assert statuses == [200, 200, 200]


@pytest.mark.skipif(not redis_answers(), reason="the test Redis is not running (TEST_REDIS_PORT)")
def test_a_page_published_during_an_outage_is_not_served_stale_when_redis_returns(
    client, settings, section, footer, monkeypatch
):
    from django.core.cache import cache, caches
    from redis.exceptions import ConnectionError as RedisConnectionError

    settings.CACHES = cache_settings(redis_url(14))
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    article = factories.ArticlePageFactory(parent=section, title="Původní název")
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    # Redis goes away: the breaker opens, and the publish's retirement of the cached pages is
    # a write that is dropped.
    resilient = caches["default"]
    resilient._failed(RedisConnectionError("gone"))
    page = article.specific_class.objects.get(pk=article.pk)
    page.title = "Nový název"
    page.save_revision().publish()

    # Redis is back (the breaker's wait is over): the old copy must not come back to life.
    resilient._breaker.retry_at = 0
    body = client.get(article.url).content.decode()
    assert "Nový název" in body and "Původní název" not in body
    cache.clear()


def test_readiness_is_ok_with_database_cache_and_an_idle_queue(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "tasks": "idle",
        "oldest_ready_task_seconds": None,
        # The test settings run tasks in the web process: no worker to wait for.
        "worker": "none",
        "worker_last_beat_seconds": None,
    }
    assert "no-cache" in response["Cache-Control"]


def test_readiness_reports_the_cache_down_but_keeps_the_instance_in_rotation(client, redis_gone):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"] == "down"


def test_readiness_fails_without_the_database(client, monkeypatch):
    from django.db import OperationalError

    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("portal.health.connection.cursor", broken_cursor)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


def waiting_task(seconds: int):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult, get_date_max

    task = DBTaskResult.objects.create(
        task_path="portal.outbox.deliver",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=timezone.now() - timedelta(seconds=seconds)
    )
    return task


def test_readiness_reports_a_worker_that_keeps_up(client, database_tasks):
    from django.utils import timezone

    from portal.models import WorkerHeartbeat

    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="web-1:1:beating", started_at=now, last_beat_at=now)
    waiting_task(seconds=5)
    report = client.get("/readyz").json()
    assert (report["status"], report["tasks"], report["worker"]) == ("ok", "ok", "ok")
    assert 4 <= report["oldest_ready_task_seconds"] < 60


def test_readiness_reports_tasks_waiting_for_a_worker_that_is_gone(client, database_tasks):
    waiting_task(seconds=3600)
    response = client.get("/readyz")
    assert response.status_code == 200
    report = response.json()
    assert (report["status"], report["tasks"]) == ("degraded", "stalled")
    assert report["oldest_ready_task_seconds"] >= 3600
    assert (report["worker"], report["worker_last_beat_seconds"]) == ("gone", None)
