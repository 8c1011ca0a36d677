"""Bulletin send benchmark: the portal's sender against a bare Django send loop.

For each size (default 10,000 and 100,000 confirmed subscribers) and each mail backend (a
local SMTP sink in its own process, anymail's test backend message by message, and the same
backend with merge batches: one provider call per batch), one fresh process runs a
bare `connection.send_messages` loop over the same recipients (the baseline), another runs
the portal's real path (start_send: rendering, one delivery row per subscriber, then
process_send: claiming, per-recipient links and headers, acknowledgements). Printed:
messages per second, the sender's overhead per message as a ratio to the baseline measured
in the same run (target at most 1.5), and peak memory at the largest size against the
smallest (target at most 1.2).

    .venv/bin/python bench/newsletter_send.py [--sizes 10000 100000]

Uses PostgreSQL when DATABASE_URL points to it (a scratch database bench_newsletter is
created next to it), else a SQLite file under var/.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# anymail-batch: anymail's test backend with merge batches (NEWSLETTER_MERGE_FIELD) on.
BACKENDS = ("smtp", "anymail", "anymail-batch")
sys.path.insert(0, str(ROOT))


def bench_database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        base, _name = url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute("DROP DATABASE IF EXISTS bench_newsletter")
            admin.execute("CREATE DATABASE bench_newsletter")
        return f"{base}/bench_newsletter"
    path = ROOT / "var" / "bench-newsletter.sqlite3"
    path.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def child_env(database_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url,
        "PYTHONPATH": str(ROOT),
    }


def run_child(env, *args) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        sys.exit(f"child {args} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def start_smtp_sink() -> tuple[subprocess.Popen, int]:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    sink = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}",
         "-c", "aiosmtpd.handlers.Sink"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return sink, port
        except OSError:
            time.sleep(0.05)
    sys.exit("the SMTP sink did not start")


# ---------------------------------------------------------------- child process ----------


def setup_django(backend: str, port: str):
    import django
    from django.conf import settings

    django.setup()
    if backend == "smtp":
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", int(port)
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    else:
        settings.EMAIL_BACKEND = "bench_support.ForgetfulAnymailTestBackend"
    if backend == "anymail-batch":
        settings.NEWSLETTER_MERGE_FIELD = "{{NAME}}"  # one provider call per batch
    settings.NEWSLETTER_BATCH_SIZE = 500


def child(mode: str, backend: str, port: str, size: str):
    sys.path.insert(0, str(ROOT / "bench"))
    setup_django(backend, port)
    if mode == "fill":
        fill(int(size))
        print(json.dumps({"filled": int(size)}))
        return
    issue = make_issue()
    started = time.perf_counter()
    sent = baseline(issue) if mode == "baseline" else portal(issue)
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"sent": sent, "seconds": elapsed, "peak_mib": peak_kib / 1024}))


def fill(size: int):
    from django.core.management import call_command
    from django.utils import timezone

    from newsletter.models import Subscriber

    call_command("migrate", verbosity=0)
    Subscriber.objects.all().delete()
    now = timezone.now()
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"odberatel{n}@example.cz",
                email_key=f"odberatel{n}@example.cz",
                language="cs" if n % 5 else "en",
                status=Subscriber.Status.CONFIRMED,
                source=Subscriber.Source.FOOTER,
                consent_text="Souhlas",
                consent_at=now,
                consent_language="cs",
                confirmed_at=now,
            )
            for n in range(size)
        ),
        batch_size=5000,
    )


def make_issue():
    import uuid
    from datetime import date

    from wagtail.models import Page, Site

    from home.pages.home_page import HomePage
    from newsletter.models import BulletinIndexPage, BulletinPage

    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title="Sociální bydlení", slug="bench-home")
        Page.get_first_root_node().add_child(instance=home)
        Site.objects.update_or_create(
            is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
        )
    index = BulletinIndexPage.objects.first()
    if index is None:
        index = BulletinIndexPage(title="Zpravodaj", slug="zpravodaj")
        home.add_child(instance=index)
    issue = BulletinPage(
        title="Zpravodaj – měření",
        slug=f"mereni-{uuid.uuid4().hex[:8]}",
        issue_date=date(2026, 11, 25),
        intro="<p>" + "Obec poskytuje byty, nezisková organizace zná klienty. " * 20 + "</p>",
    )
    index.add_child(instance=issue)
    issue.save_revision().publish()
    return issue


def baseline(issue) -> int:
    """A bare Django loop: the same message body to every confirmed address, one connection
    per 500 messages, nothing recorded."""
    from django.core.mail import EmailMultiAlternatives, get_connection

    from newsletter.models import Subscriber
    from newsletter.sending.rendering import render_issue

    content = render_issue(issue, "cs")
    sent = 0
    addresses = Subscriber.objects.confirmed().order_by("pk").values_list("email", flat=True)
    batch = []
    for address in addresses.iterator(chunk_size=2000):
        message = EmailMultiAlternatives(content["subject"], content["text"], to=[address])
        message.attach_alternative(content["html"], "text/html")
        batch.append(message)
        if len(batch) == 500:
            sent += _send(get_connection(), batch)
            batch = []
    if batch:
        sent += _send(get_connection(), batch)
    return sent


def _send(connection, messages) -> int:
    connection.open()
    try:
        return connection.send_messages(messages)
    finally:
        connection.close()


def portal(issue) -> int:
    from newsletter.models import Delivery
    from newsletter.sending import sends as sending

    sending.launch_workers = lambda send_id, count=2: None  # this process is the worker
    send = sending.start_send(issue)
    outcome = sending.process_send.call(send.pk)
    if outcome != "done":
        sys.exit(f"the send did not finish: {outcome}")
    return Delivery.objects.filter(send=send, status="sent").count()


# ---------------------------------------------------------------- parent -----------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--child", nargs=4, metavar=("MODE", "BACKEND", "PORT", "SIZE"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    env = child_env(bench_database_url())
    sink, port = start_smtp_sink()
    results = {}
    try:
        for size in args.sizes:
            run_child(env, "fill", "smtp", str(port), str(size))
            for backend in BACKENDS:
                for mode in ("baseline", "portal"):
                    if backend == "anymail-batch" and mode == "baseline":
                        # The bare loop sends message by message whatever the portal does.
                        results[(size, backend, mode)] = results[(size, "anymail", mode)]
                        continue
                    result = run_child(env, mode, backend, str(port), str(size))
                    if result["sent"] != size:
                        sys.exit(f"{mode}/{backend} sent {result['sent']} of {size}")
                    results[(size, backend, mode)] = result
    finally:
        sink.terminate()
    print(f"{'size':>8} {'backend':<13} {'baseline msg/s':>15} {'portal msg/s':>13} "
          f"{'overhead ×':>10} {'peak MiB':>9}")  # fmt: skip
    for size in args.sizes:
        for backend in BACKENDS:
            base = results[(size, backend, "baseline")]
            ours = results[(size, backend, "portal")]
            ratio = (ours["seconds"] / size) / (base["seconds"] / size)
            print(
                f"{size:>8} {backend:<13} {size / base['seconds']:>15.0f} "
                f"{size / ours['seconds']:>13.0f} {ratio:>10.2f} {ours['peak_mib']:>9.1f}"
            )
    smallest, largest = min(args.sizes), max(args.sizes)
    for backend in BACKENDS:
        memory = (
            results[(largest, backend, "portal")]["peak_mib"]
            / results[(smallest, backend, "portal")]["peak_mib"]
        )
        print(f"peak memory {largest} vs {smallest} ({backend}): {memory:.2f}× (target ≤ 1.2)")


if __name__ == "__main__":
    main()
