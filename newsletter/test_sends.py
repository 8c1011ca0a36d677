"""A test of an issue to the editor's own address, exactly as subscribers will see it."""

from django.utils import translation

from portal.outbox import queue_email

from .rendering import PREFERENCES_MARK, UNSUBSCRIBE_MARK, render_issue


def send_test(page, user) -> None:
    language = translation.get_language() or "cs"
    rendered = render_issue(page, language)
    placeholder = "#test"  # a test has no subscriber whose links could be made
    queue_email(
        "newsletter/email/test_issue",
        to=user.email,
        context={
            "subject": rendered["subject"],
            "html": rendered["html"]
            .replace(UNSUBSCRIBE_MARK, placeholder)
            .replace(PREFERENCES_MARK, placeholder),
            "text": rendered["text"],
        },
        language=language,
        purpose="newsletter.test",
    )
