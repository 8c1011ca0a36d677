"""gunicorn's configuration for `make serve` and for production (`gunicorn -c ops/gunicorn.conf.py
portal.wsgi`). Tests and benchmarks start the server with this file too, so that what they
measure is what readers get.

The process environment sets the figures a deployment tunes; everything else is fixed here.
"""

import gc
import os
import sys

bind = f"{os.environ.get('BIND_HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "4"))
accesslog = "-"

# The application is loaded once, in the master, and the workers fork from it: the memory of
# the code and of everything imported is shared between them instead of held by each
# (bench/README.md, "Pages, 3 December 2026", measures what it saves). A code change
# therefore needs a restart, not a HUP.
preload_app = True


def when_ready(server):
    # Nothing the master opened while loading the application may be shared by the workers:
    # no database connection (each worker opens its own), and the objects imported so far
    # are moved out of the collector's reach, so that its passes do not write to (and so
    # copy) every shared page.
    from django.conf import settings

    if sys.flags.optimize < 2:
        # make serve and docs/deployment.md start the web processes with PYTHONOPTIMIZE=2.
        server.log.warning(
            "Started without PYTHONOPTIMIZE=2: each worker holds the docstrings of every "
            "module it imported (docs/deployment.md)"
        )
    if settings.configured:  # not for an application without Django (bench's ceiling app)
        from django.db import connections

        connections.close_all()
    gc.collect()
    gc.freeze()


# gunicorn turns X-Forwarded-Proto: https into an https request for any client in
# forwarded_allow_ips (127.0.0.1 by default). Without a proxy that sets the header, a reader
# could send it and have pages with https links cached for everyone: so the header counts
# only when TRUST_X_FORWARDED_PROTO says a proxy is there, as Django's setting does.
if os.environ.get("TRUST_X_FORWARDED_PROTO", "").strip().lower() in {"1", "true", "yes", "on"}:
    forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
else:
    forwarded_allow_ips = ""
    secure_scheme_headers = {}

# The access log holds no secret and no personal data (README, "Logs"): no client address,
# user agent, referrer or user; the request line with the tokens of links masked
# (`GET /odber/potvrdit/[token]/ HTTP/1.1`); the status, size, time taken and the request id
# the Django log lines carry too. portal.access_log enforces it for any format set here.
logger_class = "portal.access_log.RedactingLogger"
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms request_id=%({x-request-id}o)s'
