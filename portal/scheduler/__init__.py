"""The periodic jobs (portal/scheduler/jobs.py) and the process that runs them
(`manage.py run_scheduler`, portal/scheduler/runner.py)."""
