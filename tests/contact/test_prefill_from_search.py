"""A search that found nothing leads to the contact form with the reader's words in it."""

import pytest
from bs4 import BeautifulSoup

from .test_views import FORM

pytestmark = pytest.mark.django_db


def message_field(response) -> str:
    return BeautifulSoup(response.content, "html.parser").find("textarea", {"name": "message"}).text


def test_the_words_of_the_search_are_in_the_question(client, contact_page, topic):
    response = client.get(FORM, {"dotaz": "  podnájem bez smlouvy  "})
    assert response.status_code == 200
    assert message_field(response).strip() == "podnájem bez smlouvy"


def test_markup_in_the_words_is_text_not_html(client, contact_page, topic):
    response = client.get(FORM, {"dotaz": "<script>alert(1)</script> byt"})
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_without_words_the_question_is_empty(client, contact_page, topic):
    assert message_field(client.get(FORM)).strip() == ""
