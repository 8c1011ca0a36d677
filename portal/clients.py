"""Who is asking: the client's address for rate limits, and keyed hashes for anything kept.

Personal identifiers (IP addresses, e-mail addresses in ledgers) are stored only as keyed
hashes, so a database leak does not reveal them and nobody can reverse them by brute force
without the key.
"""

import hashlib
import hmac

from django.conf import settings
from django.utils.encoding import force_bytes


def client_ip(request) -> str:
    """REMOTE_ADDR, or the address the trusted proxies saw (TRUSTED_PROXY_COUNT hops)."""
    hops = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if hops:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


def keyed_hash(value: str, purpose: str) -> str:
    """A stable HMAC-SHA256 of value, separated by purpose so hashes are not comparable."""
    secret = getattr(settings, "PERSONAL_DATA_HASH_KEY", "") or settings.SECRET_KEY
    key = hashlib.sha256(force_bytes(f"portal.keyed_hash:{purpose}:{secret}")).digest()
    return hmac.new(key, force_bytes(value), hashlib.sha256).hexdigest()
