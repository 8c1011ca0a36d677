"""A sign-up the time-trap suspects gets a second, human step, never a fake success.

Browser autofill and Enter take under FORM_MIN_FILL_SECONDS: such a person used to see the
normal success page while no confirmation was ever sent. Now they see the form again, filled
in as sent, with one button ("Potvrďte přihlášení"); only the honeypot is still answered
quietly. Each path is counted per day.
"""

import time

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from newsletter.models import Subscriber
from portal import form_checks
from portal.abuse import form_started_token
from tests.newsletter.helpers import signup_data

pytestmark = pytest.mark.django_db

CHECK_INBOX = "/odber/zkontrolujte-schranku/"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def too_fast(**extra):
    # A second after the page was shown: quicker than FORM_MIN_FILL_SECONDS (3), with room
    # for a slow first request of the test run.
    return signup_data(form_started=form_started_token(time.time() - 1), **extra)


def form_fields(response, selector="form.signup-form"):
    """What a browser would post from the page's form (its one button pressed)."""
    form = BeautifulSoup(response.content, "html.parser").select_one(selector)
    data = {}
    for field in form.select("input"):
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.get("type") in ("submit", "button"):
            continue
        data.setdefault(field["name"], []).append(field.get("value", ""))
    for select in form.select("select"):
        chosen = select.select_one("option[selected]") or select.select_one("option")
        data[select["name"]] = [chosen["value"]]
    return data


def buttons(response, selector="form.signup-form"):
    form = BeautifulSoup(response.content, "html.parser").select_one(selector)
    return [button.get_text(strip=True) for button in form.select("button")]


def as_a_person_would(seconds=1.1):
    # Wait as a person reading one line would before pressing the button.
    time.sleep(seconds)


def test_a_quick_sign_up_is_asked_to_confirm_not_told_it_succeeded(client, home, email_outbox):
    posted = too_fast(email="rychla.jana@seznam.cz")
    response = email_outbox(client.post, "/odber/", posted)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Formulář byl odeslán velmi rychle" in html
    assert buttons(response) == ["Potvrďte přihlášení"]
    fields = form_fields(response)
    assert fields["email"] == ["rychla.jana@seznam.cz"]  # the address is kept
    assert fields["source"] == ["footer"]  # still the footer's sign-up
    assert fields["page_path"] == ["/metodika/"]
    assert fields["form_started"] != [posted["form_started"]]  # a fresh time-trap token
    assert fields["form_started"][0]
    assert fields["second_step"][0]
    assert not Subscriber.objects.exists() and email_outbox.outbox == []
    assert form_checks.counts("newsletter-signup") == {"asked_to_confirm": 1}


def test_confirming_the_second_step_subscribes(client, home, email_outbox):
    asked = email_outbox(client.post, "/odber/", too_fast())
    as_a_person_would()
    confirmed = email_outbox(client.post, "/odber/", form_fields(asked))
    assert (confirmed.status_code, confirmed.url) == (302, CHECK_INBOX)
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "jana@seznam.cz"
    assert subscriber.status == "pending"
    assert subscriber.source == "footer"
    assert subscriber.consent_page == "/metodika/"
    [message] = email_outbox.outbox
    assert message.to == ["jana@seznam.cz"]
    assert "/odber/potvrdit/" in message.body
    assert form_checks.counts("newsletter-signup") == {"asked_to_confirm": 1, "confirmed": 1}


def test_the_second_step_keeps_language_and_topics(client, home, email_outbox):
    from tests import factories

    topic = factories.TopicFactory(name="Sociální práce")
    factories.TopicFactory(name="Bydlení")
    asked = email_outbox(
        client.post, "/odber/", too_fast(source="page", topics=[topic.pk], language="en")
    )
    fields = form_fields(asked)
    assert fields["topics"] == [str(topic.pk)]
    assert fields["language"] == ["en"]
    assert fields["source"] == ["page"]
    as_a_person_would()
    email_outbox(client.post, "/odber/", fields)
    subscriber = Subscriber.objects.get()
    assert list(subscriber.topics.all()) == [topic]
    assert subscriber.language == "en"


def test_a_second_step_sent_at_once_is_asked_again_never_dropped(client, home, email_outbox):
    asked = email_outbox(client.post, "/odber/", too_fast())
    again = email_outbox(client.post, "/odber/", form_fields(asked))
    assert again.status_code == 200
    assert buttons(again) == ["Potvrďte přihlášení"]
    assert not Subscriber.objects.exists()
    as_a_person_would()
    done = email_outbox(client.post, "/odber/", form_fields(again))
    assert done.status_code == 302 and Subscriber.objects.exists()
    assert form_checks.counts("newsletter-signup") == {"asked_to_confirm": 2, "confirmed": 1}


def test_a_forged_second_step_token_does_not_pass(client, home, email_outbox):
    response = email_outbox(client.post, "/odber/", too_fast(second_step="forged"))
    assert response.status_code == 200 and buttons(response) == ["Potvrďte přihlášení"]
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize("started", ["forged", "", "expired"])
def test_a_missing_forged_or_expired_time_trap_also_gets_the_second_step(
    client, home, email_outbox, started
):
    # A page left open overnight, or a cached page without its token, is a person too.
    token = form_started_token(time.time() - 3 * 86400) if started == "expired" else started
    response = email_outbox(client.post, "/odber/", signup_data(form_started=token))
    assert response.status_code == 200 and buttons(response) == ["Potvrďte přihlášení"]
    as_a_person_would()
    email_outbox(client.post, "/odber/", form_fields(response))
    assert Subscriber.objects.get().email == "jana@seznam.cz"


def test_the_honeypot_alone_is_still_answered_quietly_and_counted(client, home, email_outbox):
    response = email_outbox(client.post, "/odber/", too_fast(website="http://spam.example"))
    assert (response.status_code, response.url) == (302, CHECK_INBOX)
    # Not even a second step gets it through.
    late = signup_data(
        website="http://spam.example", second_step=form_checks.second_step_token(time.time() - 5)
    )
    email_outbox(client.post, "/odber/", late)
    assert not Subscriber.objects.exists() and email_outbox.outbox == []
    assert form_checks.counts("newsletter-signup") == {"honeypot": 2}


def test_a_sign_up_at_a_human_pace_is_accepted_at_once_and_counted(client, home, email_outbox):
    response = email_outbox(client.post, "/odber/", signup_data())
    assert response.status_code == 302
    assert len(email_outbox.outbox) == 1
    assert form_checks.counts("newsletter-signup") == {"accepted": 1}


def test_an_invalid_address_is_not_counted_as_accepted(client, home, email_outbox):
    email_outbox(client.post, "/odber/", signup_data(email="jana.seznam.cz"))
    assert form_checks.counts("newsletter-signup") == {}


def test_the_english_second_step(client, home, email_outbox):
    response = email_outbox(client.post, "/en/subscription/", too_fast())
    assert response.status_code == 200
    assert "The form was sent very quickly" in response.content.decode()
    assert buttons(response) == ["Confirm sign-up"]


def test_a_quick_resend_is_asked_to_confirm_too(client, home, email_outbox):
    from tests.newsletter.factories import SubscriberFactory

    SubscriberFactory(email="cekajici@seznam.cz", status="pending", confirmed_at=None)
    posted = {"email": "cekajici@seznam.cz", "website": "", "form_started": form_started_token()}
    asked = email_outbox(client.post, "/odber/poslat-znovu/", posted)
    assert asked.status_code == 200
    assert buttons(asked, "main form") == ["Potvrďte odeslání"]
    fields = form_fields(asked, "main form")
    assert fields["email"] == ["cekajici@seznam.cz"]
    assert email_outbox.outbox == []
    as_a_person_would()
    done = email_outbox(client.post, "/odber/poslat-znovu/", fields)
    assert (done.status_code, done.url) == (302, CHECK_INBOX)
    assert [message.to for message in email_outbox.outbox] == [["cekajici@seznam.cz"]]
    assert form_checks.counts("newsletter-resend") == {"asked_to_confirm": 1, "confirmed": 1}


def test_counts_are_kept_per_day_and_form(db):
    from datetime import date

    form_checks.record("newsletter-signup", "accepted", day=date(2026, 12, 1))
    form_checks.record("newsletter-signup", "accepted", day=date(2026, 12, 1))
    form_checks.record("newsletter-signup", "accepted", day=date(2026, 12, 2))
    form_checks.record("contact-question", "accepted", day=date(2026, 12, 1))
    assert form_checks.counts("newsletter-signup", day=date(2026, 12, 1)) == {"accepted": 2}
    assert form_checks.counts("newsletter-signup", day=date(2026, 12, 2)) == {"accepted": 1}
    assert form_checks.counts("contact-question", day=date(2026, 12, 1)) == {"accepted": 1}


def test_the_second_step_needs_a_second_and_lasts_a_day():
    from django import forms

    from portal.abuse import HumanCheckMixin

    class ExampleForm(HumanCheckMixin, forms.Form):
        pass

    now = 1_800_000_000.0

    def outcome(step_age, website=""):
        data = {
            "website": website,
            "form_started": form_started_token(now - 0.2),  # too fast for the time-trap
            "second_step": form_checks.second_step_token(now - step_age),
        }
        return form_checks.decide(ExampleForm(data, now=now), now=now)

    assert outcome(0.4) == "asked_to_confirm"
    assert outcome(0.99) == "asked_to_confirm"
    assert outcome(1.0) == "confirmed"
    assert outcome(600) == "confirmed"
    assert outcome(2 * 86400) == "asked_to_confirm"
    assert outcome(600, website="http://spam.example") == "honeypot"
