"""Tasks for the tests of the task worker itself (tests/portal/test_worker_resilience.py);
the worker processes import them from here."""

import time
from pathlib import Path

from django_tasks import task


@task()
def echo(value: str) -> str:
    return value


@task()
def wait_for_file(path: str, timeout: float = 60) -> str:
    """Run until path exists (the test creates it), so that the test acts mid-task."""
    deadline = time.monotonic() + timeout
    while not Path(path).exists():
        if time.monotonic() > deadline:
            raise TimeoutError(path)
        time.sleep(0.05)
    return "finished"
