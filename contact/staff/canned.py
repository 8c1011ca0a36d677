"""Canned answers as staff use them: in the requester's language, links resolved."""

from wagtail.models import Page

from contact.models import CannedAnswer
from contact.models.i18n import one_per_translation
from home.pages.querysets import published
from portal.mail import absolute_url


def canned_answers_for(language: str) -> list[CannedAnswer]:
    answers = one_per_translation(CannedAnswer.objects.select_related("locale"), language)
    return sorted(answers, key=lambda answer: answer.title)


def canned_reply(answer: CannedAnswer, language: str, request=None) -> str:
    """The text a reply starts from: the answer in the requester's language, then each linked
    page, in that language when it has a live translation, with an address that works from a
    mailbox."""
    answer = _in_language(answer, language)
    lines = [answer.body.strip()]
    pages = [block.value for block in answer.links if block.value is not None]
    if pages:
        lines.append("")
        for page in pages:
            page = _page_in_language(page, language)
            lines.append(f"{page.title}: {absolute_url(page.get_url(request) or '/')}")
    return "\n".join(lines)


def _in_language(answer: CannedAnswer, language: str) -> CannedAnswer:
    if answer.locale.language_code == language:
        return answer
    translations = CannedAnswer.objects.filter(translation_key=answer.translation_key)
    return translations.filter(locale__language_code=language).first() or answer


def _page_in_language(page: Page, language: str) -> Page:
    translated = (
        published(Page.objects.filter(translation_key=page.translation_key))
        .filter(locale__language_code=language, alias_of__isnull=True)
        .first()
    )
    return translated or page
