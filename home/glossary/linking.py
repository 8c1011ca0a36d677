"""Links the first use of each glossary term in a page's text to its entry in the glossary.

Works on the rendered HTML with a parser, never with patterns over markup: text inside a
link, a heading, a summary of an accordion or another term is left alone. The terms of a
language are read once and kept in the cache until a term or the glossary page changes.
"""

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString
from bs4.element import Comment, Declaration, ProcessingInstruction
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from home.glossary.models import GlossaryPage, GlossaryTerm
from home.pages.querysets import published

CACHE_KEY = "glossary-links:{language}"
SKIPPED_ELEMENTS = {
    "a", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "button", "label", "code", "pre",
    "script", "style", "abbr", "dfn", "template", "textarea", "select", "option",
}  # fmt: skip


@dataclass(frozen=True)
class Entry:
    term: str
    forms: tuple[str, ...]
    url: str
    title: str


def _exact_case(form: str) -> bool:
    # Abbreviations (MOP, ORP, NNO) match only in capitals: "mop" is a different word.
    return form.isupper() and len(form) <= 6


def link_terms(html: str, entries: list[Entry]) -> str:
    """The HTML with the first occurrence of each entry linked; unchanged without a match."""
    if not entries or not html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    link_terms_in(soup, entries)
    return str(soup)


def link_terms_in(soup, entries: list[Entry]) -> None:
    """Link the first occurrence of each entry in a parsed document, in place."""
    if not entries:
        return
    by_form = {}
    for entry in entries:
        for form in entry.forms:
            by_form.setdefault(form.casefold(), (form, entry))
    alternatives = sorted(by_form, key=len, reverse=True)
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(form) for form in alternatives) + r")(?!\w)",
        re.IGNORECASE,
    )
    linked: set[str] = set()
    for node in list(soup.find_all(string=True)):
        if isinstance(node, Comment | Declaration | ProcessingInstruction):
            continue
        if any(parent.name in SKIPPED_ELEMENTS for parent in node.parents):
            continue
        _link_in_text(soup, node, pattern, by_form, linked)


def _link_in_text(soup, node, pattern, by_form, linked):
    text = str(node)
    pieces = []
    position = 0
    for match in pattern.finditer(text):
        form, entry = by_form[match.group(1).casefold()]
        if entry.url in linked or (_exact_case(form) and match.group(1) != form):
            continue
        linked.add(entry.url)
        pieces.append(NavigableString(text[position : match.start()]))
        link = soup.new_tag("a", href=entry.url, title=entry.title)
        link["class"] = "glossary-term"
        link.string = match.group(1)
        pieces.append(link)
        position = match.end()
    if pieces:
        pieces.append(NavigableString(text[position:]))
        node.replace_with(*pieces)


def entries_for(language: str) -> list[Entry]:
    """The glossary entries of a language, from the cache or in two queries when cold."""
    key = CACHE_KEY.format(language=language)
    entries = cache.get(key)
    if entries is None:
        entries = _load(language)
        cache.set(key, entries, timeout=None)
    return entries


def _load(language: str) -> list[Entry]:
    glossary = published(GlossaryPage.objects.filter(locale__language_code=language)).first()
    if glossary is None:
        return []
    base = glossary.url
    return [
        Entry(
            term=term.term,
            forms=tuple(term.forms),
            url=f"{base}#{term.slug}",
            title=f"{term.term}: {term.short_definition}",
        )
        for term in GlossaryTerm.objects.filter(locale__language_code=language)
    ]


def forget_entries(**_kwargs):
    cache.delete_many([CACHE_KEY.format(language=code) for code, _name in settings.LANGUAGES])


def connect_signals():
    """A changed term, or a glossary page published, moved or deleted, empties the cache."""
    for signal in (post_save, post_delete):
        signal.connect(forget_entries, sender=GlossaryTerm, dispatch_uid="glossary-terms")
        signal.connect(forget_entries, sender=GlossaryPage, dispatch_uid="glossary-page")
    for signal in (page_published, page_unpublished):
        signal.connect(forget_entries, sender=GlossaryPage, dispatch_uid="glossary-page")
