"""Screenshots of the admin for the editor's guide (docs/editors-guide.md).

    .venv/bin/python docs/screenshots.py            # PORT=8103 by default

Builds a throw-away SQLite site with the demo content in a temporary directory, gives the
demo methodologist (`metodik`) a random password that is never stored, adds a few sample
bulletin subscribers and inquiries so that the dashboard has figures to draw, serves it on
127.0.0.1:PORT, signs in with Chromium (Playwright) and writes the PNGs to docs/images/.
Run it again after the admin changes; nothing outside the temporary directory is touched
except docs/images/.
"""

import io
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
PORT = os.environ.get("PORT", "8103")
BASE = f"http://127.0.0.1:{PORT}"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
VIEWPORT = {"width": 1200, "height": 760}
# Palette images stay well under 200 KB and look the same for an admin screenshot.
COLOURS = 128

SAMPLE_FIGURES = """
import datetime, os
from django.contrib.auth import get_user_model
from django.utils import timezone
from contact.models import Inquiry, InquiryTopic
from newsletter.models import Subscriber

user = get_user_model().objects.get(username="metodik")
user.set_password(os.environ["SHOTS_PASSWORD"])
user.save()
now = timezone.now()
for n in range(48):
    confirmed = now - datetime.timedelta(days=84 - n * 84 // 48, hours=n % 7)
    Subscriber.objects.get_or_create(
        email=f"ukazka{n:02d}@example.invalid",
        defaults=dict(status="confirmed", source="footer", consent_text="Ukázka",
                      consent_at=confirmed, consent_language="cs", confirmed_at=confirmed),
    )
topics = list(InquiryTopic.objects.filter(locale__language_code="cs").order_by("sort_order"))
statuses = ["new", "new", "in_progress", "waiting", "answered", "answered", "closed"]
for n in range(26):
    topic = topics[(n * 7) % len(topics)] if n % 5 else topics[0]
    Inquiry.objects.get_or_create(
        reference=f"UK-2026-{n:05d}",
        defaults=dict(topic=topic, queue=topic.queue, status=statuses[n % len(statuses)],
                      name="Ukázkový tazatel", email=f"tazatel{n}@example.invalid",
                      message="Ukázkový dotaz.", received_at=now - datetime.timedelta(days=n * 3)),
    )
"""


def manage(env, *args, **kwargs):
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    return subprocess.run(command, env=env, check=True, **kwargs)  # noqa: S603 - our own manage.py


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own local server
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the development server did not answer at {url}")


def save(page, name, locator=None):
    shot = locator.screenshot() if locator is not None else page.screenshot()
    image = Image.open(io.BytesIO(shot)).convert("RGB")
    image = image.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT)
    path = IMAGES / f"{name}.png"
    image.save(path, optimize=True)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")  # noqa: T201


def ids(env):
    """Primary keys the screenshots need, read from the throw-away database."""
    code = (
        "from home.models import ArticlePage, SectionPage\n"
        "from home.demo.editorial import IN_REVIEW, SCHEDULED\n"
        "cs = ArticlePage.objects.filter(locale__language_code='cs')\n"
        "article = cs.get(slug='co-je-socialni-bydleni')\n"
        "english = article.get_translation(article.get_translations().get().locale)\n"
        "print(SectionPage.objects.get(slug='metodika').pk, article.pk, english.pk,"
        " cs.get(slug=IN_REVIEW['slug']).pk, cs.get(slug=SCHEDULED['slug']).pk)\n"
    )
    out = manage(env, "shell", "-c", code, capture_output=True, text=True).stdout.split()
    names = ["section", "article", "english", "in_review", "scheduled"]
    return dict(zip(names, out[-len(names) :], strict=True))


def shoot(env, password):
    pk = ids(env)
    IMAGES.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page(viewport=VIEWPORT, locale="cs-CZ")
        page.goto(f"{BASE}/admin/login/")
        save(page, "01-prihlaseni")
        page.fill("#id_username", "metodik")
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        page.wait_for_url(f"{BASE}/admin/")

        # The admin scrolls inside its own frame: a tall window shows the whole dashboard.
        page.set_viewport_size({"width": VIEWPORT["width"], "height": 2400})
        page.reload()
        save(page, "02-nastenka", locator=page.locator("main"))
        page.set_viewport_size(VIEWPORT)
        page.goto(f"{BASE}/admin/pages/{pk['section']}/")
        save(page, "03-strom-stranek")

        page.goto(f"{BASE}/admin/pages/{pk['article']}/edit/")
        save(page, "04-uprava-clanku")
        # Panel ids follow the admin's (Czech) tab and panel headings.
        for name, panel in [
            ("05-bloky-obsahu", "body"),
            ("06-temata-a-cilove-skupiny", "temata_a_cilove_skupiny"),
            ("07-kontrola-obsahu", "kontrola_obsahu"),
        ]:
            section = page.locator(f"#panel-child-obsah-{panel}-section")
            section.evaluate("element => element.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(300)
            save(page, name)

        page.click("[data-side-panel-toggle='preview']")
        page.wait_for_timeout(2500)
        save(page, "08-nahled")
        page.reload()

        page.goto(f"{BASE}/admin/pages/{pk['in_review']}/edit/")
        page.click("[data-side-panel-toggle='status']")
        page.wait_for_timeout(800)
        save(page, "09-schvalovani")

        page.goto(f"{BASE}/admin/pages/{pk['article']}/edit/")
        page.click("footer [data-w-dropdown-target='toggle']")
        page.wait_for_timeout(500)
        save(page, "10-odeslat-ke-kontrole")

        page.goto(f"{BASE}/admin/pages/{pk['scheduled']}/edit/")
        page.click("[data-side-panel-toggle='status']")
        page.wait_for_timeout(800)
        save(page, "11-naplanovano")

        page.goto(f"{BASE}/admin/pages/{pk['english']}/edit/")
        page.wait_for_timeout(1500)
        save(page, "12-preklad")

        page.goto(f"{BASE}/admin/reports/review/?within=30")
        save(page, "13-stranky-ke-kontrole")
        page.click("#filters-drilldown [data-w-dropdown-target='toggle']")
        page.wait_for_timeout(500)
        save(page, "14-filtry-prehledu")
        browser.close()


def main():
    password = secrets.token_urlsafe(16)
    with tempfile.TemporaryDirectory() as workdir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": f"sqlite:///{workdir}/screenshots.sqlite3",
            "MEDIA_ROOT": f"{workdir}/media",
            "BASE_URL": BASE,
            "SHOTS_PASSWORD": password,
        }
        quiet = {"stdout": subprocess.DEVNULL}
        manage(env, "migrate", "--no-input", **quiet)
        manage(env, "load_demo_content", **quiet)
        manage(env, "shell", "-c", SAMPLE_FIGURES, **quiet)
        serve = [sys.executable, str(ROOT / "manage.py"), "runserver", f"127.0.0.1:{PORT}"]
        server = subprocess.Popen(  # noqa: S603 - our own manage.py
            [*serve, "--noreload"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(f"{BASE}/admin/login/")
            shoot(env, password)
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
