"""The admin report of pages due for review: which pages, for whom, and who may see it."""

import csv
import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Locale

from home.editorial.review import pages_due, review_counts, review_models
from home.pages.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def owners(db):
    return factories.UserFactory(username="metodik"), factories.UserFactory(username="jina")


@pytest.fixture
def articles(section, owners):
    metodik, jina = owners

    def article(title, days, owner):
        return factories.ArticlePageFactory(
            parent=section,
            title=title,
            content_owner=owner,
            last_reviewed=TODAY - timedelta(days=300),
            next_review_due=TODAY + timedelta(days=days),
        )

    return {
        "overdue": article("Zpožděný článek", -10, metodik),
        "soon": article("Brzký článek", 5, metodik),
        "month": article("Měsíční článek", 25, jina),
        "later": article("Pozdější článek", 200, jina),
    }


def titles(pages):
    return [page.title for page in pages]


def test_every_page_type_with_review_dates_is_found_without_a_list():
    assert ArticlePage in review_models()
    assert all(hasattr(model, "next_review_due") for model in review_models())


def test_due_pages_are_overdue_or_within_the_window_soonest_first(articles, owners):
    assert titles(pages_due(within_days=14)) == ["Zpožděný článek", "Brzký článek"]
    assert titles(pages_due(within_days=0)) == ["Zpožděný článek"]
    assert titles(pages_due(within_days=30, owner=owners[1])) == ["Měsíční článek"]


def test_review_counts_split_pages_by_when_they_are_due(articles, section):
    factories.ArticlePageFactory(parent=section, title="Bez data")
    counts = review_counts(within_days=30)
    assert (counts.overdue, counts.due_soon, counts.scheduled) == (1, 2, 1)
    # The section fixture's own articles have no dates either.
    assert counts.undated >= 1


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("spravce", "s@example.cz", "x" * 16)
    client.force_login(user)
    return user


def report_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select("table.listing td.title a")]


def test_report_lists_pages_due_within_two_weeks_with_edit_links(client, admin, articles):
    response = client.get("/admin/reports/review/")
    assert response.status_code == 200
    assert report_titles(response) == ["Zpožděný článek", "Brzký článek"]
    html = response.content.decode()
    assert f"/admin/pages/{articles['overdue'].pk}/edit/" in html


def test_report_filters_by_owner_window_and_language(client, admin, articles, owners):
    jina = owners[1]
    response = client.get(f"/admin/reports/review/?within=90&owner={jina.pk}")
    assert report_titles(response) == ["Měsíční článek"]
    response = client.get("/admin/reports/review/?within=0")
    assert report_titles(response) == ["Zpožděný článek"]
    Locale.objects.get_or_create(language_code="en")
    response = client.get("/admin/reports/review/?within=90&locale=en")
    assert report_titles(response) == []


def test_report_exports_csv(client, admin, articles):
    response = client.get("/admin/reports/review/?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert [row[0] for row in rows[1:]] == ["Zpožděný článek", "Brzký článek"]
    assert rows[1][3].endswith("Nováková")
    assert rows[1][1] == str(TODAY - timedelta(days=10))


def test_report_needs_page_permissions(client, django_user_model, articles):
    user = django_user_model.objects.create_user("ctenar", password="x" * 16)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    # Editors may edit pages: they see the report.
    assert client.get("/admin/reports/review/").status_code == 200
    nobody = django_user_model.objects.create_user("nikdo", password="x" * 16, is_staff=True)
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    assert client.get("/admin/reports/review/").status_code in (302, 403)


def test_report_is_in_the_reports_menu(client, admin):
    html = client.get("/admin/").content.decode()
    assert "/admin/reports/review/" in html
