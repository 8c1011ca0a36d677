"""The fault suite's tools: a steady request loop and a readiness probe against a real
gunicorn, a private Redis that can be killed and started again, an SMTP sink that takes its
time, a database that restarts, and the figures each test records.

Every loop here is bounded (it stops by itself after MAX_SECONDS) and every connection goes to
127.0.0.1.
"""

import asyncio
import collections
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

from tests.smtp_server import SmtpSink, _Handler, free_port

ROOT = Path(__file__).resolve().parents[2]
FIGURES_DIR = Path(os.environ.get("FAULT_FIGURES_DIR", ROOT / "var" / "faults"))
MAX_SECONDS = 60  # no loop of the suite runs longer than this


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def get(url: str, timeout: float = 5) -> tuple[int, dict, bytes]:
    """One GET to loopback; 0 for no answer at all (refused, reset, timed out)."""
    request = urllib.request.Request(url)  # noqa: S310 - loopback only
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
    except OSError:
        return 0, {}, b""


@dataclass
class Answer:
    at: float  # time.monotonic() when the request was sent
    done: float  # and when its answer (or the error) came
    path: str
    status: int
    cache: str | None  # X-Page-Cache


class RequestLoop:
    """A reader's steady traffic: the paths in turn, one request at a time, every `pause`
    seconds, until stopped (or MAX_SECONDS). `expected` maps each path to its status."""

    def __init__(self, base: str, expected: dict[str, int], pause: float = 0.02):
        self.base, self.expected, self.pause = base, expected, pause
        self.answers: list[Answer] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        self._stop.set()
        self._thread.join(timeout=15)

    def _run(self):
        deadline = time.monotonic() + MAX_SECONDS
        paths = list(self.expected)
        number = 0
        while not self._stop.is_set() and time.monotonic() < deadline:
            path = paths[number % len(paths)]
            number += 1
            sent = time.monotonic()
            status, headers, _body = get(self.base + path)
            answer = Answer(sent, time.monotonic(), path, status, headers.get("X-Page-Cache"))
            self.answers.append(answer)
            self._stop.wait(self.pause)

    def between(self, start: float, end: float = float("inf")) -> list[Answer]:
        return [a for a in list(self.answers) if start <= a.at < end]

    @staticmethod
    def server_errors(answers) -> int:
        """5xx, and no answer at all: what a reader sees as the site being down."""
        return sum(1 for a in answers if a.status == 0 or a.status >= 500)

    def unexpected(self, answers) -> list[Answer]:
        return [a for a in answers if a.status != self.expected[a.path]]

    def first_good_after(self, moment: float) -> float | None:
        """Seconds from moment to the first answer (sent after it) that was as expected."""
        for answer in self.between(moment):
            if answer.status == self.expected[answer.path]:
                return answer.at - moment
        return None

    def wait_for_requests(self, count: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while len(self.answers) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"the request loop made {len(self.answers)} requests")
            time.sleep(0.02)


@dataclass
class Reading:
    at: float
    status: int
    report: dict


class ReadinessProbe:
    """/readyz every `every` seconds, as a load balancer and monitoring read it."""

    def __init__(self, base: str, every: float = 0.2):
        self.url, self.every = base + "/readyz", every
        self.readings: list[Reading] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=15)

    def _run(self):
        deadline = time.monotonic() + MAX_SECONDS
        while not self._stop.is_set() and time.monotonic() < deadline:
            self.readings.append(self.read())
            self._stop.wait(self.every)

    def read(self) -> Reading:
        at = time.monotonic()
        status, _headers, body = get(self.url)
        try:
            report = json.loads(body)
        except ValueError:
            report = {}
        return Reading(at, status, report)

    def between(self, start: float, end: float = float("inf")) -> list[Reading]:
        return [r for r in list(self.readings) if start <= r.at < end]

    def wait_until(self, predicate, timeout: float = 20) -> Reading:
        deadline = time.monotonic() + timeout
        while True:
            reading = self.read()
            if predicate(reading):
                return reading
            if time.monotonic() > deadline:
                raise AssertionError(f"readiness never became as expected; last: {reading}")
            time.sleep(0.1)

    @staticmethod
    def summary(readings) -> list[str]:
        """The distinct answers in order, as "503 unavailable" or "200 degraded (cache down)"."""
        seen: list[str] = []
        for reading in readings:
            report = reading.report
            details = [
                f"{part} {report[part]}"
                for part in ("database", "cache", "tasks", "worker")
                if report.get(part) not in (None, "ok", "idle", "none")
            ]
            text = f"{reading.status} {report.get('status', '?')}"
            if details:
                text += f" ({', '.join(details)})"
            if not seen or seen[-1] != text:
                seen.append(text)
        return seen


# Faults


@contextlib.contextmanager
def database_restarting(database_url: str, own_pid: int):
    """What a PostgreSQL restart does to every other process: their connections die and new
    ones are refused until the block ends. The test's own connection (own_pid) survives, so
    that the harness can read the outcome. Yields the number of connections killed."""
    server, name = database_url.rsplit("/", 1)
    database = sql.Identifier(name)
    # From another database: PostgreSQL refuses to close the one it is connected to.
    with psycopg.connect(server + "/postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS false").format(database))
        try:
            killed = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> %s",
                [name, own_pid],
            ).fetchone()[0]
            yield killed
        finally:
            admin.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS true").format(database))


class PrivateRedis:
    """A redis-server of the test's own on a free port: it can be killed and started again
    on the same port without touching anyone else's Redis."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "PrivateRedis":
        executable = shutil.which("redis-server")
        if executable is None:
            raise AssertionError("redis-server is not installed")
        self.process = subprocess.Popen(  # noqa: S603
            [
                executable, "--port", str(self.port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--loglevel", "warning",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        import redis

        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis(port=self.port, socket_timeout=0.5).ping()
                return self
            except redis.RedisError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise AssertionError("the private redis-server did not start") from None
                time.sleep(0.05)

    def flush(self) -> None:
        import redis

        redis.Redis(port=self.port, socket_timeout=2).flushall()

    def kill(self) -> None:
        """SIGKILL: Redis is gone at once, its data with it."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None


@dataclass
class _PacedHandler(_Handler):
    """The sink's handler, taking `delay` seconds per message, as a real server does: a send
    of a few hundred messages lasts long enough for a fault to land in the middle of it."""

    delay: float = 0.0

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        return await super().handle_DATA(server, session, envelope)


class PacedSink(SmtpSink):
    def __init__(self, delay: float = 0.0, port: int | None = None):
        super().__init__(port)
        self.handler = _PacedHandler(delay=delay)

    def wait_for(self, count: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while len(self.received) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"the sink received {len(self.received)} of {count}")
            time.sleep(0.01)


def count_deliveries(sink: SmtpSink, expected: list[str]) -> dict[str, int]:
    """Exactly once per address: expected, delivered (distinct addresses that got it),
    duplicated (copies beyond the first), lost (expected, never received), stray."""
    received = collections.Counter(r for item in sink.received for r in item.recipients)
    wanted = set(expected)
    return {
        "expected": len(wanted),
        "delivered": sum(1 for address in wanted if received[address]),
        "duplicated": sum(max(0, received[address] - 1) for address in wanted),
        "lost": sum(1 for address in wanted if not received[address]),
        "stray": sum(count for address, count in received.items() if address not in wanted),
    }


def manage(command: list[str], env: dict, timeout: float = 60) -> str:
    """`manage.py` as production's timers run it (same environment as the workers)."""
    done = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.strip()


# Figures


@dataclass
class Figures:
    """What one fault test saw, printed and written to var/faults/<fault>.json; the README's
    "Fault tests" table is made from these files (`python -m tests.faults.harness`)."""

    fault: str
    faults_injected: int = 0
    requests: int = 0
    server_errors: int = 0  # 5xx or no answer, over the whole run
    server_errors_outside_fault: int = 0  # the same, before the fault and after recovery
    unexpected_answers: int = 0  # any status other than the page's expected one
    recovery_seconds: float | None = None  # fault over -> the first good answer
    readiness: list[str] = field(default_factory=list)
    messages_expected: int = 0
    delivered: int = 0
    duplicated: int = 0
    lost: int = 0
    notes: str = ""
    # Seconds from the start of the test to each of its steps.
    timeline: dict[str, float] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic, repr=False)

    def mark(self, step: str) -> None:
        self.timeline[step] = round(time.monotonic() - self.started, 2)

    def from_requests(self, loop: RequestLoop, fault_start: float, fault_end: float) -> None:
        answers = list(loop.answers)
        # A request in flight when the fault began belongs to the fault.
        outside = [a for a in answers if a.done < fault_start or a.at >= fault_end]
        self.requests = len(answers)
        self.server_errors = loop.server_errors(answers)
        self.server_errors_outside_fault = loop.server_errors(outside)
        self.unexpected_answers = len(loop.unexpected(answers))
        recovery = loop.first_good_after(fault_end)
        self.recovery_seconds = None if recovery is None else round(recovery, 2)

    def from_messages(self, counts: dict[str, int]) -> None:
        self.messages_expected = counts["expected"]
        self.delivered = counts["delivered"]
        self.duplicated = counts["duplicated"]
        self.lost = counts["lost"]

    def record(self) -> None:
        FIGURES_DIR.mkdir(parents=True, exist_ok=True)
        self.mark("end")
        data = asdict(self)
        data.pop("started")
        (FIGURES_DIR / f"{self.fault}.json").write_text(json.dumps(data, indent=2) + "\n")
        print(f"\nFault figures: {json.dumps(data, ensure_ascii=False)}")  # noqa: T201


def table(directory: Path = FIGURES_DIR) -> str:
    """The README's table, from the figures of the last run."""
    rows = [
        "| Fault | Faults | Requests | 5xx (outside the fault) | Back after | Readiness seen "
        "| Messages | Delivered | Duplicated | Lost | Test took |",
        "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for path in sorted(directory.glob("*.json")):
        f = json.loads(path.read_text())
        back = "—" if f["recovery_seconds"] is None else f"{f['recovery_seconds']} s"
        rows.append(
            f"| {f['fault']} | {f['faults_injected']} | {f['requests']} "
            f"| {f['server_errors']} ({f['server_errors_outside_fault']}) | {back} "
            f"| {' → '.join(f['readiness'])} | {f['messages_expected'] or '—'} "
            f"| {f['delivered'] if f['messages_expected'] else '—'} "
            f"| {f['duplicated'] if f['messages_expected'] else '—'} "
            f"| {f['lost'] if f['messages_expected'] else '—'} "
            f"| {f['timeline'].get('end', '?')} s |"
        )
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())  # noqa: T201
