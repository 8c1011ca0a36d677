"""A small copy of recently served cached pages in this process's memory.

The shared cache holds every cached page; reading a 40 kB page from it (a Redis round trip or
a file, plus unpickling) is most of the cost of a hit. Keys here are the shared cache's keys,
which hold the site generation and the address's version, so a copy can never be served after
a publish: the new version makes a new key. Entries also keep the shared entry's expiry, and
the whole store is bounded in bytes so a worker's memory stays flat.
"""

import threading
import time
from collections import OrderedDict

from django.conf import settings


class LocalPages:
    def __init__(self):
        self._entries: OrderedDict[str, dict] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()  # gthread workers serve several requests at once

    @staticmethod
    def _budget() -> int:
        return getattr(settings, "PAGE_CACHE_LOCAL_BYTES", 4 * 1024 * 1024)

    def get(self, key):
        with self._lock:
            stored = self._entries.get(key)
            if stored is None:
                return None
            if stored.get("expires", 0) <= time.time():
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return stored

    def put(self, key, stored) -> None:
        size = len(stored["content"])
        if size > self._budget() or "expires" not in stored:
            return
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = stored
            self._bytes += size
            while self._bytes > self._budget():
                self._drop(next(iter(self._entries)))

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def _drop(self, key) -> None:
        self._bytes -= len(self._entries.pop(key)["content"])


local_pages = LocalPages()
