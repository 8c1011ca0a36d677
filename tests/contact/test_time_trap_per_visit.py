"""The contact form is never served from the page cache: each visit renders its own
time-trap token, stamped at that visit, even with the page cache on."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup

from portal import abuse

pytestmark = pytest.mark.django_db

FORM = "/napiste-nam/"
VISIT = datetime.datetime(2030, 3, 4, 9, 0, tzinfo=datetime.UTC)


def tokens_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        form["class"][0]: form.select_one("input[name=form_started]")["value"]
        for form in soup.select("form.contact-form, form.signup-form")
    }


def test_each_visit_to_the_contact_form_gets_its_own_token(
    client, contact_page, topic, footer, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    with time_machine.travel(VISIT, tick=False) as clock:
        first = client.get(FORM)
        clock.shift(168)
        second = client.get(FORM)
    assert second.get("X-Page-Cache") != "hit"
    first_tokens, second_tokens = tokens_of(first), tokens_of(second)
    assert set(first_tokens) == {"contact-form", "signup-form"}
    for form, token in first_tokens.items():
        assert abuse._started(token) == int(VISIT.timestamp())
        assert abuse._started(second_tokens[form]) == int(VISIT.timestamp()) + 168
