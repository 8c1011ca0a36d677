"""The help-point directory's search (``?obec=``) through the site search's analysis.

A point's name, municipality and district are kept as their folded words and stems
(``search_words``, computed on save), and a query is analysed as the site search analyses
it (``home.search.analysis``: folding, stop words, stems, the editors' synonyms), so
"v Brně" finds Brno and "poradnu" a "Poradna …". Every word of the query must match: by
its folded form anywhere in the municipality or district, as before ("usti" for "Ústí nad
Labem"), or by one of its forms being a word or stem of the point. Place names are Czech
in every language, so a point and a query are analysed as Czech too on another language's
directory. Plain ``LIKE`` lookups: the same on PostgreSQL and SQLite.
"""

from django.db.models import Q

from home.search.analysis import (
    DEFAULT_LANGUAGE,
    analyse_query,
    fold,
    stem_text,
    word_stems,
    words_of,
)
from home.search.synonyms import synonym_classes

PLACE_LANGUAGE = "cs"


def search_words(name: str, municipality: str, district: str, language: str) -> str:
    """The point's folded words and stems, each once, space-delimited and space-bounded."""
    text = f"{name} {municipality} {district}"
    words = dict.fromkeys(words_of(fold(text)))
    for each in {language or DEFAULT_LANGUAGE, PLACE_LANGUAGE}:
        words.update(dict.fromkeys(stem_text(text, each).split()))
    return f" {' '.join(words)} "


def matching(place: str, language: str) -> Q | None:
    """A filter for the points that match every part of ``place``; None when it has no word.

    As in the site search, a part is a word or a synonym's alternatives, and a word matches
    by its exact (folded) form or by a stem.
    """
    language = language or DEFAULT_LANGUAGE
    analysed = analyse_query(place, language, synonyms=synonym_classes(language))
    if not analysed.groups:
        return None
    condition = Q()
    for group in analysed.groups:
        any_alternative = Q()
        for alternative in group.alternatives:
            every_word = Q()
            for term in alternative:
                every_word &= _word(term, language)
            any_alternative |= every_word
        condition &= any_alternative
    return condition


def _word(term, language: str) -> Q:
    forms = set(term.forms)
    if language != PLACE_LANGUAGE:
        forms |= word_stems(term.exact, PLACE_LANGUAGE)
    found = Q(place_folded__contains=term.exact)
    for form in sorted(forms):
        found |= Q(search_words__contains=f" {form} ")
    return found
