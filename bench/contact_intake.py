"""Contact centre intake benchmark: how many inquiries per second the public form stores.

The measured path is the whole web request as a person's browser makes it: the form
validated, the rate limits counted, the inquiry routed (rules, topic), numbered (the per-year
counter row, locked), dated in working days, assigned round robin, saved with its audit log
entry, and its e-mails (acknowledgement and queue notices) rendered into the outbox with a
delivery task queued in the database, as in production. The baseline, measured in the same
run on the same database, is a bare ORM insert of the same inquiry row in its own
transaction. Printed: inquiries per second for both, the ratio, and the SQL queries per
inquiry.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/contactdev \
        .venv/bin/python bench/contact_intake.py
    .venv/bin/python bench/contact_intake.py --count 100     # SQLite, quicker

With PostgreSQL a scratch database bench_contact_intake is created next to the one named
(and dropped afterwards); without it, a SQLite file under var/.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SCRATCH = "bench_contact_intake"


def scratch_database(url: str):
    """(database URL for the run, function that removes it afterwards)."""
    if url.startswith("postgres"):
        import psycopg

        base, _name = url.rsplit("/", 1)

        def run(sql):
            with psycopg.connect(url, autocommit=True) as admin:
                admin.execute(sql)

        run(f"DROP DATABASE IF EXISTS {SCRATCH}")
        run(f"CREATE DATABASE {SCRATCH}")
        return f"{base}/{SCRATCH}", lambda: run(f"DROP DATABASE IF EXISTS {SCRATCH}")
    path = ROOT / "var" / f"{SCRATCH}.sqlite3"
    path.parent.mkdir(exist_ok=True)
    path.unlink(missing_ok=True)
    return f"sqlite:///{path}", lambda: path.unlink(missing_ok=True)


def set_up_site():
    """A home page, the contact page, a round-robin queue of two, a topic and three rules
    that do not match (so that routing reads them all), and the footer's contact centre."""
    from wagtail.models import Page, Site

    from contact.models import Queue
    from tests import factories
    from tests.contact import factories as contact

    home = factories.HomePageFactory(parent=Page.get_first_root_node())
    Site.objects.filter(is_default_site=True).update(root_page=home)
    page = contact.ContactPageFactory(parent=home)
    factories.FooterContentFactory()
    queue = contact.QueueFactory(
        assignment=Queue.Assignment.ROUND_ROBIN,
        members=[contact.UserFactory(), contact.UserFactory()],
    )
    for keyword in ("dotace", "nájem", "exekuce"):
        contact.RoutingRuleFactory(keywords=keyword)
    topic = contact.InquiryTopicFactory(queue=queue)
    return page, topic


def form_data(topic, n: int) -> dict:
    from portal.abuse import form_started_token

    return {
        "topic": topic.pk,
        "message": "Jak má obec postupovat při zřízení sociálního bytu a kdo jí poradí?",
        "requester_type": "municipality",
        "region": "pardubicky",
        "name": "Jana Dvořáková",
        "email": f"tazatel{n}@example.cz",
        "form_started": form_started_token(time.time() - 60),
    }


def through_the_form(client, url, topic, count, start=0) -> float:
    began = time.perf_counter()
    for n in range(start, start + count):
        response = client.post(url, form_data(topic, n))
        if response.status_code != 302:
            raise RuntimeError(f"the form answered {response.status_code}, not a redirect")
    return time.perf_counter() - began


def bare_insert(topic, count, start=0) -> float:
    from django.db import transaction
    from django.utils import timezone

    from contact.models import Inquiry

    began = time.perf_counter()
    for n in range(start, start + count):
        data = form_data(topic, n)
        with transaction.atomic():
            Inquiry.objects.create(
                reference=f"BASE-{n:06d}",
                topic=topic,
                queue=topic.queue,
                message=data["message"],
                email=data["email"],
                name=data["name"],
                region=data["region"],
                requester_type=data["requester_type"],
                language="cs",
                received_at=timezone.now(),
            )
    return time.perf_counter() - began


def count_queries(work) -> int:
    from django.db import connection

    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        work()
    return len(executed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500, help="inquiries per measurement")
    args = parser.parse_args()

    database_url, remove = scratch_database(os.environ.get("DATABASE_URL", ""))
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    try:
        import django
        from django.conf import settings

        # Production's path: delivery tasks go into the database queue (the test settings
        # would run them on the spot); rate limits count, high enough never to stop the run.
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
        settings.CONTACT_RATE_LIMITS = {"per_ip": "1000000/h", "per_address": "1000000/h"}
        django.setup()
        from django.core.management import call_command
        from django.db import connection, connections
        from django.test import Client
        from django.test.utils import setup_test_environment

        setup_test_environment()
        call_command("migrate", verbosity=0)
        page, topic = set_up_site()
        client = Client()
        url = page.url

        through_the_form(client, url, topic, 20, start=10**6)  # warm up both paths
        bare_insert(topic, 20, start=10**6)
        queries = count_queries(lambda: through_the_form(client, url, topic, 1, start=2 * 10**6))

        baseline = bare_insert(topic, args.count)
        measured = through_the_form(client, url, topic, args.count)
        base_rate, rate = args.count / baseline, args.count / measured
        print(f"Contact intake on {connection.vendor}, {args.count} inquiries each:")
        print(f"  bare ORM insert (baseline)   {base_rate:8.1f} inquiries/s")
        print(f"  the form's whole path         {rate:8.1f} inquiries/s")
        print(f"  ratio (form / baseline)       {rate / base_rate:8.3f}")
        print(f"  per inquiry: {1000 / rate:.1f} ms, {queries} SQL queries")
        connections.close_all()
    finally:
        remove()


if __name__ == "__main__":
    main()
