"""Lighthouse scores of the main page types, served production-like.

Needs `npm ci` in bench/lighthouse (Lighthouse from npm) and Debian's Chromium. Uses the
database that bench/pages.py builds (the demo site), starts gunicorn with production settings
and the page cache on, and prints the four category scores per page.

    cd bench/lighthouse && npm ci && cd ../..
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/perf .venv/bin/python bench/lighthouse.py
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import ROOT, manage, production_env, start_gunicorn, stop

LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]

FIND = """
from wagtail.models import Locale
from home.pages.models import ArticlePage, SectionPage
from contact.models import ContactPage
cs = Locale.objects.get(language_code="cs")
article = ArticlePage.objects.live().filter(locale=cs).exclude(
    slug__startswith="hromadny-clanek-").first()
section = SectionPage.objects.live().filter(locale=cs).first()
contact = ContactPage.objects.live().filter(locale=cs).first()
print(article.url, section.url, contact.url if contact else "/")
"""


def scores(url: str, chromium: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             "--only-categories=" + ",".join(CATEGORIES),
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
            env={**os.environ, "CHROME_PATH": chromium},
            check=True,
        )  # fmt: skip
        data = json.loads(report.read_text())
    result = {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}
    failing = [
        audit["id"]
        for audit in data["audits"].values()
        if audit.get("score") is not None and audit["score"] < 0.9 and audit.get("weight", 1)
    ]
    result["below_0.9"] = failing[:8]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8210)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Run `npm ci` in bench/lighthouse first.")
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to the PostgreSQL database bench/pages.py built.")
    env = production_env(database_url, 21600)
    manage(env, "collectstatic", "--no-input", "-v0")
    found = manage(env, "shell", "-c", FIND, capture=True)
    article, section, contact = found.strip().splitlines()[-1].split()
    server = start_gunicorn(env, args.port)
    pages = {
        "home": "/",
        "article": article,
        "listing": section,
        "search": "/hledat/?q=bydleni",
        "bulletin sign-up": "/odber/",
        "contact form": contact,
    }
    try:
        print(f"{'page':18} " + " ".join(f"{name:>15}" for name in CATEGORIES))
        for name, path in pages.items():
            result = scores(f"http://127.0.0.1:{args.port}{path}", args.chromium)
            row = " ".join(f"{result[category]:>15}" for category in CATEGORIES)
            extra = f"   below 0.9: {', '.join(result['below_0.9'])}" if result["below_0.9"] else ""
            print(f"{name:18} {row}{extra}", flush=True)
    finally:
        stop(server)


if __name__ == "__main__":
    main()
