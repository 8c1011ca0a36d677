# Sociální bydlení portal. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.8
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

# The task worker of TASKS_BACKEND: db_worker (database, the default) or RQ's worker with its
# scheduler (rq), which runs the retries that wait for a backoff.
TASK_WORKER = $(if $(filter rq,$(TASKS_BACKEND)),$(PY) manage.py rqworker default --with-scheduler,$(PY) manage.py db_worker)
# run and serve keep it running, as systemd's Restart=always does on a server
# (docs/deployment.md): a worker that exits anyway is started again after 2 s.
TASK_WORKER_LOOP = while :; do $(TASK_WORKER); echo "task worker exited ($$?); restarting in 2 s" >&2; sleep 2; done
# The periodic jobs (portal/scheduler/jobs.py: publishing at its time, bulletin maintenance,
# the outbox's sweeper, the task reaper, retention), kept running the same way.
SCHEDULER_LOOP = while :; do $(PY) manage.py run_scheduler; echo "scheduler exited ($$?); restarting in 2 s" >&2; sleep 2; done

.DEFAULT_GOAL := help
.PHONY: help install messages messages-update migrate demo setup run serve admin test lint format clean bench port-free

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(VENV)/.synced: pyproject.toml uv.lock
	@test -x $(PY) || $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (set PYTHON=...)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/uv --version 2>/dev/null | grep -q $(UV_VERSION) || \
		$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(VENV)/bin/uv sync --frozen --quiet
	@mkdir -p var
	@touch $@

install: $(VENV)/.synced ## Create .venv and install the locked dependencies

messages: install ## Compile the translation catalogues (pure Python, no gettext needed)
	@$(PY) -m babel.messages.frontend compile --domain django --directory locale --statistics 2>&1 | grep -v '^$$' || true
	@# Gap-fills of Wagtail's and wagtail-localize's cs catalogues (locale/upstream/README.md)
	@$(PY) -m babel.messages.frontend compile --domain 'django djangojs' --directory locale/upstream --statistics 2>&1 | grep -v '^$$' || true

messages-update: install ## Re-extract the interface strings into locale/*/django.po (needs GNU gettext)
	$(PY) manage.py makemessages -l cs -l en --no-location --no-obsolete \
		--ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'bench/*'

migrate: install
	@mkdir -p var
	$(PY) manage.py migrate --no-input -v0

demo: migrate ## Load the demo content (idempotent)
	$(PY) manage.py load_demo_content

setup: install messages demo

run: export BASE_URL ?= http://127.0.0.1:$(PORT)
# Refuses a port another program holds, before anything starts (runserver and gunicorn would
# end in a cascade of tracebacks).
port-free:
	@$(PYTHON) -c 'import socket; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", $(PORT)))' 2>/dev/null || \
		{ echo "Port $(PORT) is in use; set PORT=... (for example: make $(firstword $(MAKECMDGOALS)) PORT=8001)"; exit 1; }

run: port-free setup ## Set everything up and serve it with demo content on http://127.0.0.1:PORT/ (PORT=8000)
	@$(PY) manage.py ensure_dev_admin --port $(PORT)
	@echo "Serving on http://127.0.0.1:$(PORT)/ with a background task worker and the periodic jobs; Ctrl+C stops all."
	@trap 'trap - INT TERM EXIT; kill 0' INT TERM EXIT; \
		$(TASK_WORKER_LOOP) & \
		$(SCHEDULER_LOOP) & \
		$(PY) manage.py runserver 127.0.0.1:$(PORT)

serve: export DJANGO_SETTINGS_MODULE = portal.settings.production
# The web processes drop docstrings and asserts (python -OO): about 4 MiB less in each worker
# (bench/README.md); nothing the portal or its libraries serve reads either (docs/deployment.md).
WEB_PYTHONOPTIMIZE = 2
# No proxy in front here to serve uploaded images: the web process does (portal/media.py).
serve: export SERVE_MEDIA ?= true
serve: port-free install messages ## Production-like: gunicorn, the task worker and the periodic jobs with production settings (see README)
	$(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py collectstatic --no-input -v0
	$(PY) manage.py migrate --no-input -v0
	@echo "Serving on http://127.0.0.1:$(PORT)/ with production settings; Ctrl+C stops it."
	@trap 'trap - INT TERM EXIT; kill 0' INT TERM EXIT; \
		$(TASK_WORKER_LOOP) & \
		$(SCHEDULER_LOOP) & \
		PORT=$(PORT) PYTHONOPTIMIZE=$(WEB_PYTHONOPTIMIZE) $(VENV)/bin/gunicorn --config ops/gunicorn.conf.py portal.wsgi

bench: install messages ## Page benchmark against nginx static, Varnish, query counts, memory (DATABASE_URL=postgres://...)
	@test -n "$(DATABASE_URL)" || { echo "Set DATABASE_URL=postgres://... (a database of its own: it is filled)"; exit 1; }
	$(PY) bench/pages.py
	$(PY) bench/search.py

admin: migrate ## Give the development admin account a new password and print it
	@$(PY) manage.py ensure_dev_admin --reset --port $(PORT)

# On PostgreSQL the suite runs in two processes (pytest-xdist), each on a test database of
# its own and each test file in one of them: 7 minutes instead of 12.5 on this project's
# two cores. On SQLite, in one (TEST_PROCESSES=0); TEST_PROCESSES=N sets it either way.
TEST_PROCESSES ?= $(if $(filter postgres%,$(DATABASE_URL)),2,0)

test: install messages ## Set everything up and run the whole suite (lint, checks, tests)
	@mkdir -p var
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest -n $(TEST_PROCESSES) --dist loadfile
	@if [[ "$${DATABASE_URL:-}" == postgres* ]]; then \
		echo "Also on SQLite, the embedded default: the tests that must pass on both databases"; \
		env -u DATABASE_URL $(PY) -m pytest -m both_databases -q; fi

lint: install ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format and fix what ruff can
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean: ## Remove the virtual environment, local database and media
	rm -rf $(VENV) var media staticfiles
