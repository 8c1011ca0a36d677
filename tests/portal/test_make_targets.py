"""`make run` and `make serve` on a port another program holds say so and stop."""

import socket
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_port_in_use_is_named_and_nothing_starts():
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        for target in ("run", "serve"):
            # -n would not run the check; the port check is the first prerequisite, so the
            # real target stops there before installing or starting anything.
            result = subprocess.run(  # noqa: S603
                ["make", "-s", target, f"PORT={port}"],  # noqa: S607
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert result.returncode != 0
            assert f"Port {port} is in use; set PORT=" in result.stdout
            assert f"make {target} PORT=8001" in result.stdout
            assert "Traceback" not in result.stdout + result.stderr


def test_a_free_port_passes_the_check():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = subprocess.run(  # noqa: S603
        ["make", "-s", "port-free", f"PORT={port}"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout


def dry_run(*arguments: str) -> str:
    """What `make ARGUMENTS` would run (with -p, also the variables it would set)."""
    return subprocess.run(  # noqa: S603
        ["make", *arguments],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_run_and_serve_start_the_periodic_jobs_and_restart_them():
    for target in ("run", "serve"):
        recipe = dry_run("-n", target)
        assert (
            "while :; do .venv/bin/python manage.py run_scheduler; "
            'echo "scheduler exited ($?); restarting in 2 s"'
        ) in recipe, target
        # Beside the worker, under the trap that stops them all with the server.
        assert "manage.py db_worker" in recipe
        assert "trap 'trap - INT TERM EXIT; kill 0' INT TERM EXIT" in recipe


def test_serve_shows_the_demo_images_without_a_proxy():
    database = dry_run("-pn", "serve")
    assert "serve: SERVE_MEDIA = true" in database.splitlines()


def test_serve_and_what_stands_for_it_run_the_web_server_optimised():
    """make serve's gunicorn, the production-like test server and the benchmark all start
    with PYTHONOPTIMIZE=2, so that the tests and figures are of what readers get."""
    recipe = dry_run("-n", "serve")
    [server_line] = [line for line in recipe.splitlines() if "bin/gunicorn" in line]
    assert "PYTHONOPTIMIZE=2 .venv/bin/gunicorn" in server_line
    assert 'PYTHONOPTIMIZE="2"' in (ROOT / "tests/portal/test_production_server.py").read_text()
    assert 'SERVE_ENV = {"PYTHONOPTIMIZE": "2"}' in (ROOT / "bench/pages.py").read_text()
    assert "PYTHONOPTIMIZE=2 gunicorn" in (ROOT / "docs/deployment.md").read_text()
