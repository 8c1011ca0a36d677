"""Every search box of the site shares one per-client budget (SEARCH_PER_IP), so that a
scraper cannot run the database's costliest queries without limit through any of them."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core.cache import cache

from tests import factories
from tests.newsletter.factories import BulletinIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def limited(settings):
    settings.SEARCH_PER_IP = "3/m"
    cache.clear()
    # django-ratelimit counts in windows aligned to the clock's minutes: a test that crossed
    # one between its third and fourth search found a fresh budget (seen once in a parallel
    # run). The clock stands still a second into a minute.
    with time_machine.travel(datetime(2026, 12, 4, 10, 0, 1, tzinfo=UTC), tick=False):
        yield
    cache.clear()


@pytest.fixture
def search_boxes(home, footer):
    """(address, the parameter that searches) of each search box but the site search's."""
    directory = factories.HelpPointDirectoryPageFactory(parent=home)
    glossary = factories.GlossaryPageFactory(parent=home, last_reviewed="2026-10-01")
    archive = BulletinIndexPageFactory(parent=home)
    return [("/hledat/", "q"), (archive.url, "q"), (directory.url, "obec"), (glossary.url, "q")]


@pytest.mark.parametrize("box", range(4))
def test_a_search_box_answers_429_past_the_budget(client, limited, search_boxes, box):
    address, parameter = search_boxes[box]
    # Opening the box without a search costs nothing.
    for _ in range(5):
        assert client.get(address).status_code == 200
    for word in ("byt", "obec", "nájem"):
        assert client.get(address, {parameter: word}).status_code == 200
    refused = client.get(address, {parameter: "Pardubice"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "<h1>Příliš mnoho požadavků</h1>" in refused.content.decode()
    # Another client has its own budget.
    assert client.get(address, {parameter: "byt"}, REMOTE_ADDR="198.51.100.7").status_code == 200


def test_the_boxes_share_one_budget(client, limited, search_boxes):
    """Spreading a scrape over the four boxes buys no more searches."""
    for address, parameter in search_boxes[:3]:
        assert client.get(address, {parameter: "byt"}).status_code == 200
    address, parameter = search_boxes[3]
    assert client.get(address, {parameter: "byt"}).status_code == 429
