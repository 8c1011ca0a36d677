""" "Did you mean …?" from the index's own vocabulary (SearchWord).

The vocabulary is every word of the published pages that the search indexes, folded, with
its written form; it is rebuilt after ``update_index`` (home.search.reindex, the
``update_search_vocabulary`` command) and grows as pages are published. For a query
without results, each word the vocabulary lacks is replaced by the closest word it has:
trigram similarity (pg_trgm, whose GIN index answers it) on PostgreSQL, difflib's ratio
over the words of the same initial elsewhere. A suggestion is offered only for a search
that found nothing.
"""

import difflib
from collections import Counter

from django.db import connection
from django.utils import translation

from home.search.analysis import STOPWORDS, fold, words_of
from home.search.models import SearchWord

MIN_WORD_LENGTH = 3
MAX_WORD_LENGTH = 60
MAX_UNKNOWN_WORDS = 3
DIFFLIB_CUTOFF = 0.75


def page_words(page) -> Counter:
    """The written forms of the page's words (lower case), counted.

    In the page's own language: a StreamField's searchable content includes translated
    block labels, which would otherwise follow whichever language is active.
    """
    with translation.override(page.locale.language_code):
        parts = page.searchable_parts() if hasattr(page, "searchable_parts") else [page.title]
    text = " ".join(part for part in parts if part)
    return Counter(
        word.casefold()
        for word in words_of(text)
        if MIN_WORD_LENGTH <= len(word) <= MAX_WORD_LENGTH and not word.isdigit()
    )


def _rows(language: str, counts: Counter):
    best = {}
    for written, _count in counts.most_common():
        best.setdefault(fold(written), written)
    return [SearchWord(language=language, word=w, display=d) for w, d in best.items()]


def add_page_words(page) -> None:
    language = page.locale.language_code
    SearchWord.objects.bulk_create(_rows(language, page_words(page)), ignore_conflicts=True)


def rebuild_vocabulary() -> int:
    """The whole vocabulary anew from the live public pages; returns its size."""
    from wagtail.models import Page

    counts = {}
    pages = Page.objects.live().public().select_related("locale").specific().iterator(500)
    for page in pages:
        counts.setdefault(page.locale.language_code, Counter()).update(page_words(page))
    # One DELETE, not Django's collector: it would send a post_delete signal per word.
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(SearchWord._meta.db_table)
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - the model's own table name
    total = 0
    for language, words in counts.items():
        rows = _rows(language, words)
        SearchWord.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
        total += len(rows)
    return total


def vocabulary_matches(words: list[str], language: str) -> dict[str, str]:
    """{folded word: written form} of the vocabulary words equal or close to any of words.

    One query: PostgreSQL's trigram operator (``%``, pg_trgm's GIN index), elsewhere the
    words of the same initial and a similar length; the closest is chosen in Python.
    """
    from django.db.models import Q

    if connection.vendor == "postgresql":
        # The ``%`` operator as a lookup on this one field (django.contrib.postgres, which
        # would register it on every field, is not an installed app here).
        from django.contrib.postgres.lookups import TrigramSimilar

        SearchWord._meta.get_field("word").register_lookup(TrigramSimilar)
    close = Q(word__in=words)
    for word in words:
        if connection.vendor == "postgresql":
            close |= Q(word__trigram_similar=word)
        else:
            close |= Q(word__startswith=word[0]) & Q(
                word__regex=rf"^.{{{max(1, len(word) - 2)},{len(word) + 2}}}$"
            )
    rows = SearchWord.objects.filter(close, language=language).values_list("word", "display")
    return dict(rows[:2000])


def closest(word: str, vocabulary: dict[str, str]):
    if word in vocabulary:
        return word
    found = difflib.get_close_matches(word, vocabulary, n=1, cutoff=DIFFLIB_CUTOFF)
    return found[0] if found else None


def suggest_query(query: str, analysed, language: str, pages=None) -> str:
    """The query with its unknown words replaced by the closest known ones, or "".

    One query (vocabulary_matches).
    """
    stopwords = STOPWORDS.get(language, set())
    written = words_of(query)[:12]
    folded = [fold(w) for w in written]
    candidates = list(
        dict.fromkeys(w for w in folded if w not in stopwords and len(w) >= MIN_WORD_LENGTH)
    )[: MAX_UNKNOWN_WORDS * 2]
    if not candidates:
        return ""
    vocabulary = vocabulary_matches(candidates, language)
    replaced = {}
    for word in candidates:
        if word in vocabulary:
            continue
        match = closest(word, vocabulary)
        if match is not None:
            replaced[word] = vocabulary[match]
    if not replaced:
        return ""
    out = []
    for original, word in zip(written, folded, strict=True):
        if word in replaced:
            out.append(replaced[word])
        elif word in vocabulary and fold(original) == original.casefold():
            out.append(vocabulary[word])  # "spoluprace" typed without diacritics: shown with
        else:
            out.append(original)
    return " ".join(out)
