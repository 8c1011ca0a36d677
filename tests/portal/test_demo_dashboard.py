"""After `load_demo_content` the editors' dashboard has a picture in every chart: the
bulletin's subscribers over time and the contact centre's inquiries by topic and status."""

import pytest
from django.contrib.auth import get_user_model

from contact.demo_inquiries import INQUIRIES
from newsletter.models import Subscriber
from tests.home.test_dashboard import table_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def dashboard(shared_demo_site, db, client):
    user = get_user_model().objects.create_superuser("spravce", "spravce@example.com", "x" * 16)
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_subscribers_chart_shows_the_demo_bulletin_growing(dashboard):
    weeks = table_of(dashboard, "chart-subscribers")
    assert len(weeks) == 12
    counts = [count for _week, count in weeks]
    assert 0 < counts[0] < counts[-1]
    # This week's figure is everyone confirmed and still subscribed today.
    assert counts[-1] == Subscriber.objects.filter(status="confirmed").count()


def test_inquiry_charts_show_the_demo_inquiries_by_topic_and_status(dashboard):
    topics = dict(table_of(dashboard, "chart-inquiries-topic"))
    statuses = dict(table_of(dashboard, "chart-inquiries-status"))
    assert sum(topics.values()) == sum(statuses.values()) == len(INQUIRIES)
    # Czech and English inquiries on one topic count together, under the Czech name.
    assert {"Sociální bydlení v obci", "Financování a dotace", "Bytová nouze"} <= set(topics)
    assert len(topics) >= 4
    assert {"nový", "řeší se", "čeká na tazatele", "zodpovězeno", "uzavřeno"} <= set(statuses)
