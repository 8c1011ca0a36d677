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
