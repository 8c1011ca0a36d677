"""An issue as e-mail: e-mail-safe HTML with inlined styles, and a generated plain-text part.

Everything that is the same for all recipients of a language is rendered once per send;
the per-recipient links are markers replaced by plain string substitution while sending.
"""

import html2text
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale

from portal.mail import absolute_url, inline_css

UNSUBSCRIBE_MARK = "%%UNSUBSCRIBE_URL%%"
PREFERENCES_MARK = "%%PREFERENCES_URL%%"
TEASER_RENDITION = "fill-1200x675|format-jpeg"


def issue_for_language(page, language: str):
    """The issue in a language: its live translation, else the Czech original."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is not None and locale.pk != page.locale_id:
        translated = page.get_translation_or_none(locale)
        if translated is not None and translated.live and translated.alias_of_id is None:
            return translated.specific
    return page.specific


def teasers(page, language: str) -> list[dict]:
    """Title, summary, image and link of each article the editor picked, in the language."""
    items = []
    for block in page.body:
        if block.block_type == "teaser":
            article = block.value["page"]
            if article is None:
                continue
            with translation.override(language):
                article = article.localized.specific
            if not article.live:
                continue
            image = None
            if article.listing_image:
                rendition = article.listing_image.get_rendition(TEASER_RENDITION)
                image = {"url": absolute_url(rendition.url), "alt": ""}
            items.append(
                {
                    "kind": "teaser",
                    "title": article.title,
                    "summary": block.value["summary"] or article.summary,
                    "url": absolute_url(article.url),
                    "image": image,
                }
            )
        elif block.block_type == "text":
            items.append({"kind": "text", "html": block.value.source})
    return items


def render_issue(source_page, language: str) -> dict:
    """subject, html, text and archive_url of an issue for one language."""
    page = issue_for_language(source_page, language)
    context = {
        "page": page,
        "items": teasers(page, language),
        "archive_url": absolute_url(page.url),
        "unsubscribe_url": UNSUBSCRIBE_MARK,
        "preferences_url": PREFERENCES_MARK,
        "language": language,
        "site_url": absolute_url("/"),
    }
    with translation.override(language):
        html = inline_css(render_to_string("newsletter/email/issue.html", context))
    return {
        "subject": page.title,
        "html": html,
        "text": as_plain_text(html),
        "archive_url": context["archive_url"],
    }


def as_plain_text(html: str) -> str:
    converter = html2text.HTML2Text()
    converter.body_width = 78
    converter.ignore_images = True
    converter.protect_links = True  # keep long URLs on one line
    converter.unicode_snob = True  # keep Czech letters as they are
    return converter.handle(html).strip() + "\n"


def sending_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]
