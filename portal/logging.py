"""Log records carry no secrets and no personal data.

The links in the portal's e-mails are secrets: whoever has one confirms, unsubscribes,
manages or erases a subscription, reads an inquiry's status, or sets a staff password. They
reach logs through request paths ("Not Found: /odber/potvrdit/…", gunicorn's access line,
the `request` Django attaches to its records), through error messages and tracebacks. E-mail
addresses reach them through error messages, client addresses and user agents through the
request and django-axes' messages.

`redact()` masks all of these in any text, keeping routes readable
(`/odber/potvrdit/[token]/`); `RedactPersonalData` applies it to every part of a record a
handler writes. gunicorn's logger (portal/access_log.py) uses the same function, so this
module imports nothing from Django and needs no settings.
"""

import logging
import re
import traceback
from urllib.parse import unquote

MASK = "[token]"  # what replaces a token
EMAIL_MASK = "[e-mail]"
IP_MASK = "[ip]"

# An address, also percent-encoded in a query string ("jana%2Bx%40seznam.cz").
EMAIL = re.compile(r"[\w.+%-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)

# The routes whose next segments are secrets whatever their shape (a truncated or mistyped
# link is still most of a secret). Czech and English, with or without a language prefix,
# and without the leading slash as Django's Resolver404 quotes a path ("'path': 'odber/…'").
NEWSLETTER_LINK = re.compile(
    r"((?<![\w.-])(?:odber|subscription)/"
    r"(?:potvrdit|odhlasit|nastaveni|confirm|unsubscribe|preferences)/)"
    r"[^/?#\s\"'<>]+"
)
# Django's password reset confirmation: /admin/password_reset/confirm/<uidb64>/<token>/, then
# /admin/password_reset/confirm/<uidb64>/set-password/ once the token is checked.
PASSWORD_RESET_LINK = re.compile(
    r"((?<![\w.-])password_reset/confirm/)[^/?#\s\"'<>]+(?:/([^/?#\s\"'<>]+))?"
)
# The contact centre's routes under its page: status and confirmation links (a random token)
# and the suggestion follow-up (page, visit and signature). A segment there counts as a token
# unless it could be a page slug (lowercase letters and hyphens).
CONTACT_LINK = re.compile(
    r"((?<![\w.-])(?:stav|status|odeslano|sent|clanek|article)/)"
    r"(?![a-z-]+(?:[/?#\s\"'<>]|$))[\w-]{16,}"
)
# Query parameters whose values are secrets, whatever they look like.
SECRET_PARAMETER = re.compile(
    r"([?&;](?:[\w.-]*(?:token|secret|signature|password|passwd|key)|sig|code|otp|uid|uidb64"
    r"|hash|auth|session|sessionid)=)[^&;#\s\"'<>]*",
    re.IGNORECASE,
)
# Candidates for a token anywhere else: runs of URL-safe characters, percent escapes and
# colons, as long as a token is. Whether one is a token is decided by its shape (_is_token).
CANDIDATE = re.compile(r"(?<![\w%:-])[\w%:-]{16,}")
SEPARATOR = re.compile(r":")
URL_SAFE = re.compile(r"[A-Za-z0-9_:-]+")
HEX_RUN = re.compile(r"[0-9a-fA-F]{16,}")
SIGNATURE = re.compile(r"[\w-]{20,}")
# A client address given with its name: gunicorn's "Invalid request from ip=…".
CLIENT_IP = re.compile(
    r"\b(ip(?:_address)?['\"]?\s*[=:]\s*['\"]?)"
    r"(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:.]*[0-9a-f])",
    re.IGNORECASE,
)


def _case_switches(text: str) -> int:
    letters = [c for c in text if c.isalpha()]
    return sum(a.islower() != b.islower() for a, b in zip(letters, letters[1:], strict=False))


def _is_token(candidate: str) -> bool:
    """Django's signed values (payload, timestamp and signature joined by colons), hex
    digests and random base64url strings; not slugs, words, dates or identifiers."""
    candidate = unquote(candidate)
    if not URL_SAFE.fullmatch(candidate):  # percent-encoded text (a search, a name)
        return False
    parts = SEPARATOR.split(candidate)
    if len(parts) > 1 and SIGNATURE.fullmatch(parts[-1]) and all(parts):
        return True
    if any(
        any(c.isdigit() for c in run) and any(c.isalpha() for c in run)
        for run in HEX_RUN.findall(candidate)
    ):
        return True
    # Random base64url: digits and letters whose case keeps changing ("mX4umhuarjTTHY4up").
    return any(c.isdigit() for c in candidate) and _case_switches(candidate) >= 4


def _mask_candidate(match: re.Match) -> str:
    return MASK if _is_token(match.group(0)) else match.group(0)


def _mask_encoded(match: re.Match) -> str:
    """A percent-encoded address inside a query value (?next=%2Fodber%2Fpotvrdit%2F…)."""
    text = match.group(0)
    decoded = unquote(text)
    if decoded != text and _redact_links(decoded) != decoded:
        return MASK
    return text


def _redact_links(text: str) -> str:
    text = NEWSLETTER_LINK.sub(rf"\1{MASK}", text)
    text = PASSWORD_RESET_LINK.sub(_password_reset, text)
    text = CONTACT_LINK.sub(rf"\1{MASK}", text)
    return SECRET_PARAMETER.sub(rf"\1{MASK}", text)


def _password_reset(match: re.Match) -> str:
    """Both the user's id and the token; the page after the check keeps its name."""
    second = match.group(2)
    if second is None:
        return match.group(1) + MASK
    return f"{match.group(1)}{MASK}/{second if second == 'set-password' else MASK}"


# A query value holding a percent-encoded path (a `next` address, say).
ENCODED = re.compile(r"(?<==)[^\s&;#\"'<>]*%2F[^\s&;#\"'<>]*", re.IGNORECASE)


def redact(text: str) -> str:
    """`text` without e-mail addresses, secret link segments, secret query values, anything
    shaped like a token, and client addresses given as such."""
    if not text:
        return text
    text = EMAIL.sub(EMAIL_MASK, text)
    text = _redact_links(text)
    text = ENCODED.sub(_mask_encoded, text)
    text = CANDIDATE.sub(_mask_candidate, text)
    return CLIENT_IP.sub(rf"\1{IP_MASK}", text)


def describe_request(request) -> str:
    """What a log may say about a request: its method and redacted path (with the query),
    never its client address, headers or cookies."""
    try:
        return redact(f"{request.method} {request.get_full_path()}")
    except Exception:  # not an HttpRequest (runserver passes its socket)
        return "-"


# The attributes every record has; anything else was passed as `extra` and is written by
# the JSON formatter, so it is redacted too. The request id is not a secret.
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "correlation_id",
}


def _redact_value(value):
    if isinstance(value, str):
        return redact(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, dict):
        return {key: _redact_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_redact_value(item) for item in value]
    return redact(str(value))


def redact_record(record: logging.LogRecord) -> None:
    """Rewrite a record in place: message and arguments, traceback, stack and extras."""
    if isinstance(record.msg, dict):
        record.msg = _redact_value(record.msg)
    else:
        try:
            message = record.getMessage()
        except Exception:  # arguments that do not fit the message: both, as text, redacted
            record.msg, record.args = redact(f"{record.msg} {record.args!r}"), ()
        else:
            cleaned = redact(message)
            if cleaned != message:
                record.msg, record.args = cleaned, ()
    if record.exc_info:
        # Formatted here, redacted, and kept as text: the JSON formatter would otherwise
        # format the exception again from exc_info.
        record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        record.exc_info = None
    if record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    for name, value in list(record.__dict__.items()):
        if name in _STANDARD:
            continue
        if name == "request" and not isinstance(value, str):
            record.request = describe_request(value)
        else:
            setattr(record, name, _redact_value(value))


class RedactPersonalData(logging.Filter):
    """On every handler (settings.LOGGING): nothing leaves unredacted, and a record that
    cannot be redacted is still written, never raised into the code that logged it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            redact_record(record)
        except Exception:
            record.msg, record.args = "[a log record that could not be redacted]", ()
            record.exc_info = record.exc_text = record.stack_info = None
        return True


def axes_client_str(username, ip_address, user_agent, path_info, request) -> str:
    """django-axes' description of a client in its log messages (AXES_CLIENT_STR_CALLABLE).

    Its own, verbose as it is in production, writes the user agent on every failed sign-in
    (the username and address as asterisks). The log says only where; who and from where
    are in django-axes' records, kept for AXES_LOG_RETENTION_DAYS.
    """
    if isinstance(path_info, tuple | list):
        path_info = path_info[0] if path_info else ""
    return f"{{path_info: {redact(str(path_info or '-'))!r}}}"
