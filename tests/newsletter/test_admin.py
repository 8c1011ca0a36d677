"""Editors send from the admin: a test, the send itself, progress, pause; staff handle data."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core import mail
from wagtail.models import ModelLogEntry, PageLogEntry

from newsletter.models import Send, Subscriber
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user(
        "redaktorka", email="redaktorka@mpsv.example", password="x" * 16
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return user


def grant(user, codename):
    user.user_permissions.add(Permission.objects.get(codename=codename))


def refused(response):
    """Wagtail answers a permission error with a redirect to the dashboard and a message."""
    return response.status_code == 302 and response.url == "/admin/"


def test_sending_needs_the_dedicated_permission(client, editor, issue):
    assert refused(client.get(f"/admin/bulletin/send/{issue.pk}/"))
    assert refused(client.post(f"/admin/bulletin/send/{issue.pk}/", {"send": "1"}))
    assert not Send.objects.exists()


def test_send_page_shows_recipients_per_language(client, editor, issue):
    grant(editor, "send_bulletin")
    SubscriberFactory.create_batch(3, language="cs")
    SubscriberFactory(language="en")
    SubscriberFactory(language="cs", status="pending")
    soup = BeautifulSoup(client.get(f"/admin/bulletin/send/{issue.pk}/").content, "html.parser")
    counts = {
        row["data-language"]: row.select_one("[data-recipients]").get_text()
        for row in soup.select("tr[data-language]")
    }
    assert counts == {"cs": "3", "en": "1"}
    assert "odešle se český originál" in soup.select_one('tr[data-language="en"]').get_text()


def test_editor_sends_a_test_to_themselves(
    client, editor, issue, django_capture_on_commit_callbacks
):
    grant(editor, "send_bulletin")
    SubscriberFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/bulletin/send/{issue.pk}/", {"test": "1"})
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["redaktorka@mpsv.example"]]
    assert mail.outbox[0].subject == f"[TEST] {issue.title}"
    assert not Send.objects.exists()
    assert PageLogEntry.objects.filter(action="newsletter.send.test", user=editor).exists()


def test_editor_sends_the_issue_and_follows_its_progress(
    client, editor, issue, django_capture_on_commit_callbacks
):
    grant(editor, "send_bulletin")
    subscribers = SubscriberFactory.create_batch(2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/bulletin/send/{issue.pk}/", {"send": "1", "confirm": "1"})
    send = Send.objects.get()
    assert response.url == f"/admin/bulletin/sends/{send.pk}/"
    assert sorted(m.to[0] for m in mail.outbox) == sorted(s.email for s in subscribers)
    soup = BeautifulSoup(client.get(response.url).content, "html.parser")
    assert soup.select_one("[data-send-status]")["data-send-status"] == "done"
    assert soup.select_one('tr[data-language="cs"] [data-status="sent"]').get_text() == "2"
    assert PageLogEntry.objects.filter(action="newsletter.send.start", user=editor).exists()
    again = client.get(f"/admin/bulletin/send/{issue.pk}/").content.decode()
    assert "každé číslo se rozesílá jen jednou" in again


def test_editor_schedules_and_can_cancel(client, editor, issue):
    grant(editor, "send_bulletin")
    response = client.post(
        f"/admin/bulletin/send/{issue.pk}/",
        {"send": "1", "confirm": "1", "scheduled_for": "2099-01-01T08:00"},
    )
    send = Send.objects.get()
    assert send.status == "scheduled"
    client.post(f"/admin/bulletin/sends/{send.pk}/control/", {"action": "cancel"})
    send.refresh_from_db()
    assert send.status == "cancelled"
    assert response.status_code == 302


def test_a_past_time_is_refused(client, editor, issue):
    grant(editor, "send_bulletin")
    response = client.post(
        f"/admin/bulletin/send/{issue.pk}/", {"send": "1", "scheduled_for": "2000-01-01T08:00"}
    )
    assert response.status_code == 200
    assert "Zvolte čas v budoucnosti" in response.content.decode()
    assert not Send.objects.exists()


def test_send_button_on_the_issue_in_the_page_editor(client, editor, issue):
    grant(editor, "send_bulletin")
    html = client.get(f"/admin/pages/{issue.pk}/edit/").content.decode()
    assert f"/admin/bulletin/send/{issue.pk}/" in html


def test_staff_find_export_and_erase_by_address(client, editor):
    grant(editor, "export_subscribers")
    subscriber = SubscriberFactory(email="jana@seznam.cz")
    found = client.get("/admin/bulletin/data-requests/", {"email": " JANA@seznam.cz "})
    assert "jana@seznam.cz" in found.content.decode()
    exported = client.post(f"/admin/bulletin/data-requests/{subscriber.pk}/export/")
    assert json.loads(exported.content)["email"] == "jana@seznam.cz"
    client.post(f"/admin/bulletin/data-requests/{subscriber.pk}/erase/")
    assert not Subscriber.objects.exists()
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"newsletter.subscriber.export", "newsletter.subscriber.erase"} <= actions
    none = client.get("/admin/bulletin/data-requests/", {"email": "jana@seznam.cz"})
    assert BeautifulSoup(none.content, "html.parser").select_one("[data-not-found]")


def test_data_requests_need_their_permission(client, editor):
    subscriber = SubscriberFactory()
    assert refused(client.get("/admin/bulletin/data-requests/"))
    assert refused(client.post(f"/admin/bulletin/data-requests/{subscriber.pk}/erase/"))
    assert Subscriber.objects.exists()


def test_subscriber_list_filters_and_exports_csv(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "a@mpsv.example", "x" * 16)
    client.force_login(admin)
    SubscriberFactory(email="cs@seznam.cz", language="cs")
    SubscriberFactory(email="en@seznam.cz", language="en", status="unsubscribed")
    listing = client.get("/admin/bulletin/subscribers/", {"status": "unsubscribed"})
    assert "en@seznam.cz" in listing.content.decode()
    assert "cs@seznam.cz" not in listing.content.decode()
    export = client.get("/admin/bulletin/subscribers/", {"export": "csv"})
    body = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "cs@seznam.cz" in body and "en@seznam.cz" in body


def test_progress_lists_what_could_not_be_delivered(client, editor, issue, no_auto_workers):
    from newsletter.sending.sends import start_send

    grant(editor, "send_bulletin")
    subscriber = SubscriberFactory(email="neni@seznam.cz")
    send = start_send(issue)
    send.deliveries.update(status="failed", error="SMTPRecipientsRefused: 550 No such user")
    soup = BeautifulSoup(client.get(f"/admin/bulletin/sends/{send.pk}/").content, "html.parser")
    row = soup.select_one("[data-failed] tbody tr").get_text(" ", strip=True)
    assert subscriber.email in row and "550 No such user" in row


def test_progress_page_names_the_issue(client, editor, issue, no_auto_workers):
    from newsletter.sending.sends import start_send

    grant(editor, "send_bulletin")
    SubscriberFactory()
    issue.title = "Zpravodaj prosinec 2026"
    issue.save_revision().publish()
    send = start_send(issue)
    soup = BeautifulSoup(client.get(f"/admin/bulletin/sends/{send.pk}/").content, "html.parser")
    assert soup.title.get_text(strip=True).startswith("Průběh rozesílky: Zpravodaj prosinec 2026")
    named = soup.select_one("[data-issue]")
    text = named.get_text(" ", strip=True)
    assert text.startswith("Číslo: Zpravodaj prosinec 2026")
    assert f"({issue.issue_date.day}. {issue.issue_date.month}. {issue.issue_date.year})" in text
    assert named.select_one("a")["href"] == f"/admin/pages/{issue.pk}/edit/"
    # The header's h1 (a template variable named "heading" once replaced it, title and all).
    h1 = soup.select_one("h1.w-header__title")
    assert h1.get_text(" ", strip=True) == "Průběh rozesílky Zpravodaj prosinec 2026"


def test_sends_list_shows_sent_failed_and_total_per_send(client, editor, issue, no_auto_workers):
    from newsletter.sending.sends import start_send

    grant(editor, "send_bulletin")
    SubscriberFactory.create_batch(5)
    send = start_send(issue)
    deliveries = list(send.deliveries.order_by("pk").values_list("pk", flat=True))
    send.deliveries.filter(pk__in=deliveries[:2]).update(status="sent")
    send.deliveries.filter(pk=deliveries[2]).update(status="failed")
    send.deliveries.filter(pk=deliveries[3]).update(status="bounced")
    soup = BeautifulSoup(client.get("/admin/bulletin/sends/").content, "html.parser")
    headers = [th.get_text(strip=True) for th in soup.select("thead th")]
    assert headers[-3:] == ["odesláno", "selhalo", "celkem"]
    row = soup.select_one(f'tr[data-send="{send.pk}"]')
    counts = {cell["data-count"]: cell.get_text() for cell in row.select("[data-count]")}
    assert counts == {"sent": "2", "failed": "2", "total": "5"}
    assert issue.title in row.get_text()
