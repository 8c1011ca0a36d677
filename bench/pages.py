"""Page throughput against nginx serving the same HTML as a static file, in the same run.

Builds (once) a PostgreSQL database with the demo site and N extra articles, starts gunicorn
(3 workers, production settings) twice - page cache off and on - and nginx serving the
home page and an article saved to files, then Varnish in front of the cached server when
varnishd is installed. wrk rounds are interleaved (static, uncached, cached, Varnish, ...)
so that load from anything else on the machine falls on every contender alike. Prints
req/s, p50/p99, the ratios against static, SQL queries per page at the demo's size and at
N articles, and the peak memory (VmHWM) of each gunicorn worker.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/perf .venv/bin/python bench/pages.py
    ... bench/pages.py --articles 1000 --duration 10 --rounds 3 --port 8200
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
VAR = ROOT / "var" / "bench"
PAGES = {"home": "/", "article": None}  # the article's address is found after the build


# What `make serve` sets for the web processes beside the settings (Makefile: WEB_PYTHONOPTIMIZE).
SERVE_ENV = {"PYTHONOPTIMIZE": "2"}


def production_env(database_url, page_cache_seconds, redis_url=""):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DATABASE_URL=database_url,
        SECRET_KEY="bench-only-secret-key-" + "b" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        EMAIL_URL="console://",
        DEFAULT_FROM_EMAIL="noreply@example.cz",
        SECURE_HTTPS="false",
        STATIC_ROOT=str(VAR / "static"),
        MEDIA_ROOT=str(VAR / "media"),
        PAGE_CACHE_SECONDS=str(page_cache_seconds),
        SERVE_MEDIA="true",  # as make serve
        REDIS_URL=redis_url,
    )
    return env


def manage(env, *args, capture=False):
    result = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=capture, text=True
    )
    return result.stdout if capture else None


BUILD = """
from wagtail.models import Locale
from home.pages.models import ArticlePage, SectionPage
from home.taxonomy.models import Topic
from home.demo.bulk import add_articles
cs = Locale.objects.get(language_code="cs")
section = SectionPage.objects.live().filter(locale=cs).first()
topic = Topic.objects.filter(locale=cs).first()
have = ArticlePage.objects.filter(slug__startswith="hromadny-clanek-").count()
if have < {count}:
    add_articles(section, {count} - have, topics=[topic] if topic else [], start=have)
article = ArticlePage.objects.live().filter(locale=cs).exclude(
    slug__startswith="hromadny-clanek-").first()
print(article.url)
"""

HOW_MANY_BULK = """
from home.pages.models import ArticlePage
print(ArticlePage.objects.filter(slug__startswith="hromadny-clanek-").count())
"""

COUNT_QUERIES = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="localhost")
counts = {}
for name, url in json.loads('URLS').items():
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        status = client.get(url).status_code
    counts[name] = (len(captured), status)
print(json.dumps(counts))
"""


def query_counts(env, urls):
    env = {**env, "PAGE_CACHE_SECONDS": "0"}
    script = COUNT_QUERIES.replace("URLS", json.dumps(urls))
    return json.loads(manage(env, "shell", "-c", script, capture=True).strip().splitlines()[-1])


def wait_for(url, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                return response.read()
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


def start_gunicorn(env, port, app="portal.wsgi", ready_path="/healthz"):
    # As `make serve` runs it: ops/gunicorn.conf.py (3 gthread workers x 4 threads, the
    # access log on), so that the figures are what readers get.
    process = subprocess.Popen(
        [PY, "-m", "gunicorn", "--config", "ops/gunicorn.conf.py", app],
        cwd=ROOT,
        env={**env, "PORT": str(port), "WEB_CONCURRENCY": "3", "WEB_THREADS": "4", **SERVE_ENV},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    started(process, f"http://127.0.0.1:{port}{ready_path}")
    return process


def start_granian(env, port, app="portal.wsgi:application", ready_path="/healthz"):
    """The same application under granian (a Rust HTTP server), with the same processes and
    threads as ops/gunicorn.conf.py and its access log on, to measure what the server costs;
    None when granian is not installed."""
    granian = Path(PY).with_name("granian")
    if not granian.exists():
        return None
    process = subprocess.Popen(
        [str(granian), "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(port),
         "--workers", "3", "--blocking-threads", "4", "--no-ws", "--access-log", app],
        cwd=ROOT,
        env={**env, **SERVE_ENV},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    started(process, f"http://127.0.0.1:{port}{ready_path}")
    return process


def started(process, url):
    try:
        wait_for(url)
    except RuntimeError:
        stop(process)
        raise


NGINX_CONF = """
worker_processes 2;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/tmp; proxy_temp_path {dir}/tmp; fastcgi_temp_path {dir}/tmp;
    uwsgi_temp_path {dir}/tmp; scgi_temp_path {dir}/tmp;
    default_type text/html;
    server {{ listen 127.0.0.1:{port}; root {dir}/html; }}
}}
"""


def save_pages(pages: dict[str, bytes]) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    folder.chmod(0o755)  # nginx's workers read the files as an unprivileged user
    (folder / "html").mkdir()
    (folder / "tmp").mkdir()
    for name, content in pages.items():
        (folder / "html" / f"{name}.html").write_bytes(content)
    return folder


def start_nginx(port, folder: Path):
    (folder / "nginx.conf").write_text(NGINX_CONF.format(dir=folder, port=port))
    process = subprocess.Popen(
        ["nginx", "-c", str(folder / "nginx.conf"), "-p", str(folder), "-g", "daemon off;"],
        start_new_session=True,
        stderr=subprocess.DEVNULL,
    )
    started(process, f"http://127.0.0.1:{port}/home.html")
    return process


def start_ceiling(port, folder: Path):
    env = {**os.environ, "BENCH_CEILING_DIR": str(folder / "html")}
    return start_gunicorn(env, port, app="bench.ceiling_app:application", ready_path="/home.html")


def start_varnish(port, backend_port):
    if not shutil.which("varnishd"):
        return None
    folder = Path(tempfile.mkdtemp(prefix="bench-varnish-"))
    folder.chmod(0o755)  # varnishd reads the VCL as its own unprivileged user
    vcl = (ROOT / "ops" / "varnish" / "default.vcl").read_text()
    vcl = re.sub(r'\.port = "\d+";', f'.port = "{backend_port}";', vcl)
    (folder / "default.vcl").write_text(vcl)
    process = subprocess.Popen(
        ["varnishd", "-F", "-n", str(folder), "-a", f"127.0.0.1:{port}",
         "-f", str(folder / "default.vcl"), "-s", "malloc,64m"],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    started(process, f"http://127.0.0.1:{port}/healthz")
    return process


def wrk(url, duration):
    output = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"50%\s+([\d.]+\w+)", output).group(1)
    p99 = re.search(r"99%\s+([\d.]+\w+)", output).group(1)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": rate, "p50": p50, "p99": p99, "errors": int(non_2xx.group(1)) if non_2xx else 0}


def worker_memory(master: subprocess.Popen) -> list[dict]:
    """Per worker: peak RSS (VmHWM), and now PSS and USS: RSS counts every page the worker
    shares with the master and its siblings in full, USS is what the worker alone costs."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    workers = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()

        def kib(field, text=rollup):
            return int(re.search(rf"{field}:\s+(\d+) kB", text).group(1))

        workers.append({
            "peak_rss": kib("VmHWM", status) / 1024,
            "pss": kib("Pss") / 1024,
            "uss": (kib("Private_Clean") + kib("Private_Dirty")) / 1024,
        })  # fmt: skip
    return workers


def stop(process):
    if process is not None and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=8200)
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", ""))
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database of your own (it is filled).")
    VAR.mkdir(parents=True, exist_ok=True)
    env = production_env(database_url, 0, args.redis_url)

    print(f"Building: migrate, demo content, {args.articles} extra articles ...", flush=True)
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")
    bulk = manage(env, "shell", "-c", HOW_MANY_BULK, capture=True).split()[-1]
    if bulk == "0":  # the demo translates every page of the tree; the bulk ones have no English
        manage(env, "load_demo_content")
    article_url = manage(env, "shell", "-c", BUILD.format(count=0), capture=True).split()[-1]
    urls = {
        "home": "/",
        "article": article_url,
        "listing": article_url.rsplit("/", 2)[0] + "/",
        "search": "/hledat/?q=bydleni",
        "feed": "/feeds/articles.rss",
    }
    small = query_counts(env, urls)
    manage(env, "shell", "-c", BUILD.format(count=args.articles), capture=True)
    large = query_counts(env, urls)

    port = args.port
    processes = []
    try:
        uncached = start_gunicorn(env, port)
        processes.append(uncached)
        cached = start_gunicorn(production_env(database_url, 21600, args.redis_url), port + 1)
        processes.append(cached)
        base = f"http://127.0.0.1:{port}"
        html = {name: wait_for(base + urls[name]) for name in ("home", "article")}
        saved = save_pages(html)
        processes.append(start_nginx(port + 2, saved))
        varnish = start_varnish(port + 3, port + 1)
        processes.append(varnish)
        processes.append(start_ceiling(port + 4, saved))
        granian_cached = start_granian(
            production_env(database_url, 21600, args.redis_url), port + 5
        )
        processes.append(granian_cached)
        if granian_cached:
            ceiling_env = {**os.environ, "BENCH_CEILING_DIR": str(saved / "html")}
            processes.append(
                start_granian(ceiling_env, port + 6, "bench.ceiling_app:application", "/home.html")
            )
        targets = {}
        for name in ("home", "article"):
            targets[f"{name} static (nginx)"] = f"http://127.0.0.1:{port + 2}/{name}.html"
            targets[f"{name} gunicorn ceiling"] = f"http://127.0.0.1:{port + 4}/{name}.html"
            targets[f"{name} uncached"] = f"http://127.0.0.1:{port}{urls[name]}"
            targets[f"{name} app cache"] = f"http://127.0.0.1:{port + 1}{urls[name]}"
            if varnish:
                targets[f"{name} Varnish"] = f"http://127.0.0.1:{port + 3}{urls[name]}"
            if granian_cached:
                targets[f"{name} granian app cache"] = f"http://127.0.0.1:{port + 5}{urls[name]}"
                targets[f"{name} granian ceiling"] = f"http://127.0.0.1:{port + 6}/{name}.html"
        results = {label: [] for label in targets}
        for round_number in range(args.rounds):
            print(f"Round {round_number + 1}/{args.rounds} ...", flush=True)
            for label, url in targets.items():
                results[label].append(wrk(url, args.duration))
        memory = {
            "uncached server": worker_memory(uncached),
            "cached server": worker_memory(cached),
        }
        if granian_cached:
            memory["granian, cached"] = worker_memory(granian_cached)
        report(results, small, large, args.articles, memory)
    finally:
        for process in processes:
            stop(process)


def best(runs):
    return max(runs, key=lambda run: run["rps"])


def report(results, small, large, articles, memory):
    print(f"\n{'':28} {'req/s':>10} {'p50':>9} {'p99':>9}  (best of the rounds)")
    for label, runs in results.items():
        run = best(runs)
        errors = f"  {run['errors']} errors" if run["errors"] else ""
        print(f"{label:28} {run['rps']:10.0f} {run['p50']:>9} {run['p99']:>9}{errors}")
    print("\nRatios to nginx serving the same HTML (target):")
    targets = {
        "uncached": 700,
        "app cache": 15,
        "Varnish": 2,
        "gunicorn ceiling": None,
        "granian app cache": 15,
        "granian ceiling": None,
    }
    for name in ("home", "article"):
        static = best(results[f"{name} static (nginx)"])["rps"]
        for kind, target in targets.items():
            label = f"{name} {kind}"
            if label not in results:
                continue
            rate = best(results[label])["rps"]
            if target is None:
                server = kind.split()[0]
                print(f"  {label:22} 1/{static / rate:8.1f}   (no page from {server} can beat it)")
                continue
            wanted = target[name] if isinstance(target, dict) else target
            verdict = "met" if rate * wanted >= static else "NOT met"
            print(f"  {label:22} 1/{static / rate:8.1f}   (target 1/{wanted}: {verdict})")
    print("\nSQL queries per warm request (page cache off):")
    print(f"  {'page':10} {'demo site':>10} {f'+{articles} articles':>16}")
    for name in small:
        print(f"  {name:10} {small[name][0]:>10} {large[name][0]:>16}")
    print("\nMemory per worker after the rounds, MiB (target: peak RSS <= 130):")
    for label, workers in memory.items():
        figures = "; ".join(
            f"peak RSS {w['peak_rss']:.0f}, PSS {w['pss']:.0f}, USS {w['uss']:.0f}" for w in workers
        )
        print(f"  {label}: {figures}")


if __name__ == "__main__":
    main()
