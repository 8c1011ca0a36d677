"""Signing up: validated, double opt-in, idempotent, and silent about who is subscribed."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from newsletter.models import Subscriber, SuppressedAddress
from portal.models import OutgoingEmail
from tests.newsletter.factories import SubscriberFactory
from tests.newsletter.helpers import signup_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def post(client, email_outbox, **data):
    return email_outbox(client.post, "/odber/", signup_data(**data))


def test_footer_sign_up_records_a_pending_subscriber_and_asks_for_confirmation(
    client, home, email_outbox
):
    response = post(client, email_outbox)
    assert response.status_code == 302
    assert response.url == "/odber/zkontrolujte-schranku/"
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "pending"
    assert subscriber.email == "jana@seznam.cz"
    assert subscriber.language == "cs"
    assert subscriber.source == "footer"
    assert subscriber.consent_page == "/metodika/"
    assert subscriber.consent_language == "cs"
    assert "jen k zasílání Zpravodaje" in subscriber.consent_text
    assert subscriber.ip_hash and "127.0.0.1" not in subscriber.ip_hash
    [message] = email_outbox.outbox
    assert message.to == ["jana@seznam.cz"]
    assert message.subject == "Potvrďte odběr Zpravodaje sociálního bydlení"
    assert "/odber/potvrdit/" in message.body
    assert "Odkaz platí 7 dní." in message.body


def test_signing_up_twice_is_harmless(client, home, email_outbox):
    first = post(client, email_outbox)
    second = post(client, email_outbox, email="JANA@seznam.cz")
    assert first.status_code == second.status_code == 302
    assert first.url == second.url
    assert Subscriber.objects.count() == 1
    # The second sign-up does not flood the inbox within the resend interval.
    assert len(email_outbox.outbox) == 1


def test_response_never_reveals_that_an_address_is_subscribed(client, home, email_outbox):
    SubscriberFactory(email="petr@seznam.cz")
    known = post(client, email_outbox, email="petr@seznam.cz")
    unknown = post(client, email_outbox, email="pavla@seznam.cz")
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)

    def main(url):  # the frame differs per request (CSRF, time-trap), the message must not
        return BeautifulSoup(client.get(url).content, "html.parser").main.decode()

    assert main(known.url) == main(unknown.url)
    # The confirmed subscriber gets no confirmation mail and stays confirmed.
    assert [m.to for m in email_outbox.outbox] == [["pavla@seznam.cz"]]
    assert Subscriber.objects.get(email="petr@seznam.cz").status == "confirmed"


def test_unsubscribed_person_must_confirm_again(client, home, email_outbox):
    SubscriberFactory(email="petr@seznam.cz", status="unsubscribed")
    post(client, email_outbox, email="petr@seznam.cz")
    assert Subscriber.objects.get().status == "pending"
    assert len(email_outbox.outbox) == 1


def test_suppressed_address_gets_no_mail_and_the_same_answer(client, home, email_outbox):
    SuppressedAddress.objects.create(
        address_hash=SuppressedAddress.hash_of("stezovatel@seznam.cz"), reason="complaint"
    )
    response = post(client, email_outbox, email="stezovatel@seznam.cz")
    assert response.status_code == 302 and response.url == "/odber/zkontrolujte-schranku/"
    assert not Subscriber.objects.exists()
    assert email_outbox.outbox == []


def test_bad_address_is_refused_with_an_accessible_czech_error(client, home, email_outbox):
    response = post(client, email_outbox, email="jana.seznam.cz")
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.title.get_text().startswith("Chyba: ")
    summary = soup.select_one("[data-error-summary]")
    assert summary["role"] == "alert" and summary["tabindex"] == "-1"
    assert summary.a["href"] == "#id_email"
    assert "Neplatný e-mail." in summary.get_text()
    field = soup.select_one("#id_email")
    assert field["value"] == "jana.seznam.cz"
    assert field["aria-invalid"] == "true"
    assert "id_email_error" in field["aria-describedby"]
    assert (
        soup.select_one("#id_email_error")
        .get_text(" ", strip=True)
        .startswith("Chyba: Neplatný e-mail.")
    )
    assert not Subscriber.objects.exists() and email_outbox.outbox == []


def test_english_page_explains_the_error_in_english(client, home, email_outbox):
    response = email_outbox(client.post, "/en/subscription/", signup_data(email="jana"))
    assert response.status_code == 400
    assert "Invalid e-mail. The address must contain the at sign (@)." in response.content.decode()


def test_likely_typo_offers_the_fix_and_lets_the_person_keep_their_address(
    client, home, email_outbox
):
    response = post(client, email_outbox, email="jana@sezanm.cz")
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Nemysleli jste jana@seznam.cz?" in soup.select_one("#id_email_error").get_text()
    assert soup.find("button", attrs={"name": "use_suggestion"})["value"] == "jana@seznam.cz"
    assert not Subscriber.objects.exists()

    fixed = post(client, email_outbox, email="jana@sezanm.cz", use_suggestion="jana@seznam.cz")
    assert fixed.status_code == 302
    assert Subscriber.objects.get().email == "jana@seznam.cz"

    kept = post(client, email_outbox, email="petr@sezanm.cz", keep_address="1")
    assert kept.status_code == 302
    assert Subscriber.objects.filter(email="petr@sezanm.cz").exists()


@pytest.mark.parametrize(
    "hostile",
    [
        "jana@seznam.cz\r\nBcc: obet@example.cz",
        "Jana Nováková <jana@seznam.cz>",
        "a@seznam.cz, b@seznam.cz",
        "x" * 5000 + "@seznam.cz",
        "<script>alert(1)</script>@seznam.cz",
        "' OR 1=1 --@seznam.cz",
    ],
)
def test_hostile_addresses_are_refused_without_a_server_error(client, home, email_outbox, hostile):
    response = post(client, email_outbox, email=hostile)
    assert response.status_code == 400
    assert b"<script>alert(1)</script>" not in response.content
    assert not Subscriber.objects.exists()
    assert email_outbox.outbox == []


def test_honeypot_is_answered_like_success_and_stores_nothing(client, home, email_outbox):
    response = post(client, email_outbox, website="http://spam.example")
    assert response.status_code == 302 and response.url == "/odber/zkontrolujte-schranku/"
    assert not Subscriber.objects.exists() and email_outbox.outbox == []


def test_too_fast_or_forged_form_stores_nothing_and_is_never_told_it_succeeded(
    client, home, email_outbox
):
    # It gets a second step to confirm (tests/newsletter/test_second_step.py).
    from portal.abuse import form_started_token

    for started in (form_started_token(), "forged"):
        response = post(client, email_outbox, form_started=started)
        assert response.status_code == 200
        assert "Potvrďte přihlášení" in response.content.decode()
    assert not Subscriber.objects.exists() and email_outbox.outbox == []


def test_rate_limit_per_ip_answers_429_in_czech(client, home, email_outbox, settings):
    settings.NEWSLETTER_SIGNUPS_PER_IP = "3/h"
    statuses = [post(client, email_outbox, email=f"a{n}@seznam.cz").status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    limited = post(client, email_outbox, email="b@seznam.cz")
    assert limited.status_code == 429
    assert "Příliš mnoho požadavků" in limited.content.decode()
    assert Subscriber.objects.count() == 3


def test_rate_limit_per_address_across_ips(client, home, email_outbox, settings):
    settings.NEWSLETTER_SIGNUPS_PER_ADDRESS = "2/d"
    statuses = [
        email_outbox(client.post, "/odber/", signup_data(), REMOTE_ADDR=f"192.0.2.{n}").status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_sign_up_page_offers_topics_and_language(client, home):
    from tests import factories

    factories.TopicFactory(name="Sociální práce")
    soup = BeautifulSoup(client.get("/odber/").content, "html.parser")
    assert soup.find("label", string="Sociální práce")
    assert soup.select_one("#id_language option[selected]")["value"] == "cs"


def test_sign_up_with_topics_and_english_language(client, home, email_outbox):
    from tests import factories

    topic = factories.TopicFactory(name="Sociální práce")
    post(client, email_outbox, source="page", topics=[topic.pk], language="en")
    subscriber = Subscriber.objects.get()
    assert list(subscriber.topics.all()) == [topic]
    assert subscriber.language == "en"
    assert email_outbox.outbox[0].subject == (
        "Confirm your subscription to the social housing bulletin"
    )
    assert "/subscription/confirm/" in email_outbox.outbox[0].body


def test_footer_of_every_page_carries_the_form(client, home, footer):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    form = soup.select_one("footer form.signup-form")
    assert form["action"] == "/odber/"
    assert form.select_one('input[name="email"]')
    assert form.select_one('input[name="website"]')
    assert form.select_one('input[name="form_started"]')["value"]
    assert "Přihlaste se k odběru novinek a Zpravodaje sociálního bydlení" in soup.footer.get_text()


def test_outbox_row_is_written_with_the_subscriber(client, home, email_outbox):
    post(client, email_outbox)
    assert OutgoingEmail.objects.get().purpose == "newsletter.confirm"
