"""A reader during a publish cannot keep the old page alive: the caches are retired after
the publish commits, and a reader reads the generation before any content."""

import threading
import time

import pytest
from django.test import Client

from home.pages.models import ArticlePage
from tests import factories


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.mark.postgres_only
def test_readers_during_a_publish_never_keep_the_old_page(committed_db, home, footer):
    """Six readers request the article, its listing and the feed while its title is published
    eight times; every request that starts after a publish returned shows that title."""
    section = factories.SectionPageFactory(parent=home)
    article = factories.ArticlePageFactory(parent=section, title="Název 0")
    addresses = [article.url, section.url, "/feeds/articles.rss"]
    published_at = {}  # title -> when its publish returned (committed and retired)
    seen = []  # (started, title found) per request
    stop = threading.Event()

    def reader(index):
        client = Client()
        while not stop.is_set():
            url = addresses[index % len(addresses)]
            started = time.monotonic()
            html = client.get(url).content.decode()
            found = [n for n in range(9) if f"Název {n}<" in html or f"Název {n}&lt;" in html]
            seen.append((started, url, max(found) if found else None))
        from django.db import connection

        connection.close()

    readers = [threading.Thread(target=reader, args=(i,)) for i in range(6)]
    for thread in readers:
        thread.start()
    try:
        for number in range(1, 9):
            time.sleep(0.3)
            page = ArticlePage.objects.get(pk=article.pk)
            page.title = f"Název {number}"
            page.save_revision().publish()
            published_at[number] = time.monotonic()
        time.sleep(0.5)
    finally:
        stop.set()
        for thread in readers:
            thread.join(timeout=30)

    stale = []
    for started, url, shown in seen:
        due = max((n for n, at in published_at.items() if at < started), default=0)
        if shown is not None and shown < due:
            stale.append((url, shown, due))
    assert len(seen) > 50
    assert not stale, stale[:5]
