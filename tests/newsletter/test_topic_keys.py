"""A topic key no database column can hold is a form error, not a 500 (SQLite raised
OverflowError for `topics=999999999999999999999999999999`, found by the preferences fuzz)."""

import pytest
from django.urls import reverse

from newsletter.forms import PreferencesForm
from newsletter.tokens import make_manage_token
from tests import factories
from tests.newsletter.factories import SubscriberFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

HUGE = "9" * 30


@pytest.mark.parametrize("key", [HUGE, "-" + HUGE, str(2**63)])
def test_a_key_too_large_for_the_database_is_refused_by_the_form(key):
    factories.TopicFactory(name="Bydlení")
    form = PreferencesForm({"language": "cs", "topics": [key]})
    assert not form.is_valid()
    assert "není platná hodnota" in form.errors["topics"][0]  # Django's, in Czech


def test_the_preferences_page_answers_a_huge_key_with_its_form(client, home):
    topic = factories.TopicFactory(name="Bydlení")
    subscriber = SubscriberFactory(email="odberatelka@seznam.cz", language="cs")
    subscriber.topics.set([topic])
    url = reverse("newsletter:preferences", args=[make_manage_token(subscriber)])
    answer = client.post(url, {"language": "en", "topics": [HUGE]})
    assert answer.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.language == "cs"
    assert list(subscriber.topics.all()) == [topic]
