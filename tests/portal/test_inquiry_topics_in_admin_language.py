"""The contact centre's inquiry list shows each topic in the staff member's admin language,
not in the language the requester wrote in."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from tests.contact.factories import InquiryFactory, InquiryTopicFactory, QueueFactory, UserFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/contact/inquiries/"


@pytest.fixture
def staff():
    return UserFactory()


@pytest.fixture
def queue(staff):
    return QueueFactory(name="Poradna", members=[staff])


@pytest.fixture
def housing_need(queue):
    """A topic with its English translation."""
    czech = InquiryTopicFactory(name="Bytová nouze", queue=queue)
    english_locale, _created = Locale.objects.get_or_create(language_code="en")
    english = czech.copy_for_translation(english_locale)
    english.name = "Housing need"
    english.save()
    return czech, english


def topics_shown(client):
    response = client.get(INDEX)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    headings = [th.get_text(strip=True) for th in soup.select("table.listing thead th")]
    column = next(i for i, heading in enumerate(headings) if heading in {"Téma", "Topic"})
    rows = soup.select("table.listing tbody tr")
    return sorted(row.select("td")[column].get_text(strip=True) for row in rows)


def set_admin_language(user, language_code):
    UserProfile.get_for_user(user)
    UserProfile.objects.filter(user=user).update(preferred_language=language_code)


@pytest.mark.parametrize(
    ("admin_language", "expected"),
    [("cs", ["Bytová nouze", "Bytová nouze"]), ("en", ["Housing need", "Housing need"])],
)
def test_topics_read_in_the_staff_members_language(
    client, staff, queue, housing_need, admin_language, expected
):
    czech, english = housing_need
    InquiryFactory(queue=queue, topic=czech, language="cs")
    InquiryFactory(queue=queue, topic=english, language="en")
    set_admin_language(staff, admin_language)
    client.force_login(staff)
    assert topics_shown(client) == expected


def test_a_topic_without_a_translation_shows_as_stored(client, staff, queue):
    only_english_locale, _created = Locale.objects.get_or_create(language_code="en")
    InquiryFactory(
        queue=queue,
        topic=InquiryTopicFactory(name="Other", queue=queue, locale=only_english_locale),
        language="en",
    )
    set_admin_language(staff, "cs")
    client.force_login(staff)
    assert topics_shown(client) == ["Other"]


def test_the_translations_cost_one_query_for_the_whole_page(client, staff, queue, housing_need):
    czech, english = housing_need
    set_admin_language(staff, "cs")
    client.force_login(staff)
    InquiryFactory(queue=queue, topic=english, language="en")
    InquiryFactory(queue=queue, topic=czech, language="cs")
    client.get(INDEX)  # what the first request of a session looks up once
    with CaptureQueriesContext(connection) as two:
        client.get(INDEX)
    for _n in range(5):
        InquiryFactory(queue=queue, topic=english, language="en")
        InquiryFactory(queue=queue, topic=czech, language="cs")
    with CaptureQueriesContext(connection) as twelve:
        client.get(INDEX)
    assert len(twelve.captured_queries) == len(two.captured_queries)
