"""Pages under a secret link (the token is the authority): every answer is never stored and
sends no Referer, and their forms work under `no-referrer` (browsers post them with
`Origin: null`), while a forger without the token changes nothing."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from newsletter.models import Subscriber
from newsletter.tokens import make_confirm_token, make_manage_token
from tests import factories
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db

FORGED = "padelany-token"
EVIL = "https://evil.example"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def browser():
    """A client that checks CSRF as a real browser's requests are checked."""
    return Client(enforce_csrf_checks=True)


def links(subscriber, token=None):
    manage = token or make_manage_token(subscriber)
    confirm = token or make_confirm_token(subscriber)
    return {
        "confirm": reverse("newsletter:confirm", args=[confirm]),
        "preferences": reverse("newsletter:preferences", args=[manage]),
        "unsubscribe": reverse("newsletter:unsubscribe", args=[manage]),
        "export": reverse("newsletter:export", args=[manage]),
        "erase": reverse("newsletter:erase", args=[manage]),
    }


def assert_private_and_unreferred(response):
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize("name", ["confirm", "preferences", "unsubscribe", "export", "erase"])
@pytest.mark.parametrize("method", ["get", "post", "put"])
@pytest.mark.parametrize("token", ["right", "forged"])
def test_every_answer_under_a_secret_link_is_never_stored_nor_referred(
    browser, home, settings, name, method, token
):
    settings.PAGE_CACHE_SECONDS = 600
    subscriber = SubscriberFactory(status="pending" if name == "confirm" else "confirmed")
    path = links(subscriber, None if token == "right" else FORGED)[name]
    response = getattr(browser, method)(path, HTTP_ORIGIN="null")
    # Answers, refusals (404), wrong methods (405) and invalid forms (400) alike.
    assert response.status_code in (200, 302, 400, 404, 405), response.status_code
    assert_private_and_unreferred(response)


@pytest.mark.parametrize("name", ["confirm", "preferences", "unsubscribe", "erase"])
def test_a_cross_site_post_without_the_token_changes_nothing(browser, home, name):
    subscriber = SubscriberFactory(status="pending" if name == "confirm" else "confirmed")
    before = Subscriber.objects.values().get(pk=subscriber.pk)
    response = browser.post(
        links(subscriber, FORGED)[name],
        {"language": "en", "confirm": "on", "List-Unsubscribe": "One-Click"},
        HTTP_ORIGIN=EVIL,
    )
    assert response.status_code == 404
    assert_private_and_unreferred(response)
    assert Subscriber.objects.values().get(pk=subscriber.pk) == before


def test_a_post_with_an_expired_confirmation_token_confirms_nothing(browser, home, settings):
    import datetime

    import time_machine

    subscriber = SubscriberFactory(status="pending")
    path = links(subscriber)["confirm"]
    with time_machine.travel(datetime.timedelta(days=30)):
        response = browser.post(path, HTTP_ORIGIN=EVIL)
    assert response.status_code == 302  # to "check your inbox", as today: a new link is sent
    assert_private_and_unreferred(response)
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"


def test_preferences_are_saved_from_a_page_that_sends_no_referrer(browser, home):
    """`Referrer-Policy: no-referrer` makes the browser post with `Origin: null` and no
    Referer; the reader's change is saved all the same."""
    topic = factories.TopicFactory(name="Sociální práce")
    subscriber = SubscriberFactory(language="cs")
    path = links(subscriber)["preferences"]
    page = browser.get(path)
    assert page.status_code == 200
    response = browser.post(
        path, {"language": "en", "topics": [topic.pk]}, HTTP_ORIGIN="null", secure=False
    )
    assert response.status_code == 200
    assert "Změny byly uloženy." in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.language == "en"
    assert list(subscriber.topics.all()) == [topic]


@pytest.mark.parametrize("name", ["confirm", "unsubscribe"])
def test_the_one_button_pages_work_from_a_page_that_sends_no_referrer(browser, home, name):
    subscriber = SubscriberFactory(status="pending" if name == "confirm" else "confirmed")
    response = browser.post(links(subscriber)[name], HTTP_ORIGIN="null")
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == ("confirmed" if name == "confirm" else "unsubscribed")


def test_the_other_forms_still_refuse_a_post_without_a_csrf_token(browser, home):
    """Only the views under a secret link are exempt: the sign-up keeps its CSRF check."""
    response = browser.post(
        reverse("newsletter:subscribe"), {"email": "jana@seznam.cz"}, HTTP_ORIGIN=EVIL
    )
    assert response.status_code == 403
    assert not Subscriber.objects.exists()
