"""Keyed hashes for personal identifiers that are kept.

Personal identifiers (IP addresses, e-mail addresses in ledgers) are stored only as keyed
hashes, so a database leak does not reveal them and nobody can reverse them by brute force
without the key.
"""

from django.conf import settings
from django.utils.crypto import salted_hmac


def keyed_hash(value: str, purpose: str) -> str:
    """A stable HMAC-SHA256 of value, separated by purpose so hashes are not comparable."""
    secret = getattr(settings, "PERSONAL_DATA_HASH_KEY", "") or settings.SECRET_KEY
    # salted_hmac derives the key as sha256(key_salt + secret), which is the derivation the
    # stored hashes were made with, so ledgers and recovery codes stay valid.
    return salted_hmac(
        f"portal.keyed_hash:{purpose}:", value, secret=secret, algorithm="sha256"
    ).hexdigest()
