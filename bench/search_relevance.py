"""Search relevance: recall@3 and MRR of the exact-form baseline and of the new analysis.

The demo site (home.demo, as ``make run`` builds it) is built into a scratch database, then
every query of bench/search_queries.py (Czech and English, none in the form its page holds)
is searched twice in the same run: with the exact folded forms only, as the search did
before (the baseline), and with the analysis the search page uses (stems, stop words,
synonyms). SQLite always; PostgreSQL too when DATABASE_URL names one (a scratch database
bench_relevance is created next to it and dropped afterwards).

    .venv/bin/python bench/search_relevance.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/perf .venv/bin/python bench/search_relevance.py
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SCRATCH = "bench_relevance"


def measure() -> dict:
    """In a child process whose DATABASE_URL is the scratch database."""
    import django

    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    django.setup()
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
    return figures


def _is(path: str, slug: str) -> bool:
    return path.rstrip("/").endswith("/" + slug)


def summary(runs) -> tuple[float, float]:
    ranks = [rank for _query, rank, _top in runs]
    recall = sum(1 for r in ranks if r and r <= 3) / len(ranks)
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    return recall, mrr


def child(database_url: str) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url, "BENCH_RELEVANCE_CHILD": "1"}
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


def main():
    if os.environ.get("BENCH_RELEVANCE_CHILD"):
        print(json.dumps(measure()))
        return
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        ok &= report("SQLite", child(f"sqlite:///{tmp}/relevance.sqlite3"))
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        base, _name = url.rsplit("/", 1)

        def run(sql):
            with psycopg.connect(url, autocommit=True) as admin:
                admin.execute(sql)

        run(f"DROP DATABASE IF EXISTS {SCRATCH}")
        run(f"CREATE DATABASE {SCRATCH}")
        try:
            ok &= report("PostgreSQL", child(f"{base}/{SCRATCH}"))
        finally:
            run(f"DROP DATABASE IF EXISTS {SCRATCH}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
