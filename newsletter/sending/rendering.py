"""An issue as e-mail: e-mail-safe HTML with inlined styles, and a plain-text part written for
reading as text (newsletter/email/issue.txt: every link spelled out, no markup).

Everything that is the same for all recipients of a language is rendered once per send;
the per-recipient links are markers replaced by plain string substitution while sending.
"""

import re

from bs4 import BeautifulSoup, NavigableString
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html

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
            items.append(
                {
                    "kind": "text",
                    "html": block.value.source,
                    "text": rich_text_as_plain(block.value.source),
                }
            )
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
        text = render_to_string(
            "newsletter/email/issue.txt",
            {**context, "intro_text": rich_text_as_plain(page.intro)},
        )
    return {
        "subject": page.title,
        "html": html,
        "text": tidy_text(text),
        "archive_url": context["archive_url"],
    }


BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "div", "blockquote")


def rich_text_as_plain(source: str) -> str:
    """An editor's rich text (Wagtail's stored form) as plain text: paragraphs apart, list
    items as "- ", and each link as its text followed by its absolute address, so that a
    reader of the text part can still follow it."""
    soup = BeautifulSoup(expand_db_html(source), "html.parser")
    for link in soup.find_all("a"):
        label = link.get_text(" ", strip=True)
        href = absolute_url(link["href"]) if link.get("href", "").startswith("/") else ""
        href = href or link.get("href", "")
        if href.startswith(("http://", "https://", "mailto:")) and href != label:
            link.replace_with(NavigableString(f"{label} ({href.removeprefix('mailto:')})"))
        else:
            link.replace_with(NavigableString(label))
    for br in soup.find_all("br"):
        br.replace_with(NavigableString("\n"))
    for item in soup.find_all("li"):
        item.insert(0, NavigableString("- "))
        item.append(NavigableString("\n"))
    for block in soup.find_all(BLOCKS):
        block.append(NavigableString("\n\n"))
    return tidy_text(soup.get_text()).strip()


def tidy_text(text: str) -> str:
    """Spaces collapsed within lines, no trailing blanks, at most one empty line in a row."""
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def sending_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]
