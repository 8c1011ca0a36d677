"""Django's Redis cache, made to degrade: while Redis is away, pages are served uncached.

Everything the cache holds here can be rebuilt (pages, the frame, counters of the rate
limits), so an outage must cost speed, never answers. Three things make it so:

- short connect and socket timeouts and no retries, so a call to a Redis that is gone fails
  in milliseconds rather than seconds;
- every failure is answered as a miss (a read finds nothing, a write is dropped, `incr`
  raises the ValueError of a missing key, which callers already handle);
- a breaker: after a failure, this process leaves Redis alone for RETRY_SECONDS, so an outage
  costs one failed call per process every few seconds, not one per request; it logs once
  when Redis goes and once when it is back.

A write dropped during an outage may have been a publish retiring cached pages. So when
Redis answers again, `cache_recovered` is sent and the site generation is bumped
(generation.py, connected in PortalConfig.ready), which retires every page cached before or
during the outage.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.dispatch import Signal
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)

# Sent (by the first call that succeeds) after Redis was unreachable from this process.
cache_recovered = Signal()

RETRY_SECONDS = 5.0
CONNECT_TIMEOUT_SECONDS = 0.25
SOCKET_TIMEOUT_SECONDS = 0.5


class _Breaker:
    """The state of one Redis server as this process sees it. Django makes a cache object per
    thread, so the state lives here, shared by the threads, and an outage logs once per
    process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down = False
        self.retry_at = 0.0


_breakers: dict[str, _Breaker] = {}
_breakers_lock = threading.Lock()


def _breaker_for(location: str) -> _Breaker:
    with _breakers_lock:
        return _breakers.setdefault(location, _Breaker())


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis cache client, keeping one redis-py client per connection pool.

    Django builds a new `redis.Redis` for every cache call, and redis-py's constructor rebuilds
    its table of about 170 response callbacks each time (redis/redis-py#3624, open): on a
    page-cache hit, which makes two cache calls, that was a quarter of the time. A redis-py
    client holds no state of its own between calls (the pool does) and is thread-safe. With
    several servers in REDIS_URL a thread would keep reading from the one replica it met
    first; the portal configures one.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients_by_write = {}

    def get_client(self, key=None, *, write=False):
        client = self._clients_by_write.get(write)
        if client is None:
            client = super().get_client(key, write=write)
            self._clients_by_write[write] = client
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        options.setdefault("socket_connect_timeout", CONNECT_TIMEOUT_SECONDS)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT_SECONDS)
        options.setdefault("retry", Retry(NoBackoff(), 0))
        super().__init__(server, {**params, "OPTIONS": options})
        # Django's RedisCache takes its client class from this attribute and offers no setting
        # for it; the reason to replace it is redis/redis-py#3624 (see the class above).
        self._class = ReusedClientRedisCacheClient
        self._breaker = _breaker_for(str(server))

    # The breaker.

    def _closed(self) -> bool:
        """Whether to try Redis now: always while it answers, once per RETRY_SECONDS while not."""
        breaker = self._breaker
        return not breaker.down or time.monotonic() >= breaker.retry_at

    def _failed(self, error: Exception) -> None:
        breaker = self._breaker
        with breaker.lock:
            first = not breaker.down
            breaker.down = True
            breaker.retry_at = time.monotonic() + RETRY_SECONDS
        if first:
            # The class only: a message may carry the server's address or credentials.
            logger.warning(
                "The cache (Redis) does not answer (%s); serving without it and trying again "
                "every %.0f s",
                type(error).__name__,
                RETRY_SECONDS,
            )

    def _recovered(self) -> bool:
        """Whether this answer is the first after an outage (then the receivers run)."""
        breaker = self._breaker
        if not breaker.down:
            return False
        with breaker.lock:
            recovered, breaker.down = breaker.down, False
        if recovered:
            logger.warning("The cache (Redis) answers again")
            cache_recovered.send(sender=type(self), cache=self)
        return recovered

    def _call(self, method, fallback, *args, read=False, **kwargs):
        if not self._closed():
            return fallback()
        try:
            result = method(*args, **kwargs)
            if self._recovered() and read:
                # Read again, so that the caller sees what the receivers changed (a read of
                # the site generation must not return the one from before the outage).
                result = method(*args, **kwargs)
        except RedisError as error:
            self._failed(error)
            return fallback()
        return result

    @property
    def is_available(self) -> bool:
        """False while the breaker keeps this process away from Redis (readiness reports it)."""
        return self._closed()

    # Django's cache API; each failure is a miss.

    def get(self, key, default=None, version=None):
        return self._call(super().get, lambda: default, key, default, version, read=True)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, dict, keys, version, read=True)

    def has_key(self, key, version=None):
        return self._call(super().has_key, lambda: False, key, version, read=True)

    def add(self, *args, **kwargs):
        return self._call(super().add, lambda: False, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call(super().set, lambda: None, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        return self._call(super().set_many, lambda: list(data), data, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call(super().touch, lambda: False, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call(super().delete, lambda: False, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call(super().delete_many, lambda: None, *args, **kwargs)

    def clear(self):
        return self._call(super().clear, lambda: False)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key {key!r} not found (the cache does not answer)")

        return self._call(super().incr, missing, key, delta, version)
