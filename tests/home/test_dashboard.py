"""The editors' dashboard: each panel's figures against known data, drawn as charts."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation

from contact.staff.dashboard_charts import inquiries_by_status, inquiries_by_topic
from home.search.misses import record_search_miss, top_misses
from home.search.models import SearchMiss
from newsletter.dashboard import subscribers_by_week
from newsletter.models import Subscriber
from tests import factories
from tests.contact import factories as contact_factories
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
NOW = timezone.now()


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("spravce", "s@example.cz", "x" * 16)
    client.force_login(user)
    return user


def table_of(html, chart_id):
    figure = BeautifulSoup(html, "html.parser").find(id=chart_id)
    assert figure is not None, chart_id
    return [
        (row.th.get_text(), int(row.td.get_text())) for row in figure.find("tbody").find_all("tr")
    ]


def test_subscribers_over_time_count_who_was_subscribed_at_each_week_end():
    SubscriberFactory(confirmed_at=NOW - timedelta(days=30))
    SubscriberFactory(confirmed_at=NOW - timedelta(days=10))
    SubscriberFactory(
        confirmed_at=NOW - timedelta(days=20),
        unsubscribed_at=NOW - timedelta(days=3),
        status=Subscriber.Status.UNSUBSCRIBED,
    )
    SubscriberFactory(status=Subscriber.Status.PENDING, confirmed_at=None)
    weeks = subscribers_by_week(weeks=5, today=TODAY)
    assert [count for _day, count in weeks] == [1, 1, 2, 3, 2]
    assert weeks[-1][0] == TODAY


def test_inquiries_by_topic_and_status(db):
    housing = contact_factories.InquiryTopicFactory(name="Bydlení")
    debts = contact_factories.InquiryTopicFactory(name="Dluhy")
    for _n in range(3):
        contact_factories.InquiryFactory(topic=housing)
    contact_factories.InquiryFactory(topic=debts, status="answered")
    contact_factories.InquiryFactory(topic=None)
    contact_factories.InquiryFactory(topic=debts, received_at=NOW - timedelta(days=200))
    with translation.override("en"):
        assert inquiries_by_topic() == [("Bydlení", 3), ("Dluhy", 1), ("No topic", 1)]
        assert inquiries_by_status() == [("new", 4), ("answered", 1)]


def test_search_misses_are_counted_per_folded_query_and_day():
    record_search_miss("Bytová NOUZE", ["bytova", "nouze"])
    record_search_miss("bytova nouze", ["bytova", "nouze"])
    record_search_miss("sklep", ["sklep"])
    assert top_misses() == [("bytova nouze", 2), ("sklep", 1)]
    assert SearchMiss.objects.count() == 2


def test_search_misses_never_keep_addresses_or_numbers():
    record_search_miss("jana@example.cz", ["jana", "example", "cz"])
    record_search_miss("rodné číslo 8001011234", ["rodne", "cislo", "8001011234"])
    assert not SearchMiss.objects.exists()


def test_old_search_misses_are_purged_when_a_new_row_is_written():
    SearchMiss.objects.create(query="stare", day=TODAY - timedelta(days=400), count=5)
    record_search_miss("nove", ["nove"])
    assert list(SearchMiss.objects.values_list("query", flat=True)) == ["nove"]


def test_search_without_results_is_recorded_and_with_results_is_not(client, section):
    factories.ArticlePageFactory(parent=section, title="Spolupráce obcí")
    client.get("/hledat/?q=spoluprace")
    client.get("/hledat/?q=Kočárkárna")
    assert list(SearchMiss.objects.values_list("query", "count")) == [("kocarkarna", 1)]


def test_dashboard_shows_every_panel_with_known_figures(client, admin, section):
    owner = factories.UserFactory()
    factories.ArticlePageFactory(
        parent=section, content_owner=owner, next_review_due=TODAY - timedelta(days=1)
    )
    factories.ArticlePageFactory(
        parent=section, content_owner=owner, next_review_due=TODAY + timedelta(days=20)
    )
    SubscriberFactory(confirmed_at=NOW - timedelta(days=1))
    contact_factories.InquiryFactory(topic=contact_factories.InquiryTopicFactory(name="Bydlení"))
    SearchMiss.objects.create(query="kocarkarna", day=TODAY, count=4)

    html = client.get("/admin/").content.decode()

    review = dict(table_of(html, "chart-review"))
    assert review["Po termínu"] == 1
    assert review["Do 30 dnů"] == 1
    assert table_of(html, "chart-search-misses") == [("kocarkarna", 4)]
    assert table_of(html, "chart-subscribers")[-1][1] == 1
    assert table_of(html, "chart-inquiries-topic") == [("Bydlení", 1)]
    assert table_of(html, "chart-inquiries-status") == [("nový", 1)]
    soup = BeautifulSoup(html, "html.parser")
    for svg in soup.select(".dashboard-chart svg"):
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert soup.find(id=title_id).get_text() and soup.find(id=desc_id).get_text()


def test_panel_figures_cost_the_same_queries_however_much_data(section, django_assert_num_queries):
    from home.editorial.review import pages_due, review_counts, review_models

    for days in (-3, 2, 40, 400):
        factories.ArticlePageFactory(
            parent=section,
            content_owner=factories.UserFactory(),
            next_review_due=TODAY + timedelta(days=days),
        )
    topic = contact_factories.InquiryTopicFactory(name="Bydlení")
    for _n in range(5):
        SubscriberFactory()
        contact_factories.InquiryFactory(topic=topic)
        record_search_miss(f"dotaz {_n}", ["dotaz", str(_n)])
    per_page_type = len(review_models())
    with django_assert_num_queries(per_page_type):
        review_counts()
    with django_assert_num_queries(per_page_type):
        assert len(pages_due(within_days=30)) == 2
    with django_assert_num_queries(1):
        subscribers_by_week()
    with django_assert_num_queries(2):
        inquiries_by_topic()
    with django_assert_num_queries(1):
        inquiries_by_status()
    with django_assert_num_queries(1):
        top_misses()
