"""Links in e-mails: confirm (expiring, re-sendable), unsubscribe (one click, never expiring),
preferences with export and erasure. Opening a link never changes anything by itself."""

import datetime
import json

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import ModelLogEntry

from newsletter import services
from newsletter.models import Subscriber, SuppressedAddress
from newsletter.tokens import make_confirm_token, make_manage_token
from tests.newsletter.factories import SubscriberFactory
from tests.newsletter.helpers import link_in, path_of, signup_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def pending(client, home, email_outbox):
    email_outbox(client.post, "/odber/", signup_data())
    return Subscriber.objects.get()


def confirm_path(email_outbox):
    return path_of(link_in(email_outbox.outbox[-1], "potvrdit"))


def test_opening_the_confirmation_link_changes_nothing(client, pending, email_outbox):
    path = confirm_path(email_outbox)
    for _scanner in range(3):
        response = client.get(path)
        assert response.status_code == 200
    pending.refresh_from_db()
    assert pending.status == "pending"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("main form[method=post] button").get_text() == "Potvrdit odběr"


def test_pressing_the_button_confirms(client, pending, email_outbox):
    path = confirm_path(email_outbox)
    response = client.post(path)
    assert response.status_code == 200
    assert "Odběr je potvrzen" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == "confirmed" and pending.confirmed_at
    assert client.post(path).status_code == 200  # a second press is harmless
    assert "už je potvrzený" in client.get(path).content.decode()


def test_confirmation_link_expires_after_seven_days_and_can_be_sent_again(
    client, pending, email_outbox
):
    path = confirm_path(email_outbox)
    with time_machine.travel(datetime.timedelta(days=8)):
        response = client.get(path)
        assert response.status_code == 410
        assert "Platnost odkazu vypršela" in response.content.decode()
        assert email_outbox(client.post, path).status_code == 302
        pending.refresh_from_db()
        assert pending.status == "pending"
    assert len(email_outbox.outbox) == 2
    new_path = confirm_path(email_outbox)
    assert new_path != path
    with time_machine.travel(datetime.timedelta(days=9)):
        assert client.post(new_path).status_code == 200
    pending.refresh_from_db()
    assert pending.status == "confirmed"


def test_forged_or_mangled_links_are_refused(client, pending):
    other = SubscriberFactory(status="pending")
    token = make_confirm_token(pending)
    for bad in (token[:-2] + "xx", "garbage", make_confirm_token(other).replace(":", ";")):
        assert client.get(f"/odber/potvrdit/{bad}/").status_code == 404
    assert client.get(f"/odber/potvrdit/{make_confirm_token(other)}/").status_code == 200


def test_a_new_link_secret_voids_old_links(client, pending):
    old = make_manage_token(pending)
    pending.new_link_secret()
    pending.save()
    assert client.get(f"/odber/odhlasit/{old}/").status_code == 404


def test_send_again_gives_the_same_answer_for_any_address(client, pending, email_outbox):
    from tests.newsletter.helpers import signup_data as data

    with time_machine.travel(datetime.timedelta(minutes=15)):
        known = email_outbox(client.post, "/odber/poslat-znovu/", data())
        unknown = email_outbox(client.post, "/odber/poslat-znovu/", data("nikdo@seznam.cz"))
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert [m.to for m in email_outbox.outbox] == [["jana@seznam.cz"], ["jana@seznam.cz"]]


def one_click(client, token):
    """What a mailbox provider does for RFC 8058: a cookieless POST with this body."""
    return client.post(
        f"/odber/odhlasit/{token}/",
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )


def test_one_click_unsubscribe_takes_effect_in_that_request(home):
    from django.test import Client

    subscriber = SubscriberFactory()
    strict = Client(enforce_csrf_checks=True)
    response = one_click(strict, make_manage_token(subscriber))
    assert response.status_code == 200
    assert "Location" not in response
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed" and subscriber.unsubscribed_at


def test_unsubscribe_link_shows_one_button_and_never_expires(client, home):
    subscriber = SubscriberFactory()
    path = f"/odber/odhlasit/{make_manage_token(subscriber)}/"
    with time_machine.travel(datetime.timedelta(days=5 * 365)):
        page = client.get(path)
        assert page.status_code == 200
        buttons = BeautifulSoup(page.content, "html.parser").select("main button")
        assert [b.get_text() for b in buttons] == ["Odhlásit odběr"]
        subscriber.refresh_from_db()
        assert subscriber.status == "confirmed"
        response = client.post(path)
    assert response.status_code == 200
    assert "Odběr byl odhlášen" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


def test_an_unsubscribe_link_cannot_be_turned_into_another_persons(client, home):
    mine = SubscriberFactory()
    theirs = SubscriberFactory()
    from django.core import signing

    token = make_manage_token(mine)
    _payload, timestamp, signature = token.rsplit(":", 2)
    # Their id with my valid signature, and their id with my secret signed by someone else.
    swapped = signing.b64_encode(f'{{"s":{theirs.pk},"k":"{mine.link_secret}"}}'.encode())
    forged_payload = f"{swapped.decode()}:{timestamp}:{signature}"
    self_signed = signing.dumps(
        {"s": theirs.pk, "k": mine.link_secret}, key="not-our-key", salt="newsletter.manage"
    )
    guessed_secret = signing.dumps({"s": theirs.pk, "k": "0" * 32}, salt="newsletter.manage")
    for forged in (forged_payload, self_signed, guessed_secret):
        assert one_click(client, forged).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "confirmed"


def test_preferences_change_language_and_topics(client, home):
    from tests import factories

    topic = factories.TopicFactory(name="Sociální práce")
    subscriber = SubscriberFactory()
    path = f"/odber/nastaveni/{make_manage_token(subscriber)}/"
    assert client.get(path).status_code == 200
    response = client.post(path, {"language": "en", "topics": [topic.pk]})
    assert "Změny byly uloženy." in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.language == "en"
    assert list(subscriber.topics.all()) == [topic]


def test_subscriber_downloads_their_data(client, home):
    subscriber = SubscriberFactory(consent_page="/metodika/")
    response = client.post(f"/odber/nastaveni/{make_manage_token(subscriber)}/export/")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["email"] == subscriber.email
    assert data["consent"]["page"] == "/metodika/"
    entry = ModelLogEntry.objects.get(action="newsletter.subscriber.export")
    assert subscriber.email not in entry.label


def test_erasure_needs_confirmation_then_forgets_the_person_but_not_a_suppression(client, home):
    subscriber = SubscriberFactory(email="stezovatel@seznam.cz")
    services.suppress(subscriber.email, SuppressedAddress.Reason.COMPLAINT)
    path = f"/odber/nastaveni/{make_manage_token(subscriber)}/smazat/"
    refused = client.post(path, {})
    assert refused.status_code == 400
    assert "Zaškrtnutím potvrďte" in refused.content.decode()
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()
    done = client.post(path, {"confirm": "on"})
    assert "Vaše údaje byly smazány" in done.content.decode()
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert SuppressedAddress.is_suppressed("stezovatel@seznam.cz")
    entry = ModelLogEntry.objects.get(action="newsletter.subscriber.erase")
    assert "stezovatel" not in entry.label + json.dumps(entry.data)


def test_unconfirmed_sign_ups_are_purged_after_the_retention_period(settings):
    settings.NEWSLETTER_UNCONFIRMED_RETENTION_DAYS = 30
    old = SubscriberFactory(status="pending")
    Subscriber.objects.filter(pk=old.pk).update(
        created_at=old.created_at - datetime.timedelta(days=31)
    )
    fresh = SubscriberFactory(status="pending")
    confirmed_long_ago = SubscriberFactory()
    Subscriber.objects.filter(pk=confirmed_long_ago.pk).update(
        created_at=old.created_at - datetime.timedelta(days=400)
    )
    assert services.purge_unconfirmed() == 1
    assert set(Subscriber.objects.values_list("pk", flat=True)) == {fresh.pk, confirmed_long_ago.pk}


def _secret_links(subscriber):
    manage = make_manage_token(subscriber)
    return {
        "confirm": reverse("newsletter:confirm", args=[make_confirm_token(subscriber)]),
        "preferences": reverse("newsletter:preferences", args=[manage]),
        "unsubscribe": reverse("newsletter:unsubscribe", args=[manage]),
    }


@pytest.mark.parametrize("link", ["confirm", "preferences", "unsubscribe"])
def test_a_page_under_a_secret_link_is_never_stored_nor_referred(client, home, settings, link):
    """The preferences page shows the address: no shared cache may keep it, and the next site
    the reader opens must not learn the link from the Referer."""
    settings.PAGE_CACHE_SECONDS = 600
    subscriber = SubscriberFactory(email="tajna@seznam.cz", status="confirmed")
    path = _secret_links(subscriber)[link]
    for _reader in range(2):
        response = client.get(path)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert response["Referrer-Policy"] == "no-referrer"
        assert response.get("X-Page-Cache") is None
    assert not [key for key in cache._cache if "page:" in key]


@pytest.mark.parametrize("name", ["confirm", "preferences", "unsubscribe"])
def test_a_forged_secret_link_is_kept_private_too(client, home, name):
    response = client.get(reverse(f"newsletter:{name}", args=["padelany-token"]))
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
