"""Links the first use of each glossary term in a page's text to its entry in the glossary.

Works on the rendered HTML with a parser, never with patterns over markup: text inside a
link, a heading, a summary of an accordion or another term is left alone. The terms of a
language are read once and kept in the cache until a term or the glossary page changes.
"""

import functools
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
from home.search.analysis import PREFIX_LENGTH, word_stems

_WORD = re.compile(r"\w+")

CACHE_KEY = "glossary-links:v2:{language}"
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
    language: str = "cs"


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
    """Link the first occurrence of each entry in a parsed document, in place.

    A form matches word by word through the site search's analysis (home.search): the same
    stem, so "sociálního bytu" finds the term "sociální byt" without an editor listing that
    form. Abbreviations (NNO, MOP) match only as written.
    """
    if not entries:
        return
    forms = _FormIndex(entries)
    linked: set[str] = set()
    for node in list(soup.find_all(string=True)):
        if isinstance(node, Comment | Declaration | ProcessingInstruction):
            continue
        if any(parent.name in SKIPPED_ELEMENTS for parent in node.parents):
            continue
        _link_in_text(soup, node, forms, linked)


@functools.lru_cache(maxsize=20000)
def _stems(word: str, language: str) -> frozenset[str]:
    """The word's stems without the shared beginnings the search also tries, which are too
    loose to link a term by (they were cut from a longer stem of the same word)."""
    stems = word_stems(word, language)
    return frozenset(
        stem
        for stem in stems
        if not (len(stem) == PREFIX_LENGTH and any(o != stem and o.startswith(stem) for o in stems))
    )


@dataclass(frozen=True)
class _Form:
    words: tuple[str, ...]
    entry: Entry
    exact_case: bool


class _FormIndex:
    """Every form of every entry, found by the stems of its first word. The entries are of
    one language, the page's (entries_for)."""

    def __init__(self, entries):
        self.language = entries[0].language
        self.by_stem: dict[str, list[_Form]] = {}
        self.by_word: dict[str, list[_Form]] = {}
        for entry in entries:
            for text in entry.forms:
                words = tuple(_WORD.findall(text))
                if not words:
                    continue
                form = _Form(words, entry, _exact_case(text))
                self.by_word.setdefault(words[0].casefold(), []).append(form)
                if not form.exact_case:
                    for stem in _stems(words[0], self.language):
                        self.by_stem.setdefault(stem, []).append(form)
        for forms in (*self.by_stem.values(), *self.by_word.values()):
            forms.sort(key=lambda form: len(form.words), reverse=True)  # longest first

    def candidates(self, word: str) -> list[_Form]:
        found = list(self.by_word.get(word.casefold(), ()))
        for stem in _stems(word, self.language):
            found += [form for form in self.by_stem.get(stem, ()) if form not in found]
        return sorted(found, key=lambda form: len(form.words), reverse=True)


def _same(form_word: str, word: str, form: _Form) -> bool:
    if form.exact_case:
        return form_word == word
    if form_word.casefold() == word.casefold():
        return True
    language = form.entry.language
    return bool(_stems(form_word, language) & _stems(word, language))


def _match_at(text, tokens, index, forms, linked):
    """The form of a not yet linked entry that starts at tokens[index], and its last token."""
    for form in forms.candidates(tokens[index].group()):
        if form.entry.url in linked:
            continue
        last = index + len(form.words) - 1
        if last >= len(tokens):
            continue
        window = tokens[index : last + 1]
        # The words of a term stand next to each other, with only spaces between.
        gaps = (text[a.end() : b.start()] for a, b in zip(window, window[1:], strict=False))
        if any(gap.strip() for gap in gaps):
            continue
        if all(_same(w, t.group(), form) for w, t in zip(form.words, window, strict=True)):
            return form, last
    return None


def _link_in_text(soup, node, forms, linked):
    text = str(node)
    tokens = list(_WORD.finditer(text))
    pieces = []
    position = 0
    index = 0
    while index < len(tokens):
        found = _match_at(text, tokens, index, forms, linked)
        if found is None:
            index += 1
            continue
        form, last = found
        start, end = tokens[index].start(), tokens[last].end()
        linked.add(form.entry.url)
        pieces.append(NavigableString(text[position:start]))
        link = soup.new_tag("a", href=form.entry.url, title=form.entry.title)
        link["class"] = "glossary-term"
        link.string = text[start:end]
        pieces.append(link)
        position = end
        index = last + 1
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
            language=language,
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
