"""gunicorn's configuration for `make serve` and for production (`gunicorn -c ops/gunicorn.conf.py
portal.wsgi`). Tests and benchmarks start the server with this file too, so that what they
measure is what readers get.

The process environment sets the figures a deployment tunes; everything else is fixed here.
"""

import os

bind = f"{os.environ.get('BIND_HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "4"))
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
