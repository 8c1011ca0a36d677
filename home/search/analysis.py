"""Diacritic- and case-insensitive search that behaves the same on PostgreSQL and SQLite.

PostgreSQL ships no Czech dictionary and its unaccent extension is not available everywhere,
so text is folded here, in Python: pages index a folded copy of their text
(``SearchableMixin.folded_search_text``) and queries are folded the same way before they
reach the search backend. "SPOLUPRÁCE", "spolupráce" and "spoluprace" all become
"spoluprace".
"""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def clean_query(raw: str) -> str:
    """What the reader typed, made safe to show back and to search with.

    Control characters go, whitespace collapses and the length is capped, so that a
    10,000-character or binary query is an ordinary request.
    """
    printable = "".join(ch if ch.isprintable() else " " for ch in raw[: MAX_QUERY_LENGTH * 5])
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def query_terms(query: str) -> list[str]:
    """Folded words of a query; punctuation (SQL, HTML, FTS operators) never reaches SQL."""
    terms = []
    for word in _WORD.findall(fold(query)):
        if word not in terms:
            terms.append(word)
    return terms[:MAX_QUERY_TERMS]


def highlight(text: str, terms: list[str], length: int = 260) -> str:
    """An escaped excerpt of text around the first match, with matched words in <mark>.

    Only <mark> is ever added; everything from the text itself is escaped.
    """
    if not text:
        return ""
    words = list(_WORD.finditer(text))
    matches = [m for m in words if any(fold(m.group()).startswith(t) for t in terms)]
    start = 0
    if matches and matches[0].start() > length // 3:
        start = text.rfind(" ", 0, matches[0].start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + length // 2)
    pieces = ["…" if start > 0 else ""]
    cursor = start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(escape(text[cursor : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        cursor = match.end()
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece above is escaped
