"""The one way the portal builds an e-mail: HTML and text from templates, in the site's
layout, in the recipient's language, with CSS inlined for mail clients.

Templates come in threes: <name>_subject.txt, <name>.txt and <name>.html (the HTML extends
email/base.html). Sending is the caller's business (tasks, with retries); building never
touches the network; portal.outbox stores what render_email made and sends the message
email_message builds from it.
"""

from functools import lru_cache
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


@lru_cache(maxsize=1)
def _inliner():
    # Imported when the first e-mail is built: web workers that only serve pages never need it.
    import css_inline

    return css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


def absolute_url(path: str) -> str:
    """An address readers can follow from their mailbox (BASE_URL is the public address)."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", path.lstrip("/"))


def render_email(template: str, context: dict, language: str) -> tuple[str, str, str]:
    """(subject, text, html) of a templated e-mail, rendered in the given language."""
    with translation.override(language):
        context = {"language": language, "site_url": absolute_url("/"), **context}
        subject = render_to_string(f"{template}_subject.txt", context)
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    # One line, no header injection: a subject never carries a newline from a template.
    subject = " ".join(subject.split())
    return subject, text.strip() + "\n", inline_css(html)


def inline_css(html: str) -> str:
    return _inliner().inline(html)


def email_message(
    subject: str,
    text: str,
    html: str,
    to: str,
    headers: dict | None = None,
    reply_to: list[str] | None = None,
    connection=None,
) -> EmailMultiAlternatives:
    """The message for rendered texts (render_email), as the outbox stored them."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers or {},
        reply_to=reply_to or None,
        connection=connection,
    )
    if html:  # a row whose HTML was scrubbed goes as text only rather than as an empty part
        message.attach_alternative(html, "text/html")
    return message
