"""Several processes share one Redis cache: what one retires, every other stops serving.

Skipped with the reason when the test Redis does not answer (TEST_REDIS_PORT; database 15).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from portal.settings.env import cache_settings
from tests import factories
from tests.task_workers import redis_answers, redis_url

REDIS_URL = redis_url(15)
ROOT = Path(__file__).resolve().parent.parent.parent


pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not redis_answers(), reason="the test Redis is not running (TEST_REDIS_PORT)"
    ),
]


@pytest.fixture
def shared_cache(settings):
    settings.CACHES = cache_settings(REDIS_URL)
    settings.PAGE_CACHE_SECONDS = 600
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()


def in_another_process(code: str) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "REDIS_URL": REDIS_URL,
        "SECRET_KEY": "another-process-" + "k" * 40,
        "ALLOWED_HOSTS": "testserver",
        "EMAIL_URL": "console://",
        "DEFAULT_FROM_EMAIL": "noreply@example.cz",
        "SECURE_HTTPS": "false",
    }
    script = f"import django; django.setup()\n{code}"
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True, timeout=60)  # noqa: S603


def test_a_content_change_in_another_process_is_rendered_afresh_here(
    client, shared_cache, section, footer
):
    article = factories.ArticlePageFactory(parent=section)
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    in_another_process(
        "from portal.caching.invalidation import content_changed; content_changed('a test')"
    )

    assert client.get(article.url)["X-Page-Cache"] == "miss"


def test_a_site_change_in_another_process_retires_every_page_and_the_frame_here(
    client, shared_cache, section, footer
):
    article = factories.ArticlePageFactory(parent=section)
    for url in (article.url, section.url, article.url, section.url):
        client.get(url)

    in_another_process("from portal.caching.generation import bump_generation; bump_generation()")

    assert client.get(article.url)["X-Page-Cache"] == "miss"
    assert client.get(section.url)["X-Page-Cache"] == "miss"
