"""Every response carries the security headers, errors included, and the page cache never
turns a page into an error: a failure in its own work is logged once and the page is served
uncached through the stack below, which adds the headers."""

import io
import logging
import pickle
import sys

import pytest
from django.core.cache import cache as real_cache
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from portal import urls as portal_urls
from portal.caching import early_hits, page_cache
from portal.caching.early_hits import PageCacheHitsFirst
from portal.security import SECURITY_HEADERS, SecurityHeadersSafetyNet
from tests import factories

pytestmark = pytest.mark.django_db


def boom(request):
    raise RuntimeError("a view that fails")


# This module doubles as a URLconf for the test of a failing view: the portal's own addresses
# and one that raises.
urlpatterns = [path("boom/", boom), *portal_urls.urlpatterns]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture(autouse=True)
def fresh_failure_log(monkeypatch):
    monkeypatch.setattr(page_cache, "failure_log", page_cache._FailureLog())
    monkeypatch.setattr(early_hits, "failure_log", page_cache.failure_log)


@pytest.fixture
def article(section, footer):
    return factories.ArticlePageFactory(parent=section, title="Článek s hlavičkami")


def assert_security_headers(response):
    for name in SECURITY_HEADERS:
        assert name in response, name
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def raising(*args, **kwargs):
    raise RuntimeError("the page cache's own code fails")


class CacheThatCannotStore:
    """The shared cache reads, but every write fails (as a pickling error or a lost server)."""

    def __init__(self, error):
        self.error = error

    def get_many(self, keys):
        return real_cache.get_many(keys)

    def set(self, *args, **kwargs):
        raise self.error


def test_a_page_is_served_uncached_when_deciding_to_store_it_fails(client, article, monkeypatch):
    monkeypatch.setattr(page_cache, "may_store", raising)
    response = client.get(article.url)
    assert response.status_code == 200
    assert "Článek s hlavičkami" in response.content.decode()
    assert response.get("X-Page-Cache") is None  # answered, not stored
    assert_security_headers(response)


def test_a_page_is_served_uncached_when_looking_it_up_fails(client, article, monkeypatch):
    monkeypatch.setattr(page_cache, "find_in_cache", raising)
    response = client.get(article.url)
    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.parametrize(
    "error",
    [RuntimeError("the cache server is gone"), pickle.PicklingError("cannot pickle")],
    ids=["a lost server", "a pickling error"],
)
def test_a_page_is_served_uncached_when_storing_it_fails(client, article, monkeypatch, error):
    monkeypatch.setattr(page_cache, "cache", CacheThatCannotStore(error))
    response = client.get(article.url)
    assert response.status_code == 200
    assert "Článek s hlavičkami" in response.content.decode()
    assert_security_headers(response)


def test_a_stored_copy_that_cannot_be_replayed_is_rendered_again(client, article, monkeypatch):
    client.get(article.url)  # stores the page

    def fails_on_hits(request, stored):
        raise KeyError("etag")

    monkeypatch.setattr(page_cache, "answer_from_cache", fails_on_hits)
    response = client.get(article.url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    assert_security_headers(response)


def test_a_failing_page_cache_is_logged_once_per_burst_not_per_request(
    client, article, monkeypatch, caplog
):
    monkeypatch.setattr(page_cache, "may_store", raising)
    with caplog.at_level(logging.ERROR, logger="portal.caching.page_cache"):
        for _reader in range(5):
            assert client.get(article.url).status_code == 200
    [record] = caplog.records
    assert "storing a page" in record.getMessage()
    assert record.exc_info is not None  # the first one says what failed
    # After the quiet spell, the next burst is logged again, with how many were kept quiet.
    page_cache.failure_log.next_log_at = 0.0
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="portal.caching.page_cache"):
        client.get(article.url)
    [record] = caplog.records
    assert "4 more failures" in record.getMessage()


def environ(path):
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }


@pytest.mark.parametrize("failing", ["find_in_cache", "replay"])
def test_a_failing_early_layer_leaves_the_request_to_django(article, monkeypatch, failing):
    Client().get(article.url)  # stores the page, so the early layer would answer it
    reached = []

    def django(environ, start_response):
        reached.append(environ["PATH_INFO"])
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"from django"]

    monkeypatch.setattr(early_hits, "find_in_cache", raising)
    if failing == "replay":
        monkeypatch.setattr(early_hits, "find_in_cache", page_cache.find_in_cache)
        monkeypatch.setattr(early_hits, "replay", raising)
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"] = status

    body = b"".join(PageCacheHitsFirst(django)(environ(article.url), start_response))
    assert (seen["status"], body) == ("200 OK", b"from django")
    assert reached == [article.url]


@pytest.mark.urls(__name__)
def test_a_view_that_fails_answers_a_500_with_the_security_headers(home, footer):
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    assert_security_headers(response)
    assert response.get("X-Page-Cache") is None


def test_a_refused_host_is_answered_with_every_security_header(client, article):
    response = client.get(article.url, HTTP_HOST="attacker.example")
    assert response.status_code == 400
    # X-Frame-Options too, whose middleware sits below the one that refuses the host.
    assert_security_headers(response)


def test_a_response_made_above_the_security_middleware_leaves_with_the_headers(rf, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    net = SecurityHeadersSafetyNet(lambda request: HttpResponse("Server Error", status=500))
    response = net(rf.get("/", secure=True))
    assert_security_headers(response)
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Strict-Transport-Security"].startswith("max-age=3600")


def test_the_safety_net_keeps_what_a_response_already_carries(rf):
    def answer(request):
        response = HttpResponse("ok")
        response["Referrer-Policy"] = "no-referrer"
        response["Content-Security-Policy"] = "default-src 'none'"
        return response

    response = SecurityHeadersSafetyNet(answer)(rf.get("/"))
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    # The missing ones are added.
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in response
