"""A dashboard warning when no task worker takes tasks: e-mails then wait unseen.

The same reading as /readyz (portal.health.task_state): tasks ready to run that have waited
longer than READINESS_TASK_DELAY_SECONDS mean that no worker is taking them.
"""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from .health import task_state


class TaskWorkerWarningPanel(Component):
    name = "task_worker_warning"
    order = 10  # above every other panel: it says that mail is not going out
    template_name = "portal/task_worker_warning.html"

    def __init__(self, waited_seconds: float):
        self.waited_minutes = max(1, round(waited_seconds / 60))

    def get_context_data(self, parent_context=None):
        return {"waited_minutes": self.waited_minutes}


def task_worker_warning():
    """The panel when tasks are stalled, else None."""
    state, waited = task_state(timezone.now())
    if state != "stalled":
        return None
    return TaskWorkerWarningPanel(waited)
