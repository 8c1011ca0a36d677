"""Browser tests: Debian's Chromium, driven by Playwright's sync API, against the live server.

One Chromium runs for the whole session; every test gets a fresh browser context (no cookies,
no cache) with a guard that aborts every request not addressed to the live server and fails
the test if one was attempted, or if the page logged a console error or threw.
"""

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Playwright's sync API runs an asyncio event loop in the main thread (inside a greenlet). Django
# sees that loop and refuses ORM calls from the same thread with SynchronousOnlyOperation, although
# the fixtures and assertions here are plain synchronous code that never runs inside the loop.
# The variable is process-wide: it also switches the check off for the rest of a run that
# collects this folder, where no test runs an event loop.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def _browser_tests_need_the_database():
    """pytest-django creates the test database only when a collected test asks for `db`,
    `transactional_db` or `live_server`. The shared demo uses none of them (it commits
    through the blocker instead), so a run of only such tests would find the development
    database; this counts the shared demo as asking for the default database too."""
    from pytest_django import fixtures

    original = fixtures._get_databases_for_test

    def databases_for_test(test):
        databases, serialized = original(test)
        if not databases and "shared_demo" in getattr(test, "fixturenames", ()):
            return ("default",), serialized
        return databases, serialized

    fixtures._get_databases_for_test = databases_for_test


_browser_tests_need_the_database()

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium phones home at start; there is no network to answer it here.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium_path():
    path = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        pytest.skip(f"Debian's chromium is not installed ({path}); `.ci/run` installs it")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe():
    """axe-core, from inside the axe-playwright-python package (nothing is fetched)."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture(scope="session")
def browser_media_root(tmp_path_factory):
    """Uploads of the browser tests go to a temporary folder, not var/test-media."""
    path = tmp_path_factory.mktemp("browser-media")
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="package")
def browser_server(browser, django_db_setup, browser_media_root):
    """Our own live server for the browser tests, up for the whole folder.

    Not pytest-django's `live_server`: that one forces `transactional_db` on every test that
    uses it, and with it a flush of every table after each test, which would throw away the
    demo site the tests below share. A test that brings its own data asks for
    `committed_db` itself.
    """
    from django.test.utils import override_settings
    from pytest_django.live_server_helper import LiveServer

    overrides = override_settings(
        ROOT_URLCONF="tests.browser.urls", MEDIA_ROOT=str(browser_media_root)
    )
    overrides.enable()
    server = LiveServer("localhost")
    yield server
    server.stop()
    overrides.disable()


@pytest.fixture
def site_url(browser_server):
    """The live server's address. The database is whatever the test asked for: the shared
    demo (`demo`) or its own committed rows (`committed_db`)."""
    return browser_server.url


@pytest.fixture(scope="package")
def shared_demo(browser_server, django_db_blocker, migration_data, demo_snapshot):
    """The demo site, loaded and committed once for every browser test that reads it."""
    from tests.browser.shared_demo import SharedDemo

    demo = SharedDemo(migration_data, demo_snapshot)
    yield demo
    with django_db_blocker.unblock():
        demo.restore_migration_state()


@pytest.fixture
def demo(request, shared_demo, site_url, django_db_blocker):
    """The whole demo site, served by the live server; its home page.

    What a test adds (a subscriber, an inquiry, a page) is deleted after it, so every test
    starts from the same demo; the cache (rate limits, the site frame) starts empty too.
    """
    from django.core.cache import cache

    in_a_transaction = {"db", "transactional_db"} & set(request.fixturenames)
    if in_a_transaction:
        pytest.fail(
            f"{request.node.nodeid} asks for the shared demo and for {sorted(in_a_transaction)}"
            " (perhaps through django_user_model or admin_user): the demo is committed and"
            " shared, so use the ORM directly (get_user_model()) without those fixtures.",
            pytrace=False,
        )
    cache.clear()
    with django_db_blocker.unblock():
        home = shared_demo.ensure_built()
        yield home
        shared_demo.remove_what_the_test_added()
    cache.clear()


@dataclass
class PageGuard:
    """What the page did that a reader's browser should never see."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    off_site_requests: list[str] = field(default_factory=list)
    expected_console_errors: list[re.Pattern] = field(default_factory=list)

    def expect_console_error(self, pattern: str) -> None:
        """Tolerate console errors matching pattern, searched in "text (url)".

        Chromium logs an error for every response with an error status, the 404 page's own
        included.
        """
        self.expected_console_errors.append(re.compile(pattern))

    def on_console(self, message) -> None:
        if message.type != "error":
            return
        location = message.location.get("url", "")
        entry = f"{message.text} ({location})" if location else message.text
        if not any(pattern.search(entry) for pattern in self.expected_console_errors):
            self.console_errors.append(entry)

    def on_page_error(self, error) -> None:
        self.page_errors.append(str(error))

    def on_route(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" == self.origin:
            route.continue_()
        else:
            self.off_site_requests.append(f"{route.request.method} {url}")
            route.abort("blockedbyclient")

    def problems(self) -> list[str]:
        return (
            [f"request to another host: {request}" for request in self.off_site_requests]
            + [f"console error: {text}" for text in self.console_errors]
            + [f"uncaught exception: {text}" for text in self.page_errors]
        )

    def clear(self) -> None:
        self.console_errors.clear()
        self.page_errors.clear()
        self.off_site_requests.clear()


@pytest.fixture
def guard(site_url):
    split = urlsplit(site_url)
    return PageGuard(origin=f"{split.scheme}://{split.netloc}")


@pytest.fixture
def page(browser, guard, site_url, request):
    """A page in a fresh context whose relative URLs go to the live server."""
    context = browser.new_context(
        base_url=site_url,
        locale="cs-CZ",
        viewport={"width": 1280, "height": 900},
        service_workers="block",
        # Only tests of the test tooling itself may plant what the site's policy forbids.
        bypass_csp=request.node.get_closest_marker("bypass_csp") is not None,
    )
    context.set_default_timeout(10_000)
    context.route("**/*", guard.on_route)
    page = context.new_page()
    page.on("console", guard.on_console)
    page.on("pageerror", guard.on_page_error)
    request.node.page_guard = (page, guard)
    yield page
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail a browser test whose page tried another host, logged an error or threw."""
    page, guard = getattr(item, "page_guard", (None, None))
    try:
        result = yield
    except BaseException:
        if guard is not None and guard.problems():
            item.add_report_section("call", "page", "\n".join(guard.problems()))
        raise
    if guard is not None:
        # A round trip to the page delivers any console event still on its way.
        if not page.is_closed():
            page.evaluate("0")
        if problems := guard.problems():
            pytest.fail("The page misbehaved:\n  " + "\n  ".join(problems), pytrace=False)
    return result
