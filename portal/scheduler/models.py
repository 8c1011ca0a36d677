from django.db import models


class ScheduledJob(models.Model):
    """When a periodic job (portal/scheduler/jobs.py) is due next, shared by every scheduler
    process: a scheduler runs a job only after moving next_run_at forward itself, in one
    conditional UPDATE, so a job due once runs once however many schedulers there are."""

    name = models.CharField(max_length=100, primary_key=True)
    next_run_at = models.DateTimeField()
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_succeeded = models.BooleanField(null=True, blank=True)

    class Meta:
        verbose_name = "scheduled job"

    def __str__(self):
        return self.name
