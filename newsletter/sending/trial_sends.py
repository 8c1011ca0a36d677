"""A test of an issue, exactly as subscribers will see it, to the editor and the test list.

A test works from a draft: an unpublished issue is shown as its latest revision; a
published one as it is live, which is what a send would deliver.
"""

from django.conf import settings
from django.core import checks
from django.utils import translation

from portal.addresses import AddressError, check_address
from portal.outbox import queue_email

from .rendering import PREFERENCES_MARK, UNSUBSCRIBE_MARK, render_issue


def addresses_for_test(user) -> list[str]:
    """The editor's own address, then the operator's test list (NEWSLETTER_TEST_ADDRESSES)."""
    addresses = []
    for address in [user.email, *settings.NEWSLETTER_TEST_ADDRESSES]:
        address = address.strip()
        if address and address.lower() not in {known.lower() for known in addresses}:
            addresses.append(address)
    return addresses


@checks.register(checks.Tags.compatibility)
def test_addresses_are_valid(app_configs, **kwargs):
    """The operator's test list gets the check every other address gets (without the DNS
    lookup, so that `check` works offline)."""
    problems = []
    for address in settings.NEWSLETTER_TEST_ADDRESSES:
        try:
            check_address(address, check_deliverability=False)
        except AddressError as error:
            problems.append(
                checks.Error(
                    f"NEWSLETTER_TEST_ADDRESSES holds an address the site refuses: {address!r}.",
                    hint=str(error.message),
                    id="newsletter.E002",
                )
            )
    return problems


def send_test(page, user) -> list[str]:
    language = translation.get_language() or "cs"
    rendered = render_issue(page if page.live else page.get_latest_revision_as_object(), language)
    placeholder = "#test"  # a test has no subscriber whose links could be made
    addresses = addresses_for_test(user)
    for address in addresses:
        _queue_test(address, rendered, placeholder, language)
    return addresses


def _queue_test(address, rendered, placeholder, language) -> None:
    queue_email(
        "newsletter/email/test_issue",
        to=address,
        context={
            "subject": rendered["subject"],
            "html": rendered["html"]
            .replace(UNSUBSCRIBE_MARK, placeholder)
            .replace(PREFERENCES_MARK, placeholder),
            "text": rendered["text"]
            .replace(UNSUBSCRIBE_MARK, placeholder)
            .replace(PREFERENCES_MARK, placeholder),
        },
        language=language,
        purpose="newsletter.test",
    )
