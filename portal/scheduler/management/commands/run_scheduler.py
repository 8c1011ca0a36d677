from django.core.management.base import BaseCommand

from portal.scheduler.jobs import JOBS
from portal.scheduler.runner import Scheduler


class Command(BaseCommand):
    help = (
        "Run the periodic jobs (publishing at its time, bulletin maintenance, the outbox's "
        "sweeper, the task reaper, retention) at their intervals; any number may run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run the jobs that are due, then exit."
        )
        parser.add_argument(
            "--list", dest="list_jobs", action="store_true", help="List the jobs and exit."
        )

    def handle(self, *args, once, list_jobs, **options):
        scheduler = Scheduler(JOBS)
        if list_jobs:
            for job in JOBS:
                note = "" if job.applies() else " (not in this deployment)"
                self.stdout.write(f"{job.name}: every {job.interval}{note}")
            return
        if once:
            ran = scheduler.run_due()
            self.stdout.write(f"ran: {', '.join(ran) or 'nothing due'}")
            return
        scheduler.configure_signals()
        scheduler.run_forever()
