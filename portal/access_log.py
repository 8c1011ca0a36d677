"""gunicorn's logger without secrets or personal data (`logger_class` in ops/gunicorn.conf.py).

gunicorn's own writes the client's address and user agent on every access line, and the
request line as sent: every confirmation, unsubscribe, preferences, status and password
reset link. This one gives the access log format only what it may write:

- the request line, path, query and referrer redacted as Django's records are
  (portal.logging.redact: `GET /odber/potvrdit/[token]/ HTTP/1.1`);
- no client address (`%(h)s`, `X-Forwarded-For`, `Forwarded`, `X-Real-IP`), no user agent
  (`%(a)s`), no user (`%(u)s`), no cookies or credentials, in whatever format an operator
  sets: those atoms are "-";
- the other request and response headers redacted (`%({x-request-id}o)s` stays usable); no
  environment variables (`%({…}e)s`), which hold the same data again.

Its error log goes through the same redaction ("Error handling request /odber/…",
"Invalid request from ip=…"). Imported by gunicorn's master before Django is set up: it
needs no settings.
"""

import functools
import re

from gunicorn.glogging import Logger

from portal.logging import RedactPersonalData, redact

WITHHELD = "-"
# Request atoms that identify the client or carry credentials.
PERSONAL_ATOMS = {"h", "a", "u", "l"}
PERSONAL_HEADERS = {
    "user-agent",
    "x-forwarded-for",
    "forwarded",
    "x-real-ip",
    "x-client-ip",
    "true-client-ip",
    "cf-connecting-ip",
    "cookie",
    "set-cookie",
    "authorization",
    "proxy-authorization",
}
REDACTED_ATOMS = {"r", "U", "q", "f"}
# The request id as django-guid answers it (a valid id, or the one it made): not a secret,
# and a hex digest that redaction would take for one.
KEPT_HEADERS = {"{x-request-id}o"}
FORMAT_ATOM = re.compile(r"%\(([^)]+)\)")


@functools.cache
def atoms_named_by(log_format: str) -> frozenset[str]:
    """The atoms a format writes, as gunicorn looks them up (header names in lower case)."""
    return frozenset(
        name.lower() if name.startswith("{") else name for name in FORMAT_ATOM.findall(log_format)
    )


def safe_atoms(atoms: dict, wanted: frozenset[str] | None = None) -> dict:
    """gunicorn's atoms for one access line, reduced to what a log may hold; only those in
    `wanted` when it is given (redacting the two dozen header atoms a format does not write
    cost more than the rest of a cached page's answer)."""
    safe = {}
    for key, value in atoms.items():
        if wanted is not None and key not in wanted:
            continue  # never written: gunicorn writes "-" for a missing atom
        if key in PERSONAL_ATOMS:
            safe[key] = WITHHELD
        elif key.startswith("{"):
            name, kind = key[1:-2], key[-1]
            if kind == "e" or name in PERSONAL_HEADERS:
                continue  # a missing atom is written as "-"
            keep = key in KEPT_HEADERS or not isinstance(value, str)
            safe[key] = value if keep else redact(value)
        elif key == "q" and isinstance(value, str):
            safe[key] = redact(f"?{value}")[1:]  # a query string without its "?"
        elif key in REDACTED_ATOMS and isinstance(value, str):
            safe[key] = redact(value)
        else:
            safe[key] = value
    return safe


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        wanted = atoms_named_by(self.cfg.access_log_format)
        return safe_atoms(super().atoms(resp, req, environ, request_time), wanted)

    def setup(self, cfg):
        super().setup(cfg)
        # The error log's records, through the logger and every handler gunicorn (or a log
        # configuration) gave it; setup runs again on a configuration reload, so once. The
        # access log's atoms are safe already: redacting its whole line again would mask the
        # request id, a hex digest to redaction.
        for target in (self.error_log, *self.error_log.handlers):
            if not any(isinstance(f, RedactPersonalData) for f in target.filters):
                target.addFilter(RedactPersonalData())
