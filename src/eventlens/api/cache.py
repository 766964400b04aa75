"""A short-lived cache of encoded responses for the read-heavy list endpoint.

A map or dashboard polls the same few filtered queries over and over; serving a repeat from
memory for ``ttl`` seconds takes the database and JSON encoding off the hot path. Writes made
through this process clear it at once; writes from elsewhere (an ``eventlens ingest`` running
beside the server, another worker) show up after at most ``ttl`` seconds. ``ttl=0`` turns it off.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict


class ResponseCache:
    def __init__(self, ttl: float = 2.0, maxsize: int = 1024) -> None:
        self.ttl = ttl
        self.maxsize = maxsize
        self._data: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        if self.ttl <= 0:
            return None
        now = time.monotonic()
        with self._lock:
            hit = self._data.get(key)
            if hit is None:
                return None
            if now - hit[0] > self.ttl:
                del self._data[key]
                return None
            self._data.move_to_end(key)
            return hit[1]

    def put(self, key: str, body: bytes) -> None:
        if self.ttl <= 0:
            return
        with self._lock:
            self._data[key] = (time.monotonic(), body)
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
