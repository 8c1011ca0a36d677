"""The guard every browser test runs under notices what it must notice.

Each test here plants a fault, checks that it was caught, and clears the record: otherwise
the guard would (rightly) fail the test.
"""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _site_database(committed_db):
    """Even robots.txt passes the route and page caches, which read the site from the
    database: the live server needs one, here an empty one."""


@pytest.mark.bypass_csp  # the site's CSP would stop these requests before the guard sees them
def test_requests_to_other_hosts_are_aborted_and_recorded(page, guard, site_url):
    page.goto("/robots.txt")
    port = site_url.rsplit(":", 1)[1]
    outcomes = page.evaluate(
        """async (urls) => Promise.all(urls.map(
            (url) => fetch(url).then(() => "reached", () => "refused")))""",
        ["https://example.org/tracker.js", f"http://127.0.0.1:{port}/robots.txt"],
    )
    # 127.0.0.1 is the live server under another name: still not the origin under test.
    assert outcomes == ["refused", "refused"]
    assert sorted(guard.off_site_requests) == [
        "GET http://127.0.0.1:" + port + "/robots.txt",
        "GET https://example.org/tracker.js",
    ]
    assert any("request to another host" in problem for problem in guard.problems())
    guard.clear()


def test_console_errors_and_uncaught_exceptions_are_recorded(page, guard):
    page.goto("/robots.txt")
    page.evaluate("console.error('planted console error')")
    page.evaluate("console.warn('a warning is not an error')")
    page.evaluate("setTimeout(() => { throw new Error('planted exception'); }, 0)")
    page.wait_for_timeout(100)
    assert guard.console_errors == ["planted console error"]
    assert guard.page_errors and "planted exception" in guard.page_errors[0]
    assert len(guard.problems()) == 2
    guard.clear()


def test_an_expected_console_error_is_tolerated_and_no_other(page, guard):
    guard.expect_console_error(r"^expected: 404")
    page.goto("/robots.txt")
    page.evaluate("console.error('expected: 404 for this page')")
    page.evaluate("console.error('unexpected: something else')")
    page.evaluate("0")
    assert guard.console_errors == ["unexpected: something else"]
    guard.clear()
