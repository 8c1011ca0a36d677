"""The periodic jobs: the schedule, a due job run once however many schedulers run, and a
scheduler that outlives a database outage (portal/scheduler/)."""

import logging
import socket
import subprocess
import sys
from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import get_commands
from django.db import OperationalError, ProgrammingError, connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from portal.scheduler import jobs, runner
from portal.scheduler.jobs import JOBS, NOT_PERIODIC, Job
from portal.scheduler.models import ScheduledJob
from portal.scheduler.runner import Scheduler, advisory_lock_key

PERIODIC_COMMANDS = {
    "publish_scheduled",
    "newsletter_maintenance",
    "send_queued_email",
    "contact_retention",
    "sign_in_log_retention",
    "prune_db_task_results",
    "send_review_reminders",
    "update_search_vocabulary",
}
PROJECT_APPS = {"portal", "portal.scheduler", "home", "newsletter", "contact"}


def scheduled_commands():
    return {job.run.command[0] for job in JOBS if hasattr(job.run, "command")}


def test_the_schedule_holds_every_periodic_job():
    assert scheduled_commands() >= PERIODIC_COMMANDS
    # A task killed mid-run must not stay RUNNING while no worker is there to reap it.
    assert "reap_abandoned_tasks" in {job.name for job in JOBS}
    assert len({job.name for job in JOBS}) == len(JOBS)
    commands = get_commands()
    for name in scheduled_commands():
        assert name in commands, f"{name} is not a management command"


def test_every_project_command_is_scheduled_or_said_not_to_be_periodic():
    project_commands = {name for name, app in get_commands().items() if app in PROJECT_APPS}
    unclassified = project_commands - scheduled_commands() - NOT_PERIODIC
    assert not unclassified, (
        f"add these to portal/scheduler/jobs.py or NOT_PERIODIC: {unclassified}"
    )


def test_database_only_jobs_are_left_out_with_rq(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    names = {job.name for job in Scheduler(JOBS).jobs}
    assert "reap_abandoned_tasks" not in names and "prune_db_task_results" not in names
    assert "newsletter_maintenance" in names
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert {job.name for job in Scheduler(JOBS).jobs} == {job.name for job in JOBS}


def counting_job(name="count", interval=timedelta(minutes=5), runs=None, action=None):
    runs = [] if runs is None else runs

    def run():
        runs.append(name)
        if action:
            action()
        return "counted"

    return Job(name, interval, run), runs


@pytest.mark.both_databases
def test_a_due_job_runs_once_under_two_schedulers(db):
    job, runs = counting_job()
    first, second = Scheduler([job]), Scheduler([job])
    assert first.run_due() == ["count"]
    assert second.run_due() == []
    assert first.run_due() == []
    assert runs == ["count"]
    row = ScheduledJob.objects.get(name="count")
    assert row.last_succeeded is True
    assert row.next_run_at - row.last_started_at == timedelta(minutes=5)

    # Once its interval has passed, it is due again: for one of them.
    ScheduledJob.objects.filter(name="count").update(
        next_run_at=timezone.now() - timedelta(seconds=1)
    )
    assert second.run_due() == ["count"]
    assert first.run_due() == []
    assert runs == ["count", "count"]


@pytest.mark.postgres_only
def test_a_job_another_scheduler_holds_the_lock_of_is_skipped(db):
    # Another scheduler in the middle of the job (past its interval, say) holds its lock.
    job, runs = counting_job()
    Scheduler([job]).ensure_rows()
    due_at = ScheduledJob.objects.get(name="count").next_run_at
    other = connection.copy()  # another session: as another scheduler process
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [advisory_lock_key("count")])
        assert Scheduler([job]).run_due() == []
        assert ScheduledJob.objects.get(name="count").next_run_at == due_at  # still due
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [advisory_lock_key("count")])
        assert Scheduler([job]).run_due() == ["count"]
    finally:
        other.close()
    assert runs == ["count"]


@pytest.mark.both_databases
def test_a_failing_job_is_logged_and_the_others_still_run(db, caplog):
    def broken():
        raise ValueError("a defect")

    fine, runs = counting_job("fine")
    scheduler = Scheduler([Job("broken", timedelta(minutes=1), broken), fine])
    with caplog.at_level(logging.ERROR, logger="portal.scheduler"):
        assert scheduler.run_due() == ["broken", "fine"]
    assert runs == ["fine"]
    assert ScheduledJob.objects.get(name="broken").last_succeeded is False
    assert "Periodic job broken failed" in caplog.text


def test_the_scheduler_waits_out_a_database_outage_and_logs_it_once(caplog):
    scheduler = Scheduler([])
    passes = []

    def run_due():
        passes.append(1)
        if len(passes) == 1:
            raise OperationalError("the database system is shutting down")
        scheduler.running = False  # the second pass ran: enough
        return []

    answers = iter([False, False, True])
    with (
        mock.patch.object(scheduler, "run_due", run_due),
        mock.patch.object(scheduler, "seconds_until_next", return_value=0),
        mock.patch.object(scheduler, "database_answers", lambda: next(answers)),
        mock.patch.object(runner, "close_connections"),
        mock.patch.object(runner, "close_old_connections"),
        mock.patch.object(scheduler, "sleep") as sleep,
        caplog.at_level(logging.WARNING, logger="portal.scheduler"),
    ):
        scheduler.run_forever()
    assert len(passes) == 2
    messages = [record.getMessage() for record in caplog.records]
    assert messages[0] == "Database unavailable (OperationalError): the scheduler waits for it"
    assert messages[1].startswith("Database reachable again after")
    assert len(messages) == 2
    assert sleep.called


def test_an_error_that_is_not_an_outage_still_stops_the_scheduler():
    # The supervisor's loop restarts it, and the error is in its log.
    scheduler = Scheduler([])
    with (
        mock.patch.object(scheduler, "run_due", side_effect=ProgrammingError("no such column")),
        mock.patch.object(runner, "close_old_connections"),
        pytest.raises(ProgrammingError),
    ):
        scheduler.run_forever()


def test_a_busy_sqlite_database_is_tried_again_at_the_next_tick():
    scheduler = Scheduler([])
    passes = []

    def run_due():
        passes.append(1)
        if len(passes) == 1:
            raise OperationalError("database is locked")
        scheduler.running = False
        return []

    with (
        mock.patch.object(scheduler, "run_due", run_due),
        mock.patch.object(scheduler, "seconds_until_next", return_value=0),
        mock.patch.object(scheduler, "wait_for_database") as waited,
        mock.patch.object(runner, "close_old_connections"),
        mock.patch.object(scheduler, "sleep") as sleep,
    ):
        scheduler.run_forever()
    assert len(passes) == 2
    sleep.assert_any_call(runner.TICK_SECONDS)
    assert not waited.called  # not an outage


@pytest.mark.both_databases
def test_the_reaper_job_fails_a_task_its_killed_worker_left_running(db, settings):
    settings.TASK_RUNNING_TIMEOUT_MINUTES = 30
    dead = subprocess.Popen([sys.executable, "-c", "pass", "db_worker"])
    dead.wait()
    task = DBTaskResult.objects.create(
        status="RUNNING",
        args_kwargs={"args": [], "kwargs": {}},
        task_path="tests.portal.worker_tasks.echo",
        backend_name="default",
        run_after=get_date_max(),
        worker_ids=[f"{socket.gethostname()}:{dead.pid}:abcdefabcdef"],
    )
    DBTaskResult.objects.filter(pk=task.pk).update(
        started_at=timezone.now() - timedelta(minutes=31)
    )
    [reaper] = [job for job in JOBS if job.name == "reap_abandoned_tasks"]
    assert reaper.run() == "marked 1 abandoned tasks FAILED"
    task.refresh_from_db()
    assert task.status == "FAILED"


def test_a_command_job_returns_the_commands_output():
    with mock.patch.object(jobs, "call_command") as call:
        call.side_effect = lambda *args, stdout, stderr: stdout.write("sent 3\nfailed 0\n")
        assert jobs.command("send_queued_email")() == "sent 3 failed 0"
    assert call.call_args.args == ("send_queued_email",)
