"""Honeypot, time-trap, rate limits and keyed hashes shared by the public forms."""

import pytest
from django import forms
from django.core.cache import cache
from django.test import RequestFactory

from portal.abuse import HumanCheckMixin, form_started_token, over_limit, too_many_requests
from portal.client_address import client_ip
from portal.hashing import keyed_hash


class ExampleForm(HumanCheckMixin, forms.Form):
    email = forms.EmailField()


NOW = 1_800_000_000


def test_person_who_took_their_time_passes():
    data = {"email": "a@b.cz", "website": "", "form_started": form_started_token(NOW - 20)}
    assert ExampleForm(data, now=NOW).spam_reasons() == []


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"website": "http://spam", "form_started": form_started_token(NOW - 20)}, "honeypot"),
        ({"form_started": form_started_token(NOW - 1)}, "time-trap: too fast"),
        ({"form_started": "forged"}, "time-trap: missing, forged or expired"),
        ({}, "time-trap: missing, forged or expired"),
        (
            {"form_started": form_started_token(NOW - 3 * 86400)},
            "time-trap: missing, forged or expired",
        ),
    ],
)
def test_automated_looking_posts_are_recognised(data, reason):
    assert reason in ExampleForm({"email": "a@b.cz", **data}, now=NOW).spam_reasons()


def test_unbound_form_carries_a_fresh_signed_start_time():
    form = ExampleForm(now=NOW)
    assert form.initial["form_started"]
    bound = ExampleForm({"form_started": form.initial["form_started"]}, now=NOW + 10)
    assert bound.spam_reasons() == []


@pytest.fixture
def clean_cache():
    cache.clear()
    yield
    cache.clear()


def test_rate_limit_per_ip_counts_and_stops(clean_cache):
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    results = [over_limit(request, "test", "3/h") for _ in range(4)]
    assert results == [False, False, False, True]
    other = RequestFactory().post("/", REMOTE_ADDR="192.0.2.2")
    assert over_limit(other, "test", "3/h") is False


def test_rate_limit_per_value_is_independent_of_the_ip(clean_cache):
    first = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    second = RequestFactory().post("/", REMOTE_ADDR="192.0.2.9")
    assert over_limit(first, "address", "1/h", value="a@b.cz") is False
    assert over_limit(second, "address", "1/h", value="a@b.cz") is True


@pytest.mark.django_db
def test_too_many_requests_is_a_translated_429_page(rf):
    from django.utils import translation

    request = rf.get("/")
    with translation.override("cs"):
        response = too_many_requests(request, retry_after=600)
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "Příliš mnoho požadavků" in response.content.decode()


def test_client_ip_trusts_only_the_configured_proxies(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5"
    )
    assert client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.5"


def test_keyed_hash_is_stable_secret_and_purpose_bound(settings):
    first = keyed_hash("jana@example.cz", "ledger")
    assert first == keyed_hash("jana@example.cz", "ledger")
    assert first != keyed_hash("jana@example.cz", "ratelimit")
    assert "jana" not in first
    settings.PERSONAL_DATA_HASH_KEY = "another key"
    assert keyed_hash("jana@example.cz", "ledger") != first


def test_keyed_hash_keeps_the_hashes_already_stored(settings):
    # Made by the hand-written HMAC before keyed_hash used salted_hmac: suppression ledgers,
    # hashed IPs and recovery codes kept with it must still match.
    settings.PERSONAL_DATA_HASH_KEY = "pinned key"
    assert keyed_hash("jana@example.cz", "ledger") == (
        "1415048539e88bfe09e605b6b80886565f5adc67059e1329df47c3d576aa0ef3"
    )


def test_lockout_reads_the_client_address_the_rate_limits_read():
    from django.conf import settings
    from django.utils.module_loading import import_string

    assert import_string(settings.AXES_CLIENT_IP_CALLABLE) is client_ip
