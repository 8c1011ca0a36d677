"""The staff password reset: the same answer and the same work for any address, and a limit."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.newsletter.test_signup_paths import StatementLog

pytestmark = pytest.mark.django_db

RESET = "/admin/password_reset/"
DONE = "/admin/password_reset/done/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "metodicka", "metodicka@mpsv.example", "správné-heslo-2026", is_staff=True
    )


def ask(client, email, address="203.0.113.5"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def test_known_and_unknown_addresses_cost_the_request_the_same_work(client, editor, settings):
    """Timing told whether an address has an account: the request for a known one rendered
    and sent the mail. Now both validate, enqueue one task and answer; the worker mails."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert client.get(RESET).status_code == 200  # the site lookup is cached from now on
    work = {}
    for email in ["metodicka@mpsv.example", "nikdo@mpsv.example"]:
        # Every statement as sent (placeholders, not the address), not only its verb.
        log = StatementLog()
        with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(log):
            response = ask(client, email)
        assert response.status_code == 302 and response.url == DONE
        assert len(log.statements) == len(queries.captured_queries) > 0
        work[email] = log.statements
    assert work["metodicka@mpsv.example"] == work["nikdo@mpsv.example"]
    tasks = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert [task.args_kwargs["kwargs"]["email"] for task in tasks] == [
        "metodicka@mpsv.example",
        "nikdo@mpsv.example",
    ]
    assert mail.outbox == []  # nothing was sent by the requests themselves
    for task in tasks:
        task.task.call(*task.args_kwargs["args"], **task.args_kwargs["kwargs"])
    assert [message.to for message in mail.outbox] == [["metodicka@mpsv.example"]]
    assert "/admin/password_reset/confirm/" in mail.outbox[0].body


def test_the_fourth_reset_for_one_address_within_the_hour_sends_no_mail(client, editor):
    answers = [ask(client, "Metodicka@mpsv.example", f"203.0.113.{n}") for n in range(1, 5)]
    assert len(mail.outbox) == 3
    # The refused request looks like the others: nobody learns the limit from the answer.
    assert {(answer.status_code, answer.url) for answer in answers} == {(302, DONE)}


def test_one_client_cannot_mail_many_addresses(client, django_user_model, settings):
    settings.PASSWORD_RESET_PER_IP = "5/h"
    for n in range(6):
        django_user_model.objects.create_user(f"redaktor{n}", f"redaktor{n}@mpsv.example", "x" * 16)
    answers = [ask(client, f"redaktor{n}@mpsv.example") for n in range(6)]
    assert len(mail.outbox) == 5
    assert {answer.url for answer in answers} == {DONE}
    # Another client is not held up by the first one's requests.
    ask(client, "redaktor5@mpsv.example", address="198.51.100.7")
    assert len(mail.outbox) == 6
