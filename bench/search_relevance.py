"""Search relevance: recall@3 and MRR of the exact-form baseline and of the new analysis.

The demo site (home.demo, as ``make run`` builds it) is built into a scratch database, then
every query of bench/search_queries.py (Czech and English, none in the form its page holds)
is searched twice in the same run: with the exact folded forms only, as the search did
before (the baseline), and with the analysis the search page uses (stems, stop words,
synonyms). SQLite always; PostgreSQL too when DATABASE_URL names one (a scratch database
bench_relevance is created next to it and dropped afterwards).

    .venv/bin/python bench/search_relevance.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/perf .venv/bin/python bench/search_relevance.py

``--analysers snowball,pystemmer,simplemma,pg_english`` compares candidate analyses, each
with the site built and indexed anew, in the same run: Snowball in snowballstemmer's pure
Python, the same algorithms in C (PyStemmer, which snowballstemmer itself hands out when it
is installed: what the site uses), the simplemma lemmatiser in the stemmer's place, and for
English PostgreSQL's own ``english`` configuration (no stems in Python, the backend's
SEARCH_CONFIG ``english`` for index and query; PostgreSQL only). It also prints whether
PyStemmer's stems equal snowballstemmer's for every word of the demo site, how long each
takes to stem those words, and the resident memory each analyser's package and data add to
a fresh Python process.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SCRATCH = "bench_relevance"


ANALYSERS = ("snowball", "pystemmer", "simplemma", "pg_english")


class _Lemmatiser:
    """simplemma's lemma in the stemmer's place."""

    def __init__(self, language):
        self.language = language

    def stemWord(self, word):
        import simplemma

        return simplemma.lemmatize(word, lang=self.language)


def use_analyser(name: str):
    """Put a candidate in the place of home.search.analysis's stemmer (this process only)."""
    import functools

    from home.search import analysis

    if name == "pystemmer":
        import Stemmer  # noqa: F401 - it must be there: snowballstemmer then hands it out

        return
    if name == "snowball":
        return  # the child was started without PyStemmer (pure_python)
    algorithms = analysis.STEMMER_LANGUAGES
    if name == "simplemma":
        make = functools.cache(_Lemmatiser)
    elif name == "pg_english":
        # No stems in Python; PostgreSQL's english configuration stems index and query.
        from django.conf import settings

        settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "english"
        make = functools.cache(lambda language: None)
    else:
        raise SystemExit(f"unknown analyser {name!r}: one of {', '.join(ANALYSERS)}")

    @functools.cache
    def stemmer(language):
        language = language.split("-")[0].lower()
        return make(language) if language in algorithms else None

    analysis._stemmer = stemmer
    analysis.word_stems.cache_clear()


def measure(analyser: str = "snowball") -> dict:
    """In a child process whose DATABASE_URL is the scratch database."""
    import django

    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    django.setup()
    use_analyser(analyser)
    from django.core.management import call_command
    from django.utils import translation
    from wagtail.models import Locale, Page

    from bench.search_queries import CZECH, ENGLISH
    from home.demo.builder import DemoBuilder
    from home.search.analysis import analyse_query, fold
    from home.search.hits import search_pages
    from home.search.synonyms import synonym_classes

    call_command("migrate", verbosity=0)
    DemoBuilder(log=lambda *args: None).build()
    figures = {}
    for language, queries in (("cs", CZECH), ("en", ENGLISH)):
        locale = Locale.objects.get(language_code=language)
        pages = Page.objects.live().public().filter(locale=locale)
        texts = {
            page.url_path: set(
                re.findall(
                    r"\w+", fold(f"{page.title} {getattr(page, 'folded_search_text', str)()}")
                )
            )
            for page in pages.specific()
        }
        verbatim = []
        with translation.override(language):
            classes = synonym_classes(language)
            runs = {"baseline": [], "analysis": []}
            for query, expected in queries:
                targets = [path for path in texts if any(_is(path, slug) for slug in expected)]
                if not targets:
                    raise SystemExit(f"{query!r}: no demo page {expected}")
                words = set(analyse_query(query, language, stem=False).terms)
                if any(words <= texts[path] for path in targets if _is(path, expected[0])):
                    verbatim.append(query)
                for run, analysed in (
                    ("baseline", analyse_query(query, language, stem=False)),
                    ("analysis", analyse_query(query, language, synonyms=classes)),
                ):
                    found = [page.url_path for page in search_pages(pages, analysed)[0:10]]
                    rank = next((n for n, path in enumerate(found, 1) if path in targets), None)
                    runs[run].append((query, rank, found[:3]))
        figures[language] = {"runs": runs, "verbatim": verbatim, "count": len(queries)}
        figures[language]["words"] = sorted(
            {
                word
                for page in pages.specific()
                for word in re.findall(
                    r"\w+", f"{page.title} {' '.join(getattr(page, 'searchable_parts', list)())}"
                )
            }
        )
    return figures


def _is(path: str, slug: str) -> bool:
    return path.rstrip("/").endswith("/" + slug)


def summary(runs) -> tuple[float, float]:
    ranks = [rank for _query, rank, _top in runs]
    recall = sum(1 for r in ranks if r and r <= 3) / len(ranks)
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    return recall, mrr


def pure_python():
    """Hide PyStemmer from this process, so that snowballstemmer uses its own Python."""
    sys.modules["Stemmer"] = None


def child(database_url: str, analyser: str = "pystemmer") -> dict:
    env = {**os.environ, "DATABASE_URL": database_url, "BENCH_RELEVANCE_CHILD": analyser}
    out = subprocess.run(
        [sys.executable, __file__], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if out.returncode:
        sys.exit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(name: str, figures: dict) -> bool:
    ok = True
    print(f"\n{name}")
    print(
        f"  {'language':8} {'queries':>7}  {'baseline R@3':>12} {'MRR':>5}"
        f"  {'new R@3':>8} {'MRR':>5}"
    )
    for language, data in figures.items():
        base = summary(data["runs"]["baseline"])
        new = summary(data["runs"]["analysis"])
        print(
            f"  {language:8} {data['count']:7}  {base[0]:12.2f} {base[1]:5.2f}"
            f"  {new[0]:8.2f} {new[1]:5.2f}"
        )
        lost = [
            query
            for (query, b, _t), (_q, n, _top) in zip(
                data["runs"]["baseline"], data["runs"]["analysis"], strict=True
            )
            if b and b <= 3 and not (n and n <= 3)
        ]
        missed = [(q, top) for q, n, top in data["runs"]["analysis"] if not (n and n <= 3)]
        if data["verbatim"]:
            ok = False
            print(f"    queries the page holds verbatim (fix the set): {data['verbatim']}")
        if lost:
            ok = False
            print(f"    answered by the baseline, lost: {lost}")
        for query, top in missed:
            print(f"    not in the top 3: {query!r} -> {top}")
    return ok


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def memory_of(analyser: str) -> dict:
    """In a fresh child: resident memory before and after an analyser stems a word of each
    language (which loads its code and, for simplemma, its Czech and English data)."""
    if analyser == "snowball":
        pure_python()
    before = rss_kib()
    if analyser in ("snowball", "pystemmer"):
        import snowballstemmer  # with PyStemmer installed, snowballstemmer is PyStemmer

        for algorithm in ("czech", "english"):
            snowballstemmer.stemmer(algorithm).stemWord("bytové")
    elif analyser == "simplemma":
        import simplemma

        for language in ("cs", "en"):
            simplemma.lemmatize("bytové", lang=language)
    return {"before": before, "after": rss_kib()}


def stemmer_speed(words_by_language: dict) -> list[str]:
    """Do PyStemmer's stems equal snowballstemmer's, and how long does each take?"""
    import Stemmer
    from snowballstemmer.czech_stemmer import CzechStemmer
    from snowballstemmer.english_stemmer import EnglishStemmer

    from home.search.analysis import STEMMER_LANGUAGES, fold

    lines = []
    pure = {"cs": CzechStemmer, "en": EnglishStemmer}
    for language, words in words_by_language.items():
        # PyStemmer's own cache off: the comparison is of the algorithms.
        python, c = pure[language](), Stemmer.Stemmer(STEMMER_LANGUAGES[language], 0)
        # As the index stems them: every word as written (lower case) and folded.
        forms = [form for word in words for form in (word.casefold(), fold(word))]
        differ = [form for form in forms if python.stemWord(form) != c.stemWord(form)]
        timings = {}
        for name, stemmer in (("snowballstemmer", python), ("PyStemmer", c)):
            best = float("inf")
            for _round in range(5):
                started = time.perf_counter()
                for form in forms:
                    stemmer.stemWord(form)
                best = min(best, time.perf_counter() - started)
            timings[name] = best
        lines.append(
            f"  {language}: {len(forms)} forms of {len(words)} words; stems that differ:"
            f" {len(differ)} {differ[:5]}; snowballstemmer {timings['snowballstemmer'] * 1e3:.1f}"
            f" ms, PyStemmer {timings['PyStemmer'] * 1e3:.1f} ms"
            f" ({timings['snowballstemmer'] / timings['PyStemmer']:.0f}x faster,"
            f" {timings['snowballstemmer'] / len(forms) * 1e6:.1f} vs"
            f" {timings['PyStemmer'] / len(forms) * 1e6:.2f} us a form)"
        )
    return lines


def compare(name: str, results: dict):
    """recall@3 and MRR of each analyser, next to the exact-form baseline."""
    print(f"\n{name}: analysers compared")
    print(f"  {'analyser':11} {'language':8} {'R@3':>5} {'MRR':>5}  not in the top 3")
    for analyser, figures in results.items():
        for language, data in figures.items():
            if analyser == "pg_english" and language != "en":
                continue  # the english configuration is for English text only
            recall, mrr = summary(data["runs"]["analysis"])
            missed = [q for q, n, _top in data["runs"]["analysis"] if not (n and n <= 3)]
            print(f"  {analyser:11} {language:8} {recall:5.2f} {mrr:5.2f}  {len(missed)}: {missed}")
    baseline = next(iter(results.values()))
    for language, data in baseline.items():
        recall, mrr = summary(data["runs"]["baseline"])
        print(f"  {'exact forms':11} {language:8} {recall:5.2f} {mrr:5.2f}")


def postgres_scratch(url: str):
    import psycopg

    base, _name = url.rsplit("/", 1)

    def run(sql):
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(sql)

    run(f"DROP DATABASE IF EXISTS {SCRATCH}")
    run(f"CREATE DATABASE {SCRATCH}")
    return f"{base}/{SCRATCH}", lambda: run(f"DROP DATABASE IF EXISTS {SCRATCH}")


def main():
    analyser = os.environ.get("BENCH_RELEVANCE_CHILD")
    if analyser:
        if analyser == "snowball":
            pure_python()
        print(json.dumps(measure(analyser)))
        return
    if os.environ.get("BENCH_RELEVANCE_MEMORY"):
        print(json.dumps(memory_of(os.environ["BENCH_RELEVANCE_MEMORY"])))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--analysers", help=f"comma-separated, of {', '.join(ANALYSERS)}")
    args = parser.parse_args()
    if args.analysers:
        return compare_analysers(args.analysers.split(","))
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        ok &= report("SQLite", child(f"sqlite:///{tmp}/relevance.sqlite3"))
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        scratch, remove = postgres_scratch(url)
        try:
            ok &= report("PostgreSQL", child(scratch))
        finally:
            remove()
    sys.exit(0 if ok else 1)


def compare_analysers(analysers: list[str]):
    unknown = set(analysers) - set(ANALYSERS)
    if unknown:
        sys.exit(f"unknown analysers {sorted(unknown)}: choose of {', '.join(ANALYSERS)}")
    sqlite = {}
    for analyser in (a for a in analysers if a != "pg_english"):
        with tempfile.TemporaryDirectory() as tmp:
            sqlite[analyser] = child(f"sqlite:///{tmp}/relevance.sqlite3", analyser)
    if sqlite:
        compare("SQLite", sqlite)
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        postgres = {}
        for analyser in analysers:
            scratch, remove = postgres_scratch(url)
            try:
                postgres[analyser] = child(scratch, analyser)
            finally:
                remove()
        compare("PostgreSQL", postgres)
    elif "pg_english" in analysers:
        print("\npg_english needs DATABASE_URL=postgres://...: not measured")
    words = next(iter({**sqlite}.values()), None)
    if words and {"snowball", "pystemmer"} <= set(analysers):
        print("\nPyStemmer against snowballstemmer, the demo site's words, best of 5 rounds:")
        for line in stemmer_speed({lang: data["words"] for lang, data in words.items()}):
            print(line)
    print("\nResident memory a fresh Python process gains by loading the analyser (MiB):")
    for analyser in (a for a in analysers if a != "pg_english"):
        env = {**os.environ, "BENCH_RELEVANCE_MEMORY": analyser}
        out = subprocess.run(
            [sys.executable, __file__], env=env, cwd=ROOT, capture_output=True, text=True
        )
        if out.returncode:
            sys.exit(out.stderr[-3000:])
        rss = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"  {analyser:11} {rss['before'] / 1024:6.1f} -> {rss['after'] / 1024:6.1f}"
            f"  (+{(rss['after'] - rss['before']) / 1024:.1f})"
        )


if __name__ == "__main__":
    main()
