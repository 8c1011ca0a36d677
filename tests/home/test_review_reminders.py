"""The weekly reminder: one e-mail per owner with something due, in the owner's language."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.users.models import UserProfile

from home.editorial.models import ReviewReminder
from home.editorial.reminders import send_review_reminders, week_of
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the command and deliver what it queued (the outbox sends after commit)."""

    def run_command(*args):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_review_reminders", *args)

    return run_command


def article(section, owner, days, title):
    return factories.ArticlePageFactory(
        parent=section,
        title=title,
        content_owner=owner,
        next_review_due=TODAY + timedelta(days=days),
    )


def test_each_owner_gets_one_email_listing_all_their_due_pages(section, run):
    owner = factories.UserFactory(first_name="Marie", last_name="Metodická")
    article(section, owner, -3, "Zpožděný článek")
    article(section, owner, 10, "Brzký článek")
    article(section, owner, 40, "Pozdější článek")
    run()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [owner.email]
    assert message.subject == "2 stránky čekají na kontrolu"
    assert "Dobrý den, Marie Metodická," in message.body
    assert "Zpožděný článek" in message.body
    assert "Brzký článek" in message.body
    assert "Pozdější článek" not in message.body
    assert message.extra_headers["Content-Language"] == "cs"
    html = message.alternatives[0][0]
    assert "/admin/pages/" in html and "/admin/reports/review/" in html


def test_running_twice_in_a_week_sends_nothing_the_second_time(section, run):
    owner = factories.UserFactory()
    article(section, owner, -1, "Zpožděný článek")
    run()
    run()
    assert len(mail.outbox) == 1
    reminder = ReviewReminder.objects.get()
    assert (reminder.owner, reminder.week, reminder.page_count) == (owner, week_of(TODAY), 1)


def test_next_week_reminds_again(section, django_capture_on_commit_callbacks):
    owner = factories.UserFactory()
    article(section, owner, -1, "Zpožděný článek")
    with django_capture_on_commit_callbacks(execute=True):
        send_review_reminders(today=TODAY)
        send_review_reminders(today=TODAY + timedelta(days=7))
    assert len(mail.outbox) == 2


def test_owners_with_nothing_due_or_no_address_get_nothing(section, run):
    relaxed = factories.UserFactory()
    article(section, relaxed, 60, "Pozdější článek")
    silent = factories.UserFactory(email="")
    article(section, silent, -5, "Zpožděný článek")
    article(section, None, -5, "Článek bez vlastníka")
    run()
    assert mail.outbox == []
    assert not ReviewReminder.objects.exists()


def test_owner_who_prefers_english_gets_english(section, run):
    owner = factories.UserFactory(first_name="Jane", last_name="Owner")
    UserProfile.get_for_user(owner).__class__.objects.filter(user=owner).update(
        preferred_language="en"
    )
    article(section, owner, -1, "Zpožděný článek")
    run()
    message = mail.outbox[0]
    assert message.subject == "1 page is due for review"
    assert message.body.startswith("Hello Jane Owner,")
    assert message.extra_headers["Content-Language"] == "en"


def test_command_reports_what_it_queued(section, run, capsys):
    owner = factories.UserFactory(username="metodik2")
    article(section, owner, 0, "Dnešní článek")
    run()
    out = capsys.readouterr().out
    assert "reminded metodik2: 1 pages" in out
    assert "1 reminders queued" in out
