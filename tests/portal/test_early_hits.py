"""Page-cache hits answered in front of Django (portal.wsgi): the same answer the middleware
gives, and nothing answered that the middleware would not answer."""

import io
import sys

import pytest
from django.core.cache import cache
from django.test import Client

from portal.caching.early_hits import PageCacheHitsFirst
from portal.caching.generation import bump_generation
from tests import factories

pytestmark = pytest.mark.django_db

HOST = "testserver"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def article(section, footer):
    return factories.ArticlePageFactory(parent=section, title="Článek z mezipaměti")


class Django:
    """Stands for Django's WSGI handler: records what reached it."""

    def __init__(self):
        self.calls = []

    def __call__(self, environ, start_response):
        self.calls.append(environ["PATH_INFO"])
        start_response("200 OK", [("Content-Type", "text/plain"), ("X-Answered-By", "django")])
        return [b"from django"]


@pytest.fixture
def layer():
    django = Django()
    return PageCacheHitsFirst(django), django


def environ(path, method="GET", query="", **headers):
    values = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": HOST,
        "SERVER_PORT": "80",
        "HTTP_HOST": HOST,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }
    for name, value in headers.items():
        values[f"HTTP_{name.upper()}"] = value
    return values


def call(app, env):
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"] = status
        seen["headers"] = headers

    body = b"".join(app(env, start_response))
    return seen["status"], dict(seen["headers"]), body


def test_a_hit_is_answered_in_front_of_django_as_the_middleware_answers_it(layer, article):
    app, django = layer
    client = Client()
    client.get(article.url)  # stores the page
    through_middleware = client.get(article.url)
    assert through_middleware["X-Page-Cache"] == "hit"

    status, headers, body = call(app, environ(article.url))

    assert django.calls == []
    assert status == "200 OK"
    assert body == through_middleware.content
    expected = {k: v for k, v in through_middleware.items() if k not in ("X-Request-ID",)}
    assert {k: v for k, v in headers.items() if k != "X-Request-ID"} == expected
    # The security headers were stored with the page, so a hit replays them.
    assert "Content-Security-Policy" in headers and "Permissions-Policy" in headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert len(headers["X-Request-ID"]) == 32


def test_a_valid_request_id_is_kept_and_a_forged_one_replaced(layer, article):
    app, _django = layer
    Client().get(article.url)
    _status, headers, _body = call(app, environ(article.url, x_request_id="a" * 32))
    assert headers["X-Request-ID"] == "a" * 32
    _status, headers, _body = call(app, environ(article.url, x_request_id="<script>\r\n"))
    assert headers["X-Request-ID"] != "<script>\r\n" and len(headers["X-Request-ID"]) == 32


def test_a_conditional_request_gets_not_modified_with_the_security_headers(layer, article):
    app, django = layer
    etag = Client().get(article.url)["ETag"]
    status, headers, body = call(app, environ(article.url, if_none_match=etag))
    assert status == "304 Not Modified" and body == b""
    assert "Content-Security-Policy" in headers and "Content-Type" not in headers
    assert django.calls == []


def test_a_page_not_yet_stored_goes_to_django(layer, article):
    app, django = layer
    _status, headers, body = call(app, environ(article.url))
    assert django.calls == [article.url] and body == b"from django"


def test_after_a_change_the_old_copy_is_not_answered(layer, article):
    app, django = layer
    Client().get(article.url)
    bump_generation()  # what any publish does after its transaction commits
    _status, headers, _body = call(app, environ(article.url))
    assert headers["X-Answered-By"] == "django" and django.calls == [article.url]


@pytest.mark.parametrize(
    "env",
    [
        pytest.param({"method": "POST"}, id="a POST"),
        pytest.param({"cookie": "sessionid=abc"}, id="a reader with a session"),
        pytest.param({"cookie": "messages=abc"}, id="a reader with messages"),
        pytest.param({"query": "utm_source=x"}, id="a query the page does not use"),
        pytest.param({"query": "page=1&page=2"}, id="a repeated page number"),
        pytest.param({"host": "attacker.example"}, id="a host not allowed"),
    ],
)
def test_requests_the_cache_may_not_answer_go_to_django(layer, article, env):
    app, django = layer
    Client().get(article.url)
    method = env.pop("method", "GET")
    query = env.pop("query", "")
    values = environ(article.url, method=method, query=query, **env)
    _status, headers, _body = call(app, values)
    assert headers.get("X-Answered-By") == "django"
    assert django.calls == [article.url]


def test_the_admin_is_never_answered_from_the_cache(layer, article):
    app, django = layer
    call(app, environ("/admin/"))
    assert django.calls == ["/admin/"]


def test_while_the_cache_does_not_answer_everything_goes_to_django(layer, article, monkeypatch):
    app, django = layer
    Client().get(article.url)
    monkeypatch.setattr(cache, "get_many", lambda keys, version=None: {})
    monkeypatch.setattr(cache, "get", lambda key, default=None, version=None: default)
    monkeypatch.setattr(cache, "add", lambda *args, **kwargs: False)
    call(app, environ(article.url))
    assert django.calls == [article.url]


def test_with_the_page_cache_off_nothing_is_answered_in_front(layer, article, settings):
    app, django = layer
    Client().get(article.url)
    settings.PAGE_CACHE_SECONDS = 0
    call(app, environ(article.url))
    assert django.calls == [article.url]


def test_the_served_application_is_the_layer_over_djangos_handler():
    from portal import wsgi

    assert isinstance(wsgi.application, PageCacheHitsFirst)
    assert wsgi.application.application is wsgi.django_application
