"""Search at 100 and at 10,000 articles on PostgreSQL: an index, not a scan.

The search page (the whole request: folding, the lookup in Wagtail's PostgreSQL full-text
index table, pagination, excerpts) is timed for a word every article contains, a word none
contains and a number only one article's title holds, first with 100 indexed articles, then
with 10,000; the ratio must stay under 2.
Also prints the plan and timing of the search's query (home.search.hits) for each kind of word.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/perf .venv/bin/python bench/search.py

A scratch database bench_search is created next to the one named and dropped afterwards.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SCRATCH = "bench_search"


def scratch_database(url: str):
    import psycopg

    base, _name = url.rsplit("/", 1)

    def run(sql):
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(sql)

    run(f"DROP DATABASE IF EXISTS {SCRATCH}")
    run(f"CREATE DATABASE {SCRATCH}")
    return f"{base}/{SCRATCH}", lambda: run(f"DROP DATABASE IF EXISTS {SCRATCH}")


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://...: this benchmark is about PostgreSQL's index.")
    database_url, remove = scratch_database(url)
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

        from home.demo.bulk import add_articles
        from home.search.hits import candidates
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
        add_articles(section, args.small, index=True)
        # Both sizes are measured with fresh statistics, as autovacuum keeps them on a site.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        small = {name: timed(client, q, args.repeat) for name, q in queries.items()}
        print(f"Indexing {args.large - args.small} more articles ...", flush=True)
        for start in range(args.small, args.large, 2000):
            add_articles(section, min(2000, args.large - start), index=True, start=start)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        large = {name: timed(client, q, args.repeat) for name, q in queries.items()}
        print(f"\nSearch page, median of {args.repeat} requests (ms):")
        print(f"  {'query':34} {args.small:>8} {args.large:>8}   ratio (target < 2)")
        for name in queries:
            ratio = large[name] / small[name]
            verdict = "met" if ratio < 2 else "NOT met"
            print(f"  {name:34} {small[name]:8.1f} {large[name]:8.1f}   {ratio:5.2f} {verdict}")
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
