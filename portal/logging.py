"""Log records carry no personal data or secrets.

E-mail addresses and the signed tokens of links (confirmation, unsubscribe, status pages)
can reach logs through error messages and request paths ("Not Found: /odber/potvrdit/…");
this filter masks them before any handler writes the record.
"""

import logging
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Django's signed values: base64url payload, timestamp and signature joined by colons.
SIGNED_TOKEN = re.compile(r"[\w-]{10,}:[\w-]{4,}:[\w-]{20,}")


def redact(text: str) -> str:
    return SIGNED_TOKEN.sub("[token]", EMAIL.sub("[e-mail]", text))


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
