"""Varnish in front of the portal (ops/varnish/default.vcl), purged on publish.

Skipped with the reason when Debian's varnishd is not installed.
"""

import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests import factories

ROOT = Path(__file__).resolve().parent.parent.parent

pytestmark = pytest.mark.skipif(
    shutil.which("varnishd") is None, reason="varnishd is not installed (apt install varnish)"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
        return response.read().decode(), response.headers.get("X-Edge-Cache")


@pytest.fixture
def varnish(live_server, committed_db, settings):
    backend_port = live_server.url.rsplit(":", 1)[1]
    port = free_port()
    folder = Path(tempfile.mkdtemp(prefix="test-varnish-"))
    folder.chmod(0o755)  # varnishd reads the VCL as its own unprivileged user
    vcl = (ROOT / "ops" / "varnish" / "default.vcl").read_text()
    (folder / "default.vcl").write_text(
        re.sub(r'\.port = "\d+";', f'.port = "{backend_port}";', vcl)
    )
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [shutil.which("varnishd"), "-F", "-n", str(folder / "state"), "-a", f"127.0.0.1:{port}",
         "-f", str(folder / "default.vcl"), "-s", "malloc,16m"],
        stdout=subprocess.DEVNULL,
        stderr=(folder / "varnishd.log").open("w"),
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60  # varnishd compiles the VCL with the C compiler first
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.time() > deadline:
                process.kill()
                log = (folder / "varnishd.log").read_text()
                pytest.fail(f"varnishd did not start: {log}")
            time.sleep(0.2)
    settings.PAGE_CACHE_SECONDS = 600
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": url,
        }
    }
    yield url
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(folder, ignore_errors=True)


def test_a_published_change_is_visible_through_varnish_within_a_second(varnish, section, footer):
    article = factories.ArticlePageFactory(parent=section, title="Původní název")
    fetch(varnish + article.url)
    _html, state = fetch(varnish + article.url)
    assert state == "hit"

    page = type(article).objects.get(pk=article.pk)
    page.title = "Nový název"
    page.save_revision().publish()
    published_at = time.monotonic()

    html, state = fetch(varnish + article.url)
    assert "Nový název" in html
    assert time.monotonic() - published_at < 1.0
    html, _state = fetch(varnish + section.url)
    assert "Nový název" in html


def test_a_site_wide_change_bans_every_page_in_varnish(varnish, section, footer):
    article = factories.ArticlePageFactory(parent=section)
    for _ in range(2):
        fetch(varnish + article.url)
    footer.help_prompt = "Potřebujete poradit?"
    footer.save()
    html, state = fetch(varnish + article.url)
    assert state == "miss"
    assert "Potřebujete poradit?" in html
