"""A Redis that accepts connections and never answers (a hung server, a full network buffer,
a firewall that drops the replies): the cache's socket timeout must turn it into an outage
like any other, answered uncached and logged once, not a request that hangs.

tests/portal/test_cache_outage.py covers a Redis that refuses connections; here the connect
succeeds and only the timeouts of portal.caching.resilient_redis stand between a reader and
a hung page.
"""

import logging
import socket
import threading
import time

import pytest

from portal.settings.env import cache_settings
from tests import factories

pytestmark = pytest.mark.django_db

# Longer than any run of this test; the server is closed at the end whatever happens.
SERVER_LIFETIME_SECONDS = 60


class SilentServer:
    """Listens on 127.0.0.1, accepts every connection and never sends a byte."""

    def __init__(self):
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.port = self._listener.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=5)
        for connection in self.accepted:
            connection.close()
        self._listener.close()

    def _serve(self):
        deadline = time.monotonic() + SERVER_LIFETIME_SECONDS
        while not self._stop.is_set() and time.monotonic() < deadline:
            try:
                connection, _address = self._listener.accept()
            except TimeoutError:
                continue
            self.accepted.append(connection)  # held open, answered never


@pytest.fixture
def silent_redis(settings):
    with SilentServer() as server:
        # The production cache configuration (REDIS_URL set), pointed at the silent server.
        settings.CACHES = cache_settings(f"redis://127.0.0.1:{server.port}/0")
        settings.PAGE_CACHE_SECONDS = 600
        yield server


def test_a_redis_that_never_answers_costs_a_timeout_not_a_hung_page(
    client, section, footer, silent_redis, caplog
):
    article = factories.ArticlePageFactory(parent=section, title="Redis mlčí")
    with caplog.at_level(logging.WARNING, logger="portal.caching.resilient_redis"):
        responses = [client.get(article.url) for _ in range(5)]

    assert [response.status_code for response in responses] == [200] * 5
    assert all(response.get("X-Page-Cache") != "hit" for response in responses)
    assert "Redis mlčí" in responses[-1].content.decode()
    assert silent_redis.accepted, "the cache did connect: the timeout is the read's"
    outages = [r for r in caplog.records if "does not answer" in r.getMessage()]
    assert len(outages) == 1, [r.getMessage() for r in outages]
    assert "TimeoutError" in outages[0].getMessage()
    assert "127.0.0.1" not in outages[0].getMessage()


def test_readiness_reports_a_silent_cache_down_and_stays_in_rotation(client, silent_redis):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["cache"]) == ("degraded", "down")
