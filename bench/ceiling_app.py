"""The fastest any page can come out of gunicorn here: a bare WSGI app returning saved bytes.

bench/pages.py serves the same HTML through this app with the portal's gunicorn settings, so
the report can show how much of the distance to nginx is the Python server itself rather than
the portal. BENCH_CEILING_DIR names the folder of saved pages (<name>.html).
"""

import os
from pathlib import Path

PAGES = {
    f"/{path.name}": path.read_bytes()
    for path in Path(os.environ["BENCH_CEILING_DIR"]).glob("*.html")
}


def application(environ, start_response):
    body = PAGES.get(environ.get("PATH_INFO", ""))
    if body is None:
        start_response("404 Not Found", [("Content-Length", "0")])
        return [b""]
    start_response(
        "200 OK",
        [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
    )
    return [body]
