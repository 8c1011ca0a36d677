"""A reader subscribes in the footer, confirms from the e-mail, receives an issue and
unsubscribes in one click; axe-core checks every page on the way, error state included."""

import re

import pytest
from django.core import mail

from newsletter.models import Subscriber
from newsletter.sending.sends import process_send, start_send

from .test_accessibility import check_pages

pytestmark = pytest.mark.browser


@pytest.fixture
def humans_may_be_quick(settings):
    # A browser under test fills the form in milliseconds; the time-trap is tested elsewhere.
    settings.FORM_MIN_FILL_SECONDS = 0


def link_from(message, pattern):
    match = re.search(rf"https?://[^/\s]+([^\s<>()]*{pattern}[^\s<>()]*)", message.body)
    assert match, message.body
    return match.group(1)


def test_reader_subscribes_confirms_receives_an_issue_and_unsubscribes(
    page, demo, humans_may_be_quick
):
    page.goto("/metodika/")
    footer = page.locator("footer")
    footer.get_by_label("Váš e-mail").fill("jana.novakova@seznam.cz")
    footer.get_by_role("button", name="Přihlásit se").click()
    page.wait_for_url("**/odber/zkontrolujte-schranku/")
    assert "Zkontrolujte svou e-mailovou schránku" in page.locator("h1").inner_text()

    [confirmation] = mail.outbox
    assert confirmation.to == ["jana.novakova@seznam.cz"]
    page.goto(link_from(confirmation, "/odber/potvrdit/"))
    subscriber = Subscriber.objects.get(email="jana.novakova@seznam.cz")
    assert subscriber.status == "pending"  # opening the link changed nothing
    page.get_by_role("button", name="Potvrdit odběr").click()
    assert "Odběr je potvrzen" in page.locator("h1").inner_text()
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"
    assert subscriber.consent_page == "/metodika/"

    from newsletter.models import BulletinIndexPage
    from tests.newsletter.factories import BulletinPageFactory

    issue = BulletinPageFactory(parent=BulletinIndexPage.objects.get(locale__language_code="cs"))
    issue.save_revision().publish()
    mail.outbox.clear()
    process_send.call(start_send(issue).pk)
    # The issue goes to every confirmed subscriber (the demo has some), once each, in the
    # subscriber's language.
    readers = dict(Subscriber.objects.confirmed().values_list("email", "language"))
    sent = {message.to[0]: message.extra_headers["Content-Language"] for message in mail.outbox}
    assert len(mail.outbox) == len(sent)
    assert sent == readers
    [bulletin] = [message for message in mail.outbox if message.to == [subscriber.email]]
    assert bulletin.subject == issue.title
    assert bulletin.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    page.goto(link_from(bulletin, "/odber/odhlasit/"))
    page.get_by_role("button", name="Odhlásit odběr").click()
    assert "Odběr byl odhlášen" in page.locator("h1").inner_text()
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


def test_bad_address_in_the_footer_shows_the_error_summary_with_focus(
    page, demo, humans_may_be_quick, guard
):
    guard.expect_console_error(r"status of 400")
    page.goto("/")
    page.locator("footer").get_by_label("Váš e-mail").fill("jana.seznam.cz")
    page.locator("footer").get_by_role("button", name="Přihlásit se").click()
    page.wait_for_url("**/odber/")
    assert page.title().startswith("Chyba: ")
    summary = page.locator("[data-error-summary]")
    assert "Neplatný e-mail." in summary.inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert page.locator("#id_email").input_value() == "jana.seznam.cz"
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "id_email"


def test_bulletin_pages_have_no_axe_violations(page, demo, humans_may_be_quick, guard, axe):
    from newsletter.tokens import make_confirm_token, make_manage_token
    from tests.newsletter.factories import SubscriberFactory

    subscriber = SubscriberFactory(status="pending")
    check_pages(
        page,
        guard,
        axe,
        [
            ("/zpravodaj/", 200),
            ("/odber/", 200),
            ("/odber/zkontrolujte-schranku/", 200),
            (f"/odber/potvrdit/{make_confirm_token(subscriber)}/", 200),
            (f"/odber/odhlasit/{make_manage_token(subscriber)}/", 200),
            (f"/odber/nastaveni/{make_manage_token(subscriber)}/", 200),
            ("/en/subscription/", 200),
        ],
    )
    # The error state, as the footer form leaves it.
    guard.expect_console_error(r"status of 400")
    page.goto("/")
    page.locator("footer").get_by_label("Váš e-mail").fill("@")
    page.locator("footer").get_by_role("button", name="Přihlásit se").click()
    page.wait_for_url("**/odber/")
    from .test_accessibility import describe, run_axe

    violations = run_axe(axe, page)["violations"]
    assert not violations, describe(violations)


def test_a_quick_reader_is_asked_to_confirm_and_one_click_subscribes(page, demo, axe):
    """Autofill and Enter beat the time-trap: the reader is asked once more, never told that
    a sign-up succeeded which no e-mail would follow."""
    import time

    from portal import form_checks

    page.goto("/metodika/")
    footer = page.locator("footer")
    footer.get_by_label("Váš e-mail").fill("rychla.ctenarka@seznam.cz")
    footer.get_by_label("Váš e-mail").press("Enter")  # at once: well under 3 seconds
    confirm = page.get_by_role("button", name="Potvrďte přihlášení")
    confirm.wait_for()
    assert (
        page.locator("[data-second-step]")
        .inner_text()
        .startswith("Formulář byl odeslán velmi rychle")
    )
    assert page.locator("#id_email").input_value() == "rychla.ctenarka@seznam.cz"
    assert page.locator("main form.signup-form button").count() == 1
    assert (
        mail.outbox == []
        and not Subscriber.objects.filter(email="rychla.ctenarka@seznam.cz").exists()
    )
    from .test_accessibility import describe, run_axe

    violations = run_axe(axe, page)["violations"]
    assert not violations, describe(violations)

    time.sleep(1.1)  # a person reads the line and presses the button
    confirm.click()
    page.wait_for_url("**/odber/zkontrolujte-schranku/")
    assert "Zkontrolujte svou e-mailovou schránku" in page.locator("h1").inner_text()
    [confirmation] = mail.outbox
    assert confirmation.to == ["rychla.ctenarka@seznam.cz"]
    subscriber = Subscriber.objects.get(email="rychla.ctenarka@seznam.cz")
    assert (subscriber.status, subscriber.source) == ("pending", "footer")
    assert subscriber.consent_page == "/metodika/"
    assert form_checks.counts("newsletter-signup") == {"asked_to_confirm": 1, "confirmed": 1}
