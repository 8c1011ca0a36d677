"""The matching pages of a search, best first, at a cost that does not grow with the site.

On PostgreSQL with Wagtail's database search backend the lookup is our own query over
Wagtail's index table, because the backend's query grows with the answer: it ranks and
counts every matching page, and a word every article contains makes that every article.
Here (``postgres_hits``):

* the matching test is ``(title || body) @@ query``, the very expression Wagtail's backend
  matches on, which the GIN expression index ``home_search_title_body_gin`` (migration
  ``home.0008``) answers; Wagtail's own GIN indexes on ``title`` and on ``body`` alone can
  never serve that expression, so without it every search scanned the whole index table;
* at most ``RESULT_CAP + 1`` candidates are taken, newest page first: for an ordinary word
  that is every match (an index lookup, then a sort of a few rows), for a word on thousands of
  pages PostgreSQL walks the pages' primary key backwards and stops after ``RESULT_CAP + 1``
  matches, so the work is bounded however many pages the word is on;
* only the candidates are ranked, with the formula of Wagtail's backend (``ts_rank`` of the
  title times its length norm plus ``ts_rank`` of the body, with the backend's weights), so a
  search with up to ``RESULT_CAP`` matches orders its results exactly as the backend would;
  beyond that, the newest ``RESULT_CAP`` matching pages are ranked and the answer is shown as
  "more than 500 results", the way large sites stop counting what nobody pages through;
* counting is the length of the candidate list, the same query: no separate ``COUNT(*)``.

Elsewhere (SQLite in development and tests, another backend) Wagtail's ``search()`` does the
work and the same ``SearchHits`` interface caps the displayed count alike.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, Exists, F, FloatField, OuterRef, Subquery
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast

from home.search.analysis import AnalysedQuery, Group, Term, analyse_query, fold, words_of
from home.search.synonyms import synonym_classes

# Beyond this many matches a search says "more than RESULT_CAP results" and ranks only the
# newest RESULT_CAP of them: 50 pages of 10 results, more than anyone reads. Each candidate
# costs an index probe, so the cap is the bound on the cost of the commonest word: 1,000
# cost about twice as much for no visible gain (bench/README.md, "Search at scale").
RESULT_CAP = 500


class SearchHits:
    """What the paginator pages through: ``count()`` stops at ``RESULT_CAP``."""

    def __init__(self, total: int, fetch):
        self.total = total  # exact up to RESULT_CAP + 1
        self._fetch = fetch

    @property
    def capped(self) -> bool:
        return self.total > RESULT_CAP

    def count(self) -> int:
        return min(self.total, RESULT_CAP)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("SearchHits is sliced by the paginator only")
        start, stop, _step = index.indices(self.count())
        return self._fetch(start, stop) if start < stop else []


def search_pages(pages, query) -> SearchHits:
    """Pages of ``pages`` (a PageQuerySet) that match every group of the query, best first.

    ``query`` is an ``AnalysedQuery`` (home.search.analysis) or, as before, a list of folded
    words that must all occur.
    """
    query = _as_analysed(query)
    backend = _postgres_backend()
    if backend is not None:
        return postgres_hits(pages, query, backend.config)
    return backend_hits(pages, query)


def _as_analysed(query):

    if isinstance(query, AnalysedQuery):
        return query
    return AnalysedQuery(list(query), [Group(((Term(word),),)) for word in query])


def _combine(items, operator):
    result = items[0]
    for item in items[1:]:
        result = operator(result, item)
    return result


def _compose(query, word, conjunction, disjunction):
    """And over groups, of Or over alternatives, of And over words, of Or over forms."""
    return _combine(
        [
            _combine(
                [
                    _combine(
                        [
                            _combine([word(form) for form in term.forms], disjunction)
                            for term in alt
                        ],
                        conjunction,
                    )
                    for alt in group.alternatives
                ],
                disjunction,
            )
            for group in query.groups
        ],
        conjunction,
    )


def backend_query(query):
    """The query as Wagtail's query objects, for SQLite's FTS5 and any other backend."""
    from modelsearch.query import And, Or, PlainText

    return _compose(query, PlainText, lambda a, b: And([a, b]), lambda a, b: Or([a, b]))


def backend_hits(pages, query) -> SearchHits:
    """SQLite's FTS5 (through Wagtail) finds the pages; they are then ordered here.

    FTS5's bm25 has no field weights, so it cannot rank the exact form above a stem or the
    title above the body as PostgreSQL's weights do. Its candidates (at most RESULT_CAP + 1,
    in bm25 order) are re-ranked by what of the query their indexed title and body hold
    exactly, bm25 breaking ties: three queries whatever the number of matches.
    """
    found = list(pages.search(backend_query(query))[: RESULT_CAP + 1])
    entries = _index_entries(found)
    ranked = sorted(
        enumerate(found),
        key=lambda item: (*_exact_score(query, entries.get(item[1].pk)), -item[0]),
        reverse=True,
    )
    rows = [(page.pk, page.content_type_id) for _position, page in ranked[:RESULT_CAP]]
    return SearchHits(len(found), lambda start, stop: specific_pages(rows[start:stop]))


def _index_entries(pages) -> dict:
    from wagtail.search.models import IndexEntry

    if not pages:
        return {}
    rows = IndexEntry.objects.filter(
        content_type_id__in={page.content_type_id for page in pages},
        object_id__in=[str(page.pk) for page in pages],
    ).values_list("object_id", "title", "body")
    return {int(object_id): (title, body) for object_id, title, body in rows}


def _exact_score(query, entry) -> tuple[int, int]:
    """(groups the title holds exactly, groups the body holds exactly)."""

    if entry is None:
        return (0, 0)
    title, body = (set(words_of(fold(text or ""))) for text in entry)

    def held(words):
        return sum(
            1
            for group in query.groups
            if any(all(term.exact in words for term in alt) for alt in group.alternatives)
        )

    return (held(title), held(body))


def tsquery(query, config: str):
    """A tsquery of the analysed query: each form is one word (``\\w+``), as plain text."""
    from django.contrib.postgres.search import SearchQuery

    query = _as_analysed(query)
    return _compose(
        query,
        lambda form: SearchQuery(form, search_type="plain", config=config),
        lambda a, b: a & b,
        lambda a, b: a | b,
    )


def matching(entries, query):
    """Index entries whose title or body holds the query: the indexed expression."""
    from django.contrib.postgres.search import SearchVectorField

    title_and_body = CombinedExpression(
        F("title"), "||", F("body"), output_field=SearchVectorField()
    )
    return entries.alias(vector=title_and_body).filter(vector=query)


def candidates(pages, terms, config: str):
    """(pk, content type, rank) of the newest RESULT_CAP + 1 matching pages (a queryset)."""
    from django.contrib.postgres.search import SearchRank
    from modelsearch.backends.database.postgres.weights import WEIGHTS_VALUES
    from wagtail.search.models import IndexEntry

    query = tsquery(terms, config)
    # Wagtail indexes a page under its own (specific) content type, so the unique index on
    # (content_type, object_id) finds a page's entry in one step from the page; from a few
    # matching entries, the index on the page's key as text (migration home.0008) finds
    # their pages, where a join on ``id::varchar`` would otherwise scan every page.
    entry = IndexEntry.objects.filter(
        content_type_id=OuterRef("content_type_id"),
        object_id=Cast(OuterRef("pk"), CharField(max_length=50)),
    )
    weights = list(WEIGHTS_VALUES)
    rank = SearchRank(F("title"), query, weights=weights) * F("title_norm") + SearchRank(
        F("body"), query, weights=weights
    )
    return (
        pages.filter(Exists(matching(entry, query)))
        .annotate(rank=Subquery(entry.annotate(rank=rank).values("rank")[:1], FloatField()))
        .order_by("-pk")
        .values_list("pk", "content_type_id", "rank")[: RESULT_CAP + 1]
    )


def postgres_hits(pages, terms, config: str) -> SearchHits:
    rows = list(candidates(pages, terms, config))
    total = len(rows)
    # Ties keep Wagtail's order: the newer page first.
    ranked = sorted(rows[:RESULT_CAP], key=lambda row: (-(row[2] or 0.0), -row[0]))
    return SearchHits(total, lambda start, stop: specific_pages(ranked[start:stop]))


def specific_pages(rows) -> list:
    """The specific pages of (pk, content type, …) rows, in their order: a query per type."""
    by_type = defaultdict(list)
    for pk, content_type_id, *_rest in rows:
        by_type[content_type_id].append(pk)
    found = {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:  # a page type whose code is gone: nothing to show
            continue
        found.update(model._default_manager.in_bulk(pks))
    return [found[pk] for pk, *_rest in rows if pk in found]


def _postgres_backend():
    if connection.vendor != "postgresql":
        return None
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    return backend if isinstance(backend, PostgresSearchBackend) else None


def wagtail_query(text: str, language: str, any_word: bool = False):
    """The site search's analysis as a Wagtail query object, for other searches' ``.search()``
    (the contact form's article suggestions, the bulletin archive): folded words, their
    stems and the editors' synonyms. Every word must match, or any one with ``any_word``.
    None when the text has no word. Stems match only in models that index them
    (``SearchableMixin``, or ``home.search.analysis.stem_text`` in a search field).
    """
    from modelsearch.query import Or

    analysed = analyse_query(text, language, synonyms=synonym_classes(language))
    if not analysed.groups:
        return None
    if not any_word:
        return backend_query(analysed)

    groups = [backend_query(AnalysedQuery(analysed.terms, [group])) for group in analysed.groups]
    return _combine(groups, lambda a, b: Or([a, b]))
