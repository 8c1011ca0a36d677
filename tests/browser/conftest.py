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


@pytest.fixture(scope="session")
def initial_data_kept(browser, django_db_setup, django_db_blocker):
    """What the migrations left in the test database, put back after every browser test.

    A transactional test ends by emptying every table, including the rows Wagtail's migrations
    create (root page, default site, locale, collection). Django's serialized rollback restores
    this snapshot before each following test (and keeps the flush from re-creating content
    types); after the last browser test it is restored here, so that any later test, and the
    next run reusing the database (--reuse-db), find those rows.

    It depends on `browser` on purpose: while Playwright runs, asgiref sees an event loop in
    this thread and Django hands out another connection object than before it started. The
    snapshot belongs on the one that the tests and pytest-django's flush will use.
    """
    from django.db import connection

    with django_db_blocker.unblock():
        contents = connection.creation.serialize_db_to_string()
        if '"model": "wagtailcore.locale"' not in contents:
            pytest.fail(
                "The reused test database has lost the rows Wagtail's migrations create (a run "
                "of transactional tests was interrupted?): run pytest once with --create-db.",
                pytrace=False,
            )
    connection._test_serialized_contents = contents
    yield
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(contents)
        connection.close()


@pytest.fixture
def site_url(
    initial_data_kept,
    live_server,
    transactional_db,
    django_db_serialized_rollback,
    settings,
    browser_media_root,
):
    """The live server's address, with the database as the migrations left it.

    live_server answers from another thread, so test data must be committed: transactional_db.
    The flush that follows each such test is undone by the serialized rollback.
    """
    settings.ROOT_URLCONF = "tests.browser.urls"
    settings.MEDIA_ROOT = browser_media_root
    return live_server.url


@pytest.fixture
def demo(site_url, demo_site):
    """The whole demo site, served by the live server; its home page."""
    return demo_site


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
