"""Who is asking: the client's address, for rate limits and account lockout."""

from django.conf import settings


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
