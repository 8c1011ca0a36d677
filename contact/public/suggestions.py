"""Articles that may already answer a question, suggested while the person writes it.

Each suggestion shown is recorded against the form's visit id, and its link goes through a
redirect that records the click, so the team sees how many questions the content answered
(people who followed a suggestion and then did not write).
"""

import re
import secrets

from django.core import signing
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from wagtail.models import Locale

from contact.models import ArticleSuggestion
from home.pages.models import ArticlePage
from home.search.analysis import query_terms
from home.search.hits import wagtail_query

MAX_SUGGESTIONS = 3
MIN_QUESTION_LENGTH = 15
# Short words ("a", "v", "je", "jak", "obec") say little about what someone asks.
MIN_WORD_LENGTH = 4
_VISIT = re.compile(r"^[0-9a-f]{32}$")
_SIGNER = signing.Signer(salt="contact.suggestion")


def new_visit() -> str:
    return secrets.token_hex(16)


def valid_visit(value: str) -> str:
    return value if isinstance(value, str) and _VISIT.match(value) else ""


def suggest(question: str, language: str) -> list[ArticlePage]:
    """Up to three live, public articles in the reader's language that share words with the
    question, best match first."""
    if len(question.strip()) < MIN_QUESTION_LENGTH:
        return []
    words = [word for word in query_terms(question) if len(word) >= MIN_WORD_LENGTH]
    locale = Locale.objects.filter(language_code=language).first()
    if not words or locale is None:
        return []
    # The site search's analysis (stems, synonyms), any word enough: a question is long.
    query = wagtail_query(" ".join(words), language, any_word=True)
    if query is None:
        return []
    found = (
        # The search backend filters only on indexed fields: the locale, not its code.
        ArticlePage.objects.live().public().filter(locale=locale).search(query)
    )
    return list(found[:MAX_SUGGESTIONS])


def record_shown(visit: str, pages, language: str) -> None:
    if visit:
        # A suggestion shown again to the same visit is counted once.
        ArticleSuggestion.objects.bulk_create(
            [ArticleSuggestion(visit=visit, page_id=page.pk, language=language) for page in pages],
            ignore_conflicts=True,
        )


def follow_token(visit: str, page_id: int) -> str:
    """A signed "<page>_<visit>_<signature>": only word characters and hyphens, as Wagtail's
    page addresses allow, and nobody can forge a click on another page or visit."""
    value = f"{page_id}_{visit}"
    return f"{value}_{_SIGNER.signature(value)}"


def read_follow_token(token: str) -> tuple[str, int] | None:
    page_id, _sep, rest = token.partition("_")
    visit, _sep, signature = rest.partition("_")
    value = f"{page_id}_{visit}"
    if not (page_id.isdigit() and (visit == "" or valid_visit(visit))):
        return None
    if not constant_time_compare(signature, _SIGNER.signature(value)):
        return None
    return visit, int(page_id)


def record_followed(visit: str, page_id: int) -> None:
    if visit:
        ArticleSuggestion.objects.filter(visit=visit, page_id=page_id, followed_at=None).update(
            followed_at=timezone.now()
        )
