"""The in-process copy of cached pages: bounded, expiring, and never stale after a publish."""

import pytest
import time_machine
from django.core.cache import cache

from home.cache import bump_paths
from home.local_pages import LocalPages
from tests import factories

pytestmark = pytest.mark.django_db


def entry(size, expires_in=600):
    import time

    return {"content": b"x" * size, "expires": time.time() + expires_in}


def test_the_store_keeps_within_its_byte_budget_dropping_the_least_recently_used(settings):
    settings.PAGE_CACHE_LOCAL_BYTES = 1000
    pages = LocalPages()
    pages.put("a", entry(400))
    pages.put("b", entry(400))
    assert pages.get("a") is not None  # "a" is now the most recently used
    pages.put("c", entry(400))
    assert pages.get("b") is None
    assert pages.get("a") is not None and pages.get("c") is not None


def test_a_page_larger_than_the_budget_is_not_kept(settings):
    settings.PAGE_CACHE_LOCAL_BYTES = 100
    pages = LocalPages()
    pages.put("big", entry(101))
    assert pages.get("big") is None


def test_an_entry_expires_with_the_shared_copy():
    pages = LocalPages()
    with time_machine.travel(0, tick=False) as traveller:
        pages.put("a", entry(10, expires_in=60))
        assert pages.get("a") is not None
        traveller.shift(61)
        assert pages.get("a") is None


@pytest.fixture
def article(settings, section, footer):
    settings.PAGE_CACHE_SECONDS = 600
    return factories.ArticlePageFactory(parent=section, title="Původní název")


def test_a_hit_reads_the_shared_cache_once(client, article, monkeypatch):
    client.get(article.url)
    reads, depth = [], [0]

    def counted(name, original):
        def call(*args, **kwargs):
            if not depth[0]:  # the test cache's get_many calls get itself: count the outer call
                reads.append(name)
            depth[0] += 1
            try:
                return original(*args, **kwargs)
            finally:
                depth[0] -= 1

        return call

    for name in ("get", "get_many"):
        monkeypatch.setattr(cache, name, counted(name, getattr(cache, name)))
    response = client.get(article.url)
    assert response["X-Page-Cache"] == "hit"
    assert reads == ["get_many"]


def test_a_retired_address_is_not_served_from_this_process_copy(client, article):
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    # What another process does on publish: only the shared version moves.
    bump_paths([article.url])
    assert client.get(article.url)["X-Page-Cache"] == "miss"
