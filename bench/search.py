"""Search at 100 and at 10,000 articles on PostgreSQL: an index, not a scan.

The search page (the whole request: folding, the lookup in Wagtail's PostgreSQL full-text
index table, pagination, excerpts) is timed for a word every article contains, a word none
contains and a number only one article's title holds, first with 100 indexed articles, then
with 10,000; the ratio must stay under 2.
Also prints the plan and timing of the search's query (home.search.hits) for each kind of word,
the SQL queries of one search at each size, the time to index the articles (Wagtail's bulk
indexing, the path ``manage.py update_index`` takes, timed apart from creating them), and
with ``--memory`` the resident memory of a fresh process that has loaded the app and served
the home page and searches (what a page-serving worker holds). ``--no-pystemmer`` hides
PyStemmer, so that snowballstemmer stems in its pure Python (the site before PyStemmer).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/perf .venv/bin/python bench/search.py

A scratch database (``--scratch``, bench_search by default) is created next to the one named
and dropped afterwards. The script runs unchanged on commits before the search analysis
(e4c5247: ``home.search_hits``, ``home.models``), for before/after comparisons.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SCRATCH = "bench_search"


def scratch_database(url: str, scratch: str = SCRATCH):
    import psycopg

    base, _name = url.rsplit("/", 1)

    def run(sql):
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(sql)

    run(f"DROP DATABASE IF EXISTS {scratch}")
    run(f"CREATE DATABASE {scratch}")
    return f"{base}/{scratch}", lambda: run(f"DROP DATABASE IF EXISTS {scratch}")


def timed(client, url, repeat) -> float:
    client.get(url)
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        samples.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    return statistics.median(samples) * 1000


def queries_of(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def status_mib() -> dict:
    """VmRSS and VmHWM (peak) of this process, MiB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _sep, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields


def worker_memory():
    """In a fresh child process: load the app, serve an article and searches, print RSS."""
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    after_setup = status_mib()
    client = Client()
    article = client.get("/").status_code  # the home page first, like a worker's first request
    for q in ("neziskovymi", "NEZISKOVÝMI", "exekuce", "bytové nouzi", "57"):
        if client.get(f"/hledat/?q={q}").status_code != 200:
            raise RuntimeError(f"search for {q} failed")
    served = status_mib()
    print(json.dumps({"setup": after_setup, "served": served, "home": article}))


def memory_in_child() -> dict:
    env = {**os.environ, "BENCH_SEARCH_MEMORY_CHILD": "1"}
    out = subprocess.run(
        [sys.executable, __file__], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if out.returncode:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def article_model():
    try:
        from home.pages.models import ArticlePage
    except ImportError:  # before the house move (e4c5247)
        from home.models import ArticlePage
    return ArticlePage


def add_and_index(section, count, start) -> float:
    """Create count articles, then index them in one bulk call; the indexing's seconds."""
    from wagtail.search.backends import get_search_backend

    from home.demo.bulk import add_articles

    model = article_model()
    pks = add_articles(section, count, start=start)
    started = time.perf_counter()
    # As update_index (and so the re-index command) reads them: get_indexed_objects().
    objects = list(model.get_indexed_objects().filter(pk__in=pks))
    get_search_backend().add_bulk(model, objects)
    return time.perf_counter() - started


def main():
    if os.environ.get("BENCH_SEARCH_NO_PYSTEMMER"):
        # snowballstemmer then stems in its own pure Python, as before PyStemmer was added.
        sys.modules["Stemmer"] = None
    if os.environ.get("BENCH_SEARCH_MEMORY_CHILD"):
        worker_memory()
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--scratch", default=SCRATCH, help="name of the scratch database")
    parser.add_argument(
        "--memory", action="store_true", help="RSS of a fresh process serving a search"
    )
    parser.add_argument(
        "--no-pystemmer",
        action="store_true",
        help="hide PyStemmer, so that snowballstemmer stems in pure Python",
    )
    args = parser.parse_args()
    if args.no_pystemmer:
        os.environ["BENCH_SEARCH_NO_PYSTEMMER"] = "1"  # for the memory child too
        sys.modules["Stemmer"] = None
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://...: this benchmark is about PostgreSQL's index.")
    database_url, remove = scratch_database(url, args.scratch)
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection, connections
        from django.test import Client
        from django.test.utils import setup_test_environment
        from wagtail.models import Page, Site

        try:
            from home.search.hits import candidates
        except ImportError:  # before the search analysis (e4c5247)
            from home.search_hits import candidates
        from tests import factories

        setup_test_environment()
        call_command("migrate", verbosity=0)
        home = factories.HomePageFactory(parent=Page.get_first_root_node())
        Site.objects.filter(is_default_site=True).update(root_page=home)
        section = factories.SectionPageFactory(parent=home)
        factories.FooterContentFactory()
        client = Client()
        queries = {
            "common word (every article)": "/hledat/?q=neziskovymi",
            "with diacritics (every article)": "/hledat/?q=NEZISKOVÝMI",
            "rare word (no article)": "/hledat/?q=exekuce",
            "selective word (one article)": "/hledat/?q=57",
        }
        indexing = add_and_index(section, args.small, 0)
        # Both sizes are measured with fresh statistics, as autovacuum keeps them on a site.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        small = {name: timed(client, q, args.repeat) for name, q in queries.items()}
        small_queries = {name: queries_of(client, q) for name, q in queries.items()}
        memory = memory_in_child() if args.memory else None
        print(f"Indexing {args.large - args.small} more articles ...", flush=True)
        for start in range(args.small, args.large, 2000):
            indexing += add_and_index(section, min(2000, args.large - start), start)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        large = {name: timed(client, q, args.repeat) for name, q in queries.items()}
        large_queries = {name: queries_of(client, q) for name, q in queries.items()}
        print(f"\nSearch page, median of {args.repeat} requests (ms):")
        print(f"  {'query':34} {args.small:>8} {args.large:>8}   ratio (target < 2)")
        for name in queries:
            ratio = large[name] / small[name]
            verdict = "met" if ratio < 2 else "NOT met"
            print(f"  {name:34} {small[name]:8.1f} {large[name]:8.1f}   {ratio:5.2f} {verdict}")
        print("\nSQL queries per search (target <= 10):")
        for name in queries:
            print(f"  {name:34} {small_queries[name]:8} {large_queries[name]:8}")
        print(
            f"\nIndexing {args.large} articles (bulk add to the index, creation excluded):"
            f" {indexing:.1f} s, {indexing / args.large * 1000:.2f} ms an article"
        )
        if memory:
            print(
                "\nMemory of a fresh process, MiB: after django.setup() RSS"
                f" {memory['setup']['VmRSS']:.1f}; after the home page and five searches"
                f" RSS {memory['served']['VmRSS']:.1f}, peak {memory['served']['VmHWM']:.1f}"
            )
        pages = Page.objects.live().public().filter(locale=section.locale)
        for word in ("neziskovymi", "exekuce", "57"):
            # The query the search page runs (home.search.hits), not a stand-in for it.
            sql, params = candidates(pages, [word], "simple").query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + sql, params)
                print(f"\nPlan of the search for {word!r}:")
                for (line,) in cursor.fetchall():
                    print("  " + line)
        connections.close_all()
    finally:
        remove()


if __name__ == "__main__":
    main()
