"""A sign-up posted from a cached page without JavaScript (so without a CSRF token)."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse

from newsletter.models import Subscriber
from portal.abuse import form_started_token

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_limits():
    from django.core.cache import cache

    cache.clear()


def posted(email="starostka@obec-lhota.cz", token=""):
    data = {
        "email": email,
        "language": "cs",
        "source": "footer",
        "page_path": "/metodika/",
        "form_started": form_started_token(time.time() - 30),
        "website": "",
    }
    if token:
        data["csrfmiddlewaretoken"] = token
    return data


def test_refused_post_comes_back_filled_in_and_one_more_click_subscribes(home, footer):
    client = Client(enforce_csrf_checks=True)
    url = reverse("newsletter:subscribe")

    refused = client.post(url, posted())

    assert refused.status_code == 403
    html = refused.content.decode()
    assert 'value="starostka@obec-lhota.cz"' in html
    assert "odešlete ještě jednou" in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert not Subscriber.objects.exists()

    accepted = client.post(url, posted(token=token))

    assert accepted.status_code == 302
    assert accepted["Location"] == reverse("newsletter:check_inbox")
    assert Subscriber.objects.filter(email="starostka@obec-lhota.cz").exists()


def test_other_refused_posts_still_get_the_explanation(home):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/csrf-token/", {})
    assert response.status_code == 403
    assert "starostka" not in response.content.decode()
