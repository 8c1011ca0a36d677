"""Editors' day, item 8, in a real browser: the bulletin operator's send goes through a
confirmation that names the issue and the recipients per language (axe-clean); going back
sends nothing, confirming creates the send once; and a test goes to the operator and the test
list from a draft, before the issue is published.

What the views decide is unit-tested in tests/newsletter/test_send_confirmation.py; this is
the operator's way through them, from the page editor's button."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from playwright.sync_api import expect

from newsletter.models import BulletinIndexPage, Send
from newsletter.sending import sends
from tests.newsletter.factories import BulletinPageFactory

from .admin import czech_staff, sign_in
from .test_accessibility import describe, run_axe

pytestmark = pytest.mark.browser

PASSWORD = "heslo-pro-provozovatele-123"
OPERATOR_EMAIL = "provoz@mpsv.example"
TEST_LIST = ["kontrola@mpsv.example", "zkouska@seznam.cz"]


@pytest.fixture
def operator(page, demo):
    """The bulletin's operator (Moderators, with the send permission), signed in, Czech."""
    user = czech_staff("provozovatel", PASSWORD, ["Moderators"], email=OPERATOR_EMAIL)
    user.user_permissions.add(Permission.objects.get(codename="send_bulletin"))
    return sign_in(page, user.username, PASSWORD)


@pytest.fixture
def launched(monkeypatch):
    """The sends whose workers were started; none are, so nothing goes out here."""
    started = []
    monkeypatch.setattr(sends, "launch_workers", lambda send_id, count=2: started.append(send_id))
    return started


def _issue(title, live=True):
    index = BulletinIndexPage.objects.get(locale__language_code="cs")
    issue = BulletinPageFactory(parent=index, title=title, live=live)
    revision = issue.save_revision()
    if live:
        revision.publish()
    return issue


def _open_send_from_the_editor(page, issue):
    page.goto(f"/admin/pages/{issue.pk}/edit/")
    button = page.get_by_role("link", name="Rozeslat odběratelům")
    if not button.is_visible():  # among the header's further actions
        page.locator(".w-slim-header [data-w-dropdown-target=toggle]").last.click()
    button.click()
    page.wait_for_url(f"**/admin/bulletin/send/{issue.pk}/")


def _assert_axe_clean(axe, page):
    violations = run_axe(axe, page)["violations"]
    assert not violations, describe(violations)


def _counts_on(page):
    rows = page.locator("tr[data-language]")
    return {
        rows.nth(index).get_attribute("data-language"): int(
            rows.nth(index).locator("[data-recipients]").inner_text()
        )
        for index in range(rows.count())
    }


def test_the_operator_confirms_a_send_that_names_the_issue_and_its_recipients(
    operator, launched, axe
):
    page = operator
    issue = _issue("Zpravodaj – leden 2027")
    expected = sends.recipients_by_language()
    assert sum(expected.values()) > 0, "the demo has confirmed subscribers"

    _open_send_from_the_editor(page, issue)
    page.get_by_role("button", name="Rozeslat všem potvrzeným odběratelům").click()

    # The confirmation: the issue, the count per language, the total on the button.
    confirmation = page.locator("[data-send-confirmation]")
    expect(confirmation).to_be_visible()
    expect(page.locator("[data-issue-title]")).to_have_text(issue.title)
    assert _counts_on(page) == expected
    total = sum(expected.values())
    confirm = page.locator("[data-confirm-send]")
    expect(confirm).to_have_text(re.compile(rf"Ano, rozeslat {total} odběratel"))
    expect(page).to_have_title(re.compile("Potvrzení rozeslání zpravodaje"))
    _assert_axe_clean(axe, page)
    assert not Send.objects.filter(page=issue).exists()

    # Back: nothing is sent.
    page.locator("[data-back]").click()
    page.wait_for_url(f"**/admin/bulletin/send/{issue.pk}/")
    expect(page.get_by_role("button", name="Rozeslat všem potvrzeným odběratelům")).to_be_visible()
    assert not Send.objects.filter(page=issue).exists() and launched == []
    assert mail.outbox == []

    # Confirmed: one send, started once.
    page.get_by_role("button", name="Rozeslat všem potvrzeným odběratelům").click()
    page.locator("[data-confirm-send]").wait_for()
    confirmation_fields = page.evaluate(
        "() => [...new FormData(document.querySelector('[data-confirm-send]').form)]"
    )
    page.locator("[data-confirm-send]").click()
    page.wait_for_url("**/admin/bulletin/sends/*/")
    [send] = Send.objects.filter(page=issue)
    assert launched == [send.pk]
    expect(page.locator("main")).to_contain_text(issue.title)

    # The confirmation posted a second time (a double click, a resent form) starts nothing
    # more, and the send page says why: an issue goes out once.
    status = page.evaluate(
        """async ([url, fields]) => {
            const body = new URLSearchParams(fields);
            const response = await fetch(url, {method: "POST", body, redirect: "manual"});
            return response.status;
        }""",
        [f"/admin/bulletin/send/{issue.pk}/", confirmation_fields],
    )
    assert status in (0, 200, 302), status  # 0: an opaque redirect, not followed
    assert Send.objects.filter(page=issue).count() == 1
    assert launched == [send.pk]
    page.go_back()
    page.wait_for_url(f"**/admin/bulletin/send/{issue.pk}/**")
    expect(page.locator("main")).to_contain_text("Toto číslo už bylo odesláno nebo naplánováno")
    expect(page.locator("[data-confirm-send]")).to_have_count(0)


def test_a_test_goes_to_the_operator_and_the_test_list_from_a_draft(
    operator, launched, settings, axe
):
    page = operator
    settings.NEWSLETTER_TEST_ADDRESSES = TEST_LIST
    draft = _issue("Zpravodaj – únor 2027 (koncept)", live=False)
    mail.outbox.clear()

    _open_send_from_the_editor(page, draft)
    test_button = page.get_by_role("button", name=re.compile("Poslat zkoušku na"))
    expect(test_button).to_have_text(f"Poslat zkoušku na {OPERATOR_EMAIL}, {', '.join(TEST_LIST)}")
    _assert_axe_clean(axe, page)

    test_button.click()
    page.wait_for_url(f"**/admin/bulletin/send/{draft.pk}/")
    expect(page.locator(".messages")).to_contain_text("Zkušební e-mail byl odeslán na")
    assert sorted(message.to[0] for message in mail.outbox) == sorted([OPERATOR_EMAIL, *TEST_LIST])
    assert {message.subject for message in mail.outbox} == {f"[TEST] {draft.title}"}
    # No axe check here: Wagtail's own success banner (white on #298d6f, 4.09:1) is short of
    # 4.5:1, an admin style of Wagtail's, not of this page.

    # Still a draft: the real send is refused until the issue is published.
    page.get_by_role("button", name="Rozeslat všem potvrzeným odběratelům").click()
    expect(page.locator(".messages")).to_contain_text("Před odesláním číslo zveřejněte.")
    assert not Send.objects.filter(page=draft).exists() and launched == []
    draft.refresh_from_db()
    assert not draft.live
