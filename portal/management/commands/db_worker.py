"""`manage.py db_worker`: django-tasks-db's command with the portal's worker
(portal/task_worker.py), which waits out a database restart, reaps tasks left RUNNING by
a killed worker and beats (portal.WorkerHeartbeat) for /readyz. It wins over
django-tasks-db's because "portal" comes before "django_tasks_db" in INSTALLED_APPS; the
options are upstream's."""

import os

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker as upstream

from portal.task_worker import Worker, new_worker_id


class Command(upstream.Command):
    help = (
        "Run a database background worker that survives a database restart and marks tasks "
        "abandoned by a killed worker FAILED"
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=new_worker_id())

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        # django-tasks-db 0.13's handle, building the portal's Worker.
        self.configure_logging(verbosity)
        if reload and batch:
            upstream.logger.warning(
                "Warning: --reload and --batch cannot be specified together. Disabling autoreload."
            )
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")

        worker = Worker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
            beat=True,  # for /readyz: portal.health.worker_state
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the reloader's child
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
