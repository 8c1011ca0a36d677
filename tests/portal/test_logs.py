"""Logs hold no secret link and no client address or user agent: Django's records as the
settings format them, and gunicorn's access log as `ops/gunicorn.conf.py` writes it."""

import copy
import io
import json
import logging
import logging.config
import re
import secrets
import sys
import time
from urllib.parse import quote, urlsplit

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from gunicorn.glogging import SafeAtoms

from contact.models import Kind
from contact.public import suggestions
from contact.workflow import services
from newsletter.tokens import make_confirm_token, make_manage_token
from portal.access_log import atoms_named_by, safe_atoms
from portal.logging import RedactPersonalData, axes_client_str, redact
from tests.contact import factories as contact_factories
from tests.newsletter.factories import SubscriberFactory
from tests.portal.test_operations import production
from tests.portal.test_production_server import (  # noqa: F401 - fixtures
    fetch,
    start_server,
    static_root,
)

T = "[token]"


def newsletter_links(subscriber, language):
    confirm, manage = make_confirm_token(subscriber), make_manage_token(subscriber)
    with translation.override(language):
        links = {
            name: reverse(f"newsletter:{name}", args=[token])
            for name, token in [
                ("confirm", confirm),
                ("unsubscribe", manage),
                ("preferences", manage),
                ("export", manage),
                ("erase", manage),
            ]
        }
    return links, (confirm, manage)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "routes"),
    [
        ("cs", {
            "confirm": "/odber/potvrdit/[token]/",
            "unsubscribe": "/odber/odhlasit/[token]/",
            "preferences": "/odber/nastaveni/[token]/",
            "export": "/odber/nastaveni/[token]/export/",
            "erase": "/odber/nastaveni/[token]/smazat/",
        }),
        ("en", {
            "confirm": "/en/subscription/confirm/[token]/",
            "unsubscribe": "/en/subscription/unsubscribe/[token]/",
            "preferences": "/en/subscription/preferences/[token]/",
            "export": "/en/subscription/preferences/[token]/export/",
            "erase": "/en/subscription/preferences/[token]/erase/",
        }),
    ],
)  # fmt: skip
def test_the_bulletins_links_keep_their_route_and_lose_their_token(language, routes):
    subscriber = SubscriberFactory(status="pending")
    links, tokens = newsletter_links(subscriber, language)
    for name, path in links.items():
        assert redact(path) == routes[name]
        assert redact(f"Not Found: {path}") == f"Not Found: {routes[name]}"
        assert redact(f"{{'path': '{path[1:]}'}}") == f"{{'path': '{routes[name][1:]}'}}"
        assert redact(f"GET {path}?utm_source=zpravodaj HTTP/1.1") == (
            f"GET {routes[name]}?utm_source=zpravodaj HTTP/1.1"
        )
    # Anywhere in a message, not only after its route: Django's signing errors quote them.
    for token in tokens:
        assert token not in redact(f'BadSignature: Signature "{token}" does not match')
        assert redact(f"token {token} refused") == f"token {T} refused"
        signature = token.rsplit(":", 1)[1]
        assert redact(f'Signature "{signature}" does not match') == (
            f'Signature "{T}" does not match'
        )


@pytest.mark.django_db
def test_the_contact_centres_status_confirmation_and_follow_links_lose_their_tokens(home):
    topic = contact_factories.InquiryTopicFactory(
        queue=contact_factories.QueueFactory(members=[contact_factories.UserFactory()])
    )
    page = contact_factories.ContactPageFactory(parent=home)
    received = services.receive(
        services.NewInquiry(
            kind=Kind.QUESTION,
            message="Jak má obec zřídit sociální byt?",
            language="cs",
            email="jana@example.cz",
            topic=topic,
        )
    )
    follow = suggestions.follow_token(suggestions.new_visit(), home.pk)
    for route, token in [
        ("status", received.token),
        ("confirmation", received.token),
        ("follow", follow),
    ]:
        path = urlsplit(page.route_url(route, token)).path
        assert token in path
        assert redact(path) == path.replace(token, T)
    # The status token is random: its route masks it whatever characters it drew.
    for _ in range(500):
        token = secrets.token_urlsafe(24)  # as contact.workflow.services._open makes it
        path = urlsplit(page.route_url("status", token)).path
        assert redact(path) == path.replace(token, T)


@pytest.mark.django_db
def test_the_staff_password_reset_link_loses_the_user_and_the_token(django_user_model):
    user = django_user_model.objects.create_user("metodicka", "m@mpsv.example", "x" * 20)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("wagtailadmin_password_reset_confirm", args=[uid, token])
    assert path == f"/admin/password_reset/confirm/{uid}/{token}/"
    assert redact(path) == f"/admin/password_reset/confirm/{T}/{T}/"
    # Where Django sends the reader once the token is checked.
    after = reverse("wagtailadmin_password_reset_confirm", args=[uid, "set-password"])
    assert redact(after) == f"/admin/password_reset/confirm/{T}/set-password/"
    # Django's token alone, anywhere.
    assert redact(f"reset with {token}") == f"reset with {T}"


@pytest.mark.django_db
def test_secret_query_values_and_encoded_links_are_masked():
    subscriber = SubscriberFactory(status="pending")
    links, (confirm, manage) = newsletter_links(subscriber, "cs")
    assert redact(f"/x/?token={manage}&p=2") == f"/x/?token={T}&p=2"
    assert redact("/x/?reset_key=1234&signature=abc") == f"/x/?reset_key={T}&signature={T}"
    assert redact(f"/admin/login/?next={quote(links['confirm'], safe='')}") == (
        f"/admin/login/?next={T}"
    )
    assert redact("/odber/?email=jana%2Bx%40seznam.cz") == "/odber/?email=[e-mail]"


@pytest.mark.parametrize(
    "text",
    [
        "/",
        "/o-nas/vyrocni-zprava-2024-a-dalsi-dokumenty/",
        "/napiste-nam/clanek/",
        "/hledat/?q=soci%C3%A1ln%C3%AD%20bydlen%C3%AD&p=2",
        "/en/subscription/check-your-inbox/",
        "/odber/poslat-znovu/",
        "/static/css/site.0123abcd4567.css",
        "request 550e8400-e29b-41d4-a716-446655440000 at 2026-12-03T10:15:00",
        "django.core.exceptions.ImproperlyConfigured: ADMIN_URL_PREFIXES",
        "Listening at: http://127.0.0.1:8000 (4242)",
    ],
)
def test_ordinary_addresses_and_messages_stay_as_they_are(text):
    assert redact(text) == text


def test_a_client_address_named_as_such_is_masked():
    assert redact("Invalid request from ip=203.0.113.7: bad") == (
        "Invalid request from ip=[ip]: bad"
    )
    assert redact("Invalid request from ip=2001:db8::1: bad") == "Invalid request from ip=[ip]: bad"


TOKEN = "eyJzIjoxMCwiayI6ImFiYyJ9:1xWGJy:mX4umhuarjTTHY4up00shWMA5WygdKirIpJXog-QoUM"


def test_the_filter_redacts_arguments_traceback_and_extras():
    try:
        raise ValueError(f"no subscriber for /odber/odhlasit/{TOKEN}/")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "x", logging.ERROR, __file__, 1, "Failed %s for %s", (f"/odber/potvrdit/{TOKEN}/",
        "jana@seznam.cz"), exc_info
    )  # fmt: skip
    record.path = f"/odber/nastaveni/{TOKEN}/"
    record.details = {"to": ["jana@seznam.cz"], "link": f"/odber/potvrdit/{TOKEN}/"}
    record.correlation_id = "0123456789abcdef0123456789abcdef"
    assert RedactPersonalData().filter(record) is True
    handler_output = logging.Formatter("%(message)s %(path)s %(details)s").format(record)
    assert TOKEN not in handler_output and "jana@" not in handler_output
    assert "Failed /odber/potvrdit/[token]/ for [e-mail]" in handler_output
    assert "/odber/odhlasit/[token]/" in handler_output  # the traceback, kept
    assert "Traceback" in handler_output
    assert record.correlation_id == "0123456789abcdef0123456789abcdef"  # not a secret


def test_a_record_that_cannot_be_formatted_is_written_redacted_not_raised():
    record = logging.LogRecord(
        "x", logging.WARNING, __file__, 1, "%s and %s", (f"/odber/potvrdit/{TOKEN}/",), None
    )
    assert RedactPersonalData().filter(record) is True
    assert TOKEN not in record.getMessage()


def settings_json_handler(stream):
    """The console handler as settings.LOGGING builds it in production (LOG_FORMAT=json):
    its filters and the JSON formatter, writing to `stream`."""
    from portal.settings import base

    config = copy.deepcopy(base.LOGGING)
    configurator = logging.config.DictConfigurator(config)
    handler = logging.StreamHandler(stream)
    handler.setFormatter(configurator.configure_formatter(config["formatters"]["json"]))
    for name in config["handlers"]["console"]["filters"]:
        handler.addFilter(configurator.configure_filter(config["filters"][name]))
    return handler


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "link", "route"),
    [
        ("cs", "confirm", "/odber/potvrdit/[token]/"),
        ("en", "preferences", "/en/subscription/preferences/[token]/"),
    ],
)
def test_a_not_found_at_a_secret_link_is_logged_as_json_without_the_token(
    client, home, language, link, route
):
    subscriber = SubscriberFactory(status="pending")
    links, tokens = newsletter_links(subscriber, language)
    subscriber.delete()  # the link is void: Django logs "Not Found" with the request
    stream = io.StringIO()
    handler = settings_json_handler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        response = client.get(links[link] + "?ref=jana.novakova@seznam.cz")
    finally:
        root.removeHandler(handler)
    assert response.status_code == 404
    output = stream.getvalue()
    assert all(token not in output for token in tokens)
    assert "jana.novakova" not in output
    records = [json.loads(line) for line in output.splitlines()]
    [not_found] = [r for r in records if r["name"] == "django.request"]
    assert not_found["message"] == f"Not Found: {route}"
    assert not_found["request"] == f"GET {route}?ref=[e-mail]"  # not the request's repr
    assert not_found["status_code"] == 404


def test_djangos_loggers_keep_no_unredacted_handlers_of_their_own():
    """Django's defaults give `django` a console handler (DEBUG) and mail to ADMINS, and
    runserver's `django.server` its own console: none of them redacts."""
    result = production(
        "import logging",
        "print([type(h).__name__ for h in logging.getLogger('django').handlers])",
        "print([[type(f).__name__ for f in h.filters] "
        "for h in logging.getLogger('django.server').handlers])",
        "print([[type(f).__name__ for f in h.filters] for h in logging.getLogger().handlers])",
    )
    assert result.returncode == 0, result.stderr
    django_handlers, server_filters, root_filters = result.stdout.splitlines()
    assert django_handlers == "[]"
    assert server_filters == "[['CorrelationId', 'RedactPersonalData']]"
    assert root_filters == "[['CorrelationId', 'RedactPersonalData']]"


def test_django_axes_logs_neither_the_address_nor_the_user_agent(settings):
    assert settings.AXES_CLIENT_STR_CALLABLE == "portal.logging.axes_client_str"
    text = axes_client_str("metodicka", "203.0.113.7", "Mozilla/5.0", "/admin/login/", None)
    assert text == "{path_info: '/admin/login/'}"


@pytest.mark.django_db
def test_django_axes_messages_of_a_failed_sign_in_name_no_address(client, settings, caplog):
    settings.AXES_ENABLED = True
    settings.AXES_VERBOSE = True  # as in production, where it follows AXES_ENABLED
    settings.AXES_FAILURE_LIMIT = 2
    with caplog.at_level(logging.INFO, logger="axes"):
        for _ in range(2):
            client.post(
                "/admin/login/",
                {"username": "metodicka", "password": "špatně"},
                REMOTE_ADDR="203.0.113.7",
                HTTP_USER_AGENT="TestBrowser/1.0 (unique-agent-marker)",
            )
    messages = " ".join(record.getMessage() for record in caplog.records)
    assert "/admin/login/" in messages  # axes did log the failures and the lockout
    assert "203.0.113.7" not in messages
    assert "unique-agent-marker" not in messages


def test_gunicorns_atoms_hold_no_address_agent_or_token():
    atoms = safe_atoms({
        "h": "203.0.113.7",
        "a": "Mozilla/5.0 (unique-agent-marker)",
        "u": "metodicka",
        "r": f"GET /odber/potvrdit/{TOKEN}/ HTTP/1.1",
        "U": f"/odber/potvrdit/{TOKEN}/",
        "q": "token=short&p=2",
        "f": f"https://socialnibydleni.example/odber/nastaveni/{TOKEN}/",
        "s": "404",
        "{user-agent}i": "Mozilla/5.0 (unique-agent-marker)",
        "{x-forwarded-for}i": "203.0.113.7",
        "{cookie}i": "sessionid=abc",
        "{referer}i": f"https://socialnibydleni.example/odber/nastaveni/{TOKEN}/",
        "{x-request-id}o": "0123456789abcdef0123456789abcdef",
        "{remote_addr}e": "203.0.113.7",
    })  # fmt: skip
    text = json.dumps(atoms)
    assert TOKEN not in text
    assert "203.0.113.7" not in text and "unique-agent-marker" not in text
    assert "metodicka" not in text and "sessionid" not in text
    assert atoms["r"] == "GET /odber/potvrdit/[token]/ HTTP/1.1"
    assert atoms["q"] == "token=[token]&p=2"
    assert atoms["{x-request-id}o"] == "0123456789abcdef0123456789abcdef"


def test_an_operators_format_gets_only_its_own_atoms_and_each_of_them_safe():
    """The logger redacts only what the format writes (the rest never reaches the line);
    whatever an operator names, a client address, agent, cookie or token stays out."""
    log_format = "%(h)s %({User-Agent}i)s %({Cookie}i)s %({Referer}i)s %(U)s %({X-Request-ID}o)s"
    wanted = atoms_named_by(log_format)
    assert wanted == {
        "h", "{user-agent}i", "{cookie}i", "{referer}i", "U", "{x-request-id}o",
    }  # fmt: skip
    atoms = {
        "h": "203.0.113.7",
        "U": f"/odber/potvrdit/{TOKEN}/",
        "{user-agent}i": "Mozilla/5.0 (unique-agent-marker)",
        "{cookie}i": "sessionid=abc",
        "{referer}i": f"https://socialnibydleni.example/odber/nastaveni/{TOKEN}/",
        "{x-request-id}o": "0123456789abcdef0123456789abcdef",
        "{content-security-policy}o": "default-src 'self'",
        "{remote_addr}e": "203.0.113.7",
    }
    line = log_format % SafeAtoms(safe_atoms(atoms, wanted))
    assert TOKEN not in line and "203.0.113.7" not in line
    assert "unique-agent-marker" not in line and "sessionid" not in line
    assert line.startswith("- - - https://socialnibydleni.example/odber/nastaveni/[token]/ ")
    assert line.endswith(" /odber/potvrdit/[token]/ 0123456789abcdef0123456789abcdef")
    # An atom the format does not write is not even redacted.
    assert "{content-security-policy}o" not in safe_atoms(atoms, wanted)


@pytest.fixture(scope="module")
def gunicorn(django_db_setup, django_db_blocker, static_root, tmp_path_factory):  # noqa: F811
    """One server started as production starts it (`--config ops/gunicorn.conf.py`)."""
    directory = tmp_path_factory.mktemp("access-log")
    log = directory / "server.log"
    with django_db_blocker.unblock():
        process, url = start_server(
            static_root, log, SECURE_HTTPS="false", CACHE_DIR=str(directory / "cache")
        )
    yield {"url": url, "log": log}
    process.terminate()
    process.wait(timeout=20)


AGENT = "Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0 unique-agent-marker"
FORWARDED = "203.0.113.7"


def test_gunicorns_access_log_keeps_the_route_not_the_token_address_or_agent(
    gunicorn, committed_db, home, footer
):
    base = gunicorn["url"]
    confirm = f"/odber/potvrdit/{TOKEN}/"
    reset = "/admin/password_reset/confirm/MQ/cc3v8p-0123456789abcdef0123456789abcdef/"
    headers = {
        "User-Agent": AGENT,
        "X-Forwarded-For": FORWARDED,
        "X-Request-ID": "b" * 32,
        "Referer": f"{base}/odber/nastaveni/{TOKEN}/",
    }
    assert fetch(base + confirm, headers)[0] == 404  # a void link, as a real one looks
    fetch(base + reset, headers)
    fetch(base + f"/odber/?token={TOKEN}", headers)
    time.sleep(0.5)
    text = gunicorn["log"].read_text()
    access = [line for line in text.splitlines() if '"GET ' in line and line[0] != "{"]
    [confirm_line] = [line for line in access if "/odber/potvrdit/" in line]
    assert '"GET /odber/potvrdit/[token]/ HTTP/1.1" 404' in confirm_line
    assert "request_id=" + "b" * 32 in confirm_line  # the id of its Django log lines
    assert any("/admin/password_reset/confirm/[token]/[token]/" in line for line in access)
    assert any("/odber/?token=[token]" in line for line in access)
    for line in access:
        assert "127.0.0.1" not in line  # no client field
        assert re.search(r"request_id=[0-9a-f]{32}$", line), line  # ids made by Django too
    assert TOKEN not in text and "cc3v8p-0123456789abcdef" not in text
    assert FORWARDED not in text
    assert "unique-agent-marker" not in text and "TestBrowser" not in text
    # Django's own line for the same request: JSON, redacted, with the request id.
    records = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    [not_found] = [r for r in records if r.get("message") == "Not Found: /odber/potvrdit/[token]/"]
    assert not_found["request_id"] == "b" * 32


def test_gunicorns_error_log_masks_links_and_client_addresses(capsys):
    from gunicorn.config import Config

    from portal.access_log import RedactingLogger

    config = Config()
    config.set("errorlog", "-")
    logger = RedactingLogger(config)
    logger.warning("Invalid request from ip={ip}: {error}".format(ip=FORWARDED, error="bad"))
    try:
        raise RuntimeError(f"no route for /odber/potvrdit/{TOKEN}/")
    except RuntimeError:
        logger.exception("Error handling request %s", f"/odber/potvrdit/{TOKEN}/?token={TOKEN}")
    logger.setup(config)  # as a configuration reload runs it: still one filter
    written = capsys.readouterr().err
    assert "Invalid request from ip=[ip]: bad" in written
    assert "Error handling request /odber/potvrdit/[token]/?token=[token]" in written
    assert "RuntimeError: no route for /odber/potvrdit/[token]/" in written
    assert TOKEN not in written and FORWARDED not in written
    assert len(logger.error_log.filters) == 1
