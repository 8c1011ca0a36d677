"""Whether an address is subscribed cannot be told from the sign-up's (or resend's) work.

Timing told it: the request for a new address created a row and rendered the confirmation
e-mail, the one for a confirmed address stopped after a lookup. Now every valid request
validates, counts against the limits, enqueues one task and answers; the worker decides.
These tests compare the work itself - the SQL statements each request executes and the task
it enqueues - never wall-clock time.
"""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsletter.models import Subscriber, SuppressedAddress
from portal import form_checks
from portal.models import OutgoingEmail
from tests.newsletter.factories import SubscriberFactory
from tests.newsletter.helpers import signup_data

pytestmark = pytest.mark.django_db

CHECK_INBOX = "/odber/zkontrolujte-schranku/"
ADDRESSES = {
    "new": "nova@seznam.cz",
    "pending": "cekajici@seznam.cz",
    "confirmed": "potvrzeny@seznam.cz",
    "unsubscribed": "odhlaseny@seznam.cz",
    "suppressed": "stezovatel@seznam.cz",
}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def database_tasks(settings):
    """Tasks stored in the database, as in production, instead of running at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def known_addresses(db):
    long_ago = timezone.now() - timedelta(days=1)
    SubscriberFactory(
        email=ADDRESSES["pending"],
        status="pending",
        confirmed_at=None,
        confirmation_sent_at=long_ago,
    )
    SubscriberFactory(email=ADDRESSES["confirmed"])
    SubscriberFactory(email=ADDRESSES["unsubscribed"], status="unsubscribed")
    SuppressedAddress.objects.create(
        address_hash=SuppressedAddress.hash_of(ADDRESSES["suppressed"]), reason="complaint"
    )


class StatementLog:
    """The SQL each statement was sent with (placeholders, not values), in order."""

    def __init__(self):
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        self.statements.append(normalised(sql))
        return execute(sql, params, many, context)


def normalised(sql):
    # Savepoint names are unique per use; everything else is the statement as written.
    return re.sub(r'"?s\d+_x\d+"?', "<savepoint>", " ".join(sql.split()))


def work_of(client, url, data):
    """The response, the statements (modulo parameters) and the query count of one POST."""
    log = StatementLog()
    with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(log):
        response = client.post(url, data)
    assert len(captured) == len(log.statements)
    return response, log.statements


def stored_tasks():
    """The bulletin's tasks enqueued so far (saving a topic enqueues a search index task)."""
    from django_tasks_db.models import DBTaskResult

    stored = DBTaskResult.objects.filter(task_path__startswith="newsletter.tasks.")
    return list(stored.order_by("enqueued_at", "id"))


def confirmations():
    """The confirmation e-mails queued in the outbox (the outbox's own task sends them)."""
    return OutgoingEmail.objects.filter(purpose="newsletter.confirm").order_by("pk")


def run(tasks):
    for task in tasks:
        task.task.call(*task.args_kwargs["args"], **task.args_kwargs["kwargs"])


def test_every_address_costs_the_sign_up_request_the_same_work(
    client, home, database_tasks, known_addresses
):
    # A first sign-up warms what is cached per process (the site, content types).
    client.post("/odber/", signup_data(email="zahrivaci@seznam.cz"))
    warm_up = stored_tasks()
    work = {}
    for kind, email in ADDRESSES.items():
        response, statements = work_of(client, "/odber/", signup_data(email=email))
        assert (response.status_code, response.url) == (302, CHECK_INBOX), kind
        work[kind] = statements

    assert work["new"], "the request did not reach the database at all"
    for kind in ADDRESSES:
        assert work[kind] == work["new"], kind
    # Nothing about the address was decided in the requests.
    assert not confirmations().exists()
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        ADDRESSES["pending"],
        ADDRESSES["confirmed"],
        ADDRESSES["unsubscribed"],
    }
    # One task per request, the same task for every address.
    tasks = stored_tasks()[len(warm_up) :]
    assert [task.task_path for task in tasks] == ["newsletter.tasks.process_signup"] * 5
    assert [task.args_kwargs["kwargs"]["email"] for task in tasks] == list(ADDRESSES.values())
    assert form_checks.counts("newsletter-signup") == {"accepted": 6}

    # The worker does what the request used to do, for each kind of address.
    run(tasks)
    assert sorted(confirmations().values_list("to", flat=True)) == sorted(
        [ADDRESSES["new"], ADDRESSES["pending"], ADDRESSES["unsubscribed"]]
    )
    assert set(confirmations().values_list("subject", flat=True)) == {
        "Potvrďte odběr Zpravodaje sociálního bydlení"
    }
    status = dict(Subscriber.objects.values_list("email", "status"))
    assert status[ADDRESSES["new"]] == "pending"
    assert status[ADDRESSES["pending"]] == "pending"
    assert status[ADDRESSES["confirmed"]] == "confirmed"  # stays as it was, no mail
    assert status[ADDRESSES["unsubscribed"]] == "pending"  # back only after confirming
    assert ADDRESSES["suppressed"] not in status  # nothing kept, nothing sent


def test_the_task_keeps_what_the_form_said(client, home, database_tasks):
    from tests import factories

    topic = factories.TopicFactory(name="Sociální práce")
    client.post("/odber/", signup_data(source="page", topics=[topic.pk], language="en"))
    [task] = stored_tasks()
    task.task.call(*task.args_kwargs["args"], **task.args_kwargs["kwargs"])
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "jana@seznam.cz"
    assert subscriber.language == "en"
    assert subscriber.source == "page"
    assert subscriber.consent_page == "/metodika/"
    assert subscriber.consent_language == "cs"
    assert "jen k zasílání Zpravodaje" in subscriber.consent_text
    assert subscriber.ip_hash and "127.0.0.1" not in subscriber.ip_hash
    assert list(subscriber.topics.all()) == [topic]


def test_a_topic_deleted_before_the_task_runs_is_left_out(client, home, database_tasks):
    from tests import factories

    topic = factories.TopicFactory(name="Sociální práce")
    client.post("/odber/", signup_data(source="page", topics=[topic.pk]))
    topic.delete()
    [task] = stored_tasks()
    task.task.call(*task.args_kwargs["args"], **task.args_kwargs["kwargs"])
    assert list(Subscriber.objects.get().topics.all()) == []


def test_over_the_address_limit_nothing_is_enqueued(client, home, database_tasks, settings):
    settings.NEWSLETTER_SIGNUPS_PER_ADDRESS = "1/d"
    assert client.post("/odber/", signup_data()).status_code == 302
    assert client.post("/odber/", signup_data()).status_code == 429
    assert len(stored_tasks()) == 1


def test_an_invalid_address_enqueues_nothing(client, home, database_tasks):
    assert client.post("/odber/", signup_data(email="jana.seznam.cz")).status_code == 400
    assert stored_tasks() == []


def test_every_address_costs_the_resend_request_the_same_work(
    client, home, database_tasks, known_addresses
):
    def data():
        # A token of its own per post, as each visit gets (one is good for a few posts only).
        return {"website": "", "form_started": signup_data()["form_started"]}

    client.post("/odber/poslat-znovu/", {**data(), "email": "zahrivaci@seznam.cz"})
    warm_up = stored_tasks()
    work = {}
    for kind, email in ADDRESSES.items():
        response, statements = work_of(client, "/odber/poslat-znovu/", {**data(), "email": email})
        assert (response.status_code, response.url) == (302, CHECK_INBOX), kind
        work[kind] = statements
    assert work["new"]
    for kind in ADDRESSES:
        assert work[kind] == work["new"], kind
    assert not confirmations().exists()
    tasks = stored_tasks()[len(warm_up) :]
    assert [task.task_path for task in tasks] == ["newsletter.tasks.process_resend"] * 5
    assert [task.args_kwargs["kwargs"]["email"] for task in tasks] == list(ADDRESSES.values())
    assert form_checks.counts("newsletter-resend") == {"accepted": 6}

    run(tasks)
    # Only the pending sign-up is sent its confirmation again.
    assert list(confirmations().values_list("to", flat=True)) == [ADDRESSES["pending"]]
