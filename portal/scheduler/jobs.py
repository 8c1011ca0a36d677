"""The table of periodic jobs: what runs, and how often.

Every job is a sweep that is safe to run again at any time (each command finds what is due
by itself), so a job that runs late, or once more after a scheduler restart, does no harm.
A new periodic management command belongs here; tests/portal/test_scheduler.py fails for a
project command that is neither here nor in NOT_PERIODIC.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from io import StringIO

from django.conf import settings
from django.core.management import call_command

from portal import task_worker

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def database_task_backend() -> bool:
    """Whether tasks live in the database (django-tasks-db) rather than in Redis (RQ)."""
    return settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db.")


def always() -> bool:
    return True


@dataclass(frozen=True)
class Job:
    name: str
    interval: timedelta
    run: Callable[[], str]  # does the work; returns a one-line summary for the log
    applies: Callable[[], bool] = field(default=always)  # False: skipped in this deployment


def command(name: str, *args: str) -> Callable[[], str]:
    def run() -> str:
        out = StringIO()
        call_command(name, *args, stdout=out, stderr=out)
        return " ".join(out.getvalue().split())

    run.command = (name, *args)
    return run


def reap_abandoned_tasks() -> str:
    # db_worker reaps too, but only while one runs; this also covers the time when every
    # worker is gone, so that the admin and /readyz never show a task RUNNING for ever.
    return f"marked {task_worker.reap_abandoned_tasks('default')} abandoned tasks FAILED"


JOBS: tuple[Job, ...] = (
    # Editors schedule publishing to the minute.
    Job("publish_scheduled", MINUTE, command("publish_scheduled")),
    # Scheduled bulletin sends start on time; returns claims of dead workers.
    Job("newsletter_maintenance", MINUTE, command("newsletter_maintenance")),
    # The outbox's sweeper: retries after a backoff (30 s and more), then the purge.
    Job("send_queued_email", MINUTE, command("send_queued_email")),
    Job("reap_abandoned_tasks", 5 * MINUTE, reap_abandoned_tasks, database_task_backend),
    Job("contact_retention", DAY, command("contact_retention")),
    Job("sign_in_log_retention", DAY, command("sign_in_log_retention")),
    Job("form_check_retention", DAY, command("form_check_retention")),
    # RQ expires its results itself.
    Job(
        "prune_db_task_results",
        DAY,
        command("prune_db_task_results", "--min-age-days", "14"),
        database_task_backend,
    ),
    # A second run in the same week sends nothing, so daily means weekly reminders that
    # do not depend on the scheduler running on one particular day.
    Job("send_review_reminders", DAY, command("send_review_reminders")),
    # "Did you mean" suggests words of the live pages (home.search.typos): a page published
    # since joins them within the hour; rebuilding is one pass over the pages.
    Job("update_search_vocabulary", HOUR, command("update_search_vocabulary")),
)

# Project commands that are not periodic (run by hand, by make or by a supervisor).
NOT_PERIODIC = frozenset(
    {
        "db_worker",
        "ensure_dev_admin",
        "load_demo_content",
        "smoke_check",
        "run_scheduler",
        "reset_two_factor",
    }
)
