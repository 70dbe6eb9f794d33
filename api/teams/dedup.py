"""Activity ids already seen, for a while: Teams redelivers activities, and an outgoing
webhook's signature never expires, so a captured request could be replayed."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable


class SeenActivities:
    def __init__(
        self,
        ttl_seconds: float = 3600.0,
        max_items: int = 50_000,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._ttl = ttl_seconds
        self._max = max_items
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, key: str) -> bool:
        """True the first time `key` is seen within the time to live; records it."""
        with self._lock:
            now = self._clock()
            while self._seen and (
                next(iter(self._seen.values())) < now - self._ttl or len(self._seen) >= self._max
            ):
                self._seen.popitem(last=False)
            if key in self._seen:
                return False
            self._seen[key] = now
            return True
