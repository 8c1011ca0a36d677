"""Editors' day, item 7, in a real browser: a new bulletin issue published while the page
editor's first autosave is still on its way back (home/editorial/create_race.py).

The autosave's request reaches the server and creates the draft; its answer is held back, as
on a slow connection, so the form still posts to the create view when Publish is clicked.
Wagtail alone answers "slug in use" and leaves the draft unpublished, or a 500."""

import contextlib
import time

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from newsletter.models import BulletinIndexPage, BulletinPage

from .admin import czech_staff, sign_in

pytestmark = pytest.mark.browser

PASSWORD = "heslo-pro-redaktorku-123"
TITLE = "Zpravodaj – závod s automatickým ukládáním"
SLUG = "zpravodaj-zavod-s-automatickym-ukladanim"


@pytest.fixture
def publisher(page, demo):
    """A Czech editor who may publish (Wagtail's Moderators), signed in."""
    user = czech_staff("vydavatelka", PASSWORD, ["Moderators"], first_name="Věra")
    return sign_in(page, user.username, PASSWORD)


def _wait_for(page, condition, seconds=10.0):
    """Polls condition; Playwright's waits let the route handlers run meanwhile."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        page.wait_for_timeout(100)
    return False


def test_publishing_while_the_first_autosave_is_under_way_publishes_the_issue(publisher, guard):
    page = publisher
    held = []

    def hold_the_autosaves_answer(route):
        request = route.request
        if request.method == "POST" and request.headers.get("accept") == "application/json":
            held.append((route, route.fetch()))  # the server has created the draft
        else:
            route.fallback()

    index = BulletinIndexPage.objects.get(locale__language_code="cs")
    page.route("**/admin/pages/add/**", hold_the_autosaves_answer)
    statuses = []
    page.on("response", lambda response: statuses.append((response.status, response.url)))

    page.goto(f"/admin/pages/add/newsletter/bulletinpage/{index.pk}/")
    # Wagtail notes the form's first state 2 s after loading and autosaves what differs
    # from it; a person takes longer than that to start typing.
    page.wait_for_timeout(2500)
    page.fill("#id_title", TITLE)
    page.locator("#id_title").blur()  # the slug follows the title
    page.fill("#id_issue_date", "2026-12-03")
    page.locator("#id_issue_date").press("Escape")
    intro = page.locator("[data-contentpath=intro] [contenteditable=true]")
    intro.click()
    intro.type("Co je nového v sociálním bydlení.")

    # The autosave creates the draft; its answer is still on the way.
    assert _wait_for(page, lambda: held), "the autosave never fired"
    assert BulletinPage.objects.filter(slug=SLUG).exists()
    assert held, "the autosave's answer was not held back"
    form_action = page.locator("#page-edit-form").get_attribute("action")
    assert "/admin/pages/add/" in form_action, "the form still posts to the create view"

    # Publish, from the action menu's dropdown.
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(f"**/admin/pages/{index.pk}/")
    expect(page.locator(".messages")).to_contain_text("zveřejněna")

    issues = BulletinPage.objects.filter(slug=SLUG)
    assert issues.count() == 1
    issue = issues.get()
    assert issue.live and issue.title == TITLE
    assert not [status for status, _url in statuses if status >= 500], statuses
    assert not guard.problems(), guard.problems()
    for route, response in held:  # the answer comes too late: the editor is elsewhere
        with contextlib.suppress(PlaywrightError):  # the page that asked has gone
            route.fulfill(response=response)
    guard.clear()  # only what the late answer to a page that has gone may have logged
    page.goto(issue.url)
    expect(page.locator("h1")).to_have_text(TITLE)
