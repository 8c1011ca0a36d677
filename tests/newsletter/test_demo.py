"""The demo's bulletin subscribers: a half year of sign-ups in both languages, a few who left,
at reserved example domains, made without a single e-mail and only once."""

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from newsletter.demo_subscribers import (
    CONFIRMED,
    HISTORY_DAYS,
    PENDING,
    UNSUBSCRIBED,
    build_demo_subscribers,
    demo_subscribers,
)
from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db

RESERVED = ("@example.com", "@example.org", "@example.net")


@pytest.fixture
def site(shared_demo_site, db):
    return shared_demo_site


def test_demo_subscribers_are_in_both_languages_and_mostly_confirmed(site):
    subscribers = Subscriber.objects.all()
    assert Counter(subscribers.values_list("status", flat=True)) == {
        "confirmed": CONFIRMED,
        "unsubscribed": UNSUBSCRIBED,
        "pending": PENDING,
    }
    languages = Counter(subscribers.values_list("language", flat=True))
    assert set(languages) == {"cs", "en"} and languages["cs"] > languages["en"]
    assert all(email.endswith(RESERVED) for email in subscribers.values_list("email", flat=True))
    english = subscribers.filter(language="en").first()
    assert english.consent_language == "en"
    assert english.consent_text.startswith("We use your e-mail address only")
    czech = subscribers.filter(language="cs").first()
    assert czech.consent_text.startswith("Vaši e-mailovou adresu")
    assert subscribers.filter(topics__isnull=False).exists()


def test_their_history_is_spread_over_the_past_months_and_makes_sense(site):
    now = timezone.now()
    confirmed = Subscriber.objects.exclude(confirmed_at=None)
    oldest = min(confirmed.values_list("confirmed_at", flat=True))
    newest = max(confirmed.values_list("confirmed_at", flat=True))
    assert now - oldest > timedelta(days=120) and now - newest < timedelta(days=14)
    for subscriber in Subscriber.objects.all():
        assert subscriber.created_at == subscriber.consent_at <= now
        if subscriber.status == "pending":
            assert subscriber.confirmed_at is None
        else:
            assert subscriber.consent_at <= subscriber.confirmed_at <= now
        if subscriber.status == "unsubscribed":
            assert subscriber.confirmed_at < subscriber.unsubscribed_at <= now
        else:
            assert subscriber.unsubscribed_at is None


def test_the_dates_count_back_from_whenever_the_demo_is_loaded():
    for now in (
        datetime(2027, 3, 1, 12, tzinfo=UTC),
        datetime(2031, 7, 15, tzinfo=UTC),
    ):
        people = demo_subscribers(now)
        assert [person.email for person in people] == [
            person.email for person in demo_subscribers(timezone.now())
        ]
        assert all(
            now - timedelta(days=HISTORY_DAYS + 1) < person.signed_up <= now for person in people
        )


def test_loading_them_again_adds_nothing_and_nobody_is_mailed(site, mailoutbox):
    from portal.models import OutgoingEmail

    before = Subscriber.objects.count()
    assert build_demo_subscribers(site, log=lambda _message: None) == []
    assert Subscriber.objects.count() == before
    # The maintenance command purges unconfirmed sign-ups; the demo does not bring them back.
    Subscriber.objects.filter(status="pending").delete()
    assert build_demo_subscribers(site, log=lambda _message: None) == []
    assert Subscriber.objects.count() == before - PENDING
    assert mailoutbox == []
    assert not OutgoingEmail.objects.exists()
