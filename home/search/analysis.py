"""Diacritic- and case-insensitive search that behaves the same on PostgreSQL and SQLite.

PostgreSQL ships no Czech dictionary and its unaccent extension is not available everywhere,
so text is folded here, in Python: pages index a folded copy of their text
(``SearchableMixin.folded_search_text``) and queries are folded the same way before they
reach the search backend. "SPOLUPRÁCE", "spolupráce" and "spoluprace" all become
"spoluprace".
"""

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12
_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


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


# Inflection. Czech is a heavily inflected language ("bytová nouze", "v bytové nouzi"), so
# both the indexed text and the query are reduced to Snowball stems, and a page matches on
# its exact (folded) words or on their stems. Snowball's Czech stemmer (Dolamic's, in
# snowballstemmer 3) expects diacritics: "obecních" -> "obecn", but the folded "obecnich"
# keeps its ending. A reader types either, so a word is stemmed both ways, accented and
# folded, and both stems are indexed and searched (see bench/README.md, Decisions).
STEMMER_LANGUAGES = {"cs": "czech", "en": "english"}
DEFAULT_LANGUAGE = "cs"


@functools.cache
def _stemmer(language: str):
    # With PyStemmer installed (a dependency), snowballstemmer hands out its C stemmers:
    # the same algorithms and stems, many times faster and smaller than its own Python
    # (bench/README.md, "Search analysers compared").
    import snowballstemmer

    algorithm = STEMMER_LANGUAGES.get(language.split("-")[0].lower())
    return snowballstemmer.stemmer(algorithm) if algorithm else None


# Snowball strips endings; Czech also changes the stem itself. Two cheap, symmetric
# measures (applied to the index and the query alike) catch what readers type most:
# - "ou" and "u" alternate in a stem (smlouva / smluv, soud / sudí): stems write "u";
# - so do "ů" and "o" (dům / domy): the stem of the accented word writes "o";
# - derived words share a beginning (pronájem / pronajímají, spolupráce / spolupracovat,
#   neziskovka / neziskové): a stem longer than PREFIX_LENGTH also yields its first
#   PREFIX_LENGTH letters. They rank lowest (stem fields), below every exact match.
PREFIX_LENGTH = 5


# A page's text repeats its words, and a site's vocabulary is small: indexing 10,000 pages
# stems the same few thousand words again and again (bench/README.md times a word in
# PyStemmer's C and in snowballstemmer's pure Python). The cache holds the commonest words;
# a few MiB at most.
STEM_CACHE_SIZE = 8192


@functools.lru_cache(maxsize=STEM_CACHE_SIZE)
def word_stems(word: str, language: str) -> frozenset[str]:
    """The folded stems of one word: from its accented and from its folded form."""
    stemmer = _stemmer(language)
    lower = word.casefold()
    folded = fold(word)
    if stemmer is None:
        return frozenset({folded})
    accented = stemmer.stemWord(lower)
    if stemmer is _stemmer("cs"):
        accented = accented.replace("ů", "o")  # dům / domy, stůl / stolu
    stems = {fold(accented), stemmer.stemWord(folded)}
    if stemmer is _stemmer("cs"):
        stems = {stem.replace("ou", "u") for stem in stems}
        stems |= {stem[:PREFIX_LENGTH] for stem in stems if len(stem) > PREFIX_LENGTH}
    return frozenset(stems)


def stem_text(text: str, language: str) -> str:
    """The stems of every word of text, each once, for the index's stem fields."""
    seen = {}
    for word in _WORD.findall(text or ""):
        for stem in word_stems(word, language):
            seen.setdefault(stem, None)
    return " ".join(seen)


@dataclass(frozen=True)
class Term:
    """One word of a query: its exact folded form and the stems it also matches."""

    exact: str
    stems: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.exact, *(s for s in self.stems if s != self.exact))


@dataclass(frozen=True)
class Group:
    """A part of the query that must match: any one alternative (every word of it).

    Without synonyms a group is a single word; a synonym turns "nno" into the alternatives
    (nno) or (neziskova organizace) or (neziskovka).
    """

    alternatives: tuple[tuple[Term, ...], ...]


@dataclass(frozen=True)
class AnalysedQuery:
    terms: list[str]  # the folded words as typed
    groups: list[Group] = field(default_factory=list)

    def stems(self) -> set[str]:
        return {
            form
            for group in self.groups
            for alternative in group.alternatives
            for term in alternative
            for form in term.forms
        }


def analyse_term(word: str, language: str, stem: bool = True) -> Term:
    exact = fold(word)
    if not stem:
        return Term(exact)
    return Term(exact, tuple(sorted(word_stems(word, language) - {exact})))


# Words too common to be required: a query "výpověď z nájmu" must not fail for want of the
# "z". They are dropped unless the query has nothing else (the exact-form baseline keeps
# them, as the search did before).
_CS_STOPWORDS = (
    "a i k o s u v z na do od po se si je to ze za ke ve pro pri jak co kdo kde jsem jste mi me"
    " ten ta ty"
)
_EN_STOPWORDS = (
    "a an the of to in on at for and or is are be it i my me do with by from as how what who"
    " when where"
)
STOPWORDS = {"cs": frozenset(_CS_STOPWORDS.split()), "en": frozenset(_EN_STOPWORDS.split())}


def analyse_query(query: str, language: str, synonyms=None, stem: bool = True) -> AnalysedQuery:
    """The query as the search runs it: every group must match, exact forms rank first.

    ``synonyms`` is a list of equivalence classes, each a list of folded phrases (see
    ``home.search.synonyms``); a phrase of the query found in one (word by word, by exact
    form or stem) adds the others as alternatives. ``stem=False`` is the exact-form
    baseline the benchmark compares with: no stems, no stop words dropped.
    """
    words = []
    for word in _WORD.findall(query):
        if fold(word) not in [fold(w) for w in words]:
            words.append(word)
    words = words[:MAX_QUERY_TERMS]
    terms = [fold(w) for w in words]
    if stem:
        stopwords = STOPWORDS.get(language.split("-")[0], set())
        kept = [w for w in words if fold(w) not in stopwords and w.casefold() not in stopwords]
        words = kept or words
    analysed = [analyse_term(w, language, stem) for w in words]
    groups = []
    index = 0
    while index < len(words):
        span, others = _synonyms_at(analysed, index, synonyms or (), language, stem)
        if span:
            alternatives = [tuple(analysed[index : index + span])]
            for phrase in others:
                alternatives.append(tuple(analyse_term(w, language, stem) for w in phrase.split()))
            groups.append(Group(tuple(alternatives)))
            index += span
        else:
            groups.append(Group(((analysed[index],),)))
            index += 1
    return AnalysedQuery(terms, groups)


def _same_word(term: Term, word: str, language: str, stem: bool) -> bool:
    if term.exact == word:
        return True
    return stem and bool(set(term.stems) & word_stems(word, language) - _prefixes(term))


def _prefixes(term: Term) -> set[str]:
    # A shared beginning is too loose to call two words synonyms' forms.
    return {s for s in term.stems if len(s) == PREFIX_LENGTH}


def _synonyms_at(terms: list[Term], index: int, synonyms, language, stem) -> tuple[int, list]:
    """The longest synonym phrase starting at terms[index]: its length and its equivalents."""
    best, others = 0, []
    for phrases in synonyms:
        for phrase in phrases:
            words = phrase.split()
            here = terms[index : index + len(words)]
            if (
                len(words) > best
                and len(here) == len(words)
                and all(_same_word(t, w, language, stem) for t, w in zip(here, words, strict=True))
            ):
                best, others = len(words), [p for p in phrases if p != phrase]
    return best, others


def highlight(
    text: str, terms: list[str], length: int = 260, stems=(), language: str = DEFAULT_LANGUAGE
) -> str:
    """An escaped excerpt of text around the first match, with matched words in <mark>.

    A word matches when it starts with a term or shares a stem with the query (``stems``),
    so "bytové nouzi" is marked for "bytová nouze". Only <mark> is ever added; everything
    from the text itself is escaped.
    """
    if not text:
        return ""
    stems = set(stems)

    def matched(word: str) -> bool:
        folded = fold(word)
        if any(folded.startswith(t) for t in terms):
            return True
        return bool(stems and word_stems(word, language) & stems)

    words = list(_WORD.finditer(text))
    matches = [m for m in words if matched(m.group())]
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
