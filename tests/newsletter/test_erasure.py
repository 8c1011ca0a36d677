"""Erasing a subscriber reaches every table: after "forget me" (the subscriber's own or
staff's) no stored row holds the address, nor the working links the bulletin mailed."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.utils import timezone

from newsletter import services
from newsletter.models import Delivery, Send, Subscriber
from newsletter.tokens import make_manage_token
from portal.models import OutgoingEmail
from tests.newsletter.factories import SubscriberFactory
from tests.newsletter.helpers import link_in, signup_data
from tests.traces import rows_mentioning

pytestmark = pytest.mark.django_db

ADDRESS = "Jana.Odberatelka@Seznam.cz"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def signed_up(client, home, email_outbox, issue):
    """A subscriber who signed up (the confirmation went out), confirmed, and whose address
    also sits in a confirmation the mail server refused, in one still waiting, and in the
    error of a bulletin batch the provider refused (on her delivery and a neighbour's)."""
    email_outbox(client.post, "/odber/", signup_data(email=ADDRESS))
    subscriber = Subscriber.objects.get()
    services.confirm(subscriber)
    send = Send.objects.create(page=issue, status=Send.Status.DONE, scheduled_for=timezone.now())
    refusal = f"SMTPRecipientsRefused: {{'{ADDRESS.lower()}': (550, b'no such user')}}"
    for person in (subscriber, SubscriberFactory()):
        Delivery.objects.create(
            send=send, subscriber=person, language="cs", status="failed", error=refusal
        )
    [confirmation] = email_outbox.outbox
    OutgoingEmail.objects.create(
        purpose="newsletter.confirm",
        to=ADDRESS.lower(),
        subject="Potvrďte odběr",
        body_text=confirmation.body,
        status=OutgoingEmail.Status.FAILED,
        last_error=f"SMTPRecipientsRefused: {{'{ADDRESS.lower()}': (550, b'no such user')}}",
    )
    OutgoingEmail.objects.create(
        purpose="newsletter.confirm",
        to=ADDRESS,
        subject="Potvrďte odběr",
        body_text=confirmation.body,
        next_attempt_at=timezone.now() + timezone.timedelta(hours=1),
    )
    assert rows_mentioning(ADDRESS)  # the scan finds the address before the erasure
    return Subscriber.objects.get(pk=subscriber.pk), link_in(confirmation, "/odber/potvrdit/")


def assert_forgotten(confirm_link):
    assert rows_mentioning(ADDRESS) == []
    assert Delivery.objects.filter(error__contains="…@seznam.cz: (550").count() == 0
    assert Delivery.objects.filter(error__contains="'…@seznam.cz': (550").count() == 2
    assert rows_mentioning(confirm_link.rstrip("/").rsplit("/", 1)[1]) == []


def test_after_the_subscribers_own_erasure_no_table_holds_the_address(client, signed_up):
    subscriber, confirm_link = signed_up
    path = f"/odber/nastaveni/{make_manage_token(subscriber)}/smazat/"
    response = client.post(path, {"confirm": "on"})
    assert "Vaše údaje byly smazány" in response.content.decode()
    assert_forgotten(confirm_link)


def test_after_the_staff_erasure_no_table_holds_the_address(client, signed_up, django_user_model):
    subscriber, confirm_link = signed_up
    editor = django_user_model.objects.create_user(
        "redaktorka", email="redaktorka@mpsv.example", password="x" * 16
    )
    editor.groups.add(Group.objects.get(name="Moderators"))
    editor.user_permissions.add(Permission.objects.get(codename="export_subscribers"))
    client.force_login(editor)
    response = client.post(f"/admin/bulletin/data-requests/{subscriber.pk}/erase/")
    assert response.status_code == 302
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert_forgotten(confirm_link)
