"""A short-lived cache of encoded responses for the read-heavy list endpoint.

A map or dashboard polls the same few filtered queries over and over; serving a repeat from
memory for ``ttl`` seconds takes the database and JSON encoding off the hot path. Writes made
through this process clear it at once; writes from elsewhere (an ``eventlens ingest`` running
beside the server, another worker) show up after at most a few ``ttl``. ``ttl=0`` turns it off.

When an entry expires, one request recomputes it while the others keep getting the stale copy
(stale-while-revalidate, bounded by ``STALE_FACTOR * ttl``): without that, every request in
flight misses at the same moment and queues on the database (bench/api_load.py: p99 137 ms on
PostgreSQL before, see the note in the commit).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

STALE_FACTOR = 5


class ResponseCache:
    def __init__(self, ttl: float = 2.0, maxsize: int = 1024) -> None:
        self.ttl = ttl
        self.maxsize = maxsize
        self._data: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._refreshing: set[str] = set()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        if self.ttl <= 0:
            return None
        now = time.monotonic()
        with self._lock:
            hit = self._data.get(key)
            if hit is None:
                return None
            age = now - hit[0]
            if age > self.ttl:
                if key in self._refreshing and age <= STALE_FACTOR * self.ttl:
                    return hit[1]  # someone is recomputing it: serve the stale copy meanwhile
                if age > STALE_FACTOR * self.ttl:
                    del self._data[key]
                self._refreshing.add(key)
                return None  # this caller recomputes
            self._data.move_to_end(key)
            return hit[1]

    def put(self, key: str, body: bytes) -> None:
        if self.ttl <= 0:
            return
        with self._lock:
            self._refreshing.discard(key)
            self._data[key] = (time.monotonic(), body)
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._refreshing.clear()
