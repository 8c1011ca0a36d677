"""Sending an issue to every confirmed subscriber takes a confirmation naming what goes out."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission

from newsletter.models import Send
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


@pytest.fixture
def sender(editor):
    editor.user_permissions.add(Permission.objects.get(codename="send_bulletin"))
    return editor


@pytest.fixture
def subscribers():
    SubscriberFactory.create_batch(3, language="cs")
    SubscriberFactory(language="en")
    SubscriberFactory(language="cs", status="pending")
    SubscriberFactory(language="en", status="unsubscribed")


def url(issue):
    return f"/admin/bulletin/send/{issue.pk}/"


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def counts(soup):
    return {
        row["data-language"]: row.select_one("[data-recipients]").get_text()
        for row in soup.select("tr[data-language]")
    }


def confirmation_form(soup):
    """The fields the confirmation's own form posts, as a browser would submit them."""
    button = soup.select_one("[data-confirm-send]")
    form = button.find_parent("form")
    assert form["method"] == "post"
    data = {
        field["name"]: field.get("value", "")
        for field in form.select("input[name]")
        if field["name"] != "csrfmiddlewaretoken"
    }
    assert "csrfmiddlewaretoken" in {field["name"] for field in form.select("input[name]")}
    return data, button.get_text(" ", strip=True)


def test_the_send_button_leads_to_a_confirmation_and_sends_nothing(
    client, sender, issue, subscribers, no_auto_workers
):
    overview = soup_of(client.get(url(issue)))
    send_form = overview.select_one("[data-send-form]")
    assert send_form["method"] == "get"
    assert send_form.select_one('button[name="send"]').get_text() == (
        "Rozeslat všem potvrzeným odběratelům"
    )

    response = client.get(url(issue), {"send": "1", "scheduled_for": ""})
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.select_one("[data-send-confirmation]")
    assert soup.select_one("[data-issue-title]").get_text() == issue.title
    assert counts(soup) == {"cs": "3", "en": "1"}
    assert "odešle se český originál" in soup.select_one('tr[data-language="en"]').get_text()
    assert "Číslo dostanou 4 potvrzení odběratelé" in soup.get_text()
    _data, button = confirmation_form(soup)
    assert button == "Ano, rozeslat 4 odběratelům"
    assert soup.select_one("[data-back]")["href"] == url(issue)
    assert soup.select_one("[data-back]").get_text() == "Zpět"
    assert not Send.objects.exists()
    assert no_auto_workers == []


def test_confirming_starts_exactly_one_send(
    client, sender, issue, subscribers, no_auto_workers, django_capture_on_commit_callbacks
):
    data, _button = confirmation_form(soup_of(client.get(url(issue), {"send": "1"})))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(issue), data)
    send = Send.objects.get()
    assert response.status_code == 302
    assert response.url == f"/admin/bulletin/sends/{send.pk}/"
    assert send.page_id == issue.pk
    assert send.created_by == sender
    assert send.status != "scheduled"
    again = client.post(url(issue), data)
    assert again.status_code == 200
    assert Send.objects.count() == 1
    assert no_auto_workers == [send.pk]


def test_a_post_without_the_confirmation_sends_nothing_and_asks_instead(
    client, sender, issue, subscribers, no_auto_workers
):
    for forged in ({"send": "1"}, {"send": "1", "confirm": "yes"}, {}):
        response = client.post(url(issue), forged)
        assert response.status_code == 200
        soup = soup_of(response)
        assert soup.select_one("[data-send-confirmation]")
        assert counts(soup) == {"cs": "3", "en": "1"}
    assert not Send.objects.exists()
    assert no_auto_workers == []


def test_scheduling_is_confirmed_too_and_keeps_its_time(
    client, sender, issue, subscribers, no_auto_workers
):
    soup = soup_of(client.get(url(issue), {"send": "1", "scheduled_for": "2099-01-01T08:00"}))
    assert soup.select_one("[data-scheduled-for]")
    data, button = confirmation_form(soup)
    assert button == "Ano, naplánovat pro 4 odběratele"
    assert not Send.objects.exists()
    client.post(url(issue), data)
    send = Send.objects.get()
    assert send.status == "scheduled"
    assert send.scheduled_for.astimezone(datetime.UTC).year == 2099
    assert no_auto_workers == []


def test_a_past_time_is_refused_before_the_confirmation(client, sender, issue):
    response = client.get(url(issue), {"send": "1", "scheduled_for": "2000-01-01T08:00"})
    assert response.status_code == 200
    soup = soup_of(response)
    assert not soup.select_one("[data-send-confirmation]")
    assert "Zvolte čas v budoucnosti" in soup.get_text()
    assert not Send.objects.exists()


def test_without_the_permission_neither_the_confirmation_nor_the_send(client, editor, issue):
    for response in (
        client.get(url(issue), {"send": "1"}),
        client.post(url(issue), {"send": "1"}),
        client.post(url(issue), {"send": "1", "confirm": "1"}),
    ):
        assert response.status_code == 302
        assert response.url == "/admin/"
    assert not Send.objects.exists()


def test_a_test_goes_to_the_editor_and_the_test_list_even_from_a_draft(
    client, sender, bulletin_index, settings, email_outbox
):
    from django.core import mail

    from tests.newsletter.factories import BulletinPageFactory

    settings.NEWSLETTER_TEST_ADDRESSES = ["kontrola@mpsv.example", "REDAKTORKA@mpsv.example"]
    SubscriberFactory()
    draft = BulletinPageFactory(parent=bulletin_index, live=False, title="Koncept čísla")
    draft.title = "Koncept čísla, úprava"
    draft.save_revision()
    overview = client.get(url(draft)).content.decode()
    assert "redaktorka@mpsv.example, kontrola@mpsv.example" in overview
    response = email_outbox(client.post, url(draft), {"test": "1"})
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [
        ["redaktorka@mpsv.example"],
        ["kontrola@mpsv.example"],
    ]
    assert {message.subject for message in mail.outbox} == {"[TEST] Koncept čísla, úprava"}
    assert not Send.objects.exists()
