"""The status page's address is the inquiry's secret: every answer under it, its 404 for a
retired or mistyped token included, is never stored and sends no Referer."""

import pytest

from .test_views import FORM, question

pytestmark = pytest.mark.django_db


def assert_private_and_unreferred(response):
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"


def test_every_answer_of_the_status_page_is_never_stored_nor_referred(
    client, contact_page, topic, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    location = client.post(FORM, question(topic))["Location"]
    token = location.rstrip("/").rsplit("/", 1)[1]
    found = client.get(f"/napiste-nam/stav/{token}/")
    assert found.status_code == 200
    assert_private_and_unreferred(found)
    tampered = token[:-1] + ("y" if token.endswith("x") else "x")
    for guess in (tampered, "x" * 500):
        refused = client.get(f"/napiste-nam/stav/{guess}/")
        assert refused.status_code == 404
        assert_private_and_unreferred(refused)
        assert refused.get("X-Page-Cache") is None


def test_every_answer_of_the_confirmation_page_is_never_stored_nor_referred(
    client, contact_page, topic, settings
):
    """The page shown right after sending holds the same token in its address."""
    settings.PAGE_CACHE_SECONDS = 600
    location = client.post(FORM, question(topic))["Location"]
    shown = client.get(location)
    assert shown.status_code == 200
    assert_private_and_unreferred(shown)
    token = location.rstrip("/").rsplit("/", 1)[1]
    tampered = location.replace(token, token[:-1] + ("y" if token.endswith("x") else "x"))
    refused = client.get(tampered)
    assert refused.status_code == 404
    assert_private_and_unreferred(refused)
    assert refused.get("X-Page-Cache") is None
