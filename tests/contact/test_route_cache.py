"""The route cache (home/routing.py) remembers which page an address leads to, never a copy
of the page and never a routable page's arguments (an inquiry's status token)."""

import pytest
from django.core.cache import cache

from .test_views import FORM, question

pytestmark = pytest.mark.django_db


def cached_bytes() -> list[bytes]:
    # The in-memory test cache keeps pickled values: a string in one shows in its bytes.
    return [key.encode() + value for key, value in list(cache._cache.items())]


def test_the_status_token_is_never_kept_in_the_cache(client, contact_page, topic):
    location = client.post(FORM, question(topic))["Location"]
    token = location.rstrip("/").rsplit("/", 1)[1]
    for _ in range(2):
        assert client.get(f"/napiste-nam/stav/{token}/").status_code == 200
    assert cached_bytes()  # routes, the frame and pages were cached meanwhile
    assert not any(token.encode() in value for value in cached_bytes())


def test_a_published_change_of_a_routable_page_shows_at_the_next_request(client, contact_page):
    for _ in range(2):
        assert client.get(FORM).status_code == 200
    page = contact_page.specific_class.objects.get(pk=contact_page.pk)
    page.intro = "Nový úvod kontaktního centra"
    page.save_revision().publish()
    assert "Nový úvod kontaktního centra" in client.get(FORM).content.decode()


def test_a_remembered_route_serves_the_live_page_not_a_copy(client, section, footer):
    from tests import factories

    article = factories.ArticlePageFactory(parent=section, title="Původní název")
    for _ in range(2):
        assert "Původní název" in client.get(article.url).content.decode()
    # Changed without any signal: a remembered route must still read the page itself.
    article.specific_class.objects.filter(pk=article.pk).update(title="Nový název")
    assert "Nový název" in client.get(article.url).content.decode()
