"""The forms' check counts, read in the admin (Reports, "Form checks"), and their retention."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.utils import timezone

from portal import form_checks
from portal.models import FormCheckOutcome

pytestmark = pytest.mark.django_db
URL = "/admin/reports/form-checks/"


@pytest.fixture
def reader(client, django_user_model):
    user = django_user_model.objects.create_user(
        "analytik", "analytik@mpsv.example", "správné-heslo-2026", is_staff=True
    )
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_formcheckoutcome"),
    )
    client.force_login(user)
    return user


def test_the_report_shows_each_path_and_who_never_confirmed(client, reader):
    today = timezone.localdate()
    for outcome, times in [("accepted", 7), ("asked_to_confirm", 3), ("confirmed", 2)]:
        for _ in range(times):
            form_checks.record("newsletter-signup", outcome)
    form_checks.record("contact-question", "honeypot")
    form_checks.record("newsletter-signup", "accepted", day=today - timedelta(days=40))

    page = client.get(URL)
    assert page.status_code == 200
    rows = {row["form"]: row for row in page.context["rows"]}
    # Outcome order: accepted, asked to confirm, confirmed, honeypot; the 40-day-old count
    # is outside the 30 days.
    assert rows["newsletter-signup"]["counts"] == [7, 3, 2, 0]
    assert rows["newsletter-signup"]["not_confirmed"] == 1
    assert rows["contact-question"]["counts"] == [0, 0, 0, 1]
    text = page.content.decode()
    assert "Kontroly formulářů" in text and "vyzváno, nepotvrzeno" in text


def test_the_report_is_for_those_given_the_permission(client, django_user_model):
    editor = django_user_model.objects.create_user(
        "redaktor", "redaktor@mpsv.example", "správné-heslo-2026", is_staff=True
    )
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    refused = client.get(URL)
    assert refused.status_code == 302 and refused.url == "/admin/"
    dashboard = client.get("/admin/").content.decode()
    assert URL not in dashboard


def test_the_menu_offers_the_report_to_a_reader(client, reader):
    assert URL in client.get("/admin/").content.decode()


def test_counts_older_than_the_retention_are_deleted(settings):
    today = timezone.localdate()
    form_checks.record("newsletter-signup", "accepted", day=today)
    old = today - timedelta(days=settings.FORM_CHECK_RETENTION_DAYS + 1)
    form_checks.record("newsletter-signup", "accepted", day=old)
    call_command("form_check_retention")
    assert list(FormCheckOutcome.objects.values_list("day", flat=True)) == [today]
